-- A teacher's school subjects as terms of the school-subjects vocabulary (a
-- JSON list of ids), beside the free-text subjects; the time zone pages show
-- times in (an IANA name; none: UTC); the visibility new posts get when none
-- is given (none: public).
ALTER TABLE accounts ADD COLUMN school_subjects TEXT NOT NULL DEFAULT '[]';
ALTER TABLE users ADD COLUMN time_zone TEXT;
ALTER TABLE users ADD COLUMN default_visibility TEXT;
-- The browser a web session was started from (shown on the account settings).
ALTER TABLE web_sessions ADD COLUMN user_agent TEXT;
-- Accounts an admin must approve first (registrations with approval), why the
-- person asked to join, and accounts suspended by an admin.
ALTER TABLE users ADD COLUMN approved BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN sign_up_reason TEXT;
ALTER TABLE users ADD COLUMN suspended_at TEXT;
