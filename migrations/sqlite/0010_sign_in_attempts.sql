-- Sign-in attempts, so that every serve process on this database applies the
-- same throttle: one row per attempt for the client address (kind 'address'),
-- and one per wrong password for the account or login tried (kind 'account').
-- The cleanup deletes rows older than the longest window.
CREATE TABLE sign_in_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    failed BOOLEAN NOT NULL,
    attempted_at TEXT NOT NULL
);
CREATE INDEX sign_in_attempts_subject ON sign_in_attempts (kind, subject, attempted_at);
CREATE INDEX sign_in_attempts_time ON sign_in_attempts (attempted_at);

-- What the cleanup looks for.
CREATE INDEX received_activities_time ON received_activities (received_at);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
CREATE INDEX oauth_authorization_codes_expiry ON oauth_authorization_codes (expires_at);
