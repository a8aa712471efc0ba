namespace Atlas.Store;

/// <summary>
/// The SQLite schema. The database is a cache of the data files: every table but <c>meta</c> is rebuilt from them
/// when their content hash changes. Bump <see cref="Version"/> when the schema or what seeding writes changes;
/// the store then rebuilds. The statistical sources' tables are in <see cref="Atlas.Statistics.StatisticsSchema"/>.
/// </summary>
public static class Schema
{
    public const int Version = 3;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS entities (
            id         TEXT PRIMARY KEY,
            type       TEXT NOT NULL,             -- place, sector, technology, organisation, programme, source
            kind       TEXT NOT NULL,             -- the finer kind: city, municipality, university, label ...
            name_fr    TEXT NOT NULL,
            name_nl    TEXT NOT NULL,
            name_en    TEXT NOT NULL,
            parent_id  TEXT,
            nis        TEXT,
            is_current INTEGER NOT NULL DEFAULT 1, -- 0 for municipalities merged away
            sort_key   TEXT NOT NULL,             -- folded English name, for stable listings
            json       TEXT NOT NULL              -- the entity as the API shows it
        );
        CREATE INDEX IF NOT EXISTS entities_type_kind ON entities (type, kind, sort_key);
        CREATE INDEX IF NOT EXISTS entities_parent ON entities (parent_id);
        CREATE TABLE IF NOT EXISTS aliases (
            alias     TEXT NOT NULL,              -- folded: lowercase, no accents
            entity_id TEXT NOT NULL,
            rank      INTEGER NOT NULL,           -- which entity wins an ambiguous alias: cities before municipalities
            PRIMARY KEY (alias, entity_id)
        );
        CREATE TABLE IF NOT EXISTS facts (
            id           TEXT PRIMARY KEY,
            seq          INTEGER NOT NULL,        -- order in the data files, which follows the source
            subject_id   TEXT NOT NULL,
            predicate    TEXT NOT NULL,
            object_id    TEXT,
            context      TEXT NOT NULL,           -- JSON array of entity ids
            statement_fr TEXT,
            statement_nl TEXT,
            statement_en TEXT,
            value        TEXT,                    -- decimal as text, exactly as curated
            unit         TEXT,
            qualifier    TEXT,
            period       TEXT,
            indicator    TEXT,
            source_id    TEXT NOT NULL,
            section      TEXT NOT NULL,
            passage      TEXT NOT NULL,
            phrase       TEXT NOT NULL,
            status       TEXT NOT NULL,
            note         TEXT,
            file         TEXT NOT NULL,
            line         INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS facts_subject ON facts (subject_id, seq);
        CREATE INDEX IF NOT EXISTS facts_source ON facts (source_id, seq);
        CREATE TABLE IF NOT EXISTS fact_entities (
            fact_id   TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            role      TEXT NOT NULL,              -- subject, object, context
            PRIMARY KEY (entity_id, fact_id, role)
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5 (
            entity_id UNINDEXED,                  -- the entity a hit leads to (a fact leads to its subject)
            fact_id   UNINDEXED,                  -- set when the document is a fact
            names,                                -- names in every language
            aliases,                              -- aliases, and for a fact the names and aliases of what it is about
            body,                                 -- descriptions and statements in every language, key phrase
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """;

    public const string Clear = """
        DELETE FROM entities;
        DELETE FROM aliases;
        DELETE FROM facts;
        DELETE FROM fact_entities;
        DELETE FROM search;
        """;
}
