using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.Query;

/// <summary>The NACE level a specialisation is computed at.</summary>
public enum NaceLevel { Section, Division, Group, Class }

/// <summary>What a place is measured by: a municipality, or an area holding several (a region, a province …).</summary>
public sealed record SpecUnit(string Id, string Label, string Kind, string Relation, int Nis);

/// <summary>The figures of one NACE code in one area, for one kind of unit (establishments or enterprises).</summary>
public sealed record SpecFigures(int Count, double Share, double? Lq, int? Rank, int? LqRank, bool Strong)
{
    public JsonObject ToJson() => new()
    {
        ["count"] = Count,
        ["share"] = Math.Round(Share, 6),
        ["lq"] = Lq is { } lq ? Math.Round(lq, 4) : null,
        ["rank"] = Rank,
        ["lqRank"] = LqRank,
        ["strong"] = Strong,
    };
}

/// <summary>
/// Specialisation of places from the register: counts of establishments and of enterprises by NACE code (their
/// main activity, see <see cref="MainActivity"/>), shares, location quotients against Belgium, ranks among the
/// municipalities and the "strong" label of the US Cluster Mapping method.
/// <para>
/// For a code i and an area m: share = count(m, i) / count(m); LQ = share / (count(BE, i) / count(BE)). Among the
/// municipalities where the code is present (count &gt; 0), p75(LQ) and p25(count) are taken (linear interpolation
/// between order statistics, as R's and numpy's default); the area is <b>strong</b> in the code when LQ ≥ p75(LQ),
/// count &gt; p25(count) and LQ ≥ 1. <c>rank</c> orders the municipalities by count (1 = most; ties share a rank),
/// <c>lqRank</c> those with presence by LQ. An establishment counts in the municipality of its establishment address;
/// an enterprise in every municipality where it has its seat or an establishment, once in each area.
/// </para>
/// </summary>
public sealed partial class AtlasQueries
{
    public const int Establishments = RegisterSchema.Establishments, Enterprises = RegisterSchema.Enterprises;

    /// <summary>The counts of one unit kind and NACE version, by area and NACE class, as the register holds them.</summary>
    private sealed class ClassCounts
    {
        public readonly Dictionary<int, Dictionary<int, int>> ByArea = [];
        public readonly Dictionary<int, string> SectionOfDivision = [];
    }

    private readonly ConcurrentDictionary<(string Stamp, int Unit, int Version), ClassCounts> _classCounts = new();
    private readonly ConcurrentDictionary<(string Stamp, int Unit, int Version, NaceLevel Level), LevelTable> _levels = new();

