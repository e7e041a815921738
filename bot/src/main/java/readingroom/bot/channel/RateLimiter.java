package readingroom.bot.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

/**
 * Per-person and per-channel limits on questions that reach the engine, as token buckets: a limit
 * of 5 a minute lets someone ask 5 at once, then one more every 12 seconds. A person's limit counts
 * across the channels of a workspace. Time comes from an injected {@link Clock}, so tests advance a
 * fake one. The buckets live in a {@link BucketStore}: memory for one process, the shared state
 * database for several replicas.
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

  private final Limit perUser;
  private final Limit perChannel;
  private final Clock clock;
  private final BucketStore buckets;

  /** Limits kept in this process's memory. */
  public RateLimiter(Limit perUser, Limit perChannel, Clock clock) {
    this(perUser, perChannel, clock, new InMemoryBuckets(longest(perUser, perChannel), clock));
  }

  /** Limits kept in {@code buckets}, for example a table every replica shares. */
  public RateLimiter(Limit perUser, Limit perChannel, Clock clock, BucketStore buckets) {
    this.perUser = perUser;
    this.perChannel = perChannel;
    this.clock = clock;
    this.buckets = buckets;
  }

  /**
   * The longer of two limits' periods: after that long without questions a bucket is full again, so
   * a store need not keep it.
   */
  public static Duration longest(Limit perUser, Limit perChannel) {
    return perUser.per().compareTo(perChannel.per()) >= 0 ? perUser.per() : perChannel.per();
  }

  /** No limits at all. */
  public static RateLimiter unlimited() {
    return new RateLimiter(Limit.none(), Limit.none(), Clock.systemUTC());
  }

  /**
   * Takes one question from both the person's and the channel's allowance, or neither when either
   * is spent.
   */
  public Decision tryAcquire(Origin origin) {
    if (origin.platform() == Platform.CONSOLE) {
      // Whoever types in the console runs the bot: the limits protect it from chat users.
      return Decision.ALLOWED;
    }
    long now = clock.millis();
    List<String> keys = new ArrayList<>(2);
    List<Limit> limits = new ArrayList<>(2);
    List<Kind> kinds = new ArrayList<>(2);
    if (!perUser.unlimited()) {
      keys.add(key(Kind.USER, origin.platform(), origin.workspace(), origin.user()));
      limits.add(perUser);
      kinds.add(Kind.USER);
    }
    if (!perChannel.unlimited()) {
      keys.add(key(Kind.CHANNEL, origin.platform(), origin.workspace(), origin.channel()));
      limits.add(perChannel);
      kinds.add(Kind.CHANNEL);
    }
    if (keys.isEmpty()) {
      return Decision.ALLOWED;
    }
    return buckets.update(
        keys,
        current -> {
          List<TokenBucket> next = new ArrayList<>(current.size());
          for (int i = 0; i < current.size(); i++) {
            TokenBucket bucket = current.get(i).refilled(limits.get(i), now);
            if (!bucket.canTake(limits.get(i))) {
              return new BucketStore.Change<>(
                  null, new Decision(kinds.get(i), bucket.waitFor(limits.get(i))));
            }
            next.add(bucket.take(limits.get(i)));
          }
          return new BucketStore.Change<>(next, Decision.ALLOWED);
        });
  }

  /** A person's bucket counts across the channels of a workspace; a channel's is its own. */
  private static String key(Kind kind, Platform platform, String workspace, String id) {
    return kind.name() + '\0' + platform.name() + '\0' + workspace + '\0' + id;
  }
}
