package readingroom.bot.slack;

import com.slack.api.bolt.service.OAuthStateService;
import readingroom.bot.state.SlackOAuthStates;

/**
 * Bolt's OAuth state store, on the state database ({@link SlackOAuthStates}), so the replica that
 * receives Slack's redirect knows the state another issued. Bolt also checks that the state in the
 * redirect is the one in the installing browser's cookie; this store adds that it is used once and
 * in time: checking it uses it up, so a replayed redirect is refused even on another replica.
 */
final class DatabaseOAuthStateService implements OAuthStateService {

  private final SlackOAuthStates states;

  DatabaseOAuthStateService(SlackOAuthStates states) {
    this.states = states;
  }

  @Override
  public long getExpirationInSeconds() {
    return states.lifetime().toSeconds();
  }

  @Override
  public void addNewStateToDatastore(String state) {
    states.issue(state);
  }

  /** Uses the state up: Bolt calls this once per redirect, after the cookie matched. */
  @Override
  public boolean isAvailableInDatabase(String state) {
    return states.consume(state);
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    states.forget(state);
  }
}
