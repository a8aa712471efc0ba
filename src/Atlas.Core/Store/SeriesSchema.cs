namespace Atlas.Store;

/// <summary>
/// The tables of the series file (<c>atlas.series.db</c>). Unlike the atlas database, which is a cache rebuilt from
/// the data files, this file holds what users imported and the history of every revision: it is never dropped, and
/// a new layout will be a migration of <see cref="Version"/>, not a rebuild.
/// </summary>
public static class SeriesSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS vintages (
            id           INTEGER PRIMARY KEY,      -- grows with every import that changed something
            source       TEXT NOT NULL,            -- the file name or the address fetched
            fetched_at   TEXT NOT NULL,            -- ISO 8601: when the provider's values were taken
            imported_at  TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,     -- the same content imported again changes nothing
            notes        TEXT NOT NULL             -- JSON array: names not matched, rows left out
        );
        CREATE TABLE IF NOT EXISTS series (
            no             INTEGER PRIMARY KEY,    -- what values refer to: a short key keeps their index small and fast
            id             TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- agency.flow.key
            agency         TEXT NOT NULL,
            flow           TEXT NOT NULL,
            flow_version   TEXT,
            series_key     TEXT NOT NULL,
            name           TEXT,
            frequency      TEXT NOT NULL,          -- A, Q, M
            adjustment     TEXT NOT NULL,          -- NSA, CA, SA, SCA
            unit_code      TEXT NOT NULL,
            unit_kind      TEXT NOT NULL,          -- Index, Level, PercentChangeOnYear, PercentChangeOnPeriod
            base_year      INTEGER,
            concept        TEXT NOT NULL,
            geo            TEXT COLLATE NOCASE,
            activity       TEXT,
            dimensions     TEXT NOT NULL,          -- JSON [[name, value], …] in the file's order
            attributes     TEXT NOT NULL,          -- JSON {name: value} of the series' first row
            first_vintage  INTEGER NOT NULL REFERENCES vintages (id),
            last_vintage   INTEGER NOT NULL REFERENCES vintages (id),
            first_period   TEXT,
            last_period    TEXT,
            obs_count      INTEGER NOT NULL DEFAULT 0,
            revision_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS series_concept ON series (concept, geo);
        CREATE TABLE IF NOT EXISTS observations (   -- the current value of each period
            series     INTEGER NOT NULL,           -- series.no
            period     TEXT NOT NULL,              -- 2025, 2025-Q2, 2025-05: sorts in time order within a series
            value      REAL,                       -- null when missing; the status says why
            status     TEXT,
            attributes TEXT,                       -- JSON of the attributes that differ from the series' own
            vintage    INTEGER NOT NULL,
            PRIMARY KEY (series, period)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS revisions (      -- every value a later vintage replaced
            series      INTEGER NOT NULL,
            period      TEXT NOT NULL,
            vintage     INTEGER NOT NULL,
            value       REAL,
            status      TEXT,
            replaced_by INTEGER NOT NULL,
            PRIMARY KEY (series, period, vintage)
        ) WITHOUT ROWID;
        """;
}
