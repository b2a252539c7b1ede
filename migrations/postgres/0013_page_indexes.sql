-- Replies are counted and listed by the post they answer (every status shown
-- counts its replies, every thread lists them): without this, each is a scan of
-- all statuses.
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_ap_id);
-- A community's pinned threads, shown first on its page.
CREATE INDEX statuses_community_pinned ON statuses (community_id, pinned_at);
-- Every account shown counts its posts: read from this index alone.
CREATE INDEX statuses_account_deleted ON statuses (account_id, deleted_at);
