-- A teacher's school subjects as terms of the school-subjects vocabulary (a
-- JSON list of ids), beside the free-text subjects; and the time zone pages
-- show times in (an IANA name; none: UTC).
ALTER TABLE accounts ADD COLUMN school_subjects TEXT NOT NULL DEFAULT '[]';
ALTER TABLE users ADD COLUMN time_zone TEXT;
