using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.Query;

/// <summary>
/// Claims held against the register. A fact "city innovates in sector" gets, beside it, what the register says of
/// that sector in the city: the establishments whose main activity (NACE-BEL 2008) falls under the sector's codes
/// (<c>nace2008</c> in data/sectors.yaml), their share, location quotient, rank among municipalities and whether
/// the city is a strong specialisation by the US Cluster Mapping rule — and a status: <c>confirmed</c> when the
/// city (for Brussels, the City or the Region) is strong in the sector, <c>not-confirmed</c> otherwise. The curated
/// fact is never changed: its own <c>status</c> stays what the data files say; the evidence is computed from the
/// register the atlas holds now.
/// </summary>
public sealed partial class AtlasQueries
{
    /// <summary>Per sector, the count of every area and the statistics over municipalities (cached per register version).</summary>
    private sealed record SectorTable(Dictionary<int, (int Count, int Total)> ByArea, double NationalShare, double P75Lq, double P25Count,
        int[] CountsDescending, double[] LqsDescending, int Present);

    private readonly ConcurrentDictionary<(string Stamp, string Codes), SectorTable> _sectorTables = new();

    /// <summary>Whether a NACE class (6201) falls under a code of a data file: a section letter, 62, 62.0 or 62.01.</summary>
    private static Func<int, bool> Matcher(IReadOnlyList<string> codes, ClassCounts counts)
    {
        var tests = codes.Select(code =>
        {
            var digits = code.Replace(".", "");
            if (digits.Length == 1 && char.IsAsciiLetterUpper(digits[0]))
                return (Func<int, bool>)(cls => counts.SectionOfDivision.GetValueOrDefault(cls / 100) == digits);
            var n = int.Parse(digits);
            return digits.Length switch
            {
                2 => cls => cls / 100 == n,
                3 => cls => cls / 10 == n,
                _ => cls => cls == n,
            };
        }).ToList();
        return cls => tests.Any(t => t(cls));
    }

    private SectorTable Sector(IReadOnlyList<string> codes)
    {
        var stamp = Register.Stamp;
        return _sectorTables.GetOrAdd((stamp, string.Join(",", codes)), _ =>
        {
            foreach (var key in _sectorTables.Keys.Where(k => k.Stamp != stamp)) _sectorTables.TryRemove(key, out SectorTable? _);
            var counts = Counts(Establishments, 2008);
            var inSector = Matcher(codes, counts);
            var byArea = counts.ByArea.ToDictionary(kv => kv.Key,
                kv => (kv.Value.Where(x => inSector(x.Key)).Sum(x => x.Value), kv.Value.Values.Sum()));
            var (bc, bt) = byArea.GetValueOrDefault(RegisterSchema.Belgium);
            var national = bt == 0 ? 0 : (double)bc / bt;
            var municipalities = byArea.Where(kv => Areas.IsMunicipality(kv.Key)).Select(kv => kv.Value).ToList();
            var present = municipalities.Where(x => x.Item1 > 0).ToList();
            var lqs = present.Select(x => (double)x.Item1 / x.Item2 / national).ToList();
            return new SectorTable(byArea, national, Percentile(lqs, 0.75), Percentile(present.Select(x => (double)x.Item1).ToList(), 0.25),
                municipalities.Select(x => x.Item1).OrderDescending().ToArray(), lqs.OrderDescending().ToArray(), present.Count);
        });
    }

    /// <summary>The register's evidence for "<paramref name="placeId"/> innovates in <paramref name="sectorId"/>", or null if it cannot be measured.</summary>
    public JsonObject? SectorEvidence(string placeId, string sectorId, Lang lang)
    {
        if (Register.Info is null) return null;
        using var c = Store.Connect();
        var sector = EntityRow(c, sectorId, lang);
        var codes = sector?.Strs("nace2008") ?? [];
        if (codes.Count == 0) return null;
        var units = SpecUnits(placeId, lang);
        if (units is null || units.Count == 0) return null;
        var table = Sector(codes);
        var unitsJson = new JsonArray();
        var confirmed = false;
        foreach (var unit in units)
        {
            var (count, total) = table.ByArea.GetValueOrDefault(unit.Nis);
            var share = total == 0 ? 0 : (double)count / total;
            double? lq = table.NationalShare > 0 && total > 0 ? share / table.NationalShare : null;
            var strong = count > 0 && lq is { } l && l >= table.P75Lq && count > table.P25Count && l >= 1;
            confirmed |= strong;
            var municipality = Areas.IsMunicipality(unit.Nis);
            unitsJson.Add(new JsonObject
            {
                ["id"] = unit.Id,
                ["label"] = unit.Label,
                ["relation"] = unit.Relation,
                ["establishments"] = count,
                ["share"] = Math.Round(share, 6),
                ["lq"] = lq is { } x ? Math.Round(x, 4) : null,
                ["rank"] = municipality ? RankIn(table.CountsDescending, count) : null,
                ["lqRank"] = municipality && count > 0 && lq is { } q ? RankIn(table.LqsDescending, q) : null,
                ["strong"] = strong,
            });
        }
        return new JsonObject
        {
            ["status"] = confirmed ? "confirmed" : "not-confirmed",
            ["measure"] = "establishments by main activity, NACE-BEL 2008",
            ["codes"] = new JsonArray(codes.Select(x => (JsonNode?)x).ToArray()),
            ["municipalitiesWithPresence"] = table.Present,
            ["thresholds"] = new JsonObject
            {
                ["lqP75"] = double.IsNaN(table.P75Lq) ? null : Math.Round(table.P75Lq, 4),
                ["countP25"] = double.IsNaN(table.P25Count) ? null : Math.Round(table.P25Count, 2),
            },
            ["units"] = unitsJson,
            ["register"] = Register.Info?.ToJson(),
            ["href"] = $"/api/places/{placeId}/specialisation?level=class",
        };
    }

    /// <summary>Adds the register evidence to a fact "city innovates in sector" when a register is loaded.</summary>
    private FactView WithEvidence(FactView fact, Lang lang)
    {
        if (fact.Predicate != "innovates-in" || fact.Object is null || Register.Info is null) return fact;
        if (!IsCity(fact.Subject)) return fact;
        return SectorEvidence(fact.Subject, fact.Object, lang) is { } evidence ? fact with { Evidence = evidence } : fact;
    }

    private bool IsCity(string id)
    {
        var cities = _cities ??= LoadCities();
        return cities.Contains(id);
    }
    private HashSet<string>? _cities;

    private HashSet<string> LoadCities()
    {
        using var c = Store.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM entities WHERE type = 'place' AND kind = 'city'";
        var set = new HashSet<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }
}
