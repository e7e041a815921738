package readingroom.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import readingroom.index.Answer;
import readingroom.index.Scope;

class AnswerCacheTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  private static AnswerKey key(String question) {
    return new AnswerKey(Scope.all(), AnswerKey.normalise(question), 3, 0, 1);
  }

  private static Answer answer(String text) {
    return new Answer(text, true, List.of(), 5);
  }

  @Test
  void concurrentIdenticalQuestionsComputeOnce() throws Exception {
    AnswerCache cache = new AnswerCache("maximumSize=100", ticker);
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    int askers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(askers);
    try {
      List<Future<AnswerCache.Lookup>> lookups = new ArrayList<>();
      for (int i = 0; i < askers; i++) {
        lookups.add(
            pool.submit(() ->
                cache.get(
                    key("Why did Russia invite the Taliban?"),
                    () -> {
                      computed.incrementAndGet();
                      await(release);
                      return answer("computed");
                    })));
      }
      // Hold the first computation until every other asker is waiting on it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (cache.hits() < askers - 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(cache.hits()).isEqualTo(askers - 1);
      release.countDown();
      for (Future<AnswerCache.Lookup> lookup : lookups) {
        assertThat(lookup.get(10, TimeUnit.SECONDS).answer().question()).isEqualTo("computed");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(computed).hasValue(1);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void questionsDifferingOnlyInCaseSpacingPunctuationOrMentionsShareAnAnswer() {
    assertThat(AnswerKey.normalise("  Why did RUSSIA invite the Taliban??  "))
        .isEqualTo(AnswerKey.normalise("<@U123> why did russia, invite the taliban"))
        .isEqualTo("why did russia invite the taliban");
  }

  @Test
  void aFailedComputationIsNotKept() {
    AnswerCache cache = new AnswerCache("maximumSize=100", ticker);
    assertThatThrownBy(() ->
            cache.get(
                key("q"),
                () -> {
                  throw new IllegalStateException("index gone");
                }))
        .hasMessage("index gone");
    assertThat(cache.contains(key("q"))).isFalse();
    assertThat(cache.get(key("q"), () -> answer("second try")).answer().question())
        .isEqualTo("second try");
  }

  @Test
  void answersExpireAfterTheConfiguredTime() {
    AnswerCache cache = new AnswerCache("maximumSize=100,expireAfterWrite=10m", ticker);
    cache.get(key("q"), () -> answer("first"));
    nanos.addAndGet(Duration.ofMinutes(9).toNanos());
    assertThat(cache.get(key("q"), () -> answer("second")).hit()).isTrue();
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    AnswerCache.Lookup later = cache.get(key("q"), () -> answer("second"));
    assertThat(later.hit()).isFalse();
    assertThat(later.answer().question()).isEqualTo("second");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void aNewIndexVersionIsANewKey() {
    AnswerCache cache = new AnswerCache("maximumSize=100", ticker);
    AnswerKey v1 = new AnswerKey(Scope.all(), "q", 3, 0, 1);
    AnswerKey v2 = new AnswerKey(Scope.all(), "q", 3, 0, 2);
    cache.get(v1, () -> answer("old index"));
    assertThat(cache.get(v2, () -> answer("new index")).answer().question()).isEqualTo("new index");
  }

  @Test
  void aZeroSizeSpecificationTurnsCachingOff() {
    AnswerCache cache = new AnswerCache("maximumSize=0", ticker);
    assertThat(cache.get(key("q"), () -> answer("first")).hit()).isFalse();
    assertThat(cache.contains(key("q"))).isFalse();
    AnswerCache.Lookup again = cache.get(key("q"), () -> answer("second"));
    assertThat(again.hit()).isFalse();
    assertThat(again.answer().question()).isEqualTo("second");
    assertThat(cache.hits()).isZero();
    assertThat(cache.misses()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void channelsWithTheSameReadingListShareAnAnswerButOtherReadingListsDoNot() {
    AnswerCache cache = new AnswerCache("maximumSize=100", ticker);
    Scope week1 = Scope.articles(java.util.Set.of("a1"));
    cache.get(new AnswerKey(week1, "q", 3, 0, 1), () -> answer("week 1"));
    assertThat(cache.contains(new AnswerKey(week1, "q", 3, 0, 1))).isTrue();
    assertThat(cache.contains(new AnswerKey(Scope.all(), "q", 3, 0, 1))).isFalse();
    assertThat(cache.contains(new AnswerKey(week1, "q", 2, 0, 1))).isFalse();
    assertThat(cache.contains(new AnswerKey(week1, "q", 3, 3, 1))).isFalse();
  }

  @Test
  void anUnusableSpecificationIsRefusedWithTheReason() {
    assertThatThrownBy(() -> AnswerCache.checkSpec("maximumSize=lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a usable Caffeine specification");
    assertThatThrownBy(() -> AnswerCache.checkSpec("maximumSize=10,weakValues"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
