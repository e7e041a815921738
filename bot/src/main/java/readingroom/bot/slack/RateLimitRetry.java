package readingroom.bot.slack;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Slack call again after the wait Slack asks for when it answers 429 (Retry-After, in
 * seconds), a few times at most. The wait is a {@link Pause}, so tests record it instead of
 * sleeping.
 */
final class RateLimitRetry {

  private static final Logger log = LoggerFactory.getLogger(RateLimitRetry.class);

  static final int MAX_ATTEMPTS = 4;

  /** Slack's usual waits are seconds; anything longer is capped so a reply is not held forever. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Waits; {@link Thread#sleep} in production. */
  interface Pause {
    void pause(Duration duration) throws InterruptedException;

    Pause SLEEP = duration -> Thread.sleep(duration);
  }

  /** One try of a call. */
  interface Attempt<T> {
    T run() throws Exception;
  }

  /** What an attempt throws when Slack said 429. */
  static final class RateLimited extends Exception {
    private final Duration wait;

    RateLimited(String retryAfter) {
      super("rate limited (Retry-After: " + retryAfter + ")", null, false, false);
      this.wait = parse(retryAfter);
    }

    Duration waitFor() {
      return wait;
    }

    private static Duration parse(String retryAfter) {
      try {
        long seconds = Long.parseLong(retryAfter == null ? "" : retryAfter.strip());
        return Duration.ofSeconds(Math.max(1, seconds));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(1); // absent or an HTTP date: Slack sends seconds; wait a bit
      }
    }
  }

  private final Pause pause;

  RateLimitRetry(Pause pause) {
    this.pause = pause;
  }

  /**
   * Runs the attempt, again after each 429 until it succeeds or {@link #MAX_ATTEMPTS} are spent.
   *
   * @throws Exception what the last attempt threw
   */
  <T> T run(String what, Attempt<T> attempt) throws Exception {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.run();
      } catch (RateLimited e) {
        if (tried >= MAX_ATTEMPTS) {
          throw e;
        }
        Duration wait = e.waitFor().compareTo(MAX_WAIT) > 0 ? MAX_WAIT : e.waitFor();
        log.info("Slack rate-limited {}; trying again in {} s", what, wait.toSeconds());
        pause.pause(wait);
      }
    }
  }
}
