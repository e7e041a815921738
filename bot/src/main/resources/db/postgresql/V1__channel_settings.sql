-- The PostgreSQL form of sqlite/V1__channel_settings.sql: the same tables, times (epoch ms) as BIGINT.
-- Per-channel settings. NULL visibility or max_quotes means "follow the configured default".
CREATE TABLE channel_settings (
  platform    TEXT    NOT NULL,
  workspace   TEXT    NOT NULL,
  channel     TEXT    NOT NULL,
  scope_from  TEXT,
  scope_to    TEXT,
  visibility  TEXT CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
  max_quotes  INTEGER CHECK (max_quotes BETWEEN 1 AND 3),
  updated_at  BIGINT  NOT NULL,
  updated_by  TEXT    NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);

-- The article ids and tags a channel's reading list is limited to (none: no such limit).
CREATE TABLE channel_scope_items (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('ARTICLE', 'TAG')),
  value      TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel, kind, value),
  FOREIGN KEY (platform, workspace, channel)
    REFERENCES channel_settings (platform, workspace, channel) ON DELETE CASCADE
);

-- Small facts about this database, such as the salt for user-id hashes.
CREATE TABLE state_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
