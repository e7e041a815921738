package readingroom.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.console.PlainTextRenderer;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply.DigestReply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.IndexProgress;

/** "New on the reading list": articles that appeared after a channel's last digest, once. */
class DigestNewArticlesTest {

  private static final ChannelKey CLASS = new ChannelKey(Platform.CONSOLE, "", "console");

  @TempDir Path dir;

  @Test
  void anArticleAddedAfterTheLastDigestIsListedInTheNextOneOnly() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-12T06:00:00Z"));
    RecordingPoster poster = new RecordingPoster(clock);
    try (Engine engine = TestCorpus.openEngine(dir);
        StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      Digests digests =
          Digests.create(
              engine,
              database,
              key -> Scope.all(),
              DigestComposer.MostAsked.NONE,
              DigestRunner.Options.DEFAULTS,
              clock);
      digests
          .subscriptions()
          .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), null, "op");
      clock.advance(Duration.ofHours(3));
      digests.runner().runDue(Map.of(Platform.CONSOLE, poster));

      Files.writeString(
          dir.resolve("corpus").resolve("new-field-note.txt"),
          """
          ---
          title: "A Field Note on Grain"
          outlet: "Test Outlet"
          published: "2026-01"
          url: "https://example.org/field-note"
          ---
          The harbour master replied that the monsoon had delayed every vessel bound for the island that season.

          The merchants of the old town agreed to share their stores of millet until the ships arrived.
          """);
      engine.reindex(false, IndexProgress.NONE);
      clock.advance(Duration.ofDays(1));
      digests.runner().runDue(Map.of(Platform.CONSOLE, poster));
      clock.advance(Duration.ofDays(1));
      digests.runner().runDue(Map.of(Platform.CONSOLE, poster));

      List<DigestReply> posted = poster.posts().stream().map(RecordingPoster.Post::digest).toList();
      assertThat(posted).hasSize(3);
      assertThat(posted.get(0).added()).as("the articles that were there all along").isEmpty();
      assertThat(posted.get(1).added())
          .extracting(a -> a.source().title())
          .containsExactly("A Field Note on Grain");
      DigestReply.NewArticle added = posted.get(1).added().get(0);
      assertThat(engine.articleText(added.source().id()).orElseThrow())
          .contains(added.quote().verbatim());
      assertThat(posted.get(2).added()).isEmpty();

      String shown = new PlainTextRenderer(false).render(posted.get(1));
      assertThat(shown)
          .contains(
              "New on the reading list",
              "A Field Note on Grain",
              "https://example.org/field-note",
              added.quote().quote(),
              "For discussion",
              posted.get(1).discussion().quote().link(),
              posted.get(1).discussion().prompt());
    }
  }
}
