-- The delivery queue also carries follow-up work (for example reading a joined
-- community's history): a row's kind says which; deliveries are 'deliver'.
ALTER TABLE deliveries ADD COLUMN kind TEXT NOT NULL DEFAULT 'deliver';
