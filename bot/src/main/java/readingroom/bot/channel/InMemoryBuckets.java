package readingroom.bot.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Token buckets in this process's memory, for a bot that runs as one process. Buckets idle for
 * longer than the longest period are full again and forgotten.
 */
public final class InMemoryBuckets implements BucketStore {

  private final Cache<String, TokenBucket> buckets;

  /**
   * @param forgetAfter the longest limit's period: a bucket idle that long is full again
   */
  public InMemoryBuckets(Duration forgetAfter, Clock clock) {
    this.buckets =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfterAccess(forgetAfter)
            .build();
  }

  @Override
  public synchronized <T> T update(
      List<String> keys, Function<List<TokenBucket>, Change<T>> decide) {
    List<TokenBucket> current = new ArrayList<>(keys.size());
    for (String key : keys) {
      current.add(buckets.get(key, k -> TokenBucket.UNUSED));
    }
    Change<T> change = decide.apply(current);
    if (change.buckets() != null) {
      for (int i = 0; i < keys.size(); i++) {
        buckets.put(keys.get(i), change.buckets().get(i));
      }
    }
    return change.result();
  }
}