    private ClassCounts Counts(int unit, int version)
    {
        var stamp = Register.Stamp;
        return _classCounts.GetOrAdd((stamp, unit, version), _ =>
        {
            foreach (var key in _classCounts.Keys.Where(k => k.Stamp != stamp)) _classCounts.TryRemove(key, out ClassCounts? _);
            using var c = RegisterConnection();
            var counts = new ClassCounts();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT nis, class, n FROM spec_counts WHERE unit = $u AND version = $v";
                cmd.Parameters.AddWithValue("$u", unit);
                cmd.Parameters.AddWithValue("$v", version);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var nis = r.GetInt32(0);
                    var d = counts.ByArea.TryGetValue(nis, out var x) ? x : counts.ByArea[nis] = [];
                    d[r.GetInt32(1)] = r.GetInt32(2);
                }
            }
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT code, section FROM nace WHERE version = $v AND level = 'division' AND section IS NOT NULL";
                cmd.Parameters.AddWithValue("$v", version);
                using var r = cmd.ExecuteReader();
                while (r.Read()) counts.SectionOfDivision[int.Parse(r.GetString(0))] = r.GetString(1);
            }
            return counts;
        });
    }

    /// <summary>The code of a class at a level: 6201 → "J", "62", "620", "6201".</summary>
    private static string CodeAt(NaceLevel level, int cls, ClassCounts counts) => level switch
    {
        NaceLevel.Section => counts.SectionOfDivision.GetValueOrDefault(cls / 100) ?? "?",
        NaceLevel.Division => (cls / 100).ToString("D2"),
        NaceLevel.Group => (cls / 10).ToString("D3"),
        _ => cls.ToString("D4"),
    };

    /// <summary>Counts of every area by code at one level, with the per-code statistics over the municipalities.</summary>
    private sealed class LevelTable
    {
        public readonly Dictionary<int, Dictionary<string, int>> ByArea = [];
        public readonly Dictionary<int, int> Totals = [];
        public readonly Dictionary<string, CodeStats> Stats = [];
    }

    private sealed record CodeStats(double P75Lq, double P25Count, int[] CountsDescending, double[] LqsDescending, int Present);

    private LevelTable Level(int unit, int version, NaceLevel level)
    {
        var stamp = Register.Stamp;
        return _levels.GetOrAdd((stamp, unit, version, level), _ =>
        {
            foreach (var key in _levels.Keys.Where(k => k.Stamp != stamp)) _levels.TryRemove(key, out LevelTable? _);
            var counts = Counts(unit, version);
            var table = new LevelTable();
            foreach (var (nis, classes) in counts.ByArea)
            {
                var d = table.ByArea[nis] = [];
                foreach (var (cls, n) in classes)
                {
                    var code = CodeAt(level, cls, counts);
                    d[code] = d.GetValueOrDefault(code) + n;
                }
                table.Totals[nis] = classes.Values.Sum();
            }
            foreach (var (code, stats) in CodeStatistics(table)) table.Stats[code] = stats;
            return table;
        });
    }

    /// <summary>For each code present in Belgium: the percentiles and the orders that ranks and the strong label need.</summary>
    private static IEnumerable<(string Code, CodeStats Stats)> CodeStatistics(LevelTable table)
    {
        var belgium = table.ByArea.GetValueOrDefault(RegisterSchema.Belgium) ?? [];
        var total = table.Totals.GetValueOrDefault(RegisterSchema.Belgium);
        var municipalities = table.ByArea.Keys.Where(Areas.IsMunicipality).ToList();
        foreach (var code in belgium.Keys)
        {
            var national = (double)belgium.GetValueOrDefault(code) / Math.Max(1, total);
            var countsOf = new List<int>();
            var lqs = new List<double>();
            foreach (var m in municipalities)
            {
                var n = table.ByArea[m].GetValueOrDefault(code);
                countsOf.Add(n);
                if (n > 0) lqs.Add((double)n / table.Totals[m] / national);
            }
            var present = countsOf.Where(n => n > 0).Select(n => (double)n).ToList();
            yield return (code, new CodeStats(Percentile(lqs, 0.75), Percentile(present, 0.25),
                countsOf.OrderByDescending(n => n).ToArray(), lqs.OrderByDescending(x => x).ToArray(), present.Count));
        }
    }

    /// <summary>The p-quantile with linear interpolation between order statistics (R type 7, numpy's default).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var v = values.Order().ToArray();
        var h = (v.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, v.Length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /// <summary>1 + how many values are strictly greater (values sorted descending).</summary>
    private static int RankIn(int[] descending, int value)
    {
        var i = 0;
        while (i < descending.Length && descending[i] > value) i++;
        return i + 1;
    }

    private static int RankIn(double[] descending, double value)
    {
        var i = 0;
        while (i < descending.Length && descending[i] > value + 1e-12) i++;
        return i + 1;
    }

    private static SpecFigures Figures(LevelTable table, int nis, string code)
    {
        var count = table.ByArea.GetValueOrDefault(nis)?.GetValueOrDefault(code) ?? 0;
        var total = table.Totals.GetValueOrDefault(nis);
        var share = total == 0 ? 0 : (double)count / total;
        var belgium = table.ByArea.GetValueOrDefault(RegisterSchema.Belgium) ?? [];
        var national = (double)belgium.GetValueOrDefault(code) / Math.Max(1, table.Totals.GetValueOrDefault(RegisterSchema.Belgium));
        double? lq = national > 0 && total > 0 ? share / national : null;
        var stats = table.Stats.GetValueOrDefault(code);
        var municipality = Areas.IsMunicipality(nis);
        var strong = stats is not null && lq is { } l && count > 0 && l >= stats.P75Lq && count > stats.P25Count && l >= 1;
        return new SpecFigures(count, share, lq,
            municipality && stats is not null ? RankIn(stats.CountsDescending, count) : null,
            municipality && stats is not null && count > 0 && lq is { } q ? RankIn(stats.LqsDescending, q) : null,
            strong);
    }

    /// <summary>The areas that measure a place: itself if it is a municipality or an area, the units it links to if it is a city.</summary>
    public IReadOnlyList<SpecUnit>? SpecUnits(string idOrAlias, Lang lang)
    {
        var id = Resolve(idOrAlias, EntityType.Place);
        if (id is null) return null;
        using var c = Store.Connect();
        var place = EntityRow(c, id, lang);
        if (place is null) return null;
        var units = new List<SpecUnit>();
        if (place.Kind == "city")
        {
            foreach (var link in place["links"]?.AsArray() ?? [])
            {
                var target = EntityRow(c, link!["place"]!.GetValue<string>(), lang);
                if (target?.Str("nis") is { } nis)
                    units.Add(new SpecUnit(target.Id, target.Label, target.Kind, link["relation"]!.GetValue<string>(), int.Parse(nis)));
            }
        }
        else if (place.Str("nis") is { } nis)
        {
            if (place.Str("mergedInto") is { } merged)
                throw new ArgumentException($"{place.Label} ({nis}) was merged into another municipality on 1 January 2025; the register places its addresses in /api/places/{merged}");
            units.Add(new SpecUnit(place.Id, place.Label, place.Kind, "self", int.Parse(nis)));
        }
        return units;
    }

    /// <summary>
    /// The specialisation of a place at a NACE level: for each of its units (a city's municipality, and for Brussels
    /// also the Region), every code present there with the figures of establishments and of enterprises.
    /// </summary>
    public JsonObject? Specialisation(string idOrAlias, NaceLevel level, int version, Lang lang, string sort = "lq")
    {
        var units = SpecUnits(idOrAlias, lang);
        if (units is null) return null;
        var id = Resolve(idOrAlias, EntityType.Place)!;
        using var c = Store.Connect();
        var place = EntityRow(c, id, lang)!;
        if (Register.Info is null) throw new NoRegisterException(Register.Problem);
        var establishments = Level(Establishments, version, level);
        var enterprises = Level(Enterprises, version, level);
        using var rc = Register.Connect();
        var labels = NaceLabels(rc, version, lang);
        var municipalities = establishments.ByArea.Keys.Count(Areas.IsMunicipality);

        var unitsJson = new JsonArray();
        foreach (var unit in units)
        {
            var codes = (establishments.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? [])
                .Union(enterprises.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? []).ToList();
            var rows = codes.Select(code => (Code: code, Est: Figures(establishments, unit.Nis, code), Ent: Figures(enterprises, unit.Nis, code))).ToList();
            rows = sort switch
            {
                "code" => rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList(),
                "count" => rows.OrderByDescending(r => r.Est.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                _ => rows.OrderByDescending(r => r.Est.Lq ?? 0).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
            };
            unitsJson.Add(new JsonObject
            {
                ["id"] = unit.Id,
                ["label"] = unit.Label,
                ["kind"] = unit.Kind,
                ["relation"] = unit.Relation,
                ["nis"] = unit.Nis.ToString("D5"),
                ["establishments"] = establishments.Totals.GetValueOrDefault(unit.Nis),
                ["enterprises"] = enterprises.Totals.GetValueOrDefault(unit.Nis),
                ["strong"] = new JsonArray(rows.Where(r => r.Est.Strong).Select(r => (JsonNode?)r.Code).ToArray()),
                ["rows"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["code"] = r.Code,
                    ["label"] = labels.GetValueOrDefault(r.Code),
                    ["establishments"] = r.Est.ToJson(),
                    ["enterprises"] = r.Ent.ToJson(),
                }).ToArray()),
            });
        }
        return new JsonObject
        {
            ["place"] = new JsonObject { ["id"] = place.Id, ["label"] = place.Label, ["kind"] = place.Kind },
            ["level"] = level.ToString().ToLowerInvariant(),
            ["nace"] = version.ToString(),
            ["sort"] = sort,
            ["municipalities"] = municipalities,
            ["belgium"] = new JsonObject
            {
                ["establishments"] = establishments.Totals.GetValueOrDefault(RegisterSchema.Belgium),
                ["enterprises"] = enterprises.Totals.GetValueOrDefault(RegisterSchema.Belgium),
            },
            ["method"] = "Units counted under their main activity (MAIN, lowest activity group, then lowest code) in the NACE-BEL version asked. " +
                         "share = count / all units of the area; lq = share / Belgium's share; rank: among the municipalities by count; " +
                         "strong (US Cluster Mapping): lq ≥ the 75th percentile of lq over the municipalities where the code is present, count above their 25th percentile of count, and lq ≥ 1.",
            ["register"] = Register.Info?.ToJson(),
            ["units"] = unitsJson,
        };
    }

    private readonly ConcurrentDictionary<(string Stamp, int Version, Lang Lang), Dictionary<string, string>> _naceLabels = new();

    private Dictionary<string, string> NaceLabels(Microsoft.Data.Sqlite.SqliteConnection c, int version, Lang lang) =>
        _naceLabels.GetOrAdd((Register.Stamp, version, lang), _ =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT code, label_fr, label_nl, label_en FROM nace WHERE version = $v AND length(code) <= 4";
            cmd.Parameters.AddWithValue("$v", version);
            var d = new Dictionary<string, string>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var label = lang switch { Lang.Nl => S(2) ?? S(1), Lang.En => S(3) ?? S(1), _ => S(1) ?? S(2) };
                if (label is not null) d[r.GetString(0)] = label;
            }
            return d;
        });

    public static NaceLevel? ParseLevel(string? text) => (text ?? "division").ToLowerInvariant() switch
    {
        "section" => NaceLevel.Section,
        "division" => NaceLevel.Division,
        "group" => NaceLevel.Group,
        "class" => NaceLevel.Class,
        _ => null,
    };
}
