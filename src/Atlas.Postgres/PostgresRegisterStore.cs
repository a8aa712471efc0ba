using System.Data.Common;
using Atlas.Register;
using Atlas.Store;
using Dapper;
using Npgsql;

namespace Atlas.Postgres;

/// <summary>
/// The enterprise register on PostgreSQL: the tables of <see cref="RegisterSchema"/> in the schema <c>register</c>,
/// read with the same SQL as the SQLite file (<see cref="RegisterReads"/>; the connections' search path is
/// <c>register, public</c>), company names through a GIN-indexed tsvector. A full import builds the next register
/// in its own schema and swaps it in within one transaction, so readers see the old register or the new one, never
/// a mix. <see cref="Version"/> is read at most once a second: every node sees an import within a second.
/// </summary>
public sealed class PostgresRegisterStore : IRegisterStore
{
    public const string Schema = "register";

    private readonly NpgsqlDataSource _db;
    private readonly Lock _gate = new();
    private (long At, string Version, RegisterInfo? Info, string? Problem)? _state;

    public PostgresRegisterStore(NpgsqlConnectionStringBuilder settings)
    {
        var csb = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { SearchPath = $"{Schema}, public" };
        _db = NpgsqlDataSource.Create(csb);
        Location = PostgresDatabase.Describe(settings) + $" (schema {Schema})";
    }

    public string Location { get; }

    public string Version => State().Version;
    public RegisterInfo? Info => State().Info;
    public string? Problem => State().Problem;

    /// <summary>The register's meta values, looked at no more than once a second (an import writes imported_at, which changes the version).</summary>
    private (string Version, RegisterInfo? Info, string? Problem) State()
    {
        var now = Environment.TickCount64;
        if (_state is { } s && now - s.At < 1000) return (s.Version, s.Info, s.Problem);
        lock (_gate)
        {
            string version;
            RegisterInfo? info = null;
            string? problem = null;
            try
            {
                using var c = _db.OpenConnection();
                if (c.ExecuteScalar<string?>("SELECT to_regclass('register.meta')::text") is null) version = "none";
                else
                {
                    var meta = RegisterReads.Meta(c);
                    version = $"{meta.GetValueOrDefault("extract_number")}-{meta.GetValueOrDefault("imported_at")}";
                    (info, problem) = RegisterReads.Describe(meta, Location);
                }
            }
            catch (NpgsqlException e)
            {
                throw new StoreUnavailableException($"cannot reach the register {Location} ({e.Message})", e);
            }
            _state = (now, version, info, problem);
            return (version, info, problem);
        }
    }

    private NpgsqlConnection Connect() => _db.OpenConnection();

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

    /// <summary>
    /// Names holding every term, the last as a prefix, best first: the terms are folded letters and digits passed as
    /// parameters (no input is read as query syntax), matched in the plain, accent-folded configuration.
    /// </summary>
    private static IReadOnlyList<(long Entity, string Name)> FindNames(DbConnection c, IReadOnlyList<string> terms, int limit)
    {
        var parameters = new DynamicParameters(new { limit });
        var query = string.Join(" && ", terms.Select((t, i) =>
        {
            parameters.Add($"t{i}", i == terms.Count - 1 ? t + ":*" : t);
            return $"to_tsquery('public.atlas_simple', @t{i})";
        }));
        return c.Query<(long, string)>($"""
            SELECT entity, name FROM denomination, (SELECT {query} AS q) AS query
            WHERE document @@ q ORDER BY ts_rank(document, q) DESC, length(name), entity LIMIT @limit
            """, parameters).ToList();
    }
}
