package readingroom.bot.slack;

import readingroom.bot.config.Secrets;
import readingroom.bot.config.SettingsException;
import readingroom.bot.state.TokenCipher;

/** The secrets of the OAuth install flow, each checked. */
record OAuthSecrets(String clientSecret, String signingSecret, TokenCipher cipher) {

  @Override
  public String toString() {
    return "OAuthSecrets[<secret>]";
  }

  /**
   * @throws SettingsException naming the variable that is missing or wrong (never its value)
   */
  static OAuthSecrets from(Secrets secrets) {
    if (secrets.has(Secrets.SLACK_BOT_TOKEN)) {
      throw new SettingsException(
          "Both SLACK_BOT_TOKEN (one workspace) and readingroom.slack.oauth.client-id (the"
              + " install flow for many workspaces) are set. Unset SLACK_BOT_TOKEN to serve"
              + " every workspace that installs the app, or empty oauth.client-id to serve"
              + " one.");
    }
    String clientSecret =
        secrets
            .get(Secrets.SLACK_CLIENT_SECRET)
            .orElseThrow(() ->
                new SettingsException(
                    "readingroom.slack.oauth.client-id is set, so Slack's install flow is on,"
                        + " and it needs SLACK_CLIENT_SECRET: the app's Client Secret, from"
                        + " its Basic Information page."));
    String signingSecret =
        secrets
            .get(Secrets.SLACK_SIGNING_SECRET)
            .orElseThrow(() ->
                new SettingsException(
                    "readingroom.slack.oauth.client-id is set, so Slack's install flow is on,"
                        + " and HTTP mode needs SLACK_SIGNING_SECRET, from the app's Basic"
                        + " Information page."));
    String key =
        secrets
            .get(Secrets.SLACK_TOKEN_KEY)
            .orElseThrow(() ->
                new SettingsException(
                    "readingroom.slack.oauth.client-id is set, so workspaces' bot tokens are"
                        + " kept in the state database, encrypted with "
                        + Secrets.SLACK_TOKEN_KEY
                        + ", which is not set. Make a key with: openssl rand -base64 32, and"
                        + " keep it with your backups (tokens stored with a lost key need a"
                        + " reinstall)."));
    TokenCipher cipher;
    try {
      cipher = TokenCipher.fromBase64(key, Secrets.SLACK_TOKEN_KEY);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(e.getMessage() + ".");
    }
    return new OAuthSecrets(clientSecret, signingSecret, cipher);
  }
}
