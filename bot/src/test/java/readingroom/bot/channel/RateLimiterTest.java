package readingroom.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import readingroom.bot.channel.RateLimiter.Kind;
import readingroom.bot.channel.RateLimiter.Limit;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.testing.MutableClock;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock();

  private static Origin user(String user, String channel) {
    return new Origin(Platform.DISCORD, "guild", channel, user);
  }

  @Test
  void aPersonMayAskABurstThenOneMorePerShareOfThePeriod() {
    RateLimiter limiter = new RateLimiter(new Limit(5, Duration.ofMinutes(1)), Limit.none(), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).as("question %d", i + 1).isTrue();
    }
    RateLimiter.Decision refused = limiter.tryAcquire(user("ann", "c1"));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.refusedBy()).isEqualTo(Kind.USER);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));

    clock.advance(Duration.ofSeconds(11));
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isFalse();
  }

  @Test
  void aPersonsLimitCountsAcrossChannelsButNotAcrossPeople() {
    RateLimiter limiter = new RateLimiter(new Limit(2, Duration.ofMinutes(1)), Limit.none(), clock);
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("ann", "c2")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("ann", "c3")).allowed()).isFalse();
    assertThat(limiter.tryAcquire(user("bob", "c1")).allowed()).isTrue();
  }

  @Test
  void aChannelsLimitCountsEveryoneInIt() {
    RateLimiter limiter =
        new RateLimiter(
            new Limit(10, Duration.ofMinutes(1)), new Limit(3, Duration.ofMinutes(1)), clock);
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("bob", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("cem", "c1")).allowed()).isTrue();
    RateLimiter.Decision refused = limiter.tryAcquire(user("dee", "c1"));
    assertThat(refused.refusedBy()).isEqualTo(Kind.CHANNEL);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(limiter.tryAcquire(user("dee", "c2")).allowed()).isTrue();
  }

  @Test
  void aRefusedQuestionCostsNeitherAllowance() {
    RateLimiter limiter =
        new RateLimiter(
            new Limit(1, Duration.ofMinutes(1)), new Limit(2, Duration.ofMinutes(1)), clock);
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    // Ann is over her own limit: her refused question must not use up the channel's allowance.
    assertThat(limiter.tryAcquire(user("ann", "c1")).refusedBy()).isEqualTo(Kind.USER);
    assertThat(limiter.tryAcquire(user("ann", "c1")).refusedBy()).isEqualTo(Kind.USER);
    assertThat(limiter.tryAcquire(user("bob", "c1")).allowed()).isTrue();
  }

  @Test
  void aLongIdleTimeRefillsOnlyUpToTheBurst() {
    RateLimiter limiter = new RateLimiter(new Limit(2, Duration.ofMinutes(1)), Limit.none(), clock);
    limiter.tryAcquire(user("ann", "c1"));
    clock.advance(Duration.ofDays(400));
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isFalse();
  }

  @Test
  void zeroQuestionsMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(Limit.none(), Limit.none(), clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire(user("ann", "c1")).allowed()).isTrue();
    }
  }
}
