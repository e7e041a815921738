-- Slack workspaces that installed the app through the OAuth flow, one row per workspace (or per
-- Enterprise Grid organization for an org-wide install, with team_id ''), shared by every replica.
-- Tokens are stored encrypted (AES-GCM, key from READINGROOM_SLACK_TOKEN_KEY), never in plain text.
CREATE TABLE slack_installations (
  enterprise_id          TEXT    NOT NULL,   -- '' outside Enterprise Grid
  team_id                TEXT    NOT NULL,   -- '' for an org-wide install
  is_enterprise_install  INTEGER NOT NULL,
  app_id                 TEXT,
  bot_id                 TEXT,
  bot_user_id            TEXT    NOT NULL,
  bot_scopes             TEXT    NOT NULL,
  bot_token              TEXT    NOT NULL,   -- encrypted
  installer_user_id      TEXT,
  installer_user_scopes  TEXT,
  installer_user_token   TEXT,               -- encrypted, when user scopes were asked for
  installed_at           BIGINT  NOT NULL,   -- milliseconds since the epoch, UTC
  PRIMARY KEY (enterprise_id, team_id)
);

-- The OAuth flow's state parameters issued by /slack/install and not yet used, so the redirect is
-- accepted once, on whichever replica it reaches, and only before it expires.
CREATE TABLE slack_oauth_states (
  state       TEXT   NOT NULL PRIMARY KEY,
  expires_at  BIGINT NOT NULL   -- milliseconds since the epoch, UTC
);

CREATE INDEX slack_oauth_states_expires_at ON slack_oauth_states (expires_at);
