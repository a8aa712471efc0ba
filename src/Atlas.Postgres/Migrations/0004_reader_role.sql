-- The web nodes read, they never write: their login roles are members of atlas_reader, which may read every table of
-- the atlas (those of later scripts too, by default privileges) and write none. Writes (seed, import, migrations) go
-- through the role that owns the database. The group is made here when this role may create roles; otherwise the
-- administrator makes it once (docs/deployment.md) and these grants are applied when it exists.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_reader')
       AND (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        BEGIN
            CREATE ROLE atlas_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;   -- made meanwhile by the migration of another database of this server
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_reader') THEN
        GRANT USAGE ON SCHEMA public TO atlas_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO atlas_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO atlas_reader;
        IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'register') THEN
            GRANT USAGE ON SCHEMA register TO atlas_reader;
            GRANT SELECT ON ALL TABLES IN SCHEMA register TO atlas_reader;
        END IF;
    ELSE
        RAISE NOTICE 'no role atlas_reader, and this role may not create it: the web nodes need it (see docs/deployment.md)';
    END IF;
END $$;
