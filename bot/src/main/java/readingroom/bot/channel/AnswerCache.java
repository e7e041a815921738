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
 * The bot's one answer cache: answers already given ({@link AnswerKey}: reading list, normalised
 * question, quote count and page, index version), held by Caffeine under a configurable
 * specification. Concurrent identical questions compute once: the first asker computes on its own
 * thread while the others wait for its result, so a class asking the same thing at once costs one
 * search. Failed computations are not kept. A specification of {@code maximumSize=0} (or {@code
 * maximumWeight=0}) turns caching off: every question is computed, and nothing is ever a hit.
 */
public final class AnswerCache {

  /** Ten thousand answers for six hours: a term's worth of repeated questions in little memory. */
  public static final String DEFAULT_SPEC = "maximumSize=10000,expireAfterWrite=6h";

  /**
   * An answer or the failure computing it. Futures in the cache always complete normally, so a
   * failure reaches the waiting askers without Caffeine logging it as a failed load.
   */
  private record Outcome(Answer answer, Throwable failure) {}

  /** Null when caching is off. */
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
    // Caffeine evicts a zero-size cache's entries only after the fact, on another thread: a
    // question asked twice at once could still be a hit. Off means off.
    this.cache = holdsNothing(spec) ? null : Caffeine.from(spec).ticker(ticker).buildAsync();
  }

  private static boolean holdsNothing(String spec) {
    for (String option : spec.split(",")) {
      String[] keyValue = option.split("=", 2);
      if (keyValue.length == 2
          && (keyValue[0].strip().equals("maximumSize")
              || keyValue[0].strip().equals("maximumWeight"))
          && keyValue[1].strip().equals("0")) {
        return true;
      }
    }
    return false;
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
    return cache != null && cache.getIfPresent(key) != null;
  }

  /**
   * The cached answer, or the one {@code compute} gives, computed once however many threads ask at
   * the same time. Waiting for another thread's computation counts as a hit.
   *
   * @throws RuntimeException whatever {@code compute} threw; the failure is not cached
   */
  public Lookup get(AnswerKey key, Supplier<Answer> compute) {
    if (cache == null) {
      misses.increment();
      return new Lookup(compute.get(), false);
    }
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
    return cache == null ? 0 : cache.synchronous().estimatedSize();
  }

  /** Forgets every answer (answers of an old index version also age out on their own). */
  public void clear() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
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
