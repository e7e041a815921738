package readingroom.bot.channel;

import java.util.List;
import java.util.function.Function;

/**
 * Where the rate limiter's token buckets live: this process's memory ({@link InMemoryBuckets}), or
 * a table every replica shares, so that a person cannot multiply their limit by the number of
 * replicas.
 */
public interface BucketStore {

  /**
   * What {@link #update} should store, and what it returns.
   *
   * @param buckets the new state of each bucket, in the order of the keys; {@code null} to change
   *     nothing
   */
  record Change<T>(List<TokenBucket> buckets, T result) {}

  /**
   * Reads the buckets named by {@code keys} ({@link TokenBucket#UNUSED} for one never used or
   * forgotten), lets {@code decide} choose their next state, and stores it: atomically with respect
   * to every other caller of this store, in every process that shares it.
   */
  <T> T update(List<String> keys, Function<List<TokenBucket>, Change<T>> decide);
}
