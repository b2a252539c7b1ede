-- Innovation case reports: a post (an Article on the wire) with its structured
-- facts beside it. Vocabulary terms go in material_terms, versions in
-- material_versions and words in material_search, as for materials.
CREATE TABLE case_reports (
    status_id BIGINT PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
    summary TEXT NOT NULL,
    -- terms of the countries, sectors, mainstreaming-stages and licences vocabularies
    country TEXT,
    region TEXT,
    sector TEXT NOT NULL,
    stage TEXT NOT NULL,
    licence TEXT NOT NULL,
    -- the narrative fields (context, problem, intervention, …) as a JSON object
    details TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- a facilitator of its community verified it
    verified_by_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    verified_by_name TEXT,
    verified_at TIMESTAMPTZ
);
CREATE INDEX case_reports_country ON case_reports (country);
