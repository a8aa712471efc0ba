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
                    (info, problem) = RegisterReads.Describe(RegisterReads.Meta(c), Path);
                }
                catch (SqliteException e)
                {
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
        return RegisterReads.Counts(c, unit, naceVersion);
    }

    public IReadOnlyList<NaceLabel> NaceLabels(int naceVersion)
    {
        using var c = Connect();
        return RegisterReads.NaceLabels(c, naceVersion);
    }

    public IReadOnlyDictionary<int, string> SectionsOfDivisions(int naceVersion)
    {
        using var c = Connect();
        return RegisterReads.SectionsOfDivisions(c, naceVersion);
    }

    public IReadOnlyList<CodeLabel> Codes()
    {
        using var c = Connect();
        return RegisterReads.Codes(c);
    }

    public IReadOnlyList<SeatCount> EnterprisesBySeat(string since)
    {
        using var c = Connect();
        return RegisterReads.EnterprisesBySeat(c, since);
    }

    public IRegisterSession Open() => new RegisterSession(Connect(), FindNames);

    /// <summary>Names through the FTS5 index: every term quoted, so that no user input is read as FTS syntax; the last one is a prefix.</summary>
    private static IReadOnlyList<(long Entity, string Name)> FindNames(System.Data.Common.DbConnection c, IReadOnlyList<string> terms, int limit)
    {
        var match = string.Join(" ", terms.Select((t, i) => $"\"{t}\"" + (i == terms.Count - 1 ? "*" : "")));
        return c.Query<(long, string)>("""
            SELECT d.entity, d.name FROM denomination_search s JOIN denomination d ON d.rowid = s.rowid
            WHERE denomination_search MATCH @match ORDER BY s.rank LIMIT @limit
            """, new { match, limit }).ToList();
    }
}
