package readingroom.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the installing browser sees when an install cannot finish: a short page with an HTTP error
 * status saying what to do, instead of Bolt's defaults (which answer 200 and log the one-time
 * code). A refused state is one this bot never issued, already used, expired, or not the one in
 * this browser's cookie: the remedy is the same, start again.
 */
final class InstallPages {

  private static final Logger log = LoggerFactory.getLogger(InstallPages.class);

  private InstallPages() {}

  static void register(App app, String installPath) {
    app.oauthCallbackStateError((request, response) -> {
      log.warn(
          "Refused a Slack OAuth redirect from {}: unknown, used or expired state",
          request.getClientIpAddress());
      return page(response, 400, "This install link has expired or was already used.", installPath);
    });
    app.oauthCallbackAccessError(
        (com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler)
            (request, response, access) -> {
              log.warn("Slack refused an install at oauth.v2.access: {}", access.getError());
              return page(
                  response,
                  502,
                  "Slack did not complete the install (" + escape(access.getError()) + ").",
                  installPath);
            });
    app.oauthCallbackError((request, response) ->
        page(
            response,
            400,
            "The install was cancelled (" + escape(request.getPayload().getError()) + ").",
            installPath));
  }

  private static Response page(Response response, int status, String what, String installPath) {
    response.setStatusCode(status);
    response.setContentType("text/html; charset=utf-8");
    response.setBody(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Reading Room</title></head>"
            + "<body><p>"
            + what
            + " <a href=\""
            + escape(installPath)
            + "\">Start the install again</a>.</p></body></html>");
    return response;
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
