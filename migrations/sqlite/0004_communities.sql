-- Learning communities: Group actors (their account rows live in `accounts` with
-- actor_type 'Group'), their facilitators, bans, moderation log and reports; and
-- the community a post belongs to.

CREATE TABLE communities (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    -- plain text, one rule a line
    rules TEXT NOT NULL DEFAULT '',
    -- only facilitators may open threads (FEP-1b12 / Lemmy postingRestrictedToMods)
    posting_restricted_to_mods BOOLEAN NOT NULL DEFAULT FALSE,
    -- the Group's collections (for remote communities, as their server names them)
    moderators_url TEXT,
    featured_url TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE community_facilitators (
    community_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (community_id, account_id)
);

CREATE TABLE community_bans (
    community_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    -- NULL: until lifted
    expires_at TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (community_id, account_id)
);

-- Public: every moderation action, as the community's members may read it.
CREATE TABLE community_moderation_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    community_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    moderator_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- remove_post, lock, unlock, pin, unpin, ban, unban, add_facilitator, remove_facilitator
    action TEXT NOT NULL,
    target_account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    target_status_id BIGINT REFERENCES statuses (id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX community_moderation_log_community ON community_moderation_log (community_id, id);

CREATE TABLE community_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- the Flag's id (ours, or the sender's)
    ap_id TEXT NOT NULL UNIQUE,
    community_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    reporter_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    target_account_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    target_status_id BIGINT REFERENCES statuses (id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    resolved_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX community_reports_community ON community_reports (community_id, id);

ALTER TABLE statuses ADD COLUMN community_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
-- the thread title (`name`) of a post that opens a thread in a community
ALTER TABLE statuses ADD COLUMN title TEXT;
ALTER TABLE statuses ADD COLUMN locked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE statuses ADD COLUMN pinned_at TEXT;
-- why moderators removed it (deleted_at is set too)
ALTER TABLE statuses ADD COLUMN removed_reason TEXT;
CREATE INDEX statuses_community ON statuses (community_id, id);
