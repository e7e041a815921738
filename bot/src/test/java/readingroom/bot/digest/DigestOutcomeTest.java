package readingroom.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Scope;

/**
 * What the runner does with each way a post can end: refused (posted again, and failed after its
 * attempts with nothing posted), unknown (kept, looked up, never posted twice), and unknown with a
 * platform that cannot say (never posted again, never called failed).
 */
class DigestOutcomeTest {

  private static final ChannelKey CLASS = new ChannelKey(Platform.SLACK, "T1", "CCLASS");
  private static final LocalDate DAY = LocalDate.parse("2026-01-12");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-12T07:00:00Z"));
  private final RecordingPoster platform = new RecordingPoster(clock);
  private StateDatabase database;
  private Digests digests;
  private DigestStore store;

  @BeforeEach
  void start() {
    database = StateDatabase.open(dir.resolve("state.db"));
    digests =
        Digests.create(
            SharedEngine.get(),
            database,
            key -> Scope.all(),
            DigestComposer.MostAsked.NONE,
            new DigestRunner.Options(Duration.ofHours(3), Duration.ofMinutes(5), 3),
            clock);
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), null, "t");
    clock.set(Instant.parse("2026-01-12T08:00:00Z"));
    store = new DigestStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void runEveryMinuteFor(DigestPoster poster, int minutes) {
    for (int i = 0; i < minutes; i++) {
      digests.runner().runDue(Map.of(Platform.SLACK, poster));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void aPostThatAlwaysTimesOutAfterReachingTheChannelIsPostedOnceAndNeverCalledFailed() {
    DigestPoster timesOut =
        platform.through((slot, digest) -> {
          platform.post(slot, digest);
          throw new SocketTimeoutException("Read timed out");
        });

    runEveryMinuteFor(timesOut, 30);

    assertThat(platform.posts(CLASS)).hasSize(1);
    assertThat(store.slot(CLASS, DAY)).contains(SlotState.POSTED);
  }

  @Test
  void refusedPostsAreRetriedAndTheDayFailsOnlyWithNothingPosted() {
    AtomicInteger tries = new AtomicInteger();
    DigestPoster refuses =
        platform.through((slot, digest) -> {
          tries.incrementAndGet();
          throw new DigestPoster.NotPostedException("ratelimited", null);
        });

    runEveryMinuteFor(refuses, 30);

    assertThat(tries.get()).as("one try per attempt").isEqualTo(3);
    assertThat(platform.posts(CLASS)).isEmpty();
    assertThat(store.slot(CLASS, DAY)).contains(SlotState.FAILED);
  }

  @Test
  void aPostInDoubtIsNeverPostedAgainWhileThePlatformCannotSayWhetherItArrived() {
    AtomicInteger tries = new AtomicInteger();
    DigestPoster dark =
        new DigestPoster() {
          @Override
          public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
            tries.incrementAndGet();
            throw new SocketTimeoutException("Read timed out");
          }

          @Override
          public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since)
              throws Exception {
            throw new SocketTimeoutException("Read timed out");
          }
        };

    runEveryMinuteFor(dark, 60);
    assertThat(tries.get()).isEqualTo(1);
    assertThat(store.slot(CLASS, DAY))
        .as("not failed: it may be there")
        .contains(SlotState.CLAIMED);

    // The platform answers again, past the grace period: the post was not there, so it is missed.
    clock.set(Instant.parse("2026-01-12T12:00:00Z"));
    runEveryMinuteFor(platform, 1);
    assertThat(store.slot(CLASS, DAY)).contains(SlotState.MISSED);
    assertThat(platform.posts(CLASS)).isEmpty();
  }
}
