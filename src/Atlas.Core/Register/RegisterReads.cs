using System.Data.Common;
using System.Globalization;
using Atlas.Store;
using Dapper;

namespace Atlas.Register;

/// <summary>
/// The register's reads in SQL both stores speak (parameters as <c>@name</c>, whole numbers read as 64-bit): the
/// SQLite file and the PostgreSQL schema hold the same tables (<see cref="RegisterSchema"/>), so one query serves both.
/// </summary>
public static class RegisterReads
{
    /// <summary>The register's meta values (extract number, dates, schema version …).</summary>
    public static Dictionary<string, string> Meta(DbConnection c) =>
        c.Query<(string Key, string Value)>("SELECT key, value FROM meta").ToDictionary(m => m.Key, m => m.Value);

    /// <summary>What the meta values say: the extract held, or why the register cannot be used.</summary>
    public static (RegisterInfo? Info, string? Problem) Describe(IReadOnlyDictionary<string, string> meta, string location)
    {
        if (meta.GetValueOrDefault("schema_version") != RegisterSchema.Version.ToString(CultureInfo.InvariantCulture))
            return (null, $"the register {location} was made by another version of the atlas (its tables are version {meta.GetValueOrDefault("schema_version") ?? "?"}, " +
                          $"this atlas reads version {RegisterSchema.Version}): import a full dump again");
        if (!meta.TryGetValue("extract_number", out var n) || !int.TryParse(n, CultureInfo.InvariantCulture, out var number)) return (null, null);
        return (new RegisterInfo(number, meta.GetValueOrDefault("extract_type") ?? "full",
            int.TryParse(meta.GetValueOrDefault("full_extract_number"), CultureInfo.InvariantCulture, out var f) ? f : null,
            meta.GetValueOrDefault("snapshot_date"), meta.GetValueOrDefault("imported_at"),
            double.TryParse(meta.GetValueOrDefault("import_seconds"), CultureInfo.InvariantCulture, out var s) ? s : null), null);
    }

    public static IReadOnlyList<AreaClassCount> Counts(DbConnection c, int unit, int naceVersion) =>
        c.Query<AreaClassCount>("SELECT nis AS Nis, class AS Class, n AS Count FROM spec_counts WHERE unit = @unit AND version = @naceVersion",
            new { unit, naceVersion }).ToList();

    public static IReadOnlyList<NaceLabel> NaceLabels(DbConnection c, int naceVersion) =>
        c.Query<NaceLabel>("SELECT code AS Code, label_fr AS Fr, label_nl AS Nl, label_en AS En FROM nace WHERE version = @naceVersion",
            new { naceVersion }).ToList();

    public static IReadOnlyDictionary<int, string> SectionsOfDivisions(DbConnection c, int naceVersion) =>
        c.Query<(string Code, string Section)>("SELECT code, section FROM nace WHERE version = @naceVersion AND level = 'division' AND section IS NOT NULL",
            new { naceVersion }).ToDictionary(x => int.Parse(x.Code, CultureInfo.InvariantCulture), x => x.Section);

    public static IReadOnlyList<CodeLabel> Codes(DbConnection c) =>
        c.Query<CodeLabel>("SELECT category AS Category, code AS Code, language AS Language, description AS Description FROM code").ToList();

    public static IReadOnlyList<SeatCount> EnterprisesBySeat(DbConnection c, string since) =>
        c.Query<SeatCount>("""
            SELECT s.nis AS Nis, count(*) AS Enterprises, sum(CASE WHEN e.start_date > @since THEN 1 ELSE 0 END) AS Young
            FROM (SELECT DISTINCT entity, nis FROM address WHERE type = 'REGO' AND nis IS NOT NULL) s
            JOIN enterprise e ON e.number = s.entity GROUP BY s.nis
            """, new { since }).ToList();

    // the finder's index of who does what where reads these once per register version: streamed, each one scan, on a
    // connection of its own that the enumeration holds (and closes when the caller is done)

    public static IEnumerable<long> EnterpriseNumbers(Func<DbConnection> connect) =>
        Stream(connect, "SELECT number FROM enterprise ORDER BY number", null, r => r.GetInt64(0));

    public static IEnumerable<(long Number, long Enterprise)> EstablishmentEnterprises(Func<DbConnection> connect) =>
        Stream(connect, "SELECT number, enterprise FROM establishment ORDER BY number", null, r => (r.GetInt64(0), r.GetInt64(1)));

    /// <summary>Enterprises' seats (REGO) and establishment units' addresses (BAET) placed in a municipality (establishment numbers start at 2).</summary>
    public static IEnumerable<UnitAddress> UnitAddresses(Func<DbConnection> connect) => Stream(connect, """
        SELECT entity, zipcode, municipality_nl, municipality_fr, nis FROM address
        WHERE ((type = 'REGO' AND entity < 2000000000) OR (type = 'BAET' AND entity >= 2000000000)) AND nis IS NOT NULL
        """, null, r => new UnitAddress(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), (int)r.GetInt64(4)));

    // the code's first four digits, parsed here rather than by the database: one scan of the activity table, no temporary values
    public static IEnumerable<UnitClass> UnitClasses(Func<DbConnection> connect, int naceVersion) => Stream(connect,
        "SELECT entity, nace_code, classification FROM activity WHERE nace_version = @v AND classification IN (1, 2)", naceVersion,
        r =>
        {
            var code = r.GetString(1);
            var cls = code.Length >= 4 ? (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0') : -1;
            return new UnitClass(r.GetInt64(0), cls, r.GetInt64(2) == 1);
        });

    private static IEnumerable<T> Stream<T>(Func<DbConnection> connect, string sql, int? v, Func<DbDataReader, T> read)
    {
        using var c = connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (v is not null)
        {
            var p = cmd.CreateParameter();
            (p.ParameterName, p.Value) = ("v", v.Value);
            cmd.Parameters.Add(p);
        }
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return read(r);
    }
}
