-- The latest question of each conversation: a thread (follow-ups are asked with it as context) or
-- one person's own answers in a channel (what /cite cites). Keyed by the thread's id, or by
-- "@" and the asker's salted hash; no user id is stored.
CREATE TABLE conversation_turn (
  platform    TEXT    NOT NULL,
  workspace   TEXT    NOT NULL,
  channel     TEXT    NOT NULL,
  thread      TEXT    NOT NULL,
  question    TEXT    NOT NULL,
  context     TEXT    NOT NULL,   -- the earlier question(s) it followed on from, or ''
  focus       TEXT    NOT NULL,   -- the one article it was asked of, or '' for the reading list
  articles    TEXT    NOT NULL,   -- ids of the articles its quotes came from, one a line
  skip        INTEGER NOT NULL,
  updated_at  BIGINT  NOT NULL,   -- milliseconds since the epoch, UTC
  PRIMARY KEY (platform, workspace, channel, thread)
);

CREATE INDEX conversation_turn_updated ON conversation_turn (updated_at);

-- Passages /discuss has posted in a channel, so it rotates through the reading list.
CREATE TABLE discussion_turn (
  platform     TEXT    NOT NULL,
  workspace    TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  article_id   TEXT    NOT NULL,
  quote_start  INTEGER NOT NULL,
  posted_at    BIGINT  NOT NULL,
  PRIMARY KEY (platform, workspace, channel, article_id, quote_start)
);

-- Where in its article the best quote of an answer was, for the report's most cited passages.
ALTER TABLE question_log ADD COLUMN top_start INTEGER;
ALTER TABLE question_log ADD COLUMN top_end INTEGER;
