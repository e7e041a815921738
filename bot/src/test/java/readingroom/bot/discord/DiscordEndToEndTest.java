package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.CountingFeedbackSink;
import readingroom.bot.discord.LocalDiscord.Call;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.testing.SeveralQuotes;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * The real JDA client, started by {@link DiscordPlatform}, against {@link LocalDiscord} over
 * loopback: every assertion is on the REST calls the bot actually made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEndToEndTest {

  /** Anything Discord would turn into a ping or a highlighted mention. */
  static final Pattern PING = Pattern.compile("@(everyone|here)|<@[!&]?\\d+>");

  // Answers are not padded to three: a question with two pages of quotes, so "More" shows.
  static final String QUESTION = SeveralQuotes.question(SharedEngine.get());

  Engine engine;
  LocalDiscord discord;
  DiscordPlatform platform;

  /** Clicks as stored, behind the counter the application puts in front of the store. */
  final List<Click> clicks = new CopyOnWriteArrayList<>();

  record Click(Origin origin, String question, boolean helpful) {}

  final CountingFeedbackSink feedback =
      new CountingFeedbackSink(
          (origin, question, helpful) -> clicks.add(new Click(origin, question, helpful)));
  final List<String> startupLog = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    engine = SharedEngine.get();
    discord = new LocalDiscord();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord),
            LocalDiscord.TOKEN,
            new ChatCommands(engine, 3),
            feedback);
    try (LogCapture log = new LogCapture(DiscordPlatform.class)) {
      platform.start();
      startupLog.addAll(log.lines());
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void startRegistersTheCommandsInTheConfiguredServerAndPrintsTheInviteLink() throws Exception {
    Call put =
        discord.await(c ->
            c.method().equals("PUT")
                && c.path()
                    .equals(
                        "applications/"
                            + discord.applicationId
                            + "/guilds/"
                            + discord.guildId
                            + "/commands"));
    assertThat(names(put.body()))
        .containsExactly(
            "ask",
            "sources",
            "article",
            "help",
            "compare",
            "timeline",
            "cite",
            "discuss",
            "report",
            "settings",
            "digest",
            "add");
    JsonNode subscribe = put.body().get(10).at("/options/0");
    assertThat(subscribe.get("name").asText()).isEqualTo("subscribe");
    assertThat(names(subscribe.get("options"))).containsExactly("time", "timezone", "topic");
    JsonNode ask = put.body().get(0);
    assertThat(ask.at("/options/0/name").asText()).isEqualTo("question");
    assertThat(ask.at("/options/0/required").asBoolean()).isTrue();
    assertThat(ask.at("/options/1/name").asText()).isEqualTo("private");
    assertThat(put.body().get(2).at("/options/0/autocomplete").asBoolean()).isTrue();

    // bot + applications.commands; send messages (2^11), embed links (2^14), read message
    // history (2^16), create public threads (2^35), send messages in threads (2^38).
    long permissions = (1L << 11) + (1L << 14) + (1L << 16) + (1L << 35) + (1L << 38);
    assertThat(startupLog)
        .anySatisfy(line ->
            assertThat(line)
                .contains(
                    "https://discord.com/oauth2/authorize?client_id="
                        + discord.applicationId
                        + "&scope=bot+applications.commands&permissions="
                        + permissions));
  }

  @Test
  void askIsDeferredAtOnceThenEditedIntoQuoteEmbedsWithVerbatimTextAndFragmentLinks()
      throws Exception {
    Sent sent = discord.slash("ask", Map.of("question", QUESTION));

    Call defer = discord.callbackOf(sent);
    Call edit = discord.editOf(sent);

    assertThat(defer.body().path("type").asInt()).as("deferred channel message").isEqualTo(5);
    assertThat(defer.body().at("/data/flags").asInt() & 64).as("public").isZero();
    // Ack first, work after: the acknowledgement goes out before the answer, whatever the timing.
    assertThat(discord.indexOf(defer)).isLessThan(discord.indexOf(edit));

    JsonNode embeds = edit.body().path("embeds");
    assertThat(embeds.size()).isBetween(1, 3);
    for (JsonNode embed : embeds) {
      Source source = sourceTitled(embed.path("title").asText());
      assertThat(embed.path("url").asText()).startsWith(source.url() + "#:~:text=");
      String description = embed.path("description").asText();
      assertThat(description).startsWith("> ").contains("**");
      assertThat(engine.articleText(source.id()).orElseThrow()).contains(verbatim(description));
      assertThat(embed.at("/footer/text").asText()).startsWith(source.outlet());
    }
    assertThat(edit.body().path("content").asText()).contains(QUESTION);
    assertThat(buttonLabels(edit.body())).containsExactly("More", "Cite", "Helpful", "Not helpful");
    assertNoPings(edit.body());
  }

  @Test
  void moreShowsTheNextQuotesInPlace() throws Exception {
    Sent ask = discord.slash("ask", Map.of("question", QUESTION));
    JsonNode first = discord.editOf(ask).body();

    Sent more = discord.click(customId(first, "More"), discord.original(ask));
    Call deferEdit = discord.callbackOf(more);
    JsonNode second = discord.editOf(more).body();

    assertThat(deferEdit.body().path("type").asInt()).as("deferred update").isEqualTo(6);
    assertThat(second.path("content").asText()).contains("quotes 4–");
    List<String> before = descriptions(first);
    assertThat(descriptions(second)).isNotEmpty().doesNotContainAnyElementsOf(before);
    assertThat(customId(second, "Helpful")).endsWith(":3");
  }

  @Test
  void helpfulAndNotHelpfulAreStoredCountedAndAcknowledgedPrivately() throws Exception {
    String question = "who is zamir kabulov?";
    Sent ask = discord.slash("ask", Map.of("question", question));
    JsonNode answer = discord.editOf(ask).body();
    CountingFeedbackSink.Tally before = feedback.tally();

    Sent helpful = discord.click(customId(answer, "Helpful"), discord.original(ask));
    Call ack = discord.callbackOf(helpful);
    JsonNode thanks = discord.editOf(helpful).body();

    assertThat(ack.body().path("type").asInt()).isEqualTo(5);
    assertThat(ack.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(thanks.path("content").asText()).startsWith("Thanks: noted as helpful");
    assertThat(feedback.tally().helpful()).isEqualTo(before.helpful() + 1);
    assertThat(clicks)
        .contains(
            new Click(
                new Origin(Platform.DISCORD, discord.guildId, discord.channelId, discord.userId),
                question,
                true));

    Sent notHelpful = discord.click(customId(answer, "Not helpful"), discord.original(ask));
    assertThat(discord.editOf(notHelpful).body().path("content").asText())
        .startsWith("Thanks: noted as not helpful");
    assertThat(feedback.tally().notHelpful()).isEqualTo(before.notHelpful() + 1);
  }

  @Test
  void aPrivateAnswerIsEphemeralAndShareToChannelPostsItForEveryone() throws Exception {
    Sent ask = discord.slash("ask", Map.of("question", QUESTION, "private", true));
    Call defer = discord.callbackOf(ask);
    JsonNode answer = discord.editOf(ask).body();

    assertThat(defer.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(buttonLabels(answer)).contains("Share to channel");

    Sent share = discord.click(customId(answer, "Share to channel"), discord.original(ask));
    Call shareDefer = discord.callbackOf(share);
    JsonNode shared = discord.editOf(share).body();

    assertThat(shareDefer.body().path("type").asInt()).isEqualTo(5);
    assertThat(shareDefer.body().at("/data/flags").asInt() & 64).as("public").isZero();
    assertThat(descriptions(shared)).isEqualTo(descriptions(answer));
    assertThat(buttonLabels(shared)).containsExactly("More", "Cite", "Helpful", "Not helpful");
  }

  @Test
  void articleAutocompleteOffersMatchingHeadlinesWithIdsAsValues() throws Exception {
    Sent typed = discord.autocomplete("article", "title", "diplomat");
    Call reply = discord.callbackOf(typed);

    assertThat(reply.body().path("type").asInt()).as("autocomplete result").isEqualTo(8);
    JsonNode choices = reply.body().at("/data/choices");
    List<Source> expected = engine.findSources("diplomat", Scope.all(), 25);
    assertThat(expected).hasSize(2);
    assertThat(choices.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(choices.get(i).path("name").asText()).startsWith(expected.get(i).title());
      assertThat(choices.get(i).path("value").asText()).isEqualTo(expected.get(i).id());
    }
  }

  @Test
  void articleShowsTheChosenArticleWithItsLinkAndOpeningLines() throws Exception {
    Source chosen = engine.findSources("moscow times", Scope.all(), 1).get(0);
    Sent sent = discord.slash("article", Map.of("title", chosen.id()));
    JsonNode embed = discord.editOf(sent).body().at("/embeds/0");

    assertThat(embed.path("title").asText()).isEqualTo(chosen.title());
    assertThat(embed.path("url").asText()).isEqualTo(chosen.url());
    assertThat(embed.path("description").asText()).contains("> ");
    assertThat(embed.at("/footer/text").asText()).contains(chosen.published().display());
  }

  @Test
  void sourcesListsEveryArticleWithItsLink() throws Exception {
    Sent sent = discord.slash("sources", Map.of());
    JsonNode embed = discord.editOf(sent).body().at("/embeds/0");

    assertThat(embed.path("title").asText()).isEqualTo("Reading list: 5 articles");
    for (Source source : engine.sources(Scope.all())) {
      assertThat(embed.path("description").asText()).contains("](" + source.url() + ")");
    }
  }

  @Test
  void helpIsAnsweredPrivatelyAtOnce() throws Exception {
    Sent sent = discord.slash("help", Map.of());
    Call reply = discord.callbackOf(sent);

    assertThat(reply.body().path("type").asInt()).as("channel message").isEqualTo(4);
    assertThat(reply.body().at("/data/flags").asInt() & 64).isEqualTo(64);
    assertThat(reply.body().at("/data/embeds/0/description").asText()).contains("/ask");
  }

  @Test
  void settingsAreShownOnlyToTheAskerAndChangedOnlyWithManageChannels() throws Exception {
    Sent show = discord.slash("settings", "show", Map.of(), false);
    Call defer = discord.callbackOf(show);
    JsonNode shown = discord.editOf(show).body();

    assertThat(defer.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(shown.at("/embeds/0/description").asText()).contains("Quotes per answer: 3");

    Sent refused = discord.slash("settings", "quotes", Map.of("count", 1), false);
    assertThat(discord.editOf(refused).body().path("content").asText())
        .startsWith("Only members with the Manage Channels permission");
  }

  @Test
  void aModeratorDeniedManageChannelsByAnOverwriteForThemAloneIsRefused() throws Exception {
    Sent refused =
        discord.slashIn(
            discord.memberDeniedChannelId, "settings", "quotes", Map.of("count", 1), true);

    assertThat(discord.editOf(refused).body().path("content").asText())
        .startsWith("Only members with the Manage Channels permission");
  }

  @Test
  void aMemberGrantedManageChannelsByAnOverwriteForThemAloneMayChangeSettings() throws Exception {
    Sent change =
        discord.slashIn(
            discord.memberGrantedChannelId, "settings", "quotes", Map.of("count", 2), false);

    assertThat(discord.editOf(change).body().path("content").asText())
        .doesNotContain("Manage Channels")
        .contains("2");
  }

  @Test
  void inAChannelMadePrivateAnswersAreEphemeralAndMentionsArePointedToAsk() throws Exception {
    Sent change = discord.slash("settings", "visibility", Map.of("answers", "private"), true);
    try {
      assertThat(discord.editOf(change).body().path("content").asText()).contains("private");

      Sent ask = discord.slash("ask", Map.of("question", QUESTION));
      assertThat(discord.callbackOf(ask).body().at("/data/flags").asInt() & 64).isEqualTo(64);
      assertThat(buttonLabels(discord.editOf(ask).body()))
          .as("no sharing against the channel's setting")
          .containsExactly("More", "Cite", "Helpful", "Not helpful");

      String message = discord.post(discord.channelId, "<@" + discord.botId + "> who is kabulov?");
      Call reply =
          discord.await(c -> c.body().at("/message_reference/message_id").asText().equals(message));
      assertThat(reply.body().path("content").asText()).contains("/ask");
      assertThat(reply.body().path("embeds").size()).isZero();
      assertThat(discord.calls()).noneMatch(c -> c.path().endsWith(message + "/threads"));
    } finally {
      discord.editOf(discord.slash("settings", "visibility", Map.of("answers", "public"), true));
    }
  }

  @Test
  void aMentionIsAnsweredInAThreadOnTheMessage() throws Exception {
    String message =
        discord.post(discord.channelId, "<@" + discord.botId + "> who is zamir kabulov?");

    Call open =
        discord.await(c ->
            c.method().equals("POST")
                && c.path()
                    .equals("channels/" + discord.channelId + "/messages/" + message + "/threads"));
    assertThat(open.body().path("name").asText()).isEqualTo("who is zamir kabulov?");
    String thread = discord.threadOn(message);
    Call answer =
        discord.await(
            c -> c.method().equals("POST") && c.path().equals("channels/" + thread + "/messages"));

    assertThat(answer.body().path("embeds").size()).isPositive();
    assertThat(answer.body().at("/embeds/0/description").asText()).containsIgnoringCase("kabulov");
    assertThat(buttonLabels(answer.body())).contains("Helpful");
    assertNoPings(answer.body());
  }

  @Test
  void aMentionWhereThreadsAreNotAllowedIsAnsweredWithAReplyThatPingsNoOne() throws Exception {
    String message =
        discord.post(discord.noThreadsChannelId, "<@" + discord.botId + "> " + QUESTION);

    Call reply =
        discord.await(c ->
            c.method().equals("POST")
                && c.path().equals("channels/" + discord.noThreadsChannelId + "/messages")
                && c.body().at("/message_reference/message_id").asText().equals(message));

    assertThat(reply.body().at("/allowed_mentions/replied_user").asBoolean(true)).isFalse();
    assertThat(reply.body().path("embeds").size()).isPositive();
    assertThat(discord.calls()).noneMatch(c -> c.path().endsWith(message + "/threads"));
  }

  @Test
  void whenDiscordRefusesTheThreadTheMentionGetsAReplyInstead() throws Exception {
    discord.refuseThreads(true);
    try {
      String message = discord.post(discord.channelId, "<@" + discord.botId + "> who is kabulov?");

      discord.await(c -> c.path().endsWith("/messages/" + message + "/threads"));
      Call reply =
          discord.await(c ->
              c.path().equals("channels/" + discord.channelId + "/messages")
                  && c.body().at("/message_reference/message_id").asText().equals(message));
      assertThat(reply.body().path("embeds").size()).isPositive();
    } finally {
      discord.refuseThreads(false);
    }
  }

  @Test
  void articleWordsMatchingSeveralArticlesListThemAsLinks() throws Exception {
    Sent sent = discord.slash("article", Map.of("title", "diplomat"));
    JsonNode edit = discord.editOf(sent).body();

    assertThat(edit.path("content").asText()).startsWith("Several articles match \"diplomat\"");
    for (Source source : engine.findSources("diplomat", Scope.all(), 10)) {
      assertThat(edit.at("/embeds/0/description").asText()).contains("](" + source.url() + ")");
    }
  }

  @Test
  void messagesThatDoNotMentionTheBotGetNoAnswer() throws Exception {
    String everyone = discord.post(discord.noThreadsChannelId, "@everyone why did russia do it?");
    String role = discord.post(discord.noThreadsChannelId, "<@&" + discord.botRoleId + "> hello");
    String asked =
        discord.post(discord.noThreadsChannelId, "<@" + discord.botId + "> who is kabulov?");

    // Events are handled in order: once the mention is answered, the two before it were seen.
    discord.await(c -> c.body().at("/message_reference/message_id").asText().equals(asked));
    assertThat(discord.calls())
        .noneMatch(c -> c.toString().contains(everyone) || c.toString().contains(role));
  }

  @Test
  void aQuestionFullOfMentionsIsAnsweredWithNoAllowedMentionsAndNoPingText() throws Exception {
    String question = "@everyone <@123> <@!456> <@&789> @here why did russia invite the taliban?";
    Sent sent = discord.slash("ask", Map.of("question", question));
    JsonNode edit = discord.editOf(sent).body();

    JsonNode allowed = edit.path("allowed_mentions");
    assertThat(allowed.path("parse").isArray()).isTrue();
    assertThat(allowed.path("parse").size()).isZero();
    assertThat(allowed.path("users").size()).isZero();
    assertThat(allowed.path("roles").size()).isZero();
    // The question is echoed, readable, but inert.
    assertThat(edit.path("content").asText().replace("\u200B", ""))
        .contains("@everyone <@123> <@!456> <@&789> @here");
    assertNoPings(edit);

    String message =
        discord.post(discord.channelId, "<@" + discord.botId + "> @everyone who is kabulov?");
    Call open = discord.await(c -> c.path().endsWith(message + "/threads"));
    assertThat(open.body().path("name").asText()).doesNotContainPattern(PING);
  }

  @Test
  void aButtonOnAForgottenAnswerAsksToAskAgain() throws Exception {
    Sent ask = discord.slash("ask", Map.of("question", QUESTION));
    discord.editOf(ask);
    Sent more = discord.click("rr:more:1:3", discord.original(ask));

    Call followUp =
        discord.await(c ->
            c.method().equals("POST")
                && c.path().equals("webhooks/" + discord.applicationId + "/" + more.token()));
    assertThat(followUp.body().path("content").asText()).contains("ask again");
    assertThat(followUp.body().path("flags").asInt() & 64).isEqualTo(64);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Source sourceTitled(String title) {
    return engine.sources(Scope.all()).stream()
        .filter(s -> s.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No article titled " + title));
  }

  /** The article text an embed quotes: Markdown, ellipses and mention guards taken out. */
  static String verbatim(String description) {
    String text =
        description
            .replaceAll("(?m)^> ", "")
            .replace("**", "")
            .replaceAll("\\\\(\\p{Punct})", "$1")
            .replace("\u200B", "");
    if (text.startsWith("… ")) {
      text = text.substring(2);
    }
    if (text.endsWith(" …")) {
      text = text.substring(0, text.length() - 2);
    }
    return text;
  }

  static void assertNoPings(JsonNode body) {
    assertThat(body.toString()).doesNotContainPattern(PING);
    assertThat(body.at("/allowed_mentions/parse").size()).isZero();
  }

  static List<String> names(JsonNode commands) {
    return StreamSupport.stream(commands.spliterator(), false)
        .map(c -> c.path("name").asText())
        .toList();
  }

  static List<String> descriptions(JsonNode message) {
    return StreamSupport.stream(message.path("embeds").spliterator(), false)
        .map(e -> e.path("description").asText())
        .toList();
  }

  static List<String> buttonLabels(JsonNode message) {
    List<String> labels = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode button : row.path("components")) {
        labels.add(button.path("label").asText());
      }
    }
    return labels;
  }

  static String customId(JsonNode message, String label) {
    for (JsonNode row : message.path("components")) {
      for (JsonNode button : row.path("components")) {
        if (button.path("label").asText().equals(label)) {
          return button.path("custom_id").asText();
        }
      }
    }
    throw new AssertionError("No button " + label + " in " + message);
  }
}
