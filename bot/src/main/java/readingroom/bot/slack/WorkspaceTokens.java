package readingroom.bot.slack;

import java.util.Optional;
import readingroom.bot.state.SlackInstallation;
import readingroom.bot.state.SlackInstallations;

/**
 * Which bot token speaks for a workspace: the one {@code SLACK_BOT_TOKEN} of a single-workspace
 * app, or each workspace's own from its OAuth installation. Asked on every call, so an uninstalled
 * workspace gets no more answers from any replica.
 */
interface WorkspaceTokens {

  /** The bot token for {@code teamId}, or empty when the app is not installed there. */
  Optional<String> botToken(String teamId);

  /** One workspace's app: every request is answered with the same token. */
  static WorkspaceTokens single(String botToken) {
    Optional<String> token = Optional.ofNullable(botToken);
    return team -> token;
  }

  /** A distributed app: each workspace's token from its installation. */
  static WorkspaceTokens installed(SlackInstallations installations) {
    return team -> installations.forTeam(team).map(SlackInstallation::botToken);
  }

  /** Thrown when a reply is due in a workspace that has no installation (any more). */
  final class NotInstalledException extends Exception {
    private static final long serialVersionUID = 1L;

    NotInstalledException(String teamId) {
      super("the app is not installed in Slack workspace " + teamId);
    }
  }

  /** The token, or {@link NotInstalledException}. */
  default String require(String teamId) throws NotInstalledException {
    return botToken(teamId).orElseThrow(() -> new NotInstalledException(teamId));
  }
}
