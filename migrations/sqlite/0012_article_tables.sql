-- Materials and case reports share their terms, versions and search entries:
-- the tables are named for both (the data stays as it is).
ALTER TABLE material_terms RENAME TO article_terms;
ALTER TABLE material_versions RENAME TO article_versions;
ALTER TABLE material_search RENAME TO article_search;
