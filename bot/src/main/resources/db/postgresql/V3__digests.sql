-- The PostgreSQL form of sqlite/V3__digests.sql: the same tables, times (epoch ms) as BIGINT.
-- Daily digests. A channel has at most one subscription; times are local to its zone.
CREATE TABLE digest_subscriptions (
  platform        TEXT    NOT NULL,
  workspace       TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  local_time      TEXT    NOT NULL,   -- HH:MM in the channel's zone
  zone            TEXT    NOT NULL,   -- an IANA zone id, e.g. Europe/Berlin
  topic           TEXT,               -- NULL: no topic
  active_from     BIGINT  NOT NULL,   -- slots before this instant (ms, UTC) are never posted
  last_posted_at  BIGINT,             -- when the last digest was composed: "added since" starts here
  paused_at       BIGINT,             -- NULL: active
  paused_reason   TEXT,
  updated_at      BIGINT  NOT NULL,
  updated_by      TEXT    NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);

-- One row per channel and local day once that day's slot was claimed. Kept after unsubscribing,
-- so a channel that unsubscribes and subscribes again never gets the same day twice.
CREATE TABLE digest_slots (
  platform     TEXT    NOT NULL,
  workspace    TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  slot_date    TEXT    NOT NULL,   -- the local date (ISO) in the channel's zone
  state        TEXT    NOT NULL CHECK (state IN ('CLAIMED', 'POSTED', 'EMPTY', 'MISSED', 'FAILED')),
  owner        TEXT,               -- the process holding a CLAIMED slot; NULL: free to retry
  claimed_at   BIGINT, 
  finished_at  BIGINT, 
  attempts     INTEGER NOT NULL DEFAULT 0,
  detail       TEXT,
  PRIMARY KEY (platform, workspace, channel, slot_date)
);

-- Passages already featured for discussion in a channel, so each article comes round once before
-- any comes round again, and no passage is featured twice.
CREATE TABLE digest_featured (
  platform     TEXT    NOT NULL,
  workspace    TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  article_id   TEXT    NOT NULL,
  quote_start  INTEGER NOT NULL,
  quote_end    INTEGER NOT NULL,
  featured_at  BIGINT  NOT NULL,
  PRIMARY KEY (platform, workspace, channel, article_id, quote_start)
);

-- When each article first appeared in the index; 0 for those present before digests existed.
CREATE TABLE seen_articles (
  article_id  TEXT    PRIMARY KEY,
  first_seen  BIGINT  NOT NULL
);
