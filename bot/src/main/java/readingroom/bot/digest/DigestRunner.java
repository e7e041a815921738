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
import readingroom.bot.digest.DigestPoster.NotPostedException;
import readingroom.bot.model.Platform;

/**
 * Posts each subscribed channel's day exactly once. A day is claimed in the database before it is
 * composed, marked as being posted just before the platform is called, and marked posted after. A
 * post whose outcome is unknown (a timeout after the platform may have accepted it, a crash before
 * its record) is looked up on the platform ({@link DigestPoster#wasPosted}) before the day is ever
 * posted again; the claim is released only when the platform refused the post. So a restart at any
 * point posts a missed day once while it is within the grace period, and a day is marked failed
 * only when nothing was posted.
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
          case FAILED -> failed++;
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
    RETRY,
    FAILED
  }

  private Outcome runOne(Subscription s, DigestPoster poster) {
    ChannelKey key = s.channel();
    Instant now = clock.instant();
    Optional<LocalDate> started = s.schedule().latestStarted(now, s.activeFrom());
    if (started.isEmpty()) {
      return Outcome.NOTHING;
    }
    LocalDate day = started.get();
    boolean late = now.isAfter(s.schedule().at(day).plus(options.grace()));
    if (late) {
      Optional<SlotState> state = store.slot(key, day);
      if (state.isPresent() && state.get().finished()) {
        return Outcome.NOTHING;
      }
      // A post in doubt may have reached the channel: look before calling the day missed.
      if (store.postAttempt(key, day).isEmpty()) {
        return missed(s, day, now);
      }
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
    DigestSlot slot = new DigestSlot(key, day);
    Optional<DigestStore.PostAttempt> doubt = store.postAttempt(key, day);
    if (doubt.isPresent()) {
      Optional<Outcome> resolved = resolve(slot, doubt.get(), composed, poster, late, now);
      if (resolved.isPresent()) {
        return resolved.get();
      }
    }
    if (composed.reply().isEmpty()) {
      store.finish(key, day, SlotState.EMPTY, "nothing to say", now);
      log.info("Digest for {} of {} had nothing to say; not posted", describe(key), day);
      return Outcome.EMPTY;
    }
    if (!store.postStarting(key, day, owner, now, composed.featured())) {
      return Outcome.NOTHING;
    }
    try {
      poster.post(slot, composed.reply());
    } catch (ChannelUnreachableException e) {
      store.finish(key, day, SlotState.FAILED, e.getMessage(), now);
      store.pause(key, now, e.getMessage());
      log.warn(
          "Digest for {} paused: the channel cannot be posted to ({}). It resumes when the"
              + " channel subscribes again.",
          describe(key),
          e.getMessage());
      return Outcome.PAUSED;
    } catch (NotPostedException e) {
      store.refused(key, day, owner, String.valueOf(e.getMessage()));
      log.warn(
          "Digest for {} of {} was refused ({}); trying again on the next run",
          describe(key),
          day,
          e.getMessage());
      return Outcome.RETRY;
    } catch (InterruptedException e) {
      store.unknown(key, day, owner, "interrupted while posting");
      Thread.currentThread().interrupt();
      return Outcome.RETRY;
    } catch (Exception e) {
      // It may have been posted: keep the claim, and look the slot up before posting it again.
      store.unknown(key, day, owner, String.valueOf(e));
      log.warn(
          "Digest for {} of {}: no answer from the platform ({}); it may have been posted, so it"
              + " is looked up there before any second post",
          describe(key),
          day,
          e.toString());
      return Outcome.RETRY;
    }
    store.posted(key, day, now, composed.featured());
    log.info("Digest for {} of {} posted", describe(key), day);
    return Outcome.POSTED;
  }

  private Outcome missed(Subscription s, LocalDate day, Instant now) {
    store.finish(s.channel(), day, SlotState.MISSED, "past the grace period", now);
    log.info(
        "Digest for {} of {} missed: the bot was not running within {} of {} {}",
        describe(s.channel()),
        day,
        options.grace(),
        s.schedule().timeText(),
        s.schedule().zone());
    return Outcome.MISSED;
  }

  /**
   * Settles a post in doubt by looking for it on the platform: found, it is recorded as posted; not
   * found, the day is posted now (empty when it goes on), or missed, or failed when its attempts
   * are used up. When the platform cannot tell, the claim is kept and nothing is posted.
   */
  private Optional<Outcome> resolve(
      DigestSlot slot,
      DigestStore.PostAttempt doubt,
      Composed composed,
      DigestPoster poster,
      boolean late,
      Instant now) {
    ChannelKey key = slot.channel();
    LocalDate day = slot.day();
    boolean found;
    try {
      // A minute early: the post's own timestamp comes from the platform's clock, not ours.
      found = poster.wasPosted(slot, composed.reply(), doubt.since().minus(Duration.ofMinutes(1)));
    } catch (InterruptedException e) {
      store.unknown(key, day, owner, "interrupted while looking for the post");
      Thread.currentThread().interrupt();
      return Optional.of(Outcome.RETRY);
    } catch (Exception e) {
      store.unknown(key, day, owner, "could not look for the post: " + e);
      log.warn(
          "Digest for {} of {}: cannot tell yet whether it was posted ({}); not posting it again"
              + " until the platform says",
          describe(key),
          day,
          e.toString());
      return Optional.of(Outcome.RETRY);
    }
    if (found) {
      store.posted(key, day, doubt.since(), doubt.featured());
      log.info(
          "Digest for {} of {} was posted after all (found on the platform); not posted again",
          describe(key),
          day);
      return Optional.of(Outcome.POSTED);
    }
    if (late) {
      store.finish(key, day, SlotState.MISSED, "past the grace period; not found posted", now);
      return Optional.of(Outcome.MISSED);
    }
    if (doubt.attempts() > options.maxAttempts()) {
      store.finish(
          key,
          day,
          SlotState.FAILED,
          "gave up after " + options.maxAttempts() + " attempts; nothing was posted",
          now);
      log.warn("Digest for {} of {} failed: nothing was posted", describe(key), day);
      return Optional.of(Outcome.FAILED);
    }
    return Optional.empty();
  }

  static String describe(ChannelKey key) {
    return key.platform()
        + " "
        + (key.workspace().isEmpty() ? "" : key.workspace() + "/")
        + key.channel();
  }
}
