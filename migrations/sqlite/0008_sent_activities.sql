-- Public activities this instance sent, served at their ids, so that a server
-- that gets one passed on by a community's Group can read it from its origin.
CREATE TABLE sent_activities (
    ap_id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX sent_activities_created ON sent_activities (created_at);
