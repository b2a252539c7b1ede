-- Teaching materials: a post (statuses row, an Article on the wire) with the
-- LRMI / schema.org LearningResource facts beside it.
CREATE TABLE materials (
    status_id INTEGER PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    -- JSON list of names
    authors TEXT NOT NULL,
    -- a term of the licences vocabulary
    licence TEXT NOT NULL,
    -- ISO 8601 duration, e.g. PT45M
    time_required TEXT,
    -- the id (URL) of the material this one adapts
    based_on TEXT,
    -- free-text competences taught (JSON list); vocabulary terms are in material_terms
    teaches_text TEXT NOT NULL DEFAULT '[]',
    version BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX materials_based_on ON materials (based_on);

-- The vocabulary terms a material is described by: what filters search.
CREATE TABLE material_terms (
    status_id INTEGER NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    vocabulary TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (status_id, vocabulary, term)
);
CREATE INDEX material_terms_term ON material_terms (vocabulary, term, status_id);

-- Files attached by upload (storage_key set) or by link.
CREATE TABLE material_files (
    id INTEGER PRIMARY KEY,
    status_id INTEGER NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT,
    size_bytes BIGINT,
    storage_key TEXT,
    url TEXT NOT NULL
);
CREATE INDEX material_files_status ON material_files (status_id, position);

-- Every version of a material, as it read then (JSON).
CREATE TABLE material_versions (
    id INTEGER PRIMARY KEY,
    status_id INTEGER NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    snapshot TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (status_id, version)
);

-- Full-text search over titles, summaries and bodies (db::search).
CREATE VIRTUAL TABLE material_search USING fts5 (
    title, summary, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
