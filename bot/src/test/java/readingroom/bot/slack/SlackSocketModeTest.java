package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.index.Engine;

/**
 * The Slack adapter in Socket Mode, end to end: apps.connections.open on the Web API stand-in hands
 * out the ws:// URL of a local WebSocket stand-in; envelopes go in over the socket, acks come back
 * on it, and answers go to the response_url receiver or chat.postMessage.
 */
class SlackSocketModeTest {

  // A question the shipped corpus answers with more than three quotes that each clear the bar.
  static final String QUESTION = "what is the moscow format?";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;

  static Engine engine;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static SocketModeStandIn socket;
  static SlackPlatform slack;

  @BeforeAll
  static void start() throws Exception {
    engine = TestCorpus.open(folder);
    api = new SlackApiStandIn();
    responses = new ResponseUrlReceiver();
    socket = new SocketModeStandIn();
    api.socketModeUrl(socket.open());
    SlackSettings settings =
        new SlackSettings(
            SlackSettings.Mode.SOCKET, 0, "/slack/events", api.url(), false, List.of());
    slack =
        new SlackPlatform(
            settings,
            "xoxb-test",
            "xapp-test",
            null,
            new ChatCommands(engine, 3),
            new RecordingFeedback(),
            duration -> {},
            1);
    slack.start();
    socket.awaitBot();
  }

  @AfterAll
  static void stop() throws Exception {
    if (slack != null) {
      slack.close();
    }
    if (socket != null) {
      socket.stop(1000);
    }
    if (api != null) {
      api.close();
    }
    if (responses != null) {
      responses.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void connectsWithTheAppTokenToTheUrlSlackHandsOut() {
    assertThat(api.calls("apps.connections.open"))
        .isNotEmpty()
        .allMatch(call -> call.token().equals("xapp-test"));
    assertThat(api.calls("auth.test")).anyMatch(call -> call.token().equals("xoxb-test"));
  }

  @Test
  void aSlashCommandEnvelopeIsAcknowledgedOnTheSocketThenAnsweredAtItsResponseUrl()
      throws Exception {
    String url = responses.newUrl();
    ObjectNode payload = JSON.createObjectNode();
    payload.put("token", "legacy");
    payload.put("team_id", SlackApiStandIn.TEAM);
    payload.put("channel_id", "C1");
    payload.put("user_id", "U1");
    payload.put("command", "/ask");
    payload.put("text", QUESTION);
    payload.put("api_app_id", "A0TEST");
    payload.put("response_url", url);
    payload.put("trigger_id", "1.2.3");

    socket.sendEnvelope(envelope("env-slash-1", "slash_commands", payload, true));

    JsonNode ack = JSON.readTree(socket.nextReceived());
    assertThat(ack.get("envelope_id").asText()).isEqualTo("env-slash-1");
    assertThat(ack.has("payload")).as("an empty ack: the answer comes later").isFalse();
    JsonNode answer = responses.await(url).body();
    assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(SlackText.quotes(answer.get("blocks"))).hasSize(3);
    assertThat(SlackText.links(answer.get("blocks"))).allMatch(l -> l.contains("#:~:text="));
  }

  @Test
  void aMentionEnvelopeIsAcknowledgedThenAnsweredInAThread() throws Exception {
    ObjectNode event =
        SignedRequests.mention("C2", "U2", "<@UBOT> " + QUESTION, "1700000200.000100");
    JsonNode callback = JSON.readTree(SignedRequests.eventCallback("Ev0SOCKET1", event));

    socket.sendEnvelope(envelope("env-event-1", "events_api", callback, false));

    JsonNode ack = JSON.readTree(socket.nextReceived());
    assertThat(ack.get("envelope_id").asText()).isEqualTo("env-event-1");
    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.params())
        .containsEntry("channel", "C2")
        .containsEntry("thread_ts", "1700000200.000100");
    assertThat(SlackText.quotes(post.blocks())).isNotEmpty();
  }

  private static String envelope(
      String id, String type, JsonNode payload, boolean acceptsResponsePayload) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("envelope_id", id);
    envelope.set("payload", payload);
    envelope.put("type", type);
    envelope.put("accepts_response_payload", acceptsResponsePayload);
    return envelope.toString();
  }
}
