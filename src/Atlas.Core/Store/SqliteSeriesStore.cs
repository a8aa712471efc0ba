using System.Globalization;
using System.Text.Json;
using Atlas.Series;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

/// <summary>
/// The series store of the embedded atlas: the series in their own SQLite file beside the atlas database: <c>atlas.db</c> → <c>atlas.series.db</c>. Own file,
/// like the register's, because the atlas database is a cache that is dropped and rebuilt whenever the data files or
/// its schema change, while imported series and their revisions exist nowhere else. WAL mode: the server reads while
/// an import writes; each import is one transaction.
/// </summary>
public sealed partial class SqliteSeriesStore : ISeriesStore
{
    private readonly string _connectionString;

    public string Location { get; }

    private SqliteSeriesStore(string path)
    {
        Location = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>The series file that goes with an atlas database: the same name with <c>.series.db</c>.</summary>
    public static string PathFor(string atlasDbPath)
    {
        var full = Path.GetFullPath(atlasDbPath);
        return (full.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? full[..^3] : full) + ".series.db";
    }

    public static SqliteSeriesStore For(string atlasDbPath) => Open(PathFor(atlasDbPath));

    /// <summary>Opens the file, creating it and its tables if needed.</summary>
    /// <exception cref="StoreUnavailableException">the file cannot be created or read, or was made by a newer atlas.</exception>
    public static SqliteSeriesStore Open(string path)
    {
        var store = new SqliteSeriesStore(Path.GetFullPath(path));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(store.Location)!);
            using var c = store.Connect();
            c.Execute("PRAGMA journal_mode=WAL;");
            var version = c.ExecuteScalar<int>("PRAGMA user_version;");
            if (version > SeriesSchema.Version)
                throw new StoreUnavailableException($"the series file {store.Location} was made by a newer atlas (version {version}; this one reads {SeriesSchema.Version}): update the atlas");
            using var tx = c.BeginTransaction();
            c.Execute(SeriesSchema.Create, transaction: tx);
            c.Execute($"PRAGMA user_version = {SeriesSchema.Version};", transaction: tx);
            tx.Commit();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot open the series file {store.Location} ({e.Message}). Check that its folder is writable, or choose another database.", e);
        }
        return store;
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    public long Version
    {
        get
        {
            // one indexed read on a pooled connection: an import by another process shows at the next request
            using var c = Connect();
            return c.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM vintages");
        }
    }

