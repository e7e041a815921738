package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.slack.SignedRequests.FORM;
import static readingroom.bot.slack.SignedRequests.JSON_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * {@code /compare}, {@code /timeline}, {@code /cite} and its button, {@code /discuss}, {@code
 * /readingroom report} and follow-ups in a thread, through the real Bolt app in HTTP mode against
 * the stand-in Web API and response_url receiver, on loopback.
 */
class SlackClassroomTest {

  static final String SECRET = "5e742231b10e8888abcd99yyyzzz85a5";

  static Engine engine;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static SlackPlatform slack;
  static SignedRequests requests;

  @BeforeAll
  static void start() throws Exception {
    engine = SharedEngine.get();
    api = new SlackApiStandIn();
    responses = new ResponseUrlReceiver();
    SlackSettings settings =
        new SlackSettings(
            SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of("UADMIN"));
    slack =
        new SlackPlatform(
            settings,
            "xoxb-test",
            null,
            SECRET,
            new ChatCommands(engine, 3),
            (origin, question, helpful) -> {},
            pause -> {},
            1);
    slack.start();
    requests = new SignedRequests("http://127.0.0.1:" + slack.httpPort() + "/slack/events", SECRET);
  }

  @AfterAll
  static void stop() {
    if (slack != null) {
      slack.close();
    }
    if (api != null) {
      api.close();
    }
    if (responses != null) {
      responses.close();
    }
  }

  @BeforeEach
  void forgetEarlierCalls() {
    api.clear();
  }

  private JsonNode slash(String command, String text, String user) throws Exception {
    String url = responses.newUrl();
    var ack = requests.post(SignedRequests.slashCommand(command, text, "C1", user, url), FORM);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    return responses.await(url).body();
  }

  @Test
  void compareAnswersTheChannelWithEachOutletsQuoteUnderItsLabel() throws Exception {
    JsonNode reply = slash("/compare", "who is zamir kabulov?", "U1");

    assertThat(reply.get("response_type").asText()).isEqualTo("in_channel");
    List<String> texts = SlackText.texts(reply.get("blocks"));
    assertThat(texts.get(0)).startsWith("*Compare:");
    assertThat(SlackText.quotes(reply.get("blocks"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(texts).anyMatch(t -> t.matches("\\*The (Diplomat|Washington Post) · .*\\*"));
    SlackText.assertNoPings(reply.toString());
  }

  @Test
  void timelineLabelsEachQuoteWithItsDateAtTheKnownPrecision() throws Exception {
    JsonNode reply = slash("/timeline", "russia and the taliban", "U1");

    List<String> texts = SlackText.texts(reply.get("blocks"));
    assertThat(texts).contains("*July 2018*");
    assertThat(texts).doesNotContain("*July 1, 2018*");
  }

  @Test
  void theCiteButtonSendsTheClickerCitationsWithTheQuotesLinks() throws Exception {
    JsonNode answer = slash("/ask", "when did the crocus city hall attack happen?", "U1");
    String link = SlackText.links(answer.get("blocks")).get(0);
    String value = citeValue(answer.get("blocks"));
    String url = responses.newUrl();

    requests.post(SignedRequests.buttonClick(Buttons.CITE, value, "C1", "U9", url, false), FORM);

    JsonNode citations = responses.await(url).body();
    assertThat(citations.get("response_type").asText()).isEqualTo("ephemeral");
    String all = String.join("\n", SlackText.texts(citations.get("blocks")));
    assertThat(all).contains("```").contains("APA").contains("Chicago").contains(link);
  }

  @Test
  void citeWithoutAnAnswerSaysHowToGetOne() throws Exception {
    JsonNode reply = slash("/cite", "apa", "U_NEW");

    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(reply.get("text").asText()).contains("Nothing to cite yet");
  }

  @Test
  void discussPostsAPassageAndItsQuestion() throws Exception {
    JsonNode reply = slash("/discuss", "", "U1");

    List<String> texts = SlackText.texts(reply.get("blocks"));
    assertThat(texts.get(0)).contains("For discussion");
    assertThat(SlackText.quotes(reply.get("blocks"))).hasSize(1);
    assertThat(texts.get(texts.size() - 1)).endsWith("?");
  }

  @Test
  void reportIsForAdminsAndPrivate() throws Exception {
    JsonNode member = slash("/readingroom", "report", "U1");
    JsonNode admin = slash("/readingroom", "report 30d", "UADMIN");

    assertThat(member.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(member.get("text").asText()).contains("Only people who manage");
    // This bot runs without a question log.
    assertThat(admin.get("text").asText()).contains("question log is off");
  }

  @Test
  void aMentionInTheAnswersThreadIsAFollowUpToItsQuestion() throws Exception {
    requests.post(
        SignedRequests.eventCallback(
            "Ev0CLASS1",
            SignedRequests.mention(
                "C3",
                "U3",
                "<@UBOT> which government first accepted diplomatic credentials from a taliban"
                    + " envoy?",
                "1700000500.000100")),
        JSON_TYPE);
    api.await("chat.postMessage", 1);
    var followUp = SignedRequests.mention("C3", "U4", "<@UBOT> who followed?", "1700000600.000100");
    followUp.put("thread_ts", "1700000500.000100");

    requests.post(SignedRequests.eventCallback("Ev0CLASS2", followUp), JSON_TYPE);

    SlackApiStandIn.Call post = api.await("chat.postMessage", 2).get(1);
    assertThat(post.params()).containsEntry("thread_ts", "1700000500.000100");
    assertThat(String.join(" ", SlackText.quotes(post.blocks()))).contains("followed by the UAE");
  }

  private static String citeValue(JsonNode blocks) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (Buttons.CITE.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("No Cite button in " + blocks);
  }
}
