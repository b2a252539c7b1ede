-- Posts a person keeps for later (Mastodon's bookmarks; private to them).
CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX bookmarks_once ON bookmarks (account_id, status_id);
CREATE INDEX favourites_by_account ON favourites (account_id, id);
-- Posts a person pins to their profile (Mastodon's pins; the actor's featured).
CREATE TABLE status_pins (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
