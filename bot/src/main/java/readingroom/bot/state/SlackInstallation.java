package readingroom.bot.state;

import java.time.Instant;

/**
 * One Slack workspace's installation of the app, as the OAuth flow gave it, with the tokens in
 * plain text (they are encrypted only on their way into the database).
 *
 * @param enterpriseId the Enterprise Grid organization, or {@code null}
 * @param teamId the workspace, or {@code null} for an org-wide install
 * @param botToken the workspace's bot token ({@code xoxb-...})
 * @param installerUserToken the installer's user token, or {@code null} when no user scopes were
 *     asked for
 */
public record SlackInstallation(
    String enterpriseId,
    String teamId,
    boolean enterpriseInstall,
    String appId,
    String botId,
    String botUserId,
    String botScopes,
    String botToken,
    String installerUserId,
    String installerUserScopes,
    String installerUserToken,
    Instant installedAt) {

  /** Tokens stay out of logs and exception messages. */
  @Override
  public String toString() {
    return "SlackInstallation[enterprise="
        + enterpriseId
        + ", team="
        + teamId
        + ", botUser="
        + botUserId
        + ", scopes="
        + botScopes
        + ", installer="
        + installerUserId
        + ", installedAt="
        + installedAt
        + "]";
  }
}
