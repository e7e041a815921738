package readingroom.bot.slack;

import readingroom.bot.config.Secrets;
import readingroom.bot.config.SettingsException;

/**
 * The secrets of one workspace's app: its bot token, and the app token (Socket Mode) or the signing
 * secret (HTTP mode).
 */
record OneWorkspaceSecrets(String botToken, String appToken, String signingSecret) {

  @Override
  public String toString() {
    return "OneWorkspaceSecrets[<secret>]";
  }

  /**
   * @throws SettingsException naming the secret the mode needs that is missing
   */
  static OneWorkspaceSecrets from(SlackSettings settings, Secrets secrets) {
    String botToken =
        secrets
            .get(Secrets.SLACK_BOT_TOKEN)
            .orElseThrow(() -> new SettingsException("Slack needs SLACK_BOT_TOKEN (xoxb-...)."));
    return switch (settings.mode()) {
      case SOCKET ->
          new OneWorkspaceSecrets(
              botToken,
              secrets
                  .get(Secrets.SLACK_APP_TOKEN)
                  .orElseThrow(() ->
                      new SettingsException(
                          "SLACK_BOT_TOKEN is set, so Slack is on, and Socket Mode (setting"
                              + " readingroom.slack.mode = \"socket\") also needs"
                              + " SLACK_APP_TOKEN: an app-level token (xapp-...) with"
                              + " connections:write. Set it, or use mode \"http\" with"
                              + " SLACK_SIGNING_SECRET.")),
              null);
      case HTTP ->
          new OneWorkspaceSecrets(
              botToken,
              null,
              secrets
                  .get(Secrets.SLACK_SIGNING_SECRET)
                  .orElseThrow(() ->
                      new SettingsException(
                          "SLACK_BOT_TOKEN is set, so Slack is on, and HTTP mode (setting"
                              + " readingroom.slack.mode = \"http\") also needs"
                              + " SLACK_SIGNING_SECRET, from the app's Basic Information"
                              + " page.")));
    };
  }
}
