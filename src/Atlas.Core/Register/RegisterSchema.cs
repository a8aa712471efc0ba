namespace Atlas.Register;

/// <summary>
/// The register's own SQLite file (beside the atlas database, see <see cref="RegisterStore.PathFor"/>): the KBO
/// tables as published, numbers as integers (their ten digits), dates as ISO text, plus what the atlas derives from
/// them — the municipality of each address (<c>address.nis</c>), the denomination search index and the counts behind
/// specialisation (<c>spec_counts</c>). Re-seeding the curated data never touches this file.
/// </summary>
public static class RegisterSchema
{
    /// <summary>Bump when the tables change: a register of another version must be imported again (a full dump).</summary>
    public const int Version = 2;

    /// <summary>Tables, created empty before a full load (no secondary index yet: they are built after the rows).</summary>
    public const string Tables = """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE code (
            category    TEXT NOT NULL,              -- Nace2008, JuridicalForm, JuridicalSituation, TypeOfAddress ...
            code        TEXT NOT NULL,
            language    TEXT NOT NULL,              -- FR, NL, DE
            description TEXT NOT NULL,
            PRIMARY KEY (category, code, language)
        ) WITHOUT ROWID;
        CREATE TABLE nace (
            version  INTEGER NOT NULL,              -- 2003, 2008, 2025
            code     TEXT NOT NULL,                 -- as the register writes it: A, 62, 620, 6201, 62010, 6201001
            level    TEXT NOT NULL,                 -- section, division, group, class, subclass, national
            section  TEXT,                          -- the section letter of a division and below (2008, 2025)
            label_fr TEXT,
            label_nl TEXT,
            label_en TEXT,                          -- from the NACE reference (sections to classes of 2008 and 2025)
            PRIMARY KEY (version, code)
        ) WITHOUT ROWID;
        CREATE TABLE enterprise (
            number              INTEGER PRIMARY KEY, -- ten digits: 0202.239.951 → 202239951
            status              TEXT NOT NULL,
            juridical_situation TEXT NOT NULL,
            type_of_enterprise  TEXT NOT NULL,       -- 1 natural person, 2 legal person
            juridical_form      TEXT,
            juridical_form_cac  TEXT,
            start_date          TEXT NOT NULL        -- yyyy-mm-dd
        );
        CREATE TABLE establishment (
            number     INTEGER PRIMARY KEY,          -- 2.190.171.611 → 2190171611
            start_date TEXT NOT NULL,
            enterprise INTEGER NOT NULL
        );
        CREATE TABLE branch (
            id         INTEGER PRIMARY KEY,
            start_date TEXT NOT NULL,
            enterprise INTEGER NOT NULL
        );
        CREATE TABLE denomination (
            entity   INTEGER NOT NULL,               -- an enterprise, establishment unit or branch
            language INTEGER NOT NULL,               -- 0 unknown, 1 FR, 2 NL, 3 DE, 4 EN
            type     TEXT NOT NULL,                  -- 001 name, 002 abbreviation, 003 commercial name, 004 branch name
            name     TEXT NOT NULL
        );
        CREATE TABLE address (
            entity             INTEGER NOT NULL,
            type               TEXT NOT NULL,        -- REGO seat, BAET establishment, ABBR branch
            country_nl         TEXT,                 -- empty for Belgium
            country_fr         TEXT,
            zipcode            TEXT,
            municipality_nl    TEXT,
            municipality_fr    TEXT,
            street_nl          TEXT,
            street_fr          TEXT,
            house_number       TEXT,
            box                TEXT,
            extra_address_info TEXT,
            date_striking_off  TEXT,
            nis                INTEGER               -- the municipality (2025 NIS code) found from the postcode; NULL if none
        );
        CREATE TABLE contact (
            entity         INTEGER NOT NULL,
            entity_contact TEXT NOT NULL,            -- ENT, EST, BRA
            contact_type   TEXT NOT NULL,            -- TEL, EMAIL, WEB
            value          TEXT NOT NULL
        );
        CREATE TABLE activity (
            entity         INTEGER NOT NULL,
            activity_group INTEGER NOT NULL,         -- 001 → 1
            nace_version   INTEGER NOT NULL,         -- 2003, 2008, 2025
            nace_code      TEXT NOT NULL,            -- 5 or 7 digits, as published
            classification INTEGER NOT NULL,         -- 1 MAIN, 2 SECO, 3 ANCI
            PRIMARY KEY (entity, nace_version, classification, activity_group, nace_code)
        ) WITHOUT ROWID;
        CREATE TABLE spec_counts (
            unit    INTEGER NOT NULL,                -- 1 establishments, 2 enterprises
            version INTEGER NOT NULL,                -- NACE-BEL 2008 or 2025
            nis     INTEGER NOT NULL,                -- a municipality, or 1000 for Belgium
            class   INTEGER NOT NULL,                -- NACE class, first four digits (6201)
            n       INTEGER NOT NULL,
            PRIMARY KEY (unit, version, nis, class)
        ) WITHOUT ROWID;
        """;

    /// <summary>Indexes, the search index and its triggers: made once the rows are in.</summary>
    public const string Indexes = """
        CREATE INDEX establishment_enterprise ON establishment (enterprise);
        CREATE INDEX branch_enterprise ON branch (enterprise);
        CREATE INDEX denomination_entity ON denomination (entity);
        CREATE INDEX address_entity ON address (entity);
        CREATE INDEX contact_entity ON contact (entity);
        """;

    public const string Search = """
        CREATE VIRTUAL TABLE denomination_search USING fts5 (
            name, content = 'denomination', content_rowid = 'rowid',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO denomination_search (denomination_search) VALUES ('rebuild');
        CREATE TRIGGER denomination_insert AFTER INSERT ON denomination BEGIN
            INSERT INTO denomination_search (rowid, name) VALUES (new.rowid, new.name);
        END;
        CREATE TRIGGER denomination_delete AFTER DELETE ON denomination BEGIN
            INSERT INTO denomination_search (denomination_search, rowid, name) VALUES ('delete', old.rowid, old.name);
        END;
        """;

    /// <summary>The unit kinds of <c>spec_counts</c>.</summary>
    public const int Establishments = 1, Enterprises = 2;

    /// <summary>The NIS code of Belgium, under which <c>spec_counts</c> keeps the national counts.</summary>
    public const int Belgium = 1000;
}
