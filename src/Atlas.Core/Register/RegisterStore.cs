using System.Globalization;
using Atlas.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Register;

/// <summary>What the loaded register is: the extract it holds, when it was imported and how long that took.</summary>
public sealed record RegisterInfo(int ExtractNumber, string ExtractType, int? FullExtractNumber, string? SnapshotDate, string? ImportedAt,
    double? ImportSeconds = null);

/// <summary>
/// The enterprise register's own SQLite file, beside the atlas database: <c>atlas.db</c> → <c>atlas.register.db</c>.
/// It is written only by <c>atlas import kbo</c> (a full dump replaces it whole, an update changes it in one
/// transaction) and read by the features; re-seeding the curated data never touches it. Connections are not
/// pooled, so that a register replaced by a new import is seen by the next request.
/// </summary>
public sealed class RegisterStore(string path) : IRegisterStore
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string Location => Path;
    public string Version => CachedStamp;

    /// <summary>The register file that goes with an atlas database: the same name with <c>.register.db</c>.</summary>
    public static string PathFor(string atlasDbPath)
    {
        var full = System.IO.Path.GetFullPath(atlasDbPath);
        return full.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? full[..^3] + ".register.db" : full + ".register.db";
    }

    public static RegisterStore For(string atlasDbPath) => new(PathFor(atlasDbPath));

    /// <summary>A token that changes whenever the file is replaced or written (size and time of last write).</summary>
    public string Stamp
    {
        get
        {
            var f = new FileInfo(Path);
            return f.Exists ? $"{f.Length:x}-{f.LastWriteTimeUtc.Ticks:x}" : "none";
        }
    }

    /// <summary>
    /// <see cref="Stamp"/>, looked at no more than once a second: cheap enough for every request, and an import is
    /// seen within a second.
    /// </summary>
    public string CachedStamp
    {
        get
        {
            var now = Environment.TickCount64;
            var cached = _cachedStamp;
            if (cached is not null && now - cached.At < 1000) return cached.Stamp;
            var stamp = Stamp;
            _cachedStamp = new StampAt(now, stamp);
            return stamp;
        }
    }
    private sealed record StampAt(long At, string Stamp);
    private StampAt? _cachedStamp;

    public bool Exists => File.Exists(Path);

    /// <summary>The register's extract, or null when no complete register is loaded.</summary>
    public RegisterInfo? Info
    {
        get
        {
            var stamp = Stamp;
            if (_info is { } cached && cached.Stamp == stamp) return cached.Info;
            RegisterInfo? info = null;
            string? problem = null;
            if (Exists)
            {
                try
                {
                    using var c = Connect();
                    var meta = new Dictionary<string, string>();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = "SELECT key, value FROM meta";
                    using var r = cmd.ExecuteReader();
                    while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
                    if (meta.GetValueOrDefault("schema_version") != RegisterSchema.Version.ToString(CultureInfo.InvariantCulture))
                        problem = $"the register {Path} was made by another version of the atlas (its tables are version {meta.GetValueOrDefault("schema_version") ?? "?"}, this atlas reads version {RegisterSchema.Version}): import a full dump again";
                    else if (meta.TryGetValue("extract_number", out var n) && int.TryParse(n, CultureInfo.InvariantCulture, out var number))
                        info = new RegisterInfo(number, meta.GetValueOrDefault("extract_type") ?? "full",
                            int.TryParse(meta.GetValueOrDefault("full_extract_number"), CultureInfo.InvariantCulture, out var f) ? f : null,
                            meta.GetValueOrDefault("snapshot_date"), meta.GetValueOrDefault("imported_at"),
                            double.TryParse(meta.GetValueOrDefault("import_seconds"), CultureInfo.InvariantCulture, out var s) ? s : null);
                }
                catch (SqliteException e)
                {
                    info = null;
                    problem = $"the register {Path} cannot be read ({e.Message}): import a full dump again";
                }
            }
            _info = new InfoAt(stamp, info, problem);
            return info;
        }
    }
    private sealed record InfoAt(string Stamp, RegisterInfo? Info, string? Problem);
    private InfoAt? _info;

    /// <summary>Why a register file that exists cannot be used (another version, damaged), or null.</summary>
    public string? Problem
    {
        get
        {
            _ = Info;
            return _info?.Problem;
        }
    }

    public SqliteConnection Connect()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public IReadOnlyList<AreaClassCount> Counts(int unit, int naceVersion)
    {
        using var c = Connect();
        return c.Query<AreaClassCount>("SELECT nis AS Nis, class AS Class, n AS Count FROM spec_counts WHERE unit = $unit AND version = $naceVersion",
            new { unit, naceVersion }).ToList();
    }

    public IReadOnlyList<NaceLabel> NaceLabels(int naceVersion)
    {
        using var c = Connect();
        return c.Query<NaceLabel>("SELECT code AS Code, label_fr AS Fr, label_nl AS Nl, label_en AS En FROM nace WHERE version = $naceVersion",
            new { naceVersion }).ToList();
    }

    public IReadOnlyDictionary<int, string> SectionsOfDivisions(int naceVersion)
    {
        using var c = Connect();
        return c.Query<(string Code, string Section)>("SELECT code, section FROM nace WHERE version = $naceVersion AND level = 'division' AND section IS NOT NULL",
            new { naceVersion }).ToDictionary(x => int.Parse(x.Code, CultureInfo.InvariantCulture), x => x.Section);
    }

    public IReadOnlyList<CodeLabel> Codes()
    {
        using var c = Connect();
        return c.Query<CodeLabel>("SELECT category AS Category, code AS Code, language AS Language, description AS Description FROM code").ToList();
    }

    public IReadOnlyList<SeatCount> EnterprisesBySeat(string since)
    {
        using var c = Connect();
        return c.Query<SeatCount>("""
            SELECT s.nis AS Nis, count(*) AS Enterprises, sum(e.start_date > $since) AS Young
            FROM (SELECT DISTINCT entity, nis FROM address WHERE type = 'REGO' AND nis IS NOT NULL) s
            JOIN enterprise e ON e.number = s.entity GROUP BY s.nis
            """, new { since }).ToList();
    }

    public IRegisterSession Open() => new RegisterSession(Connect());

    public IEnumerable<long> EnterpriseNumbers() => Rows("SELECT number FROM enterprise ORDER BY number", null, r => r.GetInt64(0));

    public IEnumerable<(long Number, long Enterprise)> EstablishmentEnterprises() =>
        Rows("SELECT number, enterprise FROM establishment ORDER BY number", null, r => (r.GetInt64(0), r.GetInt64(1)));

    public IEnumerable<UnitAddress> UnitAddresses() => Rows("""
        SELECT entity, zipcode, municipality_nl, municipality_fr, nis FROM address
        WHERE ((type = 'REGO' AND entity < 2000000000) OR (type = 'BAET' AND entity >= 2000000000)) AND nis IS NOT NULL
        """, null, r => new UnitAddress(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4)));

    // the code's first four digits, parsed here rather than by SQLite: one scan of the activity table, no temporary values
    public IEnumerable<UnitClass> UnitClasses(int naceVersion) => Rows(
        "SELECT entity, nace_code, classification FROM activity WHERE nace_version = $v AND classification IN (1, 2)", naceVersion,
        r =>
        {
            var code = r.GetString(1);
            var cls = code.Length >= 4 ? (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0') : -1;
            return new UnitClass(r.GetInt64(0), cls, r.GetInt32(2) == 1);
        });

    /// <summary>Streams the rows of a query on a connection of its own, closed when the caller is done.</summary>
    private IEnumerable<T> Rows<T>(string sql, int? v, Func<SqliteDataReader, T> read)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (v is not null) cmd.Parameters.AddWithValue("$v", v.Value);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return read(r);
    }
}
