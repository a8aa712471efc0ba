using System.Text.Json;
using Atlas.Data;
using Atlas.Model;
using Atlas.Statistics;
using Atlas.Text;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

/// <summary>Raised when the database cannot be opened or written; says which file and what to do.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The embedded SQLite store: created and migrated on open, seeded from the data files in one transaction, so a
/// failure leaves the previous content in place. Connections are pooled by Microsoft.Data.Sqlite.
/// </summary>
public sealed class AtlasStore
{
    public string Path { get; }
    private readonly string _connectionString;

    private AtlasStore(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    /// <summary>Opens (creating it and its folder if needed) the database at <paramref name="path"/>.</summary>
    public static AtlasStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot create the folder of the database {full}: {e.Message}. Choose another place with --db PATH or ATLAS_DB.", e);
        }
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
        var store = new AtlasStore(full, cs);
        try
        {
            using var c = store.Connect();
            Exec(c, "PRAGMA journal_mode=WAL;");
            var version = Convert.ToInt32(Scalar(c, "PRAGMA user_version;"));
            if (version != Schema.Version)
            {
                // the tables are a cache of the data files: an old layout is dropped and rebuilt, never patched
                using var tx = c.BeginTransaction();
                foreach (var table in new[] { "entities", "aliases", "facts", "fact_entities", "search", "meta" }.Concat(StatisticsSchema.Tables))
                    Exec(c, $"DROP TABLE IF EXISTS {table};", tx);
                Exec(c, Schema.Create, tx);
                Exec(c, StatisticsSchema.Create, tx);
                Exec(c, $"PRAGMA user_version = {Schema.Version};", tx);
                tx.Commit();
            }
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"cannot open the database {full} ({e.Message}). If it is not an atlas database or is damaged, move it away (nothing was changed) or choose another file with --db PATH.", e);
        }
        return store;
    }

    public SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    public string? DataHash => Meta("data_hash");

    /// <summary>A value the seed stored beside the tables: data_hash, seeded_at, map.</summary>
    public string? Meta(string key)
    {
        using var c = Connect();
        using var cmd = Command(c, null, "SELECT value FROM meta WHERE key = $key");
        Bind(cmd, ("$key", key));
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>
    /// Replaces the content with <paramref name="data"/> in one transaction, unless it already holds that version.
    /// Returns true when it seeded.
    /// </summary>
    public bool Seed(AtlasData data, bool force = false)
    {
        if (!force && DataHash == data.ContentHash) return false;
        using var c = Connect();
        using var tx = c.BeginTransaction();
        try
        {
            Exec(c, Schema.Clear, tx);
            Exec(c, StatisticsSchema.Clear, tx);
            var byId = data.Entities.ToDictionary(e => e.Id);
            InsertEntities(c, tx, data);
            InsertFacts(c, tx, data, byId);
            if (data.Statbel is { } statbel) StatisticsStore.Write(c, tx, statbel);
            Exec(c, "INSERT INTO search(search) VALUES ('optimize');", tx);
            SetMeta(c, tx, "map", data.Map is null ? "" : JsonSerializer.Serialize(data.Map));
            SetMeta(c, tx, "atlas_index", data.IndexDefinition ?? "");
            SetMeta(c, tx, "data_hash", data.ContentHash);
            SetMeta(c, tx, "seeded_at", DateTimeOffset.UtcNow.ToString("O"));
            tx.Commit();
        }
        catch (SqliteException e)
        {
            tx.Rollback();
            throw new StoreUnavailableException($"cannot write the database {Path} ({e.Message}); its previous content is unchanged. Check that the file and its folder are writable, or choose another with --db PATH.", e);
        }
        Exec(c, "PRAGMA optimize;");
        return true;
    }

    private static void InsertEntities(SqliteConnection c, SqliteTransaction tx, AtlasData data)
    {
        using var ins = Command(c, tx, """
            INSERT INTO entities (id, type, kind, name_fr, name_nl, name_en, parent_id, nis, is_current, sort_key, json)
            VALUES ($id, $type, $kind, $fr, $nl, $en, $parent, $nis, $current, $sort, $json)
            """);
        using var alias = Command(c, tx, "INSERT OR IGNORE INTO aliases (alias, entity_id, rank) VALUES ($alias, $id, $rank)");
        using var doc = Command(c, tx, "INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES ($id, NULL, $names, $aliases, $body)");
        foreach (var e in data.Entities)
        {
            var place = e as Place;
            Bind(ins, ("$id", e.Id), ("$type", e.Type.ToString().ToLowerInvariant()), ("$kind", e.Kind),
                ("$fr", e.Names.Get(Lang.Fr)), ("$nl", e.Names.Get(Lang.Nl)), ("$en", e.Names.Get(Lang.En)),
                ("$parent", place?.Parent), ("$nis", place?.Nis?.ToString()), ("$current", place?.IsCurrent ?? true ? 1 : 0),
                ("$sort", TextFolding.Fold(e.Names.Get(Lang.En))), ("$json", EntityJson.Of(e).ToJsonString()));
            ins.ExecuteNonQuery();

            var rank = AliasRank(e);
            foreach (var a in new[] { e.Id }.Concat(e.Names.All).Concat(e.Aliases).Select(TextFolding.Fold).Distinct())
            {
                Bind(alias, ("$alias", a), ("$id", e.Id), ("$rank", rank));
                alias.ExecuteNonQuery();
            }
            Bind(doc, ("$id", e.Id), ("$names", string.Join(" | ", e.Names.All.Distinct())),
                ("$aliases", string.Join(" | ", e.Aliases)), ("$body", string.Join(" | ", e.Description.All)));
            doc.ExecuteNonQuery();
        }
    }

    /// <summary>When an alias names several places (Gent: the city and the municipality), the lower rank wins.</summary>
    public static int AliasRank(Entity e) => e switch
    {
        Place { PlaceKind: PlaceKind.City } => 0,
        Place { PlaceKind: PlaceKind.Country or PlaceKind.Region } => 1,
        Place { IsCurrent: true, PlaceKind: PlaceKind.Municipality } => 2,
        Place { PlaceKind: PlaceKind.Province } => 3,
        Place { PlaceKind: PlaceKind.Arrondissement } => 4,
        Place => 5,
        _ => 1,
    };

    private static void InsertFacts(SqliteConnection c, SqliteTransaction tx, AtlasData data, Dictionary<string, Entity> byId)
    {
        using var ins = Command(c, tx, """
            INSERT INTO facts (id, seq, subject_id, predicate, object_id, context, statement_fr, statement_nl, statement_en,
                               value, unit, qualifier, period, indicator, source_id, section, passage, phrase, status, note, file, line)
            VALUES ($id, $seq, $subject, $predicate, $object, $context, $fr, $nl, $en,
                    $value, $unit, $qualifier, $period, $indicator, $source, $section, $passage, $phrase, $status, $note, $file, $line)
            """);
        using var link = Command(c, tx, "INSERT OR IGNORE INTO fact_entities (fact_id, entity_id, role) VALUES ($fact, $entity, $role)");
        using var doc = Command(c, tx, "INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES ($id, $fact, '', $aliases, $body)");
        var seq = 0;
        foreach (var f in data.Facts)
        {
            var q = f.Quantity;
            Bind(ins, ("$id", f.Id), ("$seq", seq++), ("$subject", f.Subject), ("$predicate", f.Predicate.Slug()),
                ("$object", f.Object), ("$context", JsonSerializer.Serialize(f.Context)),
                ("$fr", f.Statement.Exact(Lang.Fr)), ("$nl", f.Statement.Exact(Lang.Nl)), ("$en", f.Statement.Exact(Lang.En)),
                ("$value", q?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("$unit", q?.Unit),
                ("$qualifier", q?.Qualifier.Slug()), ("$period", q?.Period?.ToString()), ("$indicator", f.Indicator),
                ("$source", f.Source), ("$section", f.Locator.Section), ("$passage", f.Locator.Passage),
                ("$phrase", f.Locator.Phrase), ("$status", Slugs.Of(f.Status)), ("$note", f.Note),
                ("$file", f.Position.File), ("$line", f.Position.Line));
            ins.ExecuteNonQuery();
            foreach (var (entity, role) in new[] { (f.Subject, "subject") }
                         .Concat(f.Object is null ? [] : [(f.Object, "object")])
                         .Concat(f.Context.Select(x => (x, "context"))))
            {
                Bind(link, ("$fact", f.Id), ("$entity", entity), ("$role", role));
                link.ExecuteNonQuery();
            }
            // a fact is found by the words of its statements and by any name of what it is about
            var about = f.Entities.Skip(1).Where(byId.ContainsKey).Select(id => byId[id])
                .SelectMany(e => e.Names.All.Concat(e.Aliases)).Distinct();
            Bind(doc, ("$id", f.Subject), ("$fact", f.Id), ("$aliases", string.Join(" | ", about)),
                ("$body", string.Join(" | ", f.Statement.All.Append(f.Locator.Phrase))));
            doc.ExecuteNonQuery();
        }
    }

    private static void SetMeta(SqliteConnection c, SqliteTransaction tx, string key, string value)
    {
        using var cmd = Command(c, tx, "INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        Bind(cmd, ("$k", key), ("$v", value));
        cmd.ExecuteNonQuery();
    }

    internal static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    internal static void Bind(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(c, tx, sql);
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = Command(c, null, sql);
        return cmd.ExecuteScalar();
    }
}
