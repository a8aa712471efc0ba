using System.Globalization;
using System.Text.Json;
using Atlas.Curation;
using Atlas.Data;
using Atlas.Model;
using Atlas.Statbel;
using Atlas.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

/// <summary>
/// The embedded SQLite store of the curated data: created and migrated on open, seeded from the data files in one
/// transaction (a failure leaves the previous content in place), FTS5 for search. Connections are pooled by
/// Microsoft.Data.Sqlite.
/// </summary>
public sealed class SqliteCuratedStore : ICuratedStore
{
    public string Path { get; }
    public string Location => Path;
    private readonly string _connectionString;

    private SqliteCuratedStore(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    /// <summary>Opens (creating it and its folder if needed) the database at <paramref name="path"/>.</summary>
    public static SqliteCuratedStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot create the folder of the database {full}: {e.Message}. Choose another place for the database.", e);
        }
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
        var store = new SqliteCuratedStore(full, cs);
        try
        {
            using var c = store.Connect();
            c.Execute("PRAGMA journal_mode=WAL;");
            if (c.ExecuteScalar<int>("PRAGMA user_version;") != CuratedSchema.Version)
            {
                // the tables are a cache of the data files: an old layout is dropped and rebuilt, never patched
                using var tx = c.BeginTransaction();
                foreach (var table in CuratedSchema.Tables.Concat(StatbelSchema.Tables)) c.Execute($"DROP TABLE IF EXISTS {table};", transaction: tx);
                c.Execute(CuratedSchema.Create, transaction: tx);
                c.Execute(StatbelSchema.Create, transaction: tx);
                c.Execute($"PRAGMA user_version = {CuratedSchema.Version};", transaction: tx);
                tx.Commit();
            }
            // an index added since: a database made before keeps its tables (an accepted new fact goes after the last,
            // max(seq), which scanned every fact without it)
            c.Execute("CREATE INDEX IF NOT EXISTS facts_seq ON facts (seq);");
            c.Execute(CurationSchema.Create);
            CurationSchema.Upgrade(c);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"cannot open the database {full} ({e.Message}). If it is not an atlas database or is damaged, move it away (nothing was changed) or choose another database file.", e);
        }
        return store;
    }

    public SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    public string? DataVersion
    {
        get
        {
            using var c = Connect();
            return CuratedRows.Version(c.Query<(string Key, string Value)>("SELECT key, value FROM meta WHERE key IN ('data_hash', 'entities_rev', 'curated_rev')")
                .ToDictionary(m => m.Key, m => m.Value));
        }
    }

    public string? SeededHash => Meta("data_hash");

    public ICurationStore Curation => new SqlCurationStore(Connect, serverLocks: false, _writes);

    // the curation's write transactions on this file, one at a time (see SqlCurationStore)
    private readonly Lock _writes = new();

    public DateTimeOffset? SeededAt =>
        DateTimeOffset.TryParse(Meta("seeded_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    /// <summary>A value the seed stored beside the tables: data_hash, seeded_at, map, atlas_index, localities, boundaries (<see cref="CuratedRows.Meta"/>).</summary>
    public string? Meta(string key)
    {
        using var c = Connect();
        return c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = $key", new { key });
    }

    public bool Seed(AtlasData data, bool force = false)
    {
        if (!force && SeededHash == data.ContentHash) return false;
        using var c = Connect();
        using var tx = c.BeginTransaction();
        try
        {
            data = CuratedRows.WithAccepted(data, SqlCurationStore.AcceptedChanges(c, tx));
            c.Execute(CuratedSchema.Clear, transaction: tx);
            c.Execute(StatbelSchema.Clear, transaction: tx);
            CuratedSeeding.Write(c, tx, data);
            if (data.Statbel is { } statbel) StatbelStore.Write(c, tx, statbel);
            c.Execute("INSERT INTO search(search) VALUES ('optimize');", transaction: tx);
            foreach (var (key, value) in CuratedRows.Meta(data)) SetMeta(c, tx, key, value);
            tx.Commit();
        }
        catch (SqliteException e)
        {
            tx.Rollback();
            throw new StoreUnavailableException($"cannot write the database {Path} ({e.Message}); its previous content is unchanged. Check that the file and its folder are writable, or choose another database file.", e);
        }
        c.Execute("PRAGMA optimize;");
        return true;
    }

    public AtlasData Load()
    {
        using var c = Connect();
        var entities = c.Query<string>("SELECT document FROM entities ORDER BY seq").Select(EntityDocument.Read).ToList();
        var facts = LoadFacts().ToList();
        var meta = c.Query<(string Key, string Value)>("SELECT key, value FROM meta").ToDictionary(m => m.Key, m => m.Value);
        return CuratedRows.Data(entities, facts, meta);
    }

    public IReadOnlyList<Model.Fact> LoadFacts()
    {
        using var c = Connect();
        return c.Query<FactRow>($"SELECT {CuratedRows.FactColumns} FROM facts ORDER BY seq").Select(CuratedRows.ToFact).ToList();
    }

    public VatEnterprises? LoadVatEnterprises()
    {
        using var c = Connect();
        return StatbelStore.Read(c);
    }

    public IReadOnlyList<TextMatch> Match(IReadOnlyList<string> terms, bool all, int limit)
    {
        if (terms.Count == 0) return [];
        // every term is a quoted FTS string, so no user input is ever read as FTS syntax
        var parts = terms.Select((t, i) => i == terms.Count - 1 && t.Length >= 3 ? $"\"{t}\"*" : $"\"{t}\"");
        var expression = string.Join(all ? " AND " : " OR ", parts);
        using var c = Connect();
        return c.Query<(string Entity, string? Fact, double Rank)>("""
                SELECT entity_id, fact_id, bm25(search, 0, 0, 10.0, 5.0, 1.0) FROM search
                WHERE search MATCH $expression ORDER BY 3 LIMIT $limit
                """, new { expression, limit })
            .Select(m => new TextMatch(m.Entity, m.Fact, -m.Rank)).ToList();
    }

    private static void SetMeta(SqliteConnection c, SqliteTransaction tx, string key, string value) =>
        c.Execute("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, tx);
}
