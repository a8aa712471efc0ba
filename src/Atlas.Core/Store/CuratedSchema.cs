namespace Atlas.Store;

/// <summary>
/// The SQLite schema of the curated data. The database is a cache of the data files: every table but <c>meta</c> is
/// rebuilt from them when their content hash changes. Bump <see cref="Version"/> when the schema or what seeding
/// writes changes; the store then rebuilds. The statistical sources' tables are in <see cref="Atlas.Statbel.StatbelSchema"/>.
/// </summary>
public static class CuratedSchema
{
    public const int Version = 6;

    /// <summary>Every table, for a rebuild of an older layout.</summary>
    public static readonly string[] Tables = ["entities", "aliases", "facts", "fact_entities", "search", "meta"];

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS entities (
            id         TEXT PRIMARY KEY,
            type       TEXT NOT NULL,             -- place, sector, technology, organisation, programme, source
            kind       TEXT NOT NULL,             -- the finer kind: city, municipality, university, label ...
            seq        INTEGER NOT NULL,          -- order in the data files
            document   TEXT NOT NULL              -- the entity with every field of its type (see EntityDocument)
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
            section      TEXT,                    -- a document's section and passage ...
            passage      TEXT,
            url          TEXT,                    -- ... or a web page's address ...
            row          INTEGER,                 -- ... or a data set's row
            phrase       TEXT NOT NULL,
            status       TEXT NOT NULL,           -- asserted, confirmed, contradicted
            evidence     TEXT NOT NULL,           -- JSON array of the ids of the facts that show the status
            role         TEXT NOT NULL,           -- claim (what the source states) or context (not in the article)
            note_fr      TEXT,
            note_nl      TEXT,
            note_en      TEXT,
            file         TEXT NOT NULL,
            line         INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS facts_subject ON facts (subject_id, seq);
        CREATE INDEX IF NOT EXISTS facts_seq ON facts (seq);   -- an accepted new fact goes after the last
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
        DELETE FROM facts;
        DELETE FROM search;
        """;
}
