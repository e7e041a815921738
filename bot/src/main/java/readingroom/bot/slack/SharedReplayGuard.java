package readingroom.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.state.SeenSlackRequests;

/**
 * The replay guard of replicas that share a state database: a signature is first seen by one atomic
 * statement on {@link SeenSlackRequests}, whichever replica the request reaches. Expired signatures
 * are deleted on the way, at most once per {@link #PURGE_EVERY}, so the table holds about ten
 * minutes of Slack's traffic and no background task is needed.
 */
final class SharedReplayGuard implements ReplayGuard {

  private static final Logger log = LoggerFactory.getLogger(SharedReplayGuard.class);

  /**
   * How long a signature is kept: a request may be stamped up to five minutes ahead of local time
   * and is then accepted until five minutes after its stamp.
   */
  static final Duration KEEP_FOR = SeenSlackRequests.WINDOW.multipliedBy(2);

  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final SeenSlackRequests seen;
  private final Clock clock;
  private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

  SharedReplayGuard(SeenSlackRequests seen, Clock clock) {
    this.seen = seen;
    this.clock = clock;
  }

  @Override
  public boolean firstSeen(String signature, Instant forgetAfter) {
    purgeNowAndThen();
    return seen.firstTime(signature);
  }

  private void purgeNowAndThen() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (last != Long.MIN_VALUE && now - last < PURGE_EVERY.toMillis()
        || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    try {
      int purged = seen.purgeExpired();
      log.debug("Purged {} expired Slack request signatures", purged);
    } catch (RuntimeException e) {
      // The check itself still works; an old row only takes room until the next purge.
      log.warn("Purging expired Slack request signatures failed: {}", e.getMessage());
    }
  }
}
