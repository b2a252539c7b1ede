-- Follows between accounts, activities already received, and the durable
-- delivery queue with what we know of each remote instance.

CREATE TABLE follows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    follower_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    followed_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- the id of the Follow activity
    ap_id TEXT NOT NULL UNIQUE,
    -- FALSE while it is a request waiting for approval
    accepted BOOLEAN NOT NULL DEFAULT FALSE,
    -- the follower asked to be told of every new post
    notify BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX follows_pair ON follows (follower_id, followed_id);
CREATE INDEX follows_followed ON follows (followed_id, accepted);

-- Ids of activities we have acted on, so a repeat is acknowledged and ignored.
CREATE TABLE received_activities (
    ap_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL
);

-- One row per (activity, target inbox).
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    activity_id TEXT NOT NULL,
    -- the local actor whose key signs it
    signer TEXT NOT NULL,
    inbox_url TEXT NOT NULL,
    -- host[:port] of the inbox: what identifies the instance
    domain TEXT NOT NULL,
    body TEXT NOT NULL,
    -- pending, delivered, refused (4xx: final), failed (gave up after retries)
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    -- which claim holds it: a worker whose lease ran out cannot overwrite the next
    claim_token TEXT,
    last_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX deliveries_once ON deliveries (activity_id, inbox_url);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

CREATE TABLE instances (
    domain TEXT PRIMARY KEY,
    -- set when deliveries gave up; cleared when we hear from it again
    unreachable_since TEXT,
    refused_count BIGINT NOT NULL DEFAULT 0,
    delivered_count BIGINT NOT NULL DEFAULT 0,
    last_refused_at TEXT,
    last_delivered_at TEXT
);
