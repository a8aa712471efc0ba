namespace Atlas.Statbel;

/// <summary>
/// The tables of the statistical sources in the main database. Like the rest of it they are a cache of the data
/// files, rebuilt in the seeding transaction; the store's schema version covers them.
/// </summary>
public static class StatbelSchema
{
    public static readonly string[] Tables = ["statbel_vat", "statbel_nace", "statbel_population"];

    public const string Create = """
        -- one row per (seat, nace), which the loader guarantees; no key to maintain: the table is only ever read whole
        CREATE TABLE IF NOT EXISTS statbel_vat (
            seat          TEXT NOT NULL,      -- NIS code of today's municipality, or 'abroad' / 'unknown'
            nace          TEXT NOT NULL,      -- NACE class (6201), or XXXXX: activity unknown
            enterprises   INTEGER NOT NULL,   -- VAT-registered at the reference date, legal forms and sub-classes summed
            registrations INTEGER NOT NULL,   -- during the year before it
            cessations    INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS statbel_nace (
            code    TEXT PRIMARY KEY,         -- C, 13, 139, 1392, 13920, 1392X, XXXXX
            level   INTEGER NOT NULL,         -- NaceBelLevel
            section TEXT NOT NULL,
            fr      TEXT NOT NULL,
            nl      TEXT NOT NULL,
            en      TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS statbel_population (
            nis         TEXT NOT NULL,        -- today's municipality
            year        INTEGER NOT NULL,     -- population on 1 January of that year
            inhabitants INTEGER NOT NULL,
            PRIMARY KEY (nis, year)
        ) WITHOUT ROWID;
        """;

    public const string Clear = """
        DELETE FROM statbel_vat;
        DELETE FROM statbel_nace;
        DELETE FROM statbel_population;
        """;
}
