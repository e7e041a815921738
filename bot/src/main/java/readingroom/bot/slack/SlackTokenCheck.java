package readingroom.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.SettingsException;

/** Slack's answer on the tokens, asked before the bot starts: a wrong one is named at once. */
public final class SlackTokenCheck {

  private static final Logger log = LoggerFactory.getLogger(SlackTokenCheck.class);

  private SlackTokenCheck() {}

  /**
   * Asks Slack whether it accepts the tokens this mode needs ({@code auth.test}, and {@code
   * apps.connections.open} for Socket Mode), in a second or two and before anything heavy starts.
   *
   * @throws SettingsException naming the token Slack refused, or saying Slack cannot be reached
   */
  public static void check(SlackSettings settings, Secrets secrets) {
    if (settings.oauth().enabled()) {
      // Each workspace's token is checked by Slack on its requests; here, only that the secrets
      // are there and the key is a key.
      OAuthSecrets.from(secrets);
      return;
    }
    OneWorkspaceSecrets one = OneWorkspaceSecrets.from(settings, secrets);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false);
    Slack client = Slack.getInstance(config);
    try {
      var auth = client.methods(one.botToken()).authTest(r -> r);
      if (!auth.isOk()) {
        throw new SettingsException(botTokenRefused(auth.getError()));
      }
      if (settings.mode() == SlackSettings.Mode.SOCKET) {
        var open = client.methods(one.appToken()).appsConnectionsOpen(r -> r);
        if (!open.isOk()) {
          throw new SettingsException(appTokenRefused(open.getError()));
        }
      }
    } catch (IOException e) {
      throw unreachable(settings.apiUrl(), e);
    } catch (SlackApiException e) {
      throw new SettingsException(
          "Slack at "
              + settings.apiUrl()
              + " answered HTTP "
              + e.getResponse().code()
              + " when asked about the tokens; try again later.");
    } finally {
      try {
        client.close();
      } catch (Exception e) {
        log.debug("Slack client did not close cleanly", e);
      }
    }
  }

  static String botTokenRefused(String why) {
    return "Slack refused SLACK_BOT_TOKEN ("
        + why
        + "). Copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page.";
  }

  static String appTokenRefused(String why) {
    return "Slack refused SLACK_APP_TOKEN for Socket Mode (apps.connections.open: "
        + why
        + "). Create an app-level token (xapp-...) with connections:write on the app's"
        + " Basic Information page, and turn Socket Mode on.";
  }

  static SettingsException unreachable(String apiUrl, Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return new SettingsException(
        "Cannot reach Slack at "
            + apiUrl
            + ": "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + ". Check the network (or readingroom.slack.api-url); the tokens were not checked.");
  }

  /** Whether a failure comes from the network rather than from Slack's answer. */
  static boolean isNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
