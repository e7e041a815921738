package readingroom.bot.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Slack requests already handled, by signature, in the state database ({@code
 * slack_seen_requests}), so a replayed request is refused by whichever replica it reaches. Slack
 * refuses its own requests older than five minutes by their timestamp; within that window only this
 * memory tells a replay from the original. One atomic statement decides: a signature is new when it
 * was never seen or its entry has expired. The shared form of the Slack adapter's replay guard (an
 * in-memory one serves a single process).
 */
public final class SeenSlackRequests {

  /** Slack's own window for a request's timestamp; a signature need not be kept longer. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** Signatures are hex HMACs of 70 characters; anything far longer is not one. */
  static final int MAX_SIGNATURE_CHARS = 200;

  private final StateDatabase database;
  private final Duration keepFor;
  private final Clock clock;

  /**
   * @param keepFor how long a signature is remembered: at least Slack's timestamp window
   */
  public SeenSlackRequests(StateDatabase database, Duration keepFor, Clock clock) {
    if (keepFor.compareTo(WINDOW) < 0) {
      throw new IllegalArgumentException("keepFor must be at least " + WINDOW + ", was " + keepFor);
    }
    this.database = database;
    this.keepFor = keepFor;
    this.clock = clock;
  }

  /**
   * Records {@code signature} as seen.
   *
   * @return whether this is the first time any replica saw it (within {@code keepFor}); {@code
   *     false} means a replay, to be refused
   */
  public boolean firstTime(String signature) {
    if (signature == null || signature.isEmpty() || signature.length() > MAX_SIGNATURE_CHARS) {
      return false;
    }
    Instant now = clock.instant();
    return database.inTransaction(c ->
        Sql.on(c)
            .update(
                "INSERT INTO slack_seen_requests (signature, expires_at) VALUES (?, ?)"
                    + " ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at"
                    + " WHERE slack_seen_requests.expires_at <= ?",
                signature,
                now.plus(keepFor),
                now))
        == 1;
  }

  /**
   * Deletes expired signatures.
   *
   * @return how many
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    return database.inTransaction(
        c -> Sql.on(c).update("DELETE FROM slack_seen_requests WHERE expires_at <= ?", now));
  }
}
