package readingroom.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds what Slack sends (slash commands, Events API callbacks, button clicks) and posts it to the
 * bot over HTTP, signed as Slack signs: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body} with
 * the signing secret, in {@code X-Slack-Signature}, beside {@code X-Slack-Request-Timestamp}.
 */
final class SignedRequests {

  static final String TEAM = SlackApiStandIn.TEAM;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String endpoint;
  private final String secret;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  SignedRequests(String endpoint, String secret) {
    this.endpoint = endpoint;
    this.secret = secret;
  }

  /** A signed POST, as Slack sends it now. */
  HttpResponse<String> post(String body, String contentType) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return post(body, contentType, timestamp, sign(secret, timestamp, body));
  }

  /** A POST with the given timestamp and signature headers, right or wrong. */
  HttpResponse<String> post(String body, String contentType, String timestamp, String signature)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON_TYPE = "application/json";

  /** A slash command's form body. */
  static String slashCommand(
      String command, String text, String channel, String user, String responseUrl) {
    return slashCommand(TEAM, command, text, channel, user, responseUrl);
  }

  /** A slash command's form body, from a user of workspace {@code team}. */
  static String slashCommand(
      String team, String command, String text, String channel, String user, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-verification-token");
    form.put("team_id", team);
    form.put("team_domain", "test");
    form.put("channel_id", channel);
    form.put("channel_name", "general");
    form.put("user_id", user);
    form.put("user_name", "reader");
    form.put("command", command);
    form.put("text", text);
    form.put("api_app_id", "A0TEST");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "1.2.3");
    return encode(form);
  }

  /** An Events API callback around one event. */
  static String eventCallback(String eventId, ObjectNode event) {
    return eventCallback(TEAM, eventId, event);
  }

  /** An Events API callback around one event in workspace {@code team}. */
  static String eventCallback(String team, String eventId, ObjectNode event) {
    ObjectNode body = JSON.createObjectNode();
    body.put("token", "legacy-verification-token");
    body.put("team_id", team);
    body.put("api_app_id", "A0TEST");
    body.set("event", event);
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", Instant.now().getEpochSecond());
    return body.toString();
  }

  static ObjectNode mention(String channel, String user, String text, String ts) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_mention");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
    return event;
  }

  /** Slack's word that a workspace removed the app. */
  static ObjectNode appUninstalled() {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_uninstalled");
    event.put("event_ts", "1700000200.000100");
    return event;
  }

  /** Slack's word that tokens were revoked: the bot's (by bot user) and users'. */
  static ObjectNode tokensRevoked(List<String> botUsers, List<String> users) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "tokens_revoked");
    ObjectNode tokens = event.putObject("tokens");
    botUsers.forEach(tokens.putArray("bot")::add);
    users.forEach(tokens.putArray("oauth")::add);
    event.put("event_ts", "1700000200.000200");
    return event;
  }

  static ObjectNode directMessage(String channel, String user, String text, String ts) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("channel_type", "im");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
    return event;
  }

  /** A click on a button of a message, as the form body Slack posts. */
  static String buttonClick(
      String actionId,
      String value,
      String channel,
      String user,
      String responseUrl,
      boolean ephemeral) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("user").put("id", user).put("username", "reader").put("team_id", TEAM);
    payload.put("api_app_id", "A0TEST");
    payload.put("token", "legacy-verification-token");
    ObjectNode container = payload.putObject("container");
    container.put("type", "message");
    container.put("message_ts", "1700000100.000200");
    container.put("channel_id", channel);
    container.put("is_ephemeral", ephemeral);
    payload.put("trigger_id", "1.2.3");
    payload.putObject("team").put("id", TEAM).put("domain", "test");
    payload.putObject("channel").put("id", channel).put("name", "general");
    payload.put("response_url", responseUrl);
    ArrayNode actions = payload.putArray("actions");
    ObjectNode action = actions.addObject();
    action.put("action_id", actionId);
    action.put("block_id", "readingroom_answer");
    action.put("type", "button");
    action.put("value", value);
    action.put("action_ts", "1700000101.000100");
    return encode(Map.of("payload", payload.toString()));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e ->
            URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
