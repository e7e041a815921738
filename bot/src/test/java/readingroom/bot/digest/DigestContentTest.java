package readingroom.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.DigestRequest;
import readingroom.bot.commands.SettingChange;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.DigestReply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * What a digest holds and who may change it, through {@link ChatCommands} as adapters call it, with
 * a real database file and an injected clock.
 */
class DigestContentTest {

  private static final Origin TEACHER = new Origin(Platform.SLACK, "T1", "CCLASS", "UTEACHER");
  private static final Origin STUDENT = new Origin(Platform.SLACK, "T1", "CCLASS", "USTUDENT");
  private static final Origin NEWSROOM = new Origin(Platform.SLACK, "T1", "CNEWS", "UEDITOR");

  @TempDir Path dir;

  private final Engine engine = SharedEngine.get();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-12T06:00:00Z"));
  private StateDatabase database;
  private ChatCommands commands;
  private Digests digests;
  private RecordingPoster poster;

  @BeforeEach
  void open() {
    database = StateDatabase.open(dir.resolve("state.db"));
    DigestBot bot = DigestBot.open(engine, database, clock);
    commands = bot.commands();
    digests = bot.digests();
    poster = new RecordingPoster(clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void subscribe(Origin origin, String text) {
    Reply reply = commands.digest(origin, true, "subscribe " + text);
    assertThat(reply).isInstanceOf(NoticeReply.class);
    assertThat(((NoticeReply) reply).kind())
        .as(((NoticeReply) reply).text())
        .isEqualTo(NoticeReply.Kind.INFO);
  }

  /** Runs once a day at 09:00 UTC from today, each day's digest being due at 08:00 UTC. */
  private List<DigestReply> days(int count) {
    clock.advance(Duration.ofHours(3));
    for (int i = 0; i < count; i++) {
      digests.runner().runDue(Map.of(Platform.SLACK, poster));
      clock.advance(Duration.ofDays(1));
    }
    return poster.posts().stream().map(RecordingPoster.Post::digest).toList();
  }

  private void assertVerbatim(Result quote) {
    String text = engine.articleText(quote.source().id()).orElseThrow();
    assertThat(text).contains(quote.verbatim());
    assertThat(quote.link()).startsWith(quote.source().url());
  }

  @Test
  void discussionPassagesComeFromEveryArticleBeforeAnyArticleComesAgain() {
    subscribe(TEACHER, "08:00 UTC");
    List<DigestReply> posted = days(10);

    assertThat(posted).hasSize(10);
    List<String> articles = posted.stream().map(d -> d.discussion().quote().source().id()).toList();
    Set<String> all = new HashSet<>(engine.sources(Scope.all()).stream().map(Source::id).toList());
    assertThat(new HashSet<>(articles.subList(0, 5))).isEqualTo(all);
    assertThat(new HashSet<>(articles.subList(5, 10))).isEqualTo(all);
    Set<String> passages = new HashSet<>();
    for (DigestReply digest : posted) {
      Result quote = digest.discussion().quote();
      assertVerbatim(quote);
      assertThat(passages.add(quote.source().id() + ":" + quote.start()))
          .as("passage featured twice: %s", quote.quote())
          .isTrue();
      assertThat(DigestComposer.PROMPTS).contains(digest.discussion().prompt());
    }
  }

  @Test
  void aTopicPicksTheBestMatchingPassageAmongArticlesNotYetFeatured() {
    subscribe(TEACHER, "08:00 UTC moscow format talks");
    List<DigestReply> posted = days(5);

    assertThat(posted)
        .allSatisfy(d -> assertThat(d.discussion().topic()).isEqualTo("moscow format talks"));
    assertThat(posted.stream().map(d -> d.discussion().quote().source().id()).distinct())
        .hasSize(5);
    posted.forEach(d -> assertVerbatim(d.discussion().quote()));
  }

  @Test
  void previewShowsTheNextDigestAndChangesNothing() {
    subscribe(TEACHER, "08:00 UTC");
    commands.ask(STUDENT, "why did russia invite the taliban to moscow?");
    clock.advance(Duration.ofMinutes(1));

    Reply first = commands.digest(STUDENT, false, new DigestRequest.Preview());
    Reply second = commands.digest(STUDENT, false, new DigestRequest.Preview());

    assertThat(first).isInstanceOf(DigestReply.class);
    DigestReply preview = (DigestReply) first;
    assertThat(preview.preview()).isTrue();
    assertThat(((DigestReply) second).discussion()).isEqualTo(preview.discussion());
    DigestStore store = new DigestStore(database);
    assertThat(store.featured(ChannelKey.of(TEACHER))).isEmpty();
    assertThat(store.slot(ChannelKey.of(TEACHER), java.time.LocalDate.parse("2026-01-12")))
        .isEmpty();

    clock.advance(Duration.ofMinutes(119)); // 08:00 UTC: the digest is due
    assertThat(digests.runner().runDue(Map.of(Platform.SLACK, poster)).posted()).isEqualTo(1);
    DigestReply posted = poster.posts().get(0).digest();
    assertThat(posted.preview()).isFalse();
    assertThat(posted.discussion()).isEqualTo(preview.discussion());
    assertThat(posted.asked()).isEqualTo(preview.asked());
  }

  @Test
  void theMostAskedQuestionsOfTheLastDayComeWithTheirBestQuote() {
    subscribe(TEACHER, "08:00 UTC");
    for (int i = 0; i < 3; i++) {
      commands.ask(STUDENT, "Why did Russia invite the Taliban to Moscow?");
    }
    commands.ask(TEACHER, "what is the moscow format?");
    commands.ask(NEWSROOM, "who leads the taliban delegation?");

    clock.advance(Duration.ofHours(2));
    digests.runner().runDue(Map.of(Platform.SLACK, poster));

    DigestReply digest = poster.posts().get(0).digest();
    assertThat(digest.asked()).isNotEmpty();
    assertThat(digest.asked().get(0).question())
        .isEqualToIgnoringCase("why did russia invite the taliban to moscow?");
    assertThat(digest.asked().get(0).times()).isEqualTo(3);
    assertThat(digest.asked())
        .extracting(Reply.DigestReply.AskedQuestion::question)
        .doesNotContain("who leads the taliban delegation?");
    digest.asked().forEach(q -> assertVerbatim(q.quote()));
  }

  @Test
  void aScopedChannelSeesOnlyItsOwnArticles() {
    Set<String> scope = Set.of(TestCorpus.WAPO, TestCorpus.MOSCOW_TIMES);
    commands.changeSettings(
        TEACHER, true, new SettingChange.ReadingList("articles " + String.join(" ", scope)));
    subscribe(TEACHER, "08:00 UTC moscow");
    commands.ask(STUDENT, "why did russia invite the taliban to moscow?");

    List<DigestReply> posted = days(4);

    assertThat(posted).hasSize(4);
    for (DigestReply digest : posted) {
      assertThat(scope).contains(digest.discussion().quote().source().id());
      digest.asked().forEach(q -> assertThat(scope).contains(q.quote().source().id()));
      digest.added().forEach(a -> assertThat(scope).contains(a.source().id()));
    }
    assertThat(posted.subList(0, 2).stream().map(d -> d.discussion().quote().source().id()))
        .containsExactlyInAnyOrderElementsOf(scope);
  }

  @Test
  void aChannelThatCannotBePostedToIsPausedAndOthersStillGetTheirs() {
    Origin gone = new Origin(Platform.SLACK, "T1", "CGONE", "UADMIN");
    Origin flaky = new Origin(Platform.SLACK, "T1", "CFLAKY", "UADMIN");
    subscribe(gone, "08:00 UTC");
    subscribe(flaky, "08:00 UTC");
    subscribe(TEACHER, "08:00 UTC");
    int[] flakyFailures = {1};
    DigestPoster platform =
        poster.through((slot, digest) -> {
          if (slot.channel().channel().equals("CGONE")) {
            throw new DigestPoster.ChannelUnreachableException("channel_not_found");
          }
          if (slot.channel().channel().equals("CFLAKY") && flakyFailures[0]-- > 0) {
            throw new java.io.IOException("connection reset");
          }
          if (slot.channel().channel().equals("CCLASS") && digest == null) {
            throw new AssertionError();
          }
          poster.post(slot, digest);
        });

    clock.advance(Duration.ofHours(2));
    DigestRunner.Run run = digests.runner().runDue(Map.of(Platform.SLACK, platform));
    assertThat(run.paused()).isEqualTo(1);
    assertThat(run.retried()).isEqualTo(1);
    assertThat(run.posted()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(digests.runner().runDue(Map.of(Platform.SLACK, platform)).posted())
        .as("flaky retried")
        .isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    assertThat(digests.runner().runDue(Map.of(Platform.SLACK, platform)).posted()).isEqualTo(2);

    assertThat(poster.posts(ChannelKey.of(gone))).isEmpty();
    assertThat(poster.posts(ChannelKey.of(flaky))).hasSize(2);
    assertThat(poster.posts(ChannelKey.of(TEACHER))).hasSize(2);
    assertThat(((NoticeReply) commands.digest(gone, false, new DigestRequest.Status())).text())
        .contains("Paused", "channel_not_found");

    subscribe(gone, "08:00 UTC");
    assertThat(digests.subscriptions().find(ChannelKey.of(gone)).orElseThrow().paused()).isFalse();
  }

  @Test
  void onlyPeopleWhoManageTheChannelMaySubscribeButAnyoneSeesStatusAndPreview() {
    Reply refused = commands.digest(STUDENT, false, "subscribe 08:00 Europe/Berlin");
    assertThat(refused).isInstanceOf(NoticeReply.class);
    assertThat(((NoticeReply) refused).kind()).isEqualTo(NoticeReply.Kind.FORBIDDEN);
    assertThat(digests.subscriptions().find(ChannelKey.of(STUDENT))).isEmpty();

    subscribe(TEACHER, "time:08:00 timezone:Europe/Berlin topic:the moscow format");
    assertThat(
            ((NoticeReply) commands.digest(STUDENT, false, new DigestRequest.Unsubscribe())).kind())
        .isEqualTo(NoticeReply.Kind.FORBIDDEN);

    String status = ((NoticeReply) commands.digest(STUDENT, false, "status")).text();
    // 06:00 UTC is 07:00 in Berlin: today's 08:00 is still to come.
    assertThat(status)
        .contains("08:00 Europe/Berlin", "the moscow format", "Monday, January 12 at 08:00 CET");
    assertThat(commands.digest(STUDENT, false, "preview")).isInstanceOf(DigestReply.class);

    assertThat(
            ((NoticeReply) commands.digest(TEACHER, true, new DigestRequest.Unsubscribe())).text())
        .contains("no longer");
    assertThat(digests.subscriptions().find(ChannelKey.of(TEACHER))).isEmpty();
  }

  @Test
  void badTimesAndZonesAreRefusedWithWhatToType() {
    NoticeReply time = (NoticeReply) commands.digest(TEACHER, true, "subscribe 25:00 UTC");
    NoticeReply zone = (NoticeReply) commands.digest(TEACHER, true, "subscribe 08:00 Mars/Olympus");
    NoticeReply missing = (NoticeReply) commands.digest(TEACHER, true, "subscribe 08:00");

    assertThat(time.kind()).isEqualTo(NoticeReply.Kind.INVALID_INPUT);
    assertThat(time.text()).contains("HH:MM");
    assertThat(zone.text()).contains("Europe/Berlin");
    assertThat(missing.text()).contains("time zone");
    assertThat(digests.subscriptions().find(ChannelKey.of(TEACHER))).isEmpty();
  }
}
