package readingroom.bot.channel;

import java.time.Duration;

/**
 * One token bucket's state, in exact integer units: a question costs {@code per} milliseconds'
 * worth, and every millisecond adds {@code questions} units, up to {@code questions} questions'
 * worth. Immutable, so a store can keep it in memory or in a table row alike.
 *
 * @param units the units in the bucket at {@code updated}
 * @param updated when the bucket was last refilled, epoch milliseconds
 */
public record TokenBucket(long units, long updated) {

  /**
   * A bucket nobody has used: empty since the epoch, so the first refill fills it. A store creates
   * missing buckets as this, which needs no knowledge of the limit.
   */
  public static final TokenBucket UNUSED = new TokenBucket(0, 0);

  /** The bucket as it is at {@code now}: refilled for the time passed, never above capacity. */
  TokenBucket refilled(RateLimiter.Limit limit, long now) {
    if (now <= updated) {
      return this;
    }
    long capacity = cost(limit) * limit.questions();
    long elapsed = now - updated;
    // Saturate rather than overflow after a very long idle time.
    long added = elapsed > capacity / limit.questions() ? capacity : elapsed * limit.questions();
    return new TokenBucket(Math.min(capacity, units + added), now);
  }

  boolean canTake(RateLimiter.Limit limit) {
    return units >= cost(limit);
  }

  TokenBucket take(RateLimiter.Limit limit) {
    return new TokenBucket(units - cost(limit), updated);
  }

  /** How long until a (refilled) bucket holds one question's worth. */
  Duration waitFor(RateLimiter.Limit limit) {
    long missing = cost(limit) - units;
    return missing <= 0
        ? Duration.ZERO
        : Duration.ofMillis((missing + limit.questions() - 1) / limit.questions());
  }

  private static long cost(RateLimiter.Limit limit) {
    return Math.max(1, limit.per().toMillis());
  }
}
