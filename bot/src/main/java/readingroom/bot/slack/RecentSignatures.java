package readingroom.bot.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signatures of this process's recent Slack requests, each kept until its window closes. Only
 * validly signed requests reach it, so its size follows Slack's traffic over five minutes, not an
 * attacker's.
 */
final class RecentSignatures implements ReplayGuard {

  private final Clock clock;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  RecentSignatures(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean firstSeen(String signature, Instant forgetAfter) {
    Instant now = clock.instant();
    seen.values().removeIf(expiry -> expiry.isBefore(now));
    return seen.putIfAbsent(signature, forgetAfter) == null;
  }

  /** How many signatures are remembered now (for tests of expiry). */
  int size() {
    return seen.size();
  }
}
