using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Atlas.Series;

namespace Atlas.Store;

/// <summary>
/// The series store in SQL both stores speak: the tables of <see cref="SeriesSchema"/> (the SQLite file) and of the
/// server's migration <c>0003_series.sql</c> (PostgreSQL) hold the same columns, ids compare without case in both
/// (SQLite's NOCASE collation, PostgreSQL's citext), and every statement here runs on either. A subclass opens the
/// connections and writes the values of a vintage its own fast way (<see cref="ValueWriter"/>).
/// </summary>
public abstract partial class SqlSeriesStore : ISeriesStore
{
    public abstract string Location { get; }

    protected abstract DbConnection Connect();

    /// <summary>The table of the values kept beside the series (a server keeps its curated data's meta apart).</summary>
    protected virtual string MetaTable => "meta";

    /// <summary>What a store's write errors are, so that they become a <see cref="StoreUnavailableException"/> saying nothing was imported.</summary>
    protected abstract bool IsStoreError(Exception e);

    /// <summary>
    /// How long a version read stays current: a second, like the curated data and the register, so that a cached
    /// answer costs no query (an import by another process shows within the second; this process's own, at once).
    /// </summary>
    private const long VersionCheckMs = 1000;

    private sealed record VersionAt(long At, long Version);
    private VersionAt? _version;

    public long Version
    {
        get
        {
            var now = Environment.TickCount64;
            if (_version is { } v && now - v.At < VersionCheckMs) return v.Version;
            var version = ReadVersion();
            _version = new VersionAt(now, version);
            return version;
        }
    }

    /// <summary>One indexed read: an import by another process or node shows at the next look.</summary>
    protected virtual long ReadVersion()
    {
        using var c = Connect();
        return Convert.ToInt64(Scalar(c, null, "SELECT coalesce(max(id), 0) FROM vintages"), CultureInfo.InvariantCulture);
    }

    public Vintage? VintageWithHash(string contentHash)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"SELECT {VintageColumns} FROM vintages v WHERE content_hash = @h", ("h", contentHash));
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

    /// <summary>The filter of a listing; the text parameters are typed, so that an absent one is a typed null on every server.</summary>
    private const string Filter = """
        (CAST(@concept AS TEXT) IS NULL OR s.concept = @concept) AND (CAST(@geo AS TEXT) IS NULL OR s.geo = @geo)
          AND (CAST(@adjustment AS TEXT) IS NULL OR s.adjustment = @adjustment)
        """;

    public IReadOnlyList<SeriesInfo> List(SeriesFilter filter)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"{SeriesSelect} WHERE {Filter} ORDER BY s.concept, s.geo, s.id",
            ("concept", filter.Concept), ("geo", filter.Geo), ("adjustment", filter.Adjustment?.ToString()));
        return ReadSeries(cmd);
    }

    public SeriesInfo? Find(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 300) return null;
        using var c = Connect();
        using var cmd = Command(c, null, $"{SeriesSelect} WHERE s.id = @id", ("id", id));
        return ReadSeries(cmd).FirstOrDefault();
    }

    /// <summary>The number and the frequency of a series: what reading its values needs, in one small query.</summary>
    private static (long No, Frequency Frequency)? Key(DbConnection c, string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 300) return null;
        using var cmd = Command(c, null, "SELECT no, frequency FROM series WHERE id = @id", ("id", id));
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
            WHERE series = @no AND (CAST(@lo AS TEXT) IS NULL OR period >= @lo) AND (CAST(@hi AS TEXT) IS NULL OR period <= @hi) ORDER BY period
            """, ("no", no), ("lo", lo), ("hi", hi));
        using var r = cmd.ExecuteReader();
        var list = new List<Observation>();
        while (r.Read())
            list.Add(new Observation(SeriesPeriod.FromStored(r.GetString(0), f), r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return list;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Observation>> ObservationsOf(SeriesFilter filter)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"""
            SELECT s.id, s.frequency, o.period, o.value, o.status FROM series s JOIN observations o ON o.series = s.no
            WHERE {Filter} ORDER BY s.no, o.period
            """, ("concept", filter.Concept), ("geo", filter.Geo), ("adjustment", filter.Adjustment?.ToString()));
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
        if (Scalar(c, null, "SELECT 1 FROM revisions WHERE series = @no LIMIT 1", ("no", no)) is null) return [];
        var vintages = Vintages().ToDictionary(v => v.Id);
        using var cmd = Command(c, null, """
            SELECT r.period, r.value, r.status, r.vintage, r.replaced_by, o.value
            FROM revisions r LEFT JOIN observations o ON o.series = r.series AND o.period = r.period
            WHERE r.series = @no ORDER BY r.period, r.vintage
            """, ("no", no));
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
        return Scalar(c, null, $"SELECT value FROM {MetaTable} WHERE key = @k", ("k", key)) as string;
    }

    public void SetMeta(string key, string value)
    {
        using var c = Connect();
        using var cmd = Command(c, null, $"INSERT INTO {MetaTable} (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("k", key), ("v", value));
        cmd.ExecuteNonQuery();
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

    private static List<SeriesInfo> ReadSeries(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<SeriesInfo>();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            SeriesCodes.TryFrequency(r.GetString(6), out var frequency);
            var unit = new SeriesUnit(r.GetString(8), Enum.Parse<UnitKind>(r.GetString(9)), r.IsDBNull(10) ? null : Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture));
            var dims = JsonSerializer.Deserialize<string[][]>(r.GetString(14))!.Select(p => KeyValuePair.Create(p[0], p[1])).ToList();
            var attrs = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(15))!;
            var descriptor = new SeriesDescriptor(r.GetString(0), new Dataflow(r.GetString(1), r.GetString(2), S(3)), r.GetString(4), S(5),
                frequency, Enum.Parse<Adjustment>(r.GetString(7)), unit, r.GetString(11), S(12), S(13), dims, attrs);
            SeriesPeriod? P(int i) => S(i) is { } p ? SeriesPeriod.FromStored(p, frequency) : null;
            list.Add(new SeriesInfo(descriptor, P(16), P(17), Convert.ToInt32(r.GetValue(18), CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(19), CultureInfo.InvariantCulture), ReadVintage(r, 20), ReadVintage(r, 25)));
        }
        return list;
    }

    private static Vintage ReadVintage(DbDataReader r, int at) => new(r.GetInt64(at), r.GetString(at + 1),
        DateTimeOffset.Parse(r.GetString(at + 2), CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.GetString(at + 3), CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<string[]>(r.GetString(at + 4)) ?? []);

    // ---------- helpers ----------

    protected static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static object? Scalar(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }
}
