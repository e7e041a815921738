package readingroom.bot.channel;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import readingroom.index.Answer;

/**
 * Answers already given, per channel ({@link AnswerKey}), held by Caffeine under a configurable
 * specification. Concurrent identical questions compute once: the first asker computes on its own
 * thread while the others wait for its result, so a class asking the same thing at once costs one
 * search. Failed computations are not kept.
 */
public final class AnswerCache {

  /** Ten thousand answers for six hours: a term's worth of repeated questions in little memory. */
  public static final String DEFAULT_SPEC = "maximumSize=10000,expireAfterWrite=6h";

  /**
   * An answer or the failure computing it. Futures in the cache always complete normally, so a
   * failure reaches the waiting askers without Caffeine logging it as a failed load.
   */
  private record Outcome(Answer answer, Throwable failure) {}

  private final AsyncCache<AnswerKey, Outcome> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param spec a Caffeine specification, e.g. {@code maximumSize=10000,expireAfterWrite=6h}
   * @param ticker the time source for expiry; {@link Ticker#systemTicker()} outside tests
   * @throws IllegalArgumentException when the specification is not valid for this cache
   */
  public AnswerCache(String spec, Ticker ticker) {
    checkSpec(spec);
    this.cache = Caffeine.from(spec).ticker(ticker).buildAsync();
  }

  /** A cache with the default specification and the system clock. */
  public static AnswerCache withDefaults() {
    return new AnswerCache(DEFAULT_SPEC, Ticker.systemTicker());
  }

  /**
   * Checks a specification without building a cache.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void checkSpec(String spec) {
    try {
      Caffeine.from(spec).buildAsync();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "is not a usable Caffeine specification (" + e.getMessage() + ")", e);
    }
  }

  /** An answer, and whether it came from the cache. */
  public record Lookup(Answer answer, boolean hit) {}

  /** Whether an answer for the key is cached or being computed; counts neither hit nor miss. */
  public boolean contains(AnswerKey key) {
    return cache.getIfPresent(key) != null;
  }

  /**
   * The cached answer, or the one {@code compute} gives, computed once however many threads ask at
   * the same time. Waiting for another thread's computation counts as a hit.
   *
   * @throws RuntimeException whatever {@code compute} threw; the failure is not cached
   */
  public Lookup get(AnswerKey key, Supplier<Answer> compute) {
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    CompletableFuture<Outcome> existing = cache.asMap().putIfAbsent(key, mine);
    if (existing != null) {
      hits.increment();
      return new Lookup(answerOf(join(existing)), true);
    }
    misses.increment();
    try {
      Answer answer = compute.get();
      mine.complete(new Outcome(answer, null));
      return new Lookup(answer, false);
    } catch (RuntimeException | Error e) {
      // Waiters see the same failure; the next asker tries again.
      cache.asMap().remove(key, mine);
      mine.complete(new Outcome(null, e));
      throw e;
    }
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /** Roughly how many answers are held. */
  public long size() {
    return cache.synchronous().estimatedSize();
  }

  /** Forgets every answer (answers of an old index version also age out on their own). */
  public void clear() {
    cache.synchronous().invalidateAll();
  }

  private static Outcome join(CompletableFuture<Outcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an answer", e);
    } catch (ExecutionException e) {
      // Never happens: outcomes complete normally.
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Answer answerOf(Outcome outcome) {
    if (outcome.failure() == null) {
      return outcome.answer();
    }
    if (outcome.failure() instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (Error) outcome.failure();
  }
}
