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
}
