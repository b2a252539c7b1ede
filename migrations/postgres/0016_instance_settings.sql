-- What the instance keeps about itself beside its configuration: the admins'
-- settings from the admin pages, and how its search index was built.
CREATE TABLE instance_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
