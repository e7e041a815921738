package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.slack.SignedRequests.FORM;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.Digests;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.bot.testing.MutableClock;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * Digests on Slack end to end: {@code /readingroom digest} as signed HTTP requests to the real Bolt
 * app, then the scheduler's run posting through the Web API stand-in. The digest that reaches
 * {@code chat.postMessage} carries verbatim quotes and their links, and pings nobody, though the
 * corpus and the channel's questions try to.
 */
class SlackDigestTest {

  static final String ADMIN = "UADMIN";
  static final String CHANNEL = "CDIGEST";

  @TempDir static Path folder;

  static Engine engine;
  static StateDatabase database;
  static MutableClock clock = new MutableClock(Instant.parse("2026-01-12T06:00:00Z"));
  static ChatCommands commands;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static SlackPlatform slack;
  static SignedRequests requests;
  static Digests digests;

  @BeforeAll
  static void start() throws Exception {
    engine = TestCorpus.open(folder);
    database = StateDatabase.open(folder.resolve("state.db"));
    DigestBot bot = DigestBot.open(engine, database, clock);
    commands = bot.commands();
    digests = bot.digests();
    api = new SlackApiStandIn();
    responses = new ResponseUrlReceiver();
    SlackSettings settings =
        new SlackSettings(
            SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of(ADMIN));
    slack =
        new SlackPlatform(
            settings,
            "xoxb-test",
            null,
            SlackHttpModeTest.SECRET,
            commands,
            commands.feedbackSink(),
            pause -> {},
            1);
    slack.start();
    requests =
        new SignedRequests(
            "http://127.0.0.1:" + slack.httpPort() + "/slack/events", SlackHttpModeTest.SECRET);
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
    if (database != null) {
      database.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private JsonNode command(String text, String channel, String user) throws Exception {
    String url = responses.newUrl();
    assertThat(
            requests
                .post(SignedRequests.slashCommand("/readingroom", text, channel, user, url), FORM)
                .statusCode())
        .isEqualTo(200);
    return responses.await(url).body();
  }

  @Test
  void aSubscribedChannelGetsItsDigestAsBlocksWithVerbatimLinkedQuotesAndNoPings()
      throws Exception {
    clock.set(Instant.parse("2026-01-12T06:00:00Z"));
    JsonNode refused = command("digest subscribe 08:00 Europe/Berlin", CHANNEL, "USTUDENT");
    assertThat(refused.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(SlackText.allStrings(refused).toString()).contains("Only workspace admins");

    JsonNode saved =
        command(
            "digest subscribe 08:00 Europe/Berlin quartermaster grain shipment", CHANNEL, ADMIN);
    assertThat(SlackText.allStrings(saved).toString()).contains("Saved", "08:00 Europe/Berlin");
    commands.ask(
        new Origin(Platform.SLACK, SignedRequests.TEAM, CHANNEL, "USTUDENT"),
        "<!channel> why was the grain shipment to Zanzibar late? @here");

    JsonNode preview = command("digest preview", CHANNEL, "USTUDENT");
    assertThat(preview.get("response_type").asText()).isEqualTo("ephemeral");
    api.clear();

    clock.advance(Duration.ofHours(1)); // 08:00 in Berlin
    DigestRunner.Run run = digests.runner().runDue(slack.digestPosters());

    assertThat(run.posted()).isEqualTo(1);
    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.params().get("channel")).isEqualTo(CHANNEL);
    JsonNode blocks = post.blocks();
    List<String> quotes = SlackText.quotes(blocks);
    List<String> links = SlackText.links(blocks);
    assertThat(quotes).isNotEmpty();
    List<String> texts = new ArrayList<>();
    for (Source source : engine.sources(Scope.all())) {
      texts.add(engine.articleText(source.id()).orElseThrow());
    }
    for (String quote : quotes) {
      String verbatim = SlackText.withoutEllipses(quote);
      assertThat(texts).as("quote %s", verbatim).anySatisfy(t -> assertThat(t).contains(verbatim));
    }
    assertThat(links).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("http"));
    assertThat(SlackText.texts(blocks).toString())
        .contains("For discussion", "Most asked here in the last day", "Zanzibar");
    List<String> sent = new ArrayList<>(SlackText.allStrings(blocks));
    sent.add(post.params().get("text"));
    sent.forEach(SlackText::assertNoPings);
  }

  @Test
  void aChannelSlackNoLongerLetsTheBotPostToIsPausedAndTheOthersStillGetTheirs() throws Exception {
    command("digest subscribe 09:00 Europe/Berlin", "CARCHIVED", ADMIN);
    command("digest subscribe 09:00 Europe/Berlin", "COPEN", ADMIN);
    clock.advance(Duration.ofHours(2)); // past 09:00 in Berlin
    api.clear();
    api.script("chat.postMessage", SlackApiStandIn.ok("{\"ok\":false,\"error\":\"is_archived\"}"));

    digests.runner().runDue(slack.digestPosters());

    assertThat(api.calls("chat.postMessage"))
        .extracting(c -> c.params().get("channel"))
        .containsExactlyInAnyOrder("CARCHIVED", "COPEN");
    assertThat(
            digests
                .subscriptions()
                .find(new ChannelKey(Platform.SLACK, SignedRequests.TEAM, "CARCHIVED"))
                .orElseThrow()
                .pausedReason())
        .contains("is_archived");
    JsonNode status = command("digest status", "CARCHIVED", "USTUDENT");
    assertThat(SlackText.allStrings(status).toString()).contains("Paused");
  }
}