    public Vintage? VintageWithHash(string contentHash)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"SELECT {VintageColumns} FROM vintages v WHERE content_hash = $h", ("$h", contentHash));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadVintage(r, 0) : null;
    }

    public IReadOnlyList<Vintage> Vintages()
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"SELECT {VintageColumns} FROM vintages v ORDER BY id");
        using var r = cmd.ExecuteReader();
        var list = new List<Vintage>();
        while (r.Read()) list.Add(ReadVintage(r, 0));
        return list;
    }

    public IReadOnlyList<SeriesInfo> List(SeriesFilter filter)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"""
            {SeriesSelect}
            WHERE ($concept IS NULL OR s.concept = $concept) AND ($geo IS NULL OR s.geo = $geo COLLATE NOCASE)
              AND ($adjustment IS NULL OR s.adjustment = $adjustment)
            ORDER BY s.concept, s.geo, s.id
            """, ("$concept", filter.Concept), ("$geo", filter.Geo), ("$adjustment", filter.Adjustment?.ToString()));
        return ReadSeries(cmd);
    }

    public SeriesInfo? Find(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 300) return null;
        using var c = Connect();
        using var cmd = Command(c, null, $"{SeriesSelect} WHERE s.id = $id", ("$id", id));
        return ReadSeries(cmd).FirstOrDefault();
    }

    /// <summary>The number and the frequency of a series: what reading its values needs, in one small query.</summary>
    private static (long No, Frequency Frequency)? Key(SqliteConnection c, string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 300) return null;
        using var cmd = Command(c, null, "SELECT no, frequency FROM series WHERE id = $id", ("$id", id));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        SeriesCodes.TryFrequency(r.GetString(1), out var f);
        return (r.GetInt64(0), f);
    }

    public IReadOnlyList<Observation> Observations(string id, SeriesPeriod? from = null, SeriesPeriod? to = null)
    {
        using var c = Connect();
        if (Key(c, id) is not var (no, f)) return [];
        // bounds of another frequency count from the periods that hold their first and last day
        var lo = from is { } a ? SeriesPeriod.Containing(a.Start, f).ToString() : null;
        var hi = to is { } b ? SeriesPeriod.Containing(b.End, f).ToString() : null;
        using var cmd = Command(c, null, """
            SELECT period, value, status FROM observations
            WHERE series = $no AND ($lo IS NULL OR period >= $lo) AND ($hi IS NULL OR period <= $hi) ORDER BY period
            """, ("$no", no), ("$lo", lo), ("$hi", hi));
        using var r = cmd.ExecuteReader();
        var list = new List<Observation>();
        while (r.Read())
            list.Add(new Observation(SeriesPeriod.FromStored(r.GetString(0), f), r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return list;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Observation>> ObservationsOf(SeriesFilter filter)
    {
        using var c = Connect();
        using var cmd = Command(c, null, """
            SELECT s.id, s.frequency, o.period, o.value, o.status FROM series s JOIN observations o ON o.series = s.no
            WHERE ($concept IS NULL OR s.concept = $concept) AND ($geo IS NULL OR s.geo = $geo COLLATE NOCASE)
              AND ($adjustment IS NULL OR s.adjustment = $adjustment)
            ORDER BY s.no, o.period
            """, ("$concept", filter.Concept), ("$geo", filter.Geo), ("$adjustment", filter.Adjustment?.ToString()));
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.OrdinalIgnoreCase);
        List<Observation>? list = null;
        string? current = null;
        while (r.Read())
        {
            var id = r.GetString(0);
            if (id != current)
            {
                result[id] = list = [];
                current = id;
            }
            SeriesCodes.TryFrequency(r.GetString(1), out var f);
            list!.Add(new Observation(SeriesPeriod.FromStored(r.GetString(2), f), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }
        return result;
    }

    public IReadOnlyList<Revision> Revisions(string id)
    {
        using var c = Connect();
        if (Key(c, id) is not var (no, frequency)) return [];
        using (var any = Command(c, null, "SELECT 1 FROM revisions WHERE series = $no LIMIT 1", ("$no", no)))
            if (any.ExecuteScalar() is null) return [];
        var vintages = Vintages().ToDictionary(v => v.Id);
        using var cmd = Command(c, null, """
            SELECT r.period, r.value, r.status, r.vintage, r.replaced_by, o.value
            FROM revisions r LEFT JOIN observations o ON o.series = r.series AND o.period = r.period
            WHERE r.series = $no ORDER BY r.period, r.vintage
            """, ("$no", no));
        using var r = cmd.ExecuteReader();
        var list = new List<Revision>();
        while (r.Read())
            list.Add(new Revision(SeriesPeriod.FromStored(r.GetString(0), frequency), r.IsDBNull(1) ? null : r.GetDouble(1),
                r.IsDBNull(2) ? null : r.GetString(2), vintages[r.GetInt64(3)], vintages[r.GetInt64(4)], r.IsDBNull(5) ? null : r.GetDouble(5)));
        return list;
    }

    public string? Meta(string key)
    {
        using var c = Connect();
        return c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = $k", new { k = key });
    }

    public void SetMeta(string key, string value)
    {
        using var c = Connect();
        c.Execute("INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { k = key, v = value });
    }

    // ---------- reading rows ----------

    private const string VintageColumns = "v.id, v.source, v.fetched_at, v.imported_at, v.notes";

    private const string SeriesSelect = """
        SELECT s.id, s.agency, s.flow, s.flow_version, s.series_key, s.name, s.frequency, s.adjustment, s.unit_code, s.unit_kind,
               s.base_year, s.concept, s.geo, s.activity, s.dimensions, s.attributes, s.first_period, s.last_period,
               s.obs_count, s.revision_count,
               fv.id, fv.source, fv.fetched_at, fv.imported_at, fv.notes,
               lv.id, lv.source, lv.fetched_at, lv.imported_at, lv.notes
        FROM series s JOIN vintages fv ON fv.id = s.first_vintage JOIN vintages lv ON lv.id = s.last_vintage
        """;

    private static List<SeriesInfo> ReadSeries(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<SeriesInfo>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            SeriesCodes.TryFrequency(r.GetString(6), out var frequency);
            var unit = new SeriesUnit(r.GetString(8), Enum.Parse<UnitKind>(r.GetString(9)), r.IsDBNull(10) ? null : r.GetInt32(10));
            var dims = JsonSerializer.Deserialize<string[][]>(r.GetString(14))!.Select(p => KeyValuePair.Create(p[0], p[1])).ToList();
            var attrs = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(15))!;
            var descriptor = new SeriesDescriptor(r.GetString(0), new Dataflow(r.GetString(1), r.GetString(2), S(3)), r.GetString(4), S(5),
                frequency, Enum.Parse<Adjustment>(r.GetString(7)), unit, r.GetString(11), S(12), S(13), dims, attrs);
            SeriesPeriod? P(int i) => S(i) is { } p ? SeriesPeriod.FromStored(p, frequency) : null;
            list.Add(new SeriesInfo(descriptor, P(16), P(17), r.GetInt32(18), r.GetInt32(19), ReadVintage(r, 20), ReadVintage(r, 25)));
        }
        return list;
    }

    private static Vintage ReadVintage(SqliteDataReader r, int at) => new(r.GetInt64(at), r.GetString(at + 1),
        DateTimeOffset.Parse(r.GetString(at + 2), CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.GetString(at + 3), CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<string[]>(r.GetString(at + 4)) ?? []);

    // ---------- helpers ----------

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}
