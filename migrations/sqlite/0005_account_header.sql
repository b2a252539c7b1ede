-- A banner image for accounts (a community's `image`, Mastodon's `header`).
ALTER TABLE accounts ADD COLUMN header_url TEXT;
