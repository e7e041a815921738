-- Every question asked, for digests and analytics. User ids are stored only as salted hashes.
CREATE TABLE question_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  asked_at     INTEGER NOT NULL,   -- milliseconds since the epoch, UTC
  platform     TEXT    NOT NULL,
  workspace    TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  user_hash    TEXT    NOT NULL,
  question     TEXT    NOT NULL,
  answered     INTEGER CHECK (answered IN (0, 1)),   -- NULL: a feedback click with no logged question
  top_article  TEXT,
  cached       INTEGER NOT NULL DEFAULT 0 CHECK (cached IN (0, 1)),
  helpful      INTEGER CHECK (helpful IN (0, 1)),    -- NULL: no feedback
  feedback_at  INTEGER
);

CREATE INDEX question_log_asked_at ON question_log (asked_at);
CREATE INDEX question_log_asker ON question_log (platform, workspace, channel, user_hash, asked_at);
