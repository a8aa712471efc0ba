-- An accepted new fact goes after the last one (max(seq) in the acceptance's transaction): with this index that is
-- one look, not a scan of every fact at each acceptance.
CREATE INDEX IF NOT EXISTS facts_seq ON facts (seq);
