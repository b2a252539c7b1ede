-- What posts from other servers carry beside their text: media attachments
-- (kept as links to the other server, with their alt text), custom emoji, and
-- polls with their options and counts.
CREATE TABLE status_media (
    status_id INTEGER NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    -- image, video, audio, gifv or unknown (Mastodon's MediaAttachment types)
    kind TEXT NOT NULL,
    remote_url TEXT NOT NULL,
    preview_url TEXT,
    media_type TEXT,
    description TEXT,
    width INTEGER,
    height INTEGER,
    blurhash TEXT,
    PRIMARY KEY (status_id, position)
);

CREATE TABLE status_emojis (
    status_id INTEGER NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    shortcode TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (status_id, shortcode)
);

CREATE TABLE polls (
    status_id INTEGER PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
    multiple BOOLEAN NOT NULL,
    expires_at TEXT,
    voters_count BIGINT
);

CREATE TABLE poll_options (
    status_id INTEGER NOT NULL REFERENCES polls (status_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    votes BIGINT NOT NULL,
    PRIMARY KEY (status_id, position)
);

-- The post a quote post quotes (its id, as the quoting server gave it).
ALTER TABLE statuses ADD COLUMN quote_url TEXT;
