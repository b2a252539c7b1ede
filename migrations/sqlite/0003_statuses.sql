-- Posts (statuses): local and remote, with their mentions, favourites and edits;
-- and notifications for local people.

CREATE TABLE statuses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ap_id TEXT NOT NULL UNIQUE,
    url TEXT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    local BOOLEAN NOT NULL,
    -- safe HTML (made here from text, or sanitised when it came from elsewhere)
    content TEXT NOT NULL,
    -- what a local author typed
    source_text TEXT,
    spoiler_text TEXT NOT NULL DEFAULT '',
    sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    -- public, unlisted, private (followers only), direct
    visibility TEXT NOT NULL,
    language TEXT,
    in_reply_to_ap_id TEXT,
    -- set on a boost: the post it shares (the boost's ap_id is its Announce)
    reblog_of_id BIGINT REFERENCES statuses (id) ON DELETE CASCADE,
    idempotency_key TEXT,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted_at TEXT
);
CREATE INDEX statuses_account ON statuses (account_id, id);
CREATE UNIQUE INDEX statuses_idempotency ON statuses (account_id, idempotency_key);
CREATE INDEX statuses_reblog_of ON statuses (reblog_of_id);

CREATE TABLE status_mentions (
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (status_id, account_id)
);
CREATE INDEX status_mentions_account ON status_mentions (account_id);

CREATE TABLE favourites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    -- the id of the Like activity
    ap_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX favourites_once ON favourites (account_id, status_id);
CREATE INDEX favourites_status ON favourites (status_id);

-- Earlier versions of edited posts, oldest first.
CREATE TABLE status_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    spoiler_text TEXT NOT NULL,
    sensitive BOOLEAN NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- the local person notified
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    from_account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- follow, follow_request, mention, favourite, reblog
    kind TEXT NOT NULL,
    status_id BIGINT REFERENCES statuses (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);

-- Hashtags of posts, lower case without the #.
CREATE TABLE status_tags (
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (status_id, name)
);
CREATE INDEX status_tags_name ON status_tags (name, status_id);
