package readingroom.bot.slack;

import java.time.Instant;

/**
 * Remembers which signed Slack requests have been seen, so a byte-identical copy sent again inside
 * the signature's five-minute window is refused. An interface so that replicas can share one store
 * (the database, Redis) instead of {@link RecentSignatures}, which only knows this process.
 */
public interface ReplayGuard {

  /**
   * Records a request's signature and says whether it is new.
   *
   * @param signature the request's {@code X-Slack-Signature}, already checked to be valid
   * @param forgetAfter when the signature's window closes; it need not be remembered longer
   * @return true the first time a signature is seen, false for a replay
   */
  boolean firstSeen(String signature, Instant forgetAfter);
}
