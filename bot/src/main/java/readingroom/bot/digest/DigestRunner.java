package readingroom.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestComposer.Composed;
import readingroom.bot.digest.DigestPoster.ChannelUnreachableException;
import readingroom.bot.model.Platform;

/**
 * Posts each subscribed channel's day exactly once. A day is claimed in the database before it is
 * composed and marked posted after, so a restart at any point posts a missed day once while it is
 * within the grace period and never posts a day that was marked posted. The one gap no database can
 * close: a crash after the platform accepted a post but before it was marked would post it again;
 * that window is one local database write long.
 */
public final class DigestRunner {

  private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);

  /**
   * How digests are run.
   *
   * @param grace how long after its time a day may still be posted (after a restart or outage)
   * @param lease how old another process's claim must be before it counts as abandoned
   * @param maxAttempts claims of one day before it is given up as failed
   */
  public record Options(Duration grace, Duration lease, int maxAttempts) {
    public static final Options DEFAULTS =
        new Options(Duration.ofHours(3), Duration.ofMinutes(5), 5);

    public Options {
      if (grace.isNegative() || grace.compareTo(Duration.ofHours(23)) > 0) {
        throw new IllegalArgumentException("grace must be 0 to 23 hours, was " + grace);
      }
      if (lease.isNegative() || maxAttempts < 1) {
        throw new IllegalArgumentException("lease must not be negative and maxAttempts positive");
      }
    }
  }

  /** What one run did, for logs and tests. */
  public record Run(int posted, int empty, int missed, int paused, int retried, int failed) {}

  private final DigestStore store;
  private final ArticleArrivals arrivals;
  private final DigestComposer composer;
  private final Options options;
  private final Clock clock;

  /** This process's name on the claims it takes. */
  private final String owner = UUID.randomUUID().toString();

  public DigestRunner(
      DigestStore store,
      ArticleArrivals arrivals,
      DigestComposer composer,
      Options options,
      Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.arrivals = Objects.requireNonNull(arrivals);
    this.composer = Objects.requireNonNull(composer);
    this.options = Objects.requireNonNull(options);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Posts every subscribed channel's day that is due and not yet posted, through the poster of its
   * platform. A channel that fails is logged and skipped; the others still get theirs.
   */
  public synchronized Run runDue(Map<Platform, DigestPoster> posters) {
    int posted = 0;
    int empty = 0;
    int missed = 0;
    int paused = 0;
    int retried = 0;
    int failed = 0;
    try {
      arrivals.refresh();
    } catch (RuntimeException e) {
      log.warn("Could not record new articles for digests; trying again next run", e);
    }
    for (Subscription s : store.all()) {
      DigestPoster poster = posters.get(s.channel().platform());
      if (s.paused() || poster == null) {
        continue;
      }
      try {
        switch (runOne(s, poster)) {
          case POSTED -> posted++;
          case EMPTY -> empty++;
          case MISSED -> missed++;
          case PAUSED -> paused++;
          case RETRY -> retried++;
          case NOTHING -> {}
        }
      } catch (RuntimeException e) {
        failed++;
        log.error("Digest for {} failed; other channels go on", describe(s.channel()), e);
      }
    }
    return new Run(posted, empty, missed, paused, retried, failed);
  }

  private enum Outcome {
    NOTHING,
    POSTED,
    EMPTY,
    MISSED,
    PAUSED,
    RETRY
  }

  private Outcome runOne(Subscription s, DigestPoster poster) {
    ChannelKey key = s.channel();
    Instant now = clock.instant();
    Optional<LocalDate> started = s.schedule().latestStarted(now, s.activeFrom());
    if (started.isEmpty()) {
      return Outcome.NOTHING;
    }
    LocalDate day = started.get();
    if (now.isAfter(s.schedule().at(day).plus(options.grace()))) {
      Optional<SlotState> state = store.slot(key, day);
      if (state.isPresent() && state.get().finished()) {
        return Outcome.NOTHING;
      }
      store.finish(key, day, SlotState.MISSED, "past the grace period", now);
      log.info(
          "Digest for {} of {} missed: the bot was not running within {} of {} {}",
          describe(key),
          day,
          options.grace(),
          s.schedule().timeText(),
          s.schedule().zone());
      return Outcome.MISSED;
    }
    if (!store.claim(key, day, owner, now, options.lease(), options.maxAttempts())) {
      return Outcome.NOTHING;
    }
    Composed composed;
    try {
      composed = composer.compose(s, day, now, false);
    } catch (RuntimeException e) {
      store.release(key, day, owner, String.valueOf(e.getMessage()));
      throw e;
    }
    if (composed.reply().isEmpty()) {
      store.finish(key, day, SlotState.EMPTY, "nothing to say", now);
      log.info("Digest for {} of {} had nothing to say; not posted", describe(key), day);
      return Outcome.EMPTY;
    }
    try {
      poster.post(key, composed.reply());
    } catch (ChannelUnreachableException e) {
      store.finish(key, day, SlotState.FAILED, e.getMessage(), now);
      store.pause(key, now, e.getMessage());
      log.warn(
          "Digest for {} paused: the channel cannot be posted to ({}). It resumes when the"
              + " channel subscribes again.",
          describe(key),
          e.getMessage());
      return Outcome.PAUSED;
    } catch (InterruptedException e) {
      store.release(key, day, owner, "interrupted");
      Thread.currentThread().interrupt();
      return Outcome.RETRY;
    } catch (Exception e) {
      store.release(key, day, owner, String.valueOf(e.getMessage()));
      log.warn(
          "Digest for {} of {} could not be posted ({}); trying again on the next run",
          describe(key),
          day,
          e.getMessage());
      return Outcome.RETRY;
    }
    store.posted(key, day, now, composed.featured());
    log.info("Digest for {} of {} posted", describe(key), day);
    return Outcome.POSTED;
  }

  static String describe(ChannelKey key) {
    return key.platform()
        + " "
        + (key.workspace().isEmpty() ? "" : key.workspace() + "/")
        + key.channel();
  }
}
