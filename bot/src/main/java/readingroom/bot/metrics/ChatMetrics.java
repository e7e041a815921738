package readingroom.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import readingroom.bot.model.Platform;

/**
 * The meters of the chat layer, named once here. In Prometheus form: {@code
 * readingroom_questions_total{platform}}, {@code readingroom_answer_cache_total{result=hit|miss}},
 * {@code readingroom_answer_latency_seconds} (a histogram, tagged {@code cache=hit|miss}), {@code
 * readingroom_abstentions_total}, {@code readingroom_rate_limited_total{limit=user|channel}} and
 * {@code readingroom_errors_total{kind}}.
 */
public final class ChatMetrics {

  /** What went wrong, for {@code readingroom_errors_total}. */
  public enum ErrorKind {
    /** The question could not be asked as typed (the user was told why). */
    INVALID_INPUT,
    /** The engine failed: index unreadable, corpus gone. */
    ENGINE,
    /** The state database failed. */
    DATABASE,
    /** Anything else: a bug. */
    INTERNAL
  }

  private final MeterRegistry registry;
  private final Counter hits;
  private final Counter misses;
  private final Counter abstentions;
  private final Timer hitLatency;
  private final Timer missLatency;

  public ChatMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.hits = cacheCounter("hit");
    this.misses = cacheCounter("miss");
    this.abstentions =
        Counter.builder("readingroom.abstentions")
            .description("Answers where the reading list did not seem to answer the question")
            .register(registry);
    this.hitLatency = latency("hit");
    this.missLatency = latency("miss");
  }

  /** Meters kept in memory only, for runs that serve no metrics endpoint. */
  public static ChatMetrics inMemory() {
    return new ChatMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A question arrived, whatever became of it. */
  public void question(Platform platform) {
    Counter.builder("readingroom.questions")
        .description("Questions asked, including refused and failed ones")
        .tag("platform", lower(platform))
        .register(registry)
        .increment();
  }

  /** An answer was given; {@code took} is the whole time from question to reply. */
  public void answered(boolean cacheHit, boolean answered, Duration took) {
    (cacheHit ? hits : misses).increment();
    (cacheHit ? hitLatency : missLatency).record(took);
    if (!answered) {
      abstentions.increment();
    }
  }

  /** A question was refused by a rate limit ({@code "user"} or {@code "channel"}). */
  public void rateLimited(String limit) {
    Counter.builder("readingroom.rate.limited")
        .description("Questions refused by a rate limit")
        .tag("limit", limit.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  public void error(ErrorKind kind) {
    Counter.builder("readingroom.errors")
        .description("Requests that failed, by kind")
        .tag("kind", lower(kind))
        .register(registry)
        .increment();
  }

  /** Reports a value read on each scrape, e.g. the answer cache's size. */
  public void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value)
        .description(description)
        .register(registry);
  }

  private Counter cacheCounter(String result) {
    return Counter.builder("readingroom.answer.cache")
        .description("Answers served from the cache (hit) or computed by the engine (miss)")
        .tag("result", result)
        .register(registry);
  }

  private Timer latency(String cache) {
    return Timer.builder("readingroom.answer.latency")
        .description("Time from question to answer")
        .tag("cache", cache)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
