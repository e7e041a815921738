-- A digest post whose outcome is unknown (a timeout after the platform may have accepted it, or a
-- crash between the post and its record) is looked up on the platform before the day is posted
-- again. These columns say that a post was attempted, since when to look, and what the post
-- featured, so a post found there is recorded as if its own answer had arrived.
ALTER TABLE digest_slots ADD COLUMN post_started_at BIGINT;        -- ms, UTC; NULL: never posted
ALTER TABLE digest_slots ADD COLUMN featured_article_id TEXT;
ALTER TABLE digest_slots ADD COLUMN featured_start INTEGER;
ALTER TABLE digest_slots ADD COLUMN featured_end INTEGER;
