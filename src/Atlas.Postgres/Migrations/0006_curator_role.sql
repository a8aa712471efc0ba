-- Nodes that take curation (sign-in, proposals, reviews) log in as members of atlas_curator: everything atlas_reader
-- may read, and the few writes a curation makes: accounts' sign-in state, tokens, proposals, the audit history
-- (append only: no UPDATE or DELETE is granted on it), and an accepted change's fact, search document and data
-- version. No DELETE on any fact, nothing on the register or the series, no schema change. Made when this role may
-- create roles, like atlas_reader (0004); otherwise the administrator makes it once (docs/deployment.md).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_curator')
       AND EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_reader')
       AND (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        BEGIN
            CREATE ROLE atlas_curator NOLOGIN IN ROLE atlas_reader;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;   -- made meanwhile by the migration of another database of this server
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_curator') THEN
        GRANT INSERT, UPDATE ON curation_accounts, curation_tokens, curation_proposals TO atlas_curator;
        GRANT INSERT ON curation_events TO atlas_curator;
        GRANT INSERT, UPDATE ON facts, meta TO atlas_curator;
        GRANT INSERT, DELETE ON search TO atlas_curator;
    ELSE
        RAISE NOTICE 'no role atlas_curator, and this role may not create it: nodes that take curation need it (see docs/deployment.md)';
    END IF;
END $$;
