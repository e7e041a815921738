package readingroom.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.state.DatabaseLocation;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.Postgres;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Scope;

/**
 * Two replicas posting digests from one real PostgreSQL, each with its own connection pool, runner
 * and clock, running at the same moments on two threads: every channel's day is posted exactly once
 * while either replica crashes in the middle of a post (its claim left behind) or restarts at
 * random, and a crashed claim is taken over once its lease expires. Prints the figures.
 */
class DigestReplicasTest {

  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneOffset.UTC);

  /** A replica dying mid-post: nothing after the throw runs, as after a kill. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  private final Engine engine = SharedEngine.get();
  private final List<Replica> replicas = new ArrayList<>();

  @AfterEach
  void close() {
    replicas.forEach(Replica::close);
  }

  /** One bot process: restarting it opens a new pool and runner, so its claims get a new owner. */
  private final class Replica implements AutoCloseable {
    final DatabaseLocation location;
    final Clock clock;
    final DigestRunner.Options options;
    StateDatabase database;
    Digests digests;
    int restarts;

    Replica(DatabaseLocation location, Clock clock, DigestRunner.Options options) {
      this.location = location;
      this.clock = clock;
      this.options = options;
      start();
      replicas.add(this);
    }

    void start() {
      database = Postgres.open(location);
      digests =
          Digests.create(
              engine, database, key -> Scope.all(), DigestComposer.MostAsked.NONE, options, clock);
    }

    void restart() {
      close();
      start();
      restarts++;
    }

    /** One scheduler run; a crash restarts the process. Returns whether it crashed. */
    boolean run(DigestPoster poster) {
      try {
        digests.runner().runDue(Map.of(Platform.SLACK, poster));
        return false;
      } catch (Crash e) {
        restart();
        return true;
      }
    }

    @Override
    public void close() {
      database.close();
    }
  }

  private static String slot(ChannelKey channel, LocalDate day) {
    return channel.channel() + " " + day;
  }

  @Test
  void eachSlotIsPostedExactlyOnceWhileEitherReplicaCrashesOrRestartsAtRandom() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    DatabaseLocation location = Postgres.freshDatabase();
    Instant start = Instant.parse("2026-01-12T00:00:00Z");
    int days = 5;
    Duration step = Duration.ofMinutes(7);
    DigestRunner.Options options =
        new DigestRunner.Options(Duration.ofHours(3), Duration.ofMinutes(20), 50);
    MutableClock clockA = new MutableClock(start);
    // B's clock runs 45 seconds behind A's: replicas never agree to the millisecond.
    MutableClock clockB = new MutableClock(start.minusSeconds(45));
    Replica a = new Replica(location, clockA, options);
    Replica b = new Replica(location, clockB, options);

    List<ChannelKey> channels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ChannelKey channel = new ChannelKey(Platform.SLACK, "T1", "C" + i);
      channels.add(channel);
      LocalTime time = LocalTime.of(6, 0).plusMinutes(37L * i);
      a.digests
          .subscriptions()
          .subscribe(channel, new DigestSchedule(time, ZONES.get(i % ZONES.size())), null, "t");
    }

    Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    Map<String, Instant> crashedAt = new ConcurrentHashMap<>();
    Map<String, Duration> takeovers = new ConcurrentHashMap<>();
    AtomicInteger crashes = new AtomicInteger();
    double crashChance = 0.3;
    DigestPoster posterA =
        poster(clockA, random, crashChance, posts, crashedAt, takeovers, crashes);
    DigestPoster posterB =
        poster(clockB, random, crashChance, posts, crashedAt, takeovers, crashes);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Instant end = start.plus(Duration.ofDays(days));
      while (clockA.instant().isBefore(end)) {
        Future<Boolean> runA = threads.submit(() -> a.run(posterA));
        Future<Boolean> runB = threads.submit(() -> b.run(posterB));
        runA.get();
        runB.get();
        for (Replica replica : List.of(a, b)) {
          if (random.nextDouble() < 0.02) {
            replica.restart();
          }
        }
        clockA.advance(step);
        clockB.advance(step);
      }
      // The last day's slots settle without crashes, past every lease.
      DigestPoster calmA = poster(clockA, random, 0, posts, crashedAt, takeovers, crashes);
      DigestPoster calmB = poster(clockB, random, 0, posts, crashedAt, takeovers, crashes);
      for (int i = 0; i < 30; i++) {
        a.run(calmA);
        b.run(calmB);
        clockA.advance(step);
        clockB.advance(step);
      }
    } finally {
      threads.shutdownNow();
    }

    DigestStore store = new DigestStore(a.database);
    Map<SlotState, Integer> states = new TreeMap<>();
    int maxPosts = 0;
    int slots = 0;
    for (ChannelKey channel : channels) {
      for (int d = 0; d < days; d++) {
        LocalDate day = LocalDate.of(2026, 1, 12).plusDays(d);
        SlotState state = store.slot(channel, day).orElseThrow();
        int count = posts.getOrDefault(slot(channel, day), new AtomicInteger()).get();
        states.merge(state, 1, Integer::sum);
        maxPosts = Math.max(maxPosts, count);
        slots++;
        assertThat(count)
            .as("posts of %s on %s (seed %d)", channel.channel(), day, seed)
            .isEqualTo(state == SlotState.POSTED ? 1 : 0);
      }
    }
    long maxTakeover = takeovers.values().stream().mapToLong(Duration::toMinutes).max().orElse(0);
    System.out.printf(
        "Digest replicas: %d slots over %d days, states %s, posts per slot max %d, %d crashes"
            + " mid-post, %d + %d restarts, %d crashed claims taken over, longest takeover %d"
            + " min of clock time (lease %d min, runs every %d min), seed %d%n",
        slots,
        days,
        states,
        maxPosts,
        crashes.get(),
        a.restarts,
        b.restarts,
        takeovers.size(),
        maxTakeover,
        options.lease().toMinutes(),
        step.toMinutes(),
        seed);
    assertThat(states).containsOnlyKeys(SlotState.POSTED);
    assertThat(maxPosts).isEqualTo(1);
    assertThat(crashes.get()).isGreaterThan(5);
    assertThat(takeovers).isNotEmpty();
    assertThat(maxTakeover).isLessThanOrEqualTo(options.lease().plus(step).toMinutes() + 1);
  }

  private static DigestPoster poster(
      Clock clock,
      Random random,
      double crashChance,
      Map<String, AtomicInteger> posts,
      Map<String, Instant> crashedAt,
      Map<String, Duration> takeovers,
      AtomicInteger crashes) {
    return new DigestPoster() {
      @Override
      public void post(DigestSlot slot, Reply.DigestReply digest) {
        postOrCrash(
            slot.channel(), clock, random, crashChance, posts, crashedAt, takeovers, crashes);
      }

      /** A crash here comes before the platform is called: no post of it is ever found. */
      @Override
      public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since) {
        return posts.containsKey(slot(slot.channel(), slot.day()));
      }
    };
  }

  private static void postOrCrash(
      ChannelKey channel,
      Clock clock,
      Random random,
      double crashChance,
      Map<String, AtomicInteger> posts,
      Map<String, Instant> crashedAt,
      Map<String, Duration> takeovers,
      AtomicInteger crashes) {
    {
      Instant now = clock.instant();
      ZoneId zone = zoneOf(channel);
      String slot = slot(channel, LocalDate.ofInstant(now, zone));
      boolean crash;
      synchronized (random) {
        crash = random.nextDouble() < crashChance;
      }
      if (crash) {
        crashes.incrementAndGet();
        // The latest crash: a takeover may itself crash, and its lease starts again.
        crashedAt.put(slot, now);
        throw new Crash();
      }
      posts.computeIfAbsent(slot, k -> new AtomicInteger()).incrementAndGet();
      Instant crashed = crashedAt.get(slot);
      if (crashed != null) {
        takeovers.put(slot, Duration.between(crashed, now));
      }
    }
  }

  private static ZoneId zoneOf(ChannelKey channel) {
    return ZONES.get(Integer.parseInt(channel.channel().substring(1)) % ZONES.size());
  }

  @Test
  void aCrashedClaimIsTakenOverInRealTimeOnceItsLeaseExpires() throws Exception {
    DatabaseLocation location = Postgres.freshDatabase();
    Duration lease = Duration.ofSeconds(2);
    Duration checkEvery = Duration.ofMillis(100);
    DigestRunner.Options options = new DigestRunner.Options(Duration.ofHours(3), lease, 5);
    Instant now = Instant.now();
    ChannelKey channel = new ChannelKey(Platform.SLACK, "T1", "CREAL");
    // Subscribed yesterday, due a minute ago: the slot is due at once on both replicas.
    Replica subscriber =
        new Replica(location, new MutableClock(now.minus(Duration.ofDays(1))), options);
    LocalTime due = LocalTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC);
    subscriber
        .digests
        .subscriptions()
        .subscribe(
            channel,
            new DigestSchedule(due.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC),
            null,
            "t");

    Replica a = new Replica(location, Clock.systemUTC(), options);
    AtomicLong crashNanos = new AtomicLong();
    boolean crashed =
        a.run(
            RecordingPoster.findingNothing((slot, digest) -> {
              crashNanos.set(System.nanoTime());
              throw new Crash();
            }));
    assertThat(crashed).isTrue();
    a.close();

    Replica b = new Replica(location, Clock.systemUTC(), options);
    AtomicLong postNanos = new AtomicLong();
    AtomicInteger bPosts = new AtomicInteger();
    try (DigestScheduler scheduler =
        DigestScheduler.start(
            b.digests.runner(),
            Map.of(
                Platform.SLACK,
                RecordingPoster.findingNothing((slot, digest) -> {
                  bPosts.incrementAndGet();
                  postNanos.compareAndSet(0, System.nanoTime());
                })),
            checkEvery)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (postNanos.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // Some more runs: the day is posted, never again.
      Thread.sleep(5 * checkEvery.toMillis());
    }
    Duration takeover = Duration.ofNanos(postNanos.get() - crashNanos.get());
    System.out.printf(
        "Digest takeover: a crashed claim was posted by the other replica %d ms after the crash"
            + " (lease %d ms, runs every %d ms)%n",
        takeover.toMillis(), lease.toMillis(), checkEvery.toMillis());
    assertThat(postNanos.get()).isNotZero();
    assertThat(bPosts.get()).isEqualTo(1);
    // Measured from the crash, at the post; the lease runs from the claim, taken just before
    // composing, so the takeover comes slightly sooner than one lease after the crash.
    assertThat(takeover).isBetween(lease.minusSeconds(1), lease.plusSeconds(5));
  }
}
