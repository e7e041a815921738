package readingroom.bot.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The state parameters of Slack OAuth installs in progress ({@code slack_oauth_states}), shared by
 * the replicas: the install link is issued by one and Slack's redirect may reach another. A state
 * is good once and only until it expires; using it deletes it in the same statement that checks it,
 * so two redirects with one state cannot both pass, whichever replicas they reach.
 */
public final class SlackOAuthStates {

  /** States are UUIDs; anything far longer is not one of ours. */
  static final int MAX_STATE_CHARS = 200;

  private final StateDatabase database;
  private final Duration lifetime;
  private final Clock clock;

  public SlackOAuthStates(StateDatabase database, Duration lifetime, Clock clock) {
    this.database = database;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Remembers a newly issued state, and deletes the expired ones. */
  public void issue(String state) {
    Instant now = clock.instant();
    database.inTransaction(c -> {
      Sql sql = Sql.on(c);
      sql.update("DELETE FROM slack_oauth_states WHERE expires_at <= ?", now);
      return sql.update(
          "INSERT INTO slack_oauth_states (state, expires_at) VALUES (?, ?)",
          state,
          now.plus(lifetime));
    });
  }

  /**
   * Uses a state up.
   *
   * @return whether it was issued, not yet used and not expired
   */
  public boolean consume(String state) {
    if (state == null || state.isEmpty() || state.length() > MAX_STATE_CHARS) {
      return false;
    }
    Instant now = clock.instant();
    return database.inTransaction(c ->
        Sql.on(c)
            .update(
                "DELETE FROM slack_oauth_states WHERE state = ? AND expires_at > ?", state, now))
        == 1;
  }

  /** Deletes a state, used or not. */
  public void forget(String state) {
    if (state != null) {
      database.inTransaction(
          c -> Sql.on(c).update("DELETE FROM slack_oauth_states WHERE state = ?", state));
    }
  }
}
