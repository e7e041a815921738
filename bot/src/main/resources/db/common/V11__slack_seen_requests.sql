-- Signatures of Slack requests already handled, kept until Slack's own five-minute timestamp
-- window has passed, so a replayed request is refused by whichever replica it reaches.
CREATE TABLE slack_seen_requests (
  signature   TEXT   NOT NULL PRIMARY KEY,
  expires_at  BIGINT NOT NULL   -- milliseconds since the epoch, UTC
);

CREATE INDEX slack_seen_requests_expires_at ON slack_seen_requests (expires_at);
