-- Accounts (local and remote actors), local sign-in, OAuth apps and tokens, web sessions.
-- Timestamps are stored as RFC 3339 text by sqlx.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL,
    -- NULL for people on this instance, the remote host[:port] otherwise
    domain TEXT,
    actor_type TEXT NOT NULL DEFAULT 'Person',
    ap_id TEXT NOT NULL UNIQUE,
    url TEXT,
    display_name TEXT NOT NULL DEFAULT '',
    note_source TEXT NOT NULL DEFAULT '',
    note_html TEXT NOT NULL DEFAULT '',
    avatar_url TEXT,
    inbox_url TEXT NOT NULL,
    outbox_url TEXT,
    shared_inbox_url TEXT,
    followers_url TEXT,
    following_url TEXT,
    public_key_pem TEXT NOT NULL,
    private_key_pem TEXT,
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    bot BOOLEAN NOT NULL DEFAULT FALSE,
    discoverable BOOLEAN NOT NULL DEFAULT TRUE,
    indexable BOOLEAN NOT NULL DEFAULT TRUE,
    -- teacher profile; lists are JSON arrays of strings
    subjects TEXT NOT NULL DEFAULT '[]',
    education_levels TEXT NOT NULL DEFAULT '[]',
    languages TEXT NOT NULL DEFAULT '[]',
    country TEXT,
    region TEXT,
    school TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    fetched_at TEXT
);
CREATE UNIQUE INDEX accounts_username_domain ON accounts (lower(username), COALESCE(domain, ''));

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT,
    last_active_at TEXT
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- The instance's own actor (type Application), one row.
CREATE TABLE instance_actor (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    public_key_pem TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE oauth_apps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    website TEXT,
    redirect_uris TEXT NOT NULL,
    scopes TEXT NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    client_secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE oauth_authorization_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code_hash TEXT NOT NULL UNIQUE,
    app_id BIGINT NOT NULL REFERENCES oauth_apps (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    scopes TEXT NOT NULL,
    code_challenge TEXT,
    code_challenge_method TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE oauth_access_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    app_id BIGINT NOT NULL REFERENCES oauth_apps (id) ON DELETE CASCADE,
    -- NULL for client_credentials tokens, which act for the app alone
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX oauth_access_tokens_user ON oauth_access_tokens (user_id);

CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
