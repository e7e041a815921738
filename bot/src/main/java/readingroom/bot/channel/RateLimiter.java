package readingroom.bot.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

/**
 * Per-person and per-channel limits on questions that reach the engine, as token buckets: a limit
 * of 5 a minute lets someone ask 5 at once, then one more every 12 seconds. A person's limit counts
 * across the channels of a workspace. Time comes from an injected {@link Clock}, so tests advance a
 * fake one. Idle buckets (full again) are forgotten.
 */
public final class RateLimiter {

  /**
   * At most {@code questions} every {@code per}; zero questions means no limit.
   *
   * @param questions the burst size and the number refilled per period
   * @param per the period
   */
  public record Limit(int questions, Duration per) {
    public Limit {
      if (questions < 0) {
        throw new IllegalArgumentException("questions must not be negative, was " + questions);
      }
      if (per == null || per.isNegative() || (questions > 0 && per.isZero())) {
        throw new IllegalArgumentException("per must be a positive duration, was " + per);
      }
    }

    public static Limit none() {
      return new Limit(0, Duration.ofMinutes(1));
    }

    public boolean unlimited() {
      return questions == 0;
    }
  }

  /** Which limit refused a question. */
  public enum Kind {
    USER,
    CHANNEL
  }

  /**
   * Whether a question may go ahead.
   *
   * @param refusedBy the limit that refused it, or {@code null} when allowed
   * @param retryAfter how long until it would be allowed ({@link Duration#ZERO} when allowed)
   */
  public record Decision(Kind refusedBy, Duration retryAfter) {
    static final Decision ALLOWED = new Decision(null, Duration.ZERO);

    public boolean allowed() {
      return refusedBy == null;
    }
  }

  private record UserKey(Platform platform, String workspace, String user) {}

  private final Limit perUser;
  private final Limit perChannel;
  private final Clock clock;
  private final Cache<Object, Bucket> buckets;

  public RateLimiter(Limit perUser, Limit perChannel, Clock clock) {
    this.perUser = perUser;
    this.perChannel = perChannel;
    this.clock = clock;
    Duration longest =
        perUser.per().compareTo(perChannel.per()) >= 0 ? perUser.per() : perChannel.per();
    this.buckets =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            // After a full period without questions a bucket is full again: no need to keep it.
            .expireAfterAccess(longest)
            .build();
  }

  /** No limits at all. */
  public static RateLimiter unlimited() {
    return new RateLimiter(Limit.none(), Limit.none(), Clock.systemUTC());
  }

  /**
   * Takes one question from both the person's and the channel's allowance, or neither when either
   * is spent.
   */
  public synchronized Decision tryAcquire(Origin origin) {
    if (origin.platform() == Platform.CONSOLE) {
      // Whoever types in the console runs the bot: the limits protect it from chat users.
      return Decision.ALLOWED;
    }
    long now = clock.millis();
    Bucket user =
        perUser.unlimited()
            ? null
            : buckets.get(
                new UserKey(origin.platform(), origin.workspace(), origin.user()),
                k -> new Bucket(perUser, now));
    Bucket channel =
        perChannel.unlimited()
            ? null
            : buckets.get(ChannelKey.of(origin), k -> new Bucket(perChannel, now));
    if (user != null && !user.available(now)) {
      return new Decision(Kind.USER, user.waitFor(now));
    }
    if (channel != null && !channel.available(now)) {
      return new Decision(Kind.CHANNEL, channel.waitFor(now));
    }
    if (user != null) {
      user.take();
    }
    if (channel != null) {
      channel.take();
    }
    return Decision.ALLOWED;
  }

  /**
   * A token bucket in exact integer units: a question costs {@code per} milliseconds' worth, and
   * every millisecond adds {@code questions} units. Guarded by the limiter's lock.
   */
  private static final class Bucket {
    private final long refillPerMilli;
    private final long cost;
    private final long capacity;
    private long units;
    private long updated;

    Bucket(Limit limit, long now) {
      this.refillPerMilli = limit.questions();
      this.cost = Math.max(1, limit.per().toMillis());
      this.capacity = cost * limit.questions();
      this.units = capacity;
      this.updated = now;
    }

    boolean available(long now) {
      refill(now);
      return units >= cost;
    }

    void take() {
      units -= cost;
    }

    Duration waitFor(long now) {
      refill(now);
      long missing = cost - units;
      return missing <= 0
          ? Duration.ZERO
          : Duration.ofMillis((missing + refillPerMilli - 1) / refillPerMilli);
    }

    private void refill(long now) {
      if (now > updated) {
        long elapsed = now - updated;
        // Saturate rather than overflow after a very long idle time.
        long added = elapsed > capacity / refillPerMilli ? capacity : elapsed * refillPerMilli;
        units = Math.min(capacity, units + added);
        updated = now;
      }
    }
  }
}
