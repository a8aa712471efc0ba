-- Proposals may change an entity as well as a fact: entity_type says which type (null for a fact), fact_id and fact
-- then hold the entity's id and YAML. Nodes that take curation write an accepted entity (and its search document,
-- which 0006 already grants).
ALTER TABLE curation_proposals ADD COLUMN IF NOT EXISTS entity_type TEXT;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_curator') THEN
        GRANT INSERT, UPDATE ON entities TO atlas_curator;
    END IF;
END $$;
