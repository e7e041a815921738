package readingroom.bot.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * The Slack workspaces that installed the app, in the state database ({@code slack_installations}),
 * so every replica answers each workspace with its own bot token and an uninstall seen by one
 * replica stops them all. Tokens are encrypted with {@link TokenCipher}, bound to their row;
 * nothing is cached, so a removed installation is gone on the next request. Missing enterprise and
 * team ids are stored as '' to keep one portable primary key.
 */
public final class SlackInstallations {

  private static final String COLUMNS =
      "enterprise_id, team_id, is_enterprise_install, app_id, bot_id, bot_user_id, bot_scopes,"
          + " bot_token, installer_user_id, installer_user_scopes, installer_user_token,"
          + " installed_at";

  private final StateDatabase database;
  private final TokenCipher cipher;

  public SlackInstallations(StateDatabase database, TokenCipher cipher) {
    this.database = database;
    this.cipher = cipher;
  }

  /** Saves an installation, replacing the workspace's earlier one (a reinstall, new scopes). */
  public void save(SlackInstallation installation) {
    String enterprise = key(installation.enterpriseId());
    String team = key(installation.teamId());
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "INSERT INTO slack_installations ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (enterprise_id, team_id) DO UPDATE SET"
                    + " is_enterprise_install = excluded.is_enterprise_install,"
                    + " app_id = excluded.app_id, bot_id = excluded.bot_id,"
                    + " bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes,"
                    + " bot_token = excluded.bot_token,"
                    + " installer_user_id = excluded.installer_user_id,"
                    + " installer_user_scopes = excluded.installer_user_scopes,"
                    + " installer_user_token = excluded.installer_user_token,"
                    + " installed_at = excluded.installed_at",
                enterprise,
                team,
                installation.enterpriseInstall(),
                installation.appId(),
                installation.botId(),
                installation.botUserId(),
                installation.botScopes() == null ? "" : installation.botScopes(),
                cipher.encrypt(installation.botToken(), context(enterprise, team, "bot")),
                installation.installerUserId(),
                installation.installerUserScopes(),
                installation.installerUserToken() == null
                    ? null
                    : cipher.encrypt(
                        installation.installerUserToken(), context(enterprise, team, "user")),
                installation.installedAt()));
  }

  /**
   * The installation that serves a request from {@code teamId} in {@code enterpriseId}: the
   * workspace's own, or else its organization's org-wide one.
   */
  public Optional<SlackInstallation> find(String enterpriseId, String teamId) {
    Optional<SlackInstallation> own =
        database.read(c ->
            Sql.on(c)
                .first(
                    "SELECT "
                        + COLUMNS
                        + " FROM slack_installations WHERE enterprise_id = ? AND team_id = ?",
                    this::installation,
                    key(enterpriseId),
                    key(teamId)));
    if (own.isPresent() || enterpriseId == null || enterpriseId.isEmpty()) {
      return own;
    }
    return find(enterpriseId, null).filter(SlackInstallation::enterpriseInstall);
  }

  /** A workspace's installation by its team id alone (what a channel key knows). */
  public Optional<SlackInstallation> forTeam(String teamId) {
    if (teamId == null || teamId.isEmpty()) {
      return Optional.empty();
    }
    return database.read(c ->
        Sql.on(c)
            .first(
                "SELECT "
                    + COLUMNS
                    + " FROM slack_installations WHERE team_id = ? ORDER BY installed_at DESC",
                this::installation,
                teamId));
  }

  /**
   * Removes a workspace's installation (the app was uninstalled, or its bot token revoked).
   *
   * @return whether there was one
   */
  public boolean delete(String enterpriseId, String teamId) {
    return database.inTransaction(c ->
        Sql.on(c)
            .update(
                "DELETE FROM slack_installations WHERE enterprise_id = ? AND team_id = ?",
                key(enterpriseId),
                key(teamId)))
        > 0;
  }

  /** Forgets the user tokens of these installers (Slack revoked them; the bot token stays). */
  public void forgetUserTokens(String enterpriseId, String teamId, Collection<String> users) {
    for (String user : users) {
      database.inTransaction(c ->
          Sql.on(c)
              .update(
                  "UPDATE slack_installations SET installer_user_token = NULL"
                      + " WHERE enterprise_id = ? AND team_id = ? AND installer_user_id = ?",
                  key(enterpriseId),
                  key(teamId),
                  user));
    }
  }

  private SlackInstallation installation(ResultSet row) throws SQLException {
    String enterprise = row.getString("enterprise_id");
    String team = row.getString("team_id");
    String userToken = row.getString("installer_user_token");
    return new SlackInstallation(
        orNull(enterprise),
        orNull(team),
        row.getInt("is_enterprise_install") != 0,
        row.getString("app_id"),
        row.getString("bot_id"),
        row.getString("bot_user_id"),
        row.getString("bot_scopes"),
        cipher.decrypt(row.getString("bot_token"), context(enterprise, team, "bot")),
        row.getString("installer_user_id"),
        row.getString("installer_user_scopes"),
        userToken == null ? null : cipher.decrypt(userToken, context(enterprise, team, "user")),
        Sql.instant(row, "installed_at"));
  }

  /** What a token is bound to: its row and which of the row's tokens it is. */
  private static String context(String enterprise, String team, String which) {
    return "slack_installations/" + enterprise + "/" + team + "/" + which;
  }

  private static String key(String id) {
    return id == null ? "" : id;
  }

  private static String orNull(String stored) {
    return stored == null || stored.isEmpty() ? null : stored;
  }
}
