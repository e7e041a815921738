package readingroom.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Scope;

/**
 * When digests are posted: at the channel's local time in its zone, once per local day across
 * daylight-saving changes, restarts and outages, with an injected clock and a real database file.
 */
class DigestSchedulingTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ChannelKey CLASS = new ChannelKey(Platform.SLACK, "T1", "CCLASS");
  private static final ChannelKey NEWSROOM = new ChannelKey(Platform.SLACK, "T1", "CNEWS");

  @TempDir Path dir;

  private final Engine engine = SharedEngine.get();
  private MutableClock clock;
  private StateDatabase database;
  private RecordingPoster poster;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  /** A bot process: the database file opened afresh, with a new owner for its claims. */
  private Digests start() {
    if (database != null) {
      database.close();
    }
    database = StateDatabase.open(dir.resolve("state.db"));
    return Digests.create(
        engine,
        database,
        key -> Scope.all(),
        DigestComposer.MostAsked.NONE,
        DigestRunner.Options.DEFAULTS,
        clock);
  }

  private void begin(String instant) {
    clock = new MutableClock(Instant.parse(instant));
    poster = new RecordingPoster(clock);
  }

  private DigestRunner.Run run(Digests digests) {
    return digests.runner().runDue(Map.of(Platform.SLACK, poster));
  }

  /** Runs every {@code step} until {@code end}, as the scheduler thread would. */
  private void runUntil(Digests digests, String end, Duration step) {
    Instant stop = Instant.parse(end);
    while (clock.instant().isBefore(stop)) {
      run(digests);
      clock.advance(step);
    }
  }

  @Test
  void eachChannelIsPostedAtItsOwnLocalTime() {
    begin("2026-01-12T05:00:00Z");
    Digests digests = start();
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    digests
        .subscriptions()
        .subscribe(NEWSROOM, new DigestSchedule(LocalTime.of(8, 0), NEW_YORK), null, "admin");

    runUntil(digests, "2026-01-13T05:00:00Z", Duration.ofMinutes(1));

    // 08:00 in Berlin (CET, UTC+1) and 08:00 in New York (EST, UTC-5).
    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-12T07:00:00Z"));
    assertThat(poster.posts(NEWSROOM))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-12T13:00:00Z"));
  }

  @Test
  void theSpringForwardDayGetsExactlyOnePostEvenWhenItsTimeDoesNotExist() {
    // Berlin skips 02:00-03:00 on 29 March 2026: 02:30 that day is 03:30 CEST.
    begin("2026-03-27T22:00:00Z");
    Digests digests = start();
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(2, 30), BERLIN), null, "admin");

    runUntil(digests, "2026-03-30T22:00:00Z", Duration.ofMinutes(5));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(
            Instant.parse("2026-03-28T01:30:00Z"), // 02:30 CET
            Instant.parse("2026-03-29T01:30:00Z"), // 03:30 CEST, just after the gap
            Instant.parse("2026-03-30T00:30:00Z")); // 02:30 CEST
  }

  @Test
  void theFallBackDayGetsExactlyOnePostThoughItsTimeHappensTwice() {
    // Berlin repeats 02:00-03:00 on 25 October 2026: 02:30 is first CEST, then CET.
    begin("2026-10-23T22:00:00Z");
    Digests digests = start();
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(2, 30), BERLIN), null, "admin");

    runUntil(digests, "2026-10-26T22:00:00Z", Duration.ofMinutes(5));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(
            Instant.parse("2026-10-24T00:30:00Z"), // 02:30 CEST
            Instant.parse("2026-10-25T00:30:00Z"), // the first 02:30 (CEST); not again at 01:30Z
            Instant.parse("2026-10-26T01:30:00Z")); // 02:30 CET
  }

  @Test
  void aRestartBeforeTheSlotPostsItOnce() {
    begin("2026-01-12T06:00:00Z");
    start()
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    clock.advance(Duration.ofMinutes(30));

    Digests restarted = start();
    runUntil(restarted, "2026-01-12T12:00:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-12T07:00:00Z"));
  }

  @Test
  void aRestartAfterTheSlotWasClaimedButNotPostedPostsItOnce() {
    begin("2026-01-12T06:00:00Z");
    Digests first = start();
    first
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    clock.advance(Duration.ofHours(1));
    // The first process claims 12 January and dies before posting.
    assertThat(
            new DigestStore(database)
                .claim(
                    CLASS,
                    LocalDate.parse("2026-01-12"),
                    "the-process-that-died",
                    clock.instant(),
                    DigestRunner.Options.DEFAULTS.lease(),
                    5))
        .isTrue();

    Digests restarted = start();
    clock.advance(Duration.ofMinutes(1));
    assertThat(run(restarted).posted()).as("the claim is fresh: maybe still posting").isZero();
    runUntil(restarted, "2026-01-12T12:00:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS)).hasSize(1);
    assertThat(poster.posts(CLASS).get(0).at())
        .isEqualTo(
            Instant.parse("2026-01-12T07:00:00Z").plus(DigestRunner.Options.DEFAULTS.lease()));
    assertThat(new DigestStore(database).slot(CLASS, LocalDate.parse("2026-01-12")))
        .contains(SlotState.POSTED);
  }

  @Test
  void aRestartAfterThePostDoesNotPostTheDayAgain() {
    begin("2026-01-12T06:00:00Z");
    Digests first = start();
    first
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    runUntil(first, "2026-01-12T07:05:00Z", Duration.ofMinutes(1));
    assertThat(poster.posts(CLASS)).hasSize(1);

    Digests restarted = start();
    runUntil(restarted, "2026-01-13T07:30:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(
            Instant.parse("2026-01-12T07:00:00Z"), Instant.parse("2026-01-13T07:00:00Z"));
  }

  @Test
  void aDayMissedByLessThanTheGracePeriodIsPostedLateAndOnce() {
    begin("2026-01-12T06:00:00Z");
    start()
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    // Down from 06:00 to 09:30 UTC: two and a half hours after the slot, within three.
    clock.advance(Duration.ofMinutes(210));

    Digests restarted = start();
    runUntil(restarted, "2026-01-12T20:00:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-12T09:30:00Z"));
  }

  @Test
  void aDayMissedByMoreThanTheGracePeriodIsSkippedAndTheNextDayComes() {
    begin("2026-01-12T06:00:00Z");
    start()
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    // Down until 10:30 UTC: three and a half hours after the slot.
    clock.advance(Duration.ofMinutes(270));

    Digests restarted = start();
    assertThat(run(restarted).missed()).isEqualTo(1);
    runUntil(restarted, "2026-01-13T08:00:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-13T07:00:00Z"));
    assertThat(new DigestStore(database).slot(CLASS, LocalDate.parse("2026-01-12")))
        .contains(SlotState.MISSED);
  }

  @Test
  void aNewSubscriptionDoesNotPostTheSlotThatBeganBeforeIt() {
    begin("2026-01-12T07:30:00Z"); // 08:30 in Berlin
    Digests digests = start();
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");

    runUntil(digests, "2026-01-13T07:30:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(Instant.parse("2026-01-13T07:00:00Z"));
  }

  @Test
  void movingTheTimeLaterOnADayAlreadyPostedDoesNotPostThatDayAgain() {
    begin("2026-01-12T06:00:00Z");
    Digests digests = start();
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "admin");
    runUntil(digests, "2026-01-12T08:00:00Z", Duration.ofMinutes(1));
    digests
        .subscriptions()
        .subscribe(CLASS, new DigestSchedule(LocalTime.of(18, 0), BERLIN), null, "admin");

    runUntil(digests, "2026-01-13T18:00:00Z", Duration.ofMinutes(1));

    assertThat(poster.posts(CLASS))
        .extracting(RecordingPoster.Post::at)
        .containsExactly(
            Instant.parse("2026-01-12T07:00:00Z"), Instant.parse("2026-01-13T17:00:00Z"));
  }
}
