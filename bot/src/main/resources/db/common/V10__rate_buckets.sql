-- The rate limiter's token buckets, shared by every replica on this database, so a person cannot
-- multiply their limit by the number of replicas. A bucket key is a salted hash (never a user id);
-- units are exact integer tokens (see RateLimiter). Rows idle for longer than the longest period
-- are full again and are deleted.
CREATE TABLE rate_buckets (
  bucket      TEXT   NOT NULL PRIMARY KEY,
  units       BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL   -- milliseconds since the epoch, UTC
);

CREATE INDEX rate_buckets_updated_at ON rate_buckets (updated_at);
