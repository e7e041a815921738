package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.slack.SignedRequests.FORM;
import static readingroom.bot.slack.SignedRequests.JSON_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * The Slack adapter end to end in HTTP mode: the real Bolt app behind the real HTTP transport, the
 * real engine on a small corpus, a stand-in Slack Web API and response_url receiver, all on
 * loopback. Requests are signed as Slack signs them.
 */
class SlackHttpModeTest {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  // Answers are not padded to three: a question with two pages of quotes, chosen once the engine
  // is open, so "More" has something to show.
  static String QUESTION;

  @TempDir static Path folder;

  static Engine engine;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static RecordingFeedback feedback = new RecordingFeedback();
  static List<Duration> pauses = new CopyOnWriteArrayList<>();
  static SlackPlatform slack;
  static SignedRequests requests;

  @BeforeAll
  static void start() throws Exception {
    engine = TestCorpus.open(folder);
    QUESTION = readingroom.bot.testing.SeveralQuotes.question(engine);
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
            feedback,
            pauses::add,
            1);
    slack.start();
    startUpCalls = List.copyOf(api.allCalls());
    requests = new SignedRequests("http://127.0.0.1:" + slack.httpPort() + "/slack/events", SECRET);
  }

  /** What the stand-in received while the platform started, before any test cleared it. */
  static List<SlackApiStandIn.Call> startUpCalls;

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
    if (engine != null) {
      engine.close();
    }
  }

  @BeforeEach
  void forgetEarlierCalls() {
    api.clear();
    pauses.clear();
  }

  @Test
  void startUpChecksTheBotTokenWithAuthTest() {
    assertThat(startUpCalls)
        .as("auth.test with the bot token, before the app listened")
        .anySatisfy(call -> {
          assertThat(call.method()).isEqualTo("auth.test");
          assertThat(call.token()).isEqualTo("xoxb-test");
        });
    assertThat(slack.httpPort()).isPositive();
  }

  @Test
  void askIsAcknowledgedAtOnceThenAnsweredWithVerbatimLinkedQuotesForTheChannel() throws Exception {
    Answer expected = engine.ask(new Question(QUESTION, Scope.all(), 3, 0));
    assertThat(expected.answered()).as("the corpus answers the test question").isTrue();
    String url = responses.newUrl();

    HttpResponse<String> ack =
        requests.post(SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", url), FORM);

    assertThat(ack.statusCode()).isEqualTo(200);
    // Ack first, work after: an ack that waited for the search would carry the answer itself.
    assertThat(ack.body()).as("the ack carries no answer: it comes later").isEmpty();

    JsonNode answer = responses.await(url).body();
    assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(answer.get("replace_original").asBoolean()).isFalse();
    JsonNode blocks = answer.get("blocks");
    List<String> quotes = SlackText.quotes(blocks);
    List<String> links = SlackText.links(blocks);
    assertThat(quotes).hasSize(expected.results().size());
    assertThat(links).hasSize(quotes.size());
    for (int i = 0; i < quotes.size(); i++) {
      String quote = SlackText.withoutEllipses(quotes.get(i));
      assertThat(quote).isEqualTo(expected.results().get(i).verbatim());
      assertThat(links.get(i)).isEqualTo(expected.results().get(i).link()).contains("#:~:text=");
      Source source = sourceAt(links.get(i));
      assertThat(engine.articleText(source.id()).orElseThrow()).contains(quote);
    }
    assertThat(buttons(blocks)).containsExactly("More", "Cite", "Helpful", "Not helpful");
    assertThat(SlackText.texts(blocks).get(0)).contains("*"); // query terms in bold
  }

  @Test
  void askStartingWithPrivateIsAnsweredOnlyToTheAsker() throws Exception {
    String url = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand("/ask", "private " + QUESTION, "C1", "U1", url), FORM);

    JsonNode answer = responses.await(url).body();
    assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(SlackText.quotes(answer.get("blocks"))).isNotEmpty();
  }

  @Test
  void mentionIsAnsweredInAThreadOnTheMentioningMessage() throws Exception {
    String event =
        SignedRequests.eventCallback(
            "Ev0MENTION1",
            SignedRequests.mention(
                "C2",
                "U2",
                "<@" + SlackApiStandIn.BOT_USER + "> " + QUESTION,
                "1700000000.000100"));

    HttpResponse<String> ack = requests.post(event, JSON_TYPE);

    assertThat(ack.statusCode()).isEqualTo(200);
    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.token()).isEqualTo("xoxb-test");
    assertThat(post.params())
        .containsEntry("channel", "C2")
        .containsEntry("thread_ts", "1700000000.000100");
    assertThat(SlackText.quotes(post.blocks())).isNotEmpty();
    assertThat(SlackText.links(post.blocks())).allMatch(link -> link.contains("#:~:text="));
  }

  @Test
  void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
    var mention = SignedRequests.mention("C2", "U2", "<@UBOT> " + QUESTION, "1700000000.000900");
    mention.put("thread_ts", "1700000000.000100");
    requests.post(SignedRequests.eventCallback("Ev0MENTION2", mention), JSON_TYPE);

    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.params()).containsEntry("thread_ts", "1700000000.000100");
  }

  @Test
  void mentionStartingWithPrivateIsAnsweredOnlyToTheAskerInTheThread() throws Exception {
    requests.post(
        SignedRequests.eventCallback(
            "Ev0PRIVATE",
            SignedRequests.mention("C2", "U2", "<@UBOT> private " + QUESTION, "1700000000.000300")),
        JSON_TYPE);

    SlackApiStandIn.Call post = api.await("chat.postEphemeral", 1).get(0);
    assertThat(post.params())
        .containsEntry("channel", "C2")
        .containsEntry("user", "U2")
        .containsEntry("thread_ts", "1700000000.000300");
    assertThat(SlackText.quotes(post.blocks())).isNotEmpty();
    assertThat(api.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void onlyPostsToTheEventsPathReachTheApp() throws Exception {
    var http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + slack.httpPort();

    var get =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/slack/events")).build(),
            HttpResponse.BodyHandlers.ofString());
    var elsewhere =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/admin"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void directMessageIsAnsweredInTheDirectMessage() throws Exception {
    requests.post(
        SignedRequests.eventCallback(
            "Ev0DM1", SignedRequests.directMessage("D1", "U3", QUESTION, "1700000000.000500")),
        JSON_TYPE);

    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.params()).containsEntry("channel", "D1").doesNotContainKey("thread_ts");
    assertThat(SlackText.quotes(post.blocks())).isNotEmpty();
  }

  @Test
  void nothingAReplyCarriesCanPingWhateverTheQuestionOrArticleHolds() throws Exception {
    String ask = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand(
            "/ask",
            "<!channel> @here <@U0ABCDEF> what did the quartermaster in zanzibar post about the"
                + " grain shipment?",
            "C1",
            "U1",
            ask),
        FORM);
    String article = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand(
            "/article", "<!here> @everyone <!subteam^S1|@staff> zzz", "C1", "U1", article),
        FORM);
    String sources = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", sources), FORM);
    requests.post(
        SignedRequests.eventCallback(
            "Ev0NOISY",
            SignedRequests.mention(
                "C3",
                "U4",
                "<@UBOT> <!everyone> quartermaster zanzibar notice board",
                "1700000000.000700")),
        JSON_TYPE);

    JsonNode answer = responses.await(ask).body();
    String firstQuote = SlackText.texts(answer.get("blocks")).get(0);
    assertThat(firstQuote).contains("&lt;!channel&gt;").contains("&lt;@U0ABCDEF&gt;");
    assertThat(SlackText.plain(firstQuote)).contains("<!channel>"); // shown, verbatim
    JsonNode notFound = responses.await(article).body();
    assertThat(notFound.get("response_type").asText()).isEqualTo("ephemeral");
    JsonNode list = responses.await(sources).body();
    assertThat(SlackText.texts(list.get("blocks")).toString())
        .contains("Signals &lt;!here&gt; &amp; @\u2060everyone");
    SlackApiStandIn.Call mention = api.await("chat.postMessage", 1).get(0);

    List<String> sent = new ArrayList<>();
    for (JsonNode body : List.of(answer, notFound, list)) {
      sent.addAll(SlackText.allStrings(body));
    }
    sent.add(mention.params().get("text"));
    sent.addAll(SlackText.allStrings(mention.blocks()));
    assertThat(sent).isNotEmpty();
    sent.forEach(SlackText::assertNoPings);
  }

  @Test
  void requestsWithATamperedBodyAWrongSignatureOrAStaleTimestampAreRejectedAndAnswerNothing()
      throws Exception {
    String now = Long.toString(Instant.now().getEpochSecond());
    String tamperedUrl = responses.newUrl();
    String signedBody = SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", tamperedUrl);
    String tampered = signedBody.replace("C1", "C9");
    String wrongUrl = responses.newUrl();
    String wrongBody = SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", wrongUrl);
    String staleUrl = responses.newUrl();
    String staleBody = SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", staleUrl);
    String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
    String mention =
        SignedRequests.eventCallback(
            "Ev0FORGED", SignedRequests.mention("C5", "U5", "<@UBOT> " + QUESTION, "1.2"));

    List<Integer> statuses =
        List.of(
            requests
                .post(tampered, FORM, now, SignedRequests.sign(SECRET, now, signedBody))
                .statusCode(),
            requests
                .post(wrongBody, FORM, now, SignedRequests.sign("not-the-secret", now, wrongBody))
                .statusCode(),
            requests
                .post(staleBody, FORM, stale, SignedRequests.sign(SECRET, stale, staleBody))
                .statusCode(),
            requests
                .post(mention, JSON_TYPE, now, SignedRequests.sign("not-the-secret", now, mention))
                .statusCode());

    assertThat(statuses).containsExactly(401, 401, 401, 401);
    // A valid request after them: with one worker, anything they had queued would come first.
    String marker = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", marker), FORM);
    responses.await(marker);
    assertThat(responses.posts(tamperedUrl)).isEmpty();
    assertThat(responses.posts(wrongUrl)).isEmpty();
    assertThat(responses.posts(staleUrl)).isEmpty();
    assertThat(api.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
    String body =
        "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
            + "\"type\":\"url_verification\"}";

    HttpResponse<String> response = requests.post(body, JSON_TYPE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void sourcesListsEveryArticleLinkedOnlyToTheAsker() throws Exception {
    String url = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", url), FORM);

    JsonNode reply = responses.await(url).body();
    assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
    List<String> links = SlackText.links(reply.get("blocks"));
    assertThat(links)
        .containsExactlyElementsOf(engine.sources(Scope.all()).stream().map(Source::url).toList());
  }

  @Test
  void articleShowsTheBestMatchingArticleWithItsOpeningQuotes() throws Exception {
    Source expected = engine.findSources("moscow times", Scope.all(), 1).get(0);
    String url = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/article", "moscow times", "C1", "U1", url), FORM);

    JsonNode reply = responses.await(url).body();
    assertThat(reply.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(SlackText.links(reply.get("blocks")).get(0)).isEqualTo(expected.url());
    assertThat(SlackText.quotes(reply.get("blocks")))
        .isNotEmpty()
        .allSatisfy(quote ->
            assertThat(engine.articleText(expected.id()).orElseThrow())
                .contains(SlackText.withoutEllipses(quote)));
  }

  @Test
  void readingroomCommandGivesHelpAndRunsSubCommands() throws Exception {
    String help = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/readingroom", "help", "C1", "U1", help), FORM);
    String bare = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/readingroom", "", "C1", "U1", bare), FORM);
    String ask = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand("/readingroom", "ask " + QUESTION, "C1", "U1", ask), FORM);

    JsonNode helpReply = responses.await(help).body();
    assertThat(helpReply.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(SlackText.texts(helpReply.get("blocks")).toString())
        .contains("/ask", "/sources", "/article", "private");
    assertThat(SlackText.texts(responses.await(bare).body().get("blocks")))
        .isEqualTo(SlackText.texts(helpReply.get("blocks")));
    assertThat(SlackText.quotes(responses.await(ask).body().get("blocks"))).isNotEmpty();
  }

  @Test
  void onlyConfiguredAdminsChangeAChannelsSettingsAndEveryoneCanViewThem() throws Exception {
    String refused = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand("/readingroom", "settings quotes 1", "C9", "U1", refused),
        FORM);
    JsonNode refusal = responses.await(refused).body();
    assertThat(refusal.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(SlackText.texts(refusal.get("blocks")).toString())
        .contains("Only workspace admins and the admins named in the bot's configuration");

    String changed = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand("/readingroom", "settings quotes 1", "C9", "UADMIN", changed),
        FORM);
    assertThat(SlackText.texts(responses.await(changed).body().get("blocks")).toString())
        .contains("Quotes per answer: 1");

    String byWorkspaceAdmin = responses.newUrl();
    requests.post(
        SignedRequests.slashCommand(
            "/readingroom",
            "settings quotes 1",
            "C9",
            SlackApiStandIn.WORKSPACE_ADMIN,
            byWorkspaceAdmin),
        FORM);
    assertThat(SlackText.texts(responses.await(byWorkspaceAdmin).body().get("blocks")).toString())
        .contains("Quotes per answer: 1");

    String view = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/readingroom", "settings", "C9", "U1", view), FORM);
    assertThat(SlackText.texts(responses.await(view).body().get("blocks")).toString())
        .contains("Quotes per answer: 1");

    String inC9 = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/ask", QUESTION, "C9", "U1", inC9), FORM);
    assertThat(SlackText.quotes(responses.await(inC9).body().get("blocks"))).hasSize(1);
    String inC1 = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", inC1), FORM);
    assertThat(SlackText.quotes(responses.await(inC1).body().get("blocks"))).hasSizeGreaterThan(1);
  }

  @Test
  void moreShowsTheNextQuotesAsPrivatelyAsTheAnswer() throws Exception {
    String first = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/ask", QUESTION, "C1", "U1", first), FORM);
    JsonNode blocks = responses.await(first).body().get("blocks");
    String value = buttonValue(blocks, Buttons.MORE);
    assertThat(value).isEqualTo("3:" + QUESTION);

    String shared = responses.newUrl();
    requests.post(SignedRequests.buttonClick(Buttons.MORE, value, "C1", "U1", shared, false), FORM);
    String ephemeral = responses.newUrl();
    requests.post(
        SignedRequests.buttonClick(Buttons.MORE, value, "C1", "U1", ephemeral, true), FORM);

    JsonNode more = responses.await(shared).body();
    assertThat(more.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(more.get("replace_original").asBoolean()).isFalse();
    Answer expected = engine.ask(new Question(QUESTION, Scope.all(), 3, 3));
    List<String> quotes = SlackText.quotes(more.get("blocks"));
    assertThat(quotes)
        .hasSize(expected.results().size())
        .doesNotContainAnyElementsOf(SlackText.quotes(blocks));
    assertThat(SlackText.withoutEllipses(quotes.get(0)))
        .isEqualTo(expected.results().get(0).verbatim());
    assertThat(responses.await(ephemeral).body().get("response_type").asText())
        .isEqualTo("ephemeral");
  }

  @Test
  void feedbackButtonsAreRecordedAndThankedOnlyToTheClicker() throws Exception {
    String helpful = responses.newUrl();
    requests.post(
        SignedRequests.buttonClick(Buttons.HELPFUL, QUESTION, "C7", "U7", helpful, false), FORM);
    String notHelpful = responses.newUrl();
    requests.post(
        SignedRequests.buttonClick(
            Buttons.NOT_HELPFUL, "other question", "C7", "U8", notHelpful, false),
        FORM);

    JsonNode thanks = responses.await(helpful).body();
    assertThat(thanks.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(thanks.get("text").asText()).contains("Thanks");
    responses.await(notHelpful);
    assertThat(feedback.clicks)
        .contains(
            new RecordingFeedback.Click(
                new Origin(Platform.SLACK, SignedRequests.TEAM, "C7", "U7"), QUESTION, true),
            new RecordingFeedback.Click(
                new Origin(Platform.SLACK, SignedRequests.TEAM, "C7", "U8"),
                "other question",
                false));
  }

  @Test
  void aRateLimitedPostIsSentAgainAfterTheRetryAfterWait() throws Exception {
    api.script("chat.postMessage", SlackApiStandIn.rateLimited(7));

    requests.post(
        SignedRequests.eventCallback(
            "Ev0LIMITED", SignedRequests.mention("C6", "U6", "<@UBOT> " + QUESTION, "1.5")),
        JSON_TYPE);

    List<SlackApiStandIn.Call> posts = api.await("chat.postMessage", 2);
    assertThat(pauses).containsExactly(Duration.ofSeconds(7));
    assertThat(posts.get(1).params()).isEqualTo(posts.get(0).params());
  }

  @Test
  void aRateLimitedResponseUrlPostIsSentAgainAfterTheRetryAfterWait() throws Exception {
    responses.rateLimitNext(3);
    String url = responses.newUrl();

    requests.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", url), FORM);

    assertThat(SlackText.links(responses.await(url).body().get("blocks"))).isNotEmpty();
    assertThat(responses.refused()).isEqualTo(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void anEventSlackSendsTwiceIsAnsweredOnce() throws Exception {
    String event =
        SignedRequests.eventCallback(
            "Ev0TWICE", SignedRequests.mention("C8", "U8", "<@UBOT> " + QUESTION, "1.7"));

    // Slack's retry is a new request: same event, signed again at a later timestamp.
    String now = Long.toString(Instant.now().getEpochSecond());
    String retried = Long.toString(Instant.now().getEpochSecond() + 1);
    assertThat(
            requests
                .post(event, JSON_TYPE, now, SignedRequests.sign(SECRET, now, event))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            requests
                .post(event, JSON_TYPE, retried, SignedRequests.sign(SECRET, retried, event))
                .statusCode())
        .isEqualTo(200);
    requests.post(
        SignedRequests.eventCallback(
            "Ev0MARKER", SignedRequests.mention("C8", "U8", "<@UBOT> " + QUESTION, "1.8")),
        JSON_TYPE);

    List<SlackApiStandIn.Call> posts = api.await("chat.postMessage", 2);
    assertThat(posts.get(1).params()).containsEntry("thread_ts", "1.8");
    assertThat(api.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void everySlashCommandInTheManifestIsAnsweredAndItsEventsAreTheOnesHandled() throws Exception {
    Path root = Path.of(System.getProperty("readingroom.root", ".."));
    JsonNode manifest =
        new ObjectMapper(new YAMLFactory())
            .readTree(root.resolve("config/slack-app-manifest.yml").toFile());
    List<String> commands = manifest.at("/features/slash_commands").findValuesAsText("command");

    assertThat(commands)
        .containsExactlyInAnyOrder(
            "/ask",
            "/sources",
            "/article",
            "/compare",
            "/timeline",
            "/cite",
            "/discuss",
            "/readingroom");
    for (String command : commands) {
      String url = responses.newUrl();
      HttpResponse<String> ack =
          requests.post(
              SignedRequests.slashCommand(command, "moscow times", "C1", "U1", url), FORM);
      assertThat(ack.statusCode()).as(command).isEqualTo(200);
      assertThat(SlackText.texts(responses.await(url).body().get("blocks")))
          .as(command)
          .isNotEmpty();
    }
    // Mentions and direct messages are answered by the tests above.
    assertThat(manifest.at("/settings/event_subscriptions/bot_events"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "app_mention", "message.im", "app_uninstalled", "tokens_revoked");
    assertThat(manifest.at("/oauth_config/scopes/bot"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "app_mentions:read",
            "chat:write",
            "commands",
            "im:history",
            "users:read",
            "files:read",
            // conversations.history: whether a digest post that timed out reached the channel
            "channels:history",
            "groups:history");
    // The install flow asks each workspace for the same scopes.
    assertThat(manifest.at("/oauth_config/scopes/bot"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(SlackSettings.OAuth.MANIFEST_SCOPES.split(","));
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
  }

  private static Source sourceAt(String link) {
    String url = link.substring(0, link.indexOf("#:~:text="));
    return engine.sources(Scope.all()).stream()
        .filter(s -> s.url().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article at " + url));
  }

  private static List<String> buttons(JsonNode blocks) {
    List<String> labels = new ArrayList<>();
    for (JsonNode block : blocks) {
      if ("actions".equals(block.path("type").asText())) {
        for (JsonNode element : block.get("elements")) {
          labels.add(element.get("text").get("text").asText());
        }
      }
    }
    return labels;
  }

  private static String buttonValue(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.get("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }
}
