package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.discord.DiscordEndToEndTest.assertNoPings;
import static readingroom.bot.discord.DiscordEndToEndTest.descriptions;
import static readingroom.bot.discord.DiscordEndToEndTest.verbatim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestStore;
import readingroom.bot.digest.Digests;
import readingroom.bot.digest.Subscription;
import readingroom.bot.discord.LocalDiscord.Call;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * Daily digests on Discord end to end: {@code /digest} through the real JDA client against {@link
 * LocalDiscord}, then the scheduler's run at the slot's time (an injected clock, no waiting)
 * posting through {@link DiscordPlatform#digestPosters()}. Assertions are on the REST calls the bot
 * made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDigestEndToEndTest {

  private static final Map<String, Object> AT_EIGHT_IN_BERLIN =
      Map.of("time", "08:00", "timezone", "Europe/Berlin");

  @TempDir static Path folder;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-12T06:00:00Z"));
  private Engine engine;
  private StateDatabase database;
  private ChatCommands commands;
  private Digests digests;
  private LocalDiscord discord;
  private DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    engine = SharedEngine.get();
    database = StateDatabase.open(folder.resolve("state.db"));
    DigestBot bot = DigestBot.open(engine, database, clock);
    commands = bot.commands();
    digests = bot.digests();
    discord = new LocalDiscord();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord), LocalDiscord.TOKEN, commands, commands.feedbackSink());
    platform.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (discord != null) {
      discord.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aSubscribedChannelGetsOneDigestPerSlotAsEmbedsWithVerbatimLinkedQuotesAndNoPings()
      throws Exception {
    clock.set(Instant.parse("2026-01-12T06:00:00Z")); // 07:00 in Berlin
    ChannelKey channel = key(discord.channelId);

    Sent refused = discord.slash("digest", "subscribe", AT_EIGHT_IN_BERLIN, false);
    assertEphemeral(refused);
    assertThat(discord.editOf(refused).body().path("content").asText())
        .startsWith("Only members with the Manage Channels permission");
    assertThat(digests.subscriptions().find(channel)).as("refused on the server").isEmpty();

    Sent subscribe = discord.slash("digest", "subscribe", AT_EIGHT_IN_BERLIN, true);
    assertEphemeral(subscribe);
    assertThat(discord.editOf(subscribe).body().path("content").asText())
        .startsWith("Saved")
        .contains("08:00 Europe/Berlin");
    assertThat(digests.subscriptions().find(channel)).isPresent();

    // A question for "most asked", trying to ping everyone through the digest.
    discord.editOf(
        discord.slash("ask", Map.of("question", "@everyone <@123> who is zamir kabulov? @here")));
    // "Most asked" counts questions asked before now; the clock stands still otherwise.
    clock.advance(Duration.ofMinutes(5));

    Sent status = discord.slash("digest", "status", Map.of(), false);
    assertEphemeral(status);
    assertThat(discord.editOf(status).body().path("content").asText())
        .as("08:00 in the channel's zone, not 07:00 UTC")
        .contains("Next digest: on Monday, January 12 at 08:00 CET");

    Sent preview = discord.slash("digest", "preview", Map.of(), false);
    assertEphemeral(preview);
    JsonNode previewed = discord.editOf(preview).body();
    assertThat(previewed.path("content").asText()).contains("Preview");
    assertThat(previewed.path("embeds").size()).isPositive();
    DigestStore store = new DigestStore(database);
    assertThat(store.slot(channel, LocalDate.parse("2026-01-12"))).as("nothing claimed").isEmpty();
    assertThat(store.featured(channel)).as("no passage used up").isEmpty();

    int before = discord.calls().size();
    clock.set(Instant.parse("2026-01-12T07:00:00Z")); // 08:00 in Berlin
    DigestRunner.Run run = digests.runner().runDue(platform.digestPosters());

    assertThat(run.posted()).isEqualTo(1);
    List<Call> posts = postsIn(discord.channelId, before);
    assertThat(posts).hasSize(1);
    JsonNode digest = posts.get(0).body();
    assertThat(digest.path("content").asText())
        .contains("Reading Room digest · Monday, January 12");
    assertThat(digest.path("embeds").size()).isBetween(2, DiscordLimits.EMBEDS);
    assertQuotesAreVerbatimAndLinked(digest);
    assertThat(digest.toString()).contains("For discussion", "Most asked", "zamir kabulov");
    JsonNode allowed = digest.path("allowed_mentions");
    assertThat(allowed.isObject()).as("allowed_mentions sent").isTrue();
    assertThat(allowed.path("parse").isArray()).isTrue();
    assertThat(allowed.path("users").size()).isZero();
    assertThat(allowed.path("roles").size()).isZero();
    assertNoPings(digest);
    assertThat(descriptions(digest))
        .as("the preview showed this digest")
        .isEqualTo(descriptions(previewed));

    clock.advance(Duration.ofMinutes(10));
    assertThat(digests.runner().runDue(platform.digestPosters()).posted()).isZero();
    assertThat(postsIn(discord.channelId, before)).as("the slot is posted once").hasSize(1);
  }

  @Test
  void aChannelTheBotCanNoLongerPostToIsPausedAndTheOthersStillGetTheirs() throws Exception {
    clock.set(Instant.parse("2026-02-02T06:00:00Z")); // 07:00 in Berlin
    for (String channel :
        List.of(
            discord.goneChannelId,
            discord.lockedChannelId,
            discord.readOnlyChannelId,
            discord.noThreadsChannelId)) {
      Sent subscribe = discord.slashIn(channel, "digest", "subscribe", AT_EIGHT_IN_BERLIN, true);
      assertThat(discord.editOf(subscribe).body().path("content").asText()).startsWith("Saved");
    }
    discord.refusePostsIn(discord.goneChannelId, 404, 10003, "Unknown Channel");
    discord.refusePostsIn(discord.lockedChannelId, 403, 50001, "Missing Access");

    int before = discord.calls().size();
    clock.set(Instant.parse("2026-02-02T07:00:00Z")); // 08:00 in Berlin
    DigestRunner.Run run;
    try (LogCapture log = new LogCapture(DigestRunner.class)) {
      run = digests.runner().runDue(platform.digestPosters());
      assertThat(log.lines())
          .filteredOn(line -> line.contains("paused"))
          .hasSize(3)
          .anySatisfy(line -> assertThat(line).contains(discord.goneChannelId, "Unknown Channel"))
          .anySatisfy(line -> assertThat(line).contains(discord.lockedChannelId, "Missing Access"));
    }

    assertThat(run.paused()).isEqualTo(3);
    assertThat(postsIn(discord.goneChannelId, before)).hasSize(1);
    assertThat(postsIn(discord.lockedChannelId, before)).hasSize(1);
    List<Call> delivered = postsIn(discord.noThreadsChannelId, before);
    assertThat(delivered).hasSize(1);
    assertQuotesAreVerbatimAndLinked(delivered.get(0).body());
    assertThat(subscription(discord.goneChannelId).pausedReason()).contains("Unknown Channel");
    assertThat(subscription(discord.lockedChannelId).pausedReason()).contains("Missing Access");
    // JDA refuses before calling Discord when its cache shows the bot may not send there.
    assertThat(postsIn(discord.readOnlyChannelId, before)).isEmpty();
    assertThat(subscription(discord.readOnlyChannelId).pausedReason()).contains("Send Messages");
    assertThat(subscription(discord.noThreadsChannelId).paused()).isFalse();

    Sent status = discord.slashIn(discord.goneChannelId, "digest", "status", Map.of(), false);
    assertThat(discord.editOf(status).body().path("content").asText()).contains("Paused");

    // Not retried: the next day only the working channel is posted to.
    clock.set(Instant.parse("2026-02-03T07:00:00Z"));
    digests.runner().runDue(platform.digestPosters());
    assertThat(postsIn(discord.goneChannelId, before)).hasSize(1);
    assertThat(postsIn(discord.lockedChannelId, before)).hasSize(1);
    assertThat(subscription(discord.readOnlyChannelId).paused()).isTrue();
    assertThat(postsIn(discord.noThreadsChannelId, before)).hasSize(2);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private ChannelKey key(String channel) {
    return new ChannelKey(Platform.DISCORD, discord.guildId, channel);
  }

  private Subscription subscription(String channel) {
    return digests.subscriptions().find(key(channel)).orElseThrow();
  }

  private void assertEphemeral(Sent sent) throws InterruptedException {
    assertThat(discord.callbackOf(sent).body().at("/data/flags").asInt() & 64)
        .as("ephemeral")
        .isEqualTo(64);
  }

  /** Messages the bot posted in {@code channel} since call number {@code from}. */
  private List<Call> postsIn(String channel, int from) {
    List<Call> calls = discord.calls();
    return calls.subList(from, calls.size()).stream()
        .filter(
            c -> c.method().equals("POST") && c.path().equals("channels/" + channel + "/messages"))
        .toList();
  }

  /**
   * Each embed's block quote, without Markdown and ellipses, is a substring of the article its
   * title links to, and the link is a text fragment of that article's URL.
   */
  private void assertQuotesAreVerbatimAndLinked(JsonNode message) {
    assertThat(message.path("embeds").size()).isPositive();
    for (JsonNode embed : message.path("embeds")) {
      String url = embed.path("url").asText();
      Source source =
          engine.sources(Scope.all()).stream()
              .filter(s -> url.startsWith(s.url() + "#:~:text="))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No text-fragment link to an article: " + url));
      String quote =
          embed
              .path("description")
              .asText()
              .lines()
              .filter(line -> line.startsWith("> "))
              .collect(Collectors.joining("\n"));
      assertThat(quote).as("a block quote in %s", embed).isNotEmpty();
      String text = verbatim(quote);
      assertThat(text).doesNotStartWith("…").doesNotEndWith("…");
      assertThat(engine.articleText(source.id()).orElseThrow()).contains(text);
    }
  }
}
