using System.Text.Json.Nodes;
using Atlas.Analytics.Complexity;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.Query;

/// <summary>One activity of a municipality on the chart of relative presence against fit.</summary>
public sealed record ActivityPoint(string Code, double Rca, double Density, bool Present);

/// <summary>A municipality like another by industry structure.</summary>
public sealed record SimilarMunicipality(string Id, string Label, int Nis, double Similarity, double Eci, int EciRank);

/// <summary>The complexity figures of one place (a city through its municipality, or a municipality itself).</summary>
public sealed record ComplexityOfPlace(
    string PlaceId, string PlaceLabel, string PlaceKind, string MunicipalityId, string MunicipalityLabel, int Nis,
    bool InPanel, double Eci, int EciRank, int Municipalities, int Activities, int Diversity, double Coi,
    GrowthOpportunities? Opportunities, IReadOnlyList<ActivityPoint> Points, double FitThreshold);

/// <summary>
/// Economic complexity of the Belgian municipalities from the register: the national panel of every municipality ×
/// NACE-BEL 2008 class, valued by the number of establishments whose main activity is in the class (the counts of the
/// specialisation). Every measure (RCA, presence, ECI, PCI, proximity, density, COI, COG) is computed once per
/// register version with the library's defaults (RCA &gt; 1, discrete symmetric proximity, Stata scaling), so each
/// municipality's ECI is among all municipalities. Similar municipalities are ranked by the cosine similarity of their
/// RCA rows over all classes (the shape of the industry structure relative to Belgium, not its size).
/// </summary>
public sealed partial class AtlasQueries
{
    /// <summary>The panel of one register version: the matrix, every measure, and the index of municipalities by NIS.</summary>
    public sealed class ComplexityPanel
    {
        public required ActivityMatrix Matrix { get; init; }
        public required ComplexityResult Result { get; init; }
        public required Dictionary<int, int> RegionOfNis { get; init; }
        /// <summary>Region indices by ECI, highest first.</summary>
        public required int[] ByEci { get; init; }
        public required int[] EciRank { get; init; }
    }

    private readonly object _panelLock = new();
    private (string Stamp, ComplexityPanel Panel)? _panel;

    public const string ComplexityMethod =
        "National panel: every municipality × NACE-BEL 2008 class, valued by establishments counted under their main activity. " +
        "RCA = (x_ca / x_c) / (x_a / x); presence M = RCA > 1; ECI and PCI by the eigenvector method, standardised as the Growth Lab's Stata ecomplexity " +
        "(mean and sample sd over all municipality × class rows); proximity φ = co-occurrence / max ubiquity; density = Σ_q M_cq φ_qa / Σ_q φ_qa; " +
        "COG = what the activity would add to the complexity outlook. Opportunities are the classes not present, by density and by COG, each with the present classes closest to it. " +
        "Similar municipalities: cosine similarity of RCA rows over all classes.";

    /// <summary>The municipality × NACE 2008 class matrix of establishment counts (main activity) of the loaded register.</summary>
    public ActivityMatrix ComplexityMatrix()
    {
        if (Register.Info is null) throw new NoRegisterException(Register.Problem);
        var counts = Counts(Establishments, 2008);
        return ClassMatrix(counts.ByArea.Keys.Where(Areas.IsMunicipality).Order()
            .Select(m => (m.ToString("D5"), (IReadOnlyDictionary<int, int>)counts.ByArea[m])));
    }

    /// <summary>A region × NACE class matrix (classes as four digits, in order) from each region's counts by class.</summary>
    public static ActivityMatrix ClassMatrix(IEnumerable<(string Region, IReadOnlyDictionary<int, int> Classes)> regions)
    {
        var rows = regions.ToList();
        var classes = rows.SelectMany(r => r.Classes.Keys).Distinct().Order().ToArray();
        var column = new Dictionary<int, int>(classes.Length);
        for (var i = 0; i < classes.Length; i++) column[classes[i]] = i;
        var values = new double[rows.Count, classes.Length];
        for (var r = 0; r < rows.Count; r++)
            foreach (var (cls, n) in rows[r].Classes)
                values[r, column[cls]] = n;
        return new ActivityMatrix([.. rows.Select(r => r.Region)], [.. classes.Select(c => c.ToString("D4"))], values);
    }

    /// <summary>Every measure of the national panel, computed once per register version.</summary>
    public ComplexityPanel Complexity()
    {
        if (Register.Info is null) throw new NoRegisterException(Register.Problem);
        var stamp = Register.Stamp;
        lock (_panelLock)
        {
            if (_panel is { } p && p.Stamp == stamp) return p.Panel;
            var matrix = ComplexityMatrix();
            var result = EconomicComplexity.Compute(matrix);
            var regionOfNis = new Dictionary<int, int>(result.Regions.Count);
            for (var r = 0; r < result.Regions.Count; r++) regionOfNis[int.Parse(result.Regions[r])] = r;
            var byEci = Enumerable.Range(0, result.Regions.Count)
                .OrderByDescending(r => result.Eci[r]).ThenBy(r => result.Regions[r], StringComparer.Ordinal).ToArray();
            var rank = new int[byEci.Length];
            for (var i = 0; i < byEci.Length; i++) rank[byEci[i]] = i + 1;
            var panel = new ComplexityPanel { Matrix = matrix, Result = result, RegionOfNis = regionOfNis, ByEci = byEci, EciRank = rank };
            _panel = (stamp, panel);
            return panel;
        }
    }

    /// <summary>The municipality that measures a place: itself, or a city's municipality (Brussels: the City of Brussels).</summary>
    private SpecUnit? ComplexityUnit(string idOrAlias, Lang lang) =>
        SpecUnits(idOrAlias, lang)?.FirstOrDefault(u => Areas.IsMunicipality(u.Nis));

    /// <summary>
    /// The complexity figures of a place and its growth opportunities (null if the place is unknown or has no
    /// municipality). A municipality without any establishment is not in the panel (<c>InPanel</c> false).
    /// </summary>
    public ComplexityOfPlace? ComplexityOf(string idOrAlias, Lang lang, int top = 20, int related = 3)
    {
        var id = Resolve(idOrAlias, EntityType.Place);
        if (id is null) return null;
        var unit = ComplexityUnit(idOrAlias, lang);
        if (unit is null) return null;
        EntityView place;
        using (var c = Store.Connect()) place = EntityRow(c, id, lang)!;
        var panel = Complexity();
        var result = panel.Result;
        if (!panel.RegionOfNis.TryGetValue(unit.Nis, out var region))
            return new ComplexityOfPlace(place.Id, place.Label, place.Kind, unit.Id, unit.Label, unit.Nis, false, double.NaN, 0,
                result.Regions.Count, result.Activities.Count, 0, double.NaN, null, [], double.NaN);
        var points = new ActivityPoint[result.Activities.Count];
        for (var a = 0; a < points.Length; a++)
            points[a] = new ActivityPoint(result.Activities[a], result.Rca[region, a], result.Density[region, a], result.IsPresent(region, a));
        return new ComplexityOfPlace(place.Id, place.Label, place.Kind, unit.Id, unit.Label, unit.Nis, true,
            result.Eci[region], panel.EciRank[region], result.Regions.Count, result.Activities.Count, result.Diversity[region], result.Coi[region],
            result.GrowthOpportunities(region, top, related), points, Median(points.Select(p => p.Density)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    /// <summary>
    /// The municipalities most like a place's municipality by industry structure: cosine similarity of their RCA rows
    /// over all NACE classes, highest first (null if the place is unknown or has no municipality).
    /// </summary>
    public (ComplexityOfPlace Place, IReadOnlyList<SimilarMunicipality> Similar)? SimilarTo(string idOrAlias, Lang lang, int top = 10)
    {
        var of = ComplexityOf(idOrAlias, lang, 0, 0);
        if (of is null) return null;
        if (!of.InPanel) return (of, []);
        var panel = Complexity();
        var result = panel.Result;
        var self = panel.RegionOfNis[of.Nis];
        var rca = result.Rca;
        var mine = rca.Row(self);
        var myNorm = Math.Sqrt(Dot(mine, mine));
        var scores = new List<(double Score, int Region)>(result.Regions.Count);
        for (var r = 0; r < result.Regions.Count; r++)
        {
            if (r == self) continue;
            var other = rca.Row(r);
            var norm = Math.Sqrt(Dot(other, other));
            scores.Add((norm == 0 || myNorm == 0 ? 0 : Dot(mine, other) / (norm * myNorm), r));
        }
        var best = scores.OrderByDescending(s => s.Score).ThenBy(s => result.Regions[s.Region], StringComparer.Ordinal).Take(top).ToList();
        using var c = Store.Connect();
        var similar = best.Select(s =>
        {
            var nis = int.Parse(result.Regions[s.Region]);
            var placeId = $"nis-{nis:D5}";
            var label = EntityRow(c, placeId, lang)?.Label ?? result.Regions[s.Region];
            return new SimilarMunicipality(placeId, label, nis, s.Score, result.Eci[s.Region], panel.EciRank[s.Region]);
        }).ToList();
        return (of, similar);
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>GET /api/complexity/activities: the PCI and ubiquity of every NACE-BEL 2008 class of the national panel, most complex first.</summary>
    public JsonObject ActivityComplexityJson(Lang lang)
    {
        var panel = Complexity();
        var result = panel.Result;
        var labels = NaceClassLabels(lang);
        var order = Enumerable.Range(0, result.Activities.Count)
            .OrderByDescending(a => result.Pci[a]).ThenBy(a => result.Activities[a], StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["nace"] = "2008",
            ["municipalities"] = result.Regions.Count,
            ["activities"] = result.Activities.Count,
            ["method"] = ComplexityMethod,
            ["items"] = new JsonArray([.. order.Select((a, i) => (JsonNode?)new JsonObject
            {
                ["rank"] = i + 1,
                ["code"] = result.Activities[a],
                ["label"] = labels.GetValueOrDefault(result.Activities[a]),
                ["ubiquity"] = result.Ubiquity[a],
                ["pci"] = Math.Round(result.Pci[a], 6),
            })]),
        };
    }

    /// <summary>GET /api/complexity/municipalities: the ECI of every municipality of the national panel, ranked among all of them.</summary>
    public JsonObject MunicipalityComplexityJson(Lang lang)
    {
        var panel = Complexity();
        var result = panel.Result;
        var refs = Refs(result.Regions.Select(nis => $"nis-{nis}"), lang);
        return new JsonObject
        {
            ["nace"] = "2008",
            ["municipalities"] = result.Regions.Count,
            ["activities"] = result.Activities.Count,
            ["method"] = ComplexityMethod,
            ["items"] = new JsonArray([.. panel.ByEci.Select(r => (JsonNode?)new JsonObject
            {
                ["rank"] = panel.EciRank[r],
                ["id"] = $"nis-{result.Regions[r]}",
                ["label"] = refs.GetValueOrDefault($"nis-{result.Regions[r]}")?.Label,
                ["nis"] = result.Regions[r],
                ["diversity"] = result.Diversity[r],
                ["eci"] = Math.Round(result.Eci[r], 6),
                ["coi"] = double.IsNaN(result.Coi[r]) ? null : Math.Round(result.Coi[r], 6),
            })]),
        };
    }

    /// <summary>The NACE 2008 labels of classes in a language (code → label).</summary>
    public IReadOnlyDictionary<string, string> NaceClassLabels(Lang lang)
    {
        using var rc = Register.Connect();
        return NaceLabels(rc, 2008, lang);
    }

    private static JsonObject PlaceJson(ComplexityOfPlace of, RegisterInfo? info) => new()
    {
        ["place"] = new JsonObject { ["id"] = of.PlaceId, ["label"] = of.PlaceLabel, ["kind"] = of.PlaceKind },
        ["municipality"] = new JsonObject
        {
            ["id"] = of.MunicipalityId, ["label"] = of.MunicipalityLabel, ["nis"] = of.Nis.ToString("D5"), ["inPanel"] = of.InPanel,
        },
        ["nace"] = "2008",
        ["municipalities"] = of.Municipalities,
        ["activities"] = of.Activities,
        ["eci"] = of.InPanel ? Math.Round(of.Eci, 6) : null,
        ["eciRank"] = of.InPanel ? of.EciRank : null,
        ["diversity"] = of.Diversity,
        ["coi"] = of.InPanel ? Math.Round(of.Coi, 6) : null,
        ["register"] = info?.ToJson(),
        ["method"] = ComplexityMethod,
        ["methodology"] = "/en/methodology/complexity",
    };

    /// <summary>GET /api/places/{id}/opportunities: the place's growth opportunities by density and by COG, with their reasons.</summary>
    public JsonObject? OpportunitiesJson(string idOrAlias, Lang lang, int top)
    {
        var of = ComplexityOf(idOrAlias, lang, top);
        if (of is null) return null;
        var labels = NaceClassLabels(lang);
        JsonArray List(IReadOnlyList<Opportunity>? list) => new([.. (list ?? []).Select((o, i) => (JsonNode?)new JsonObject
        {
            ["rank"] = i + 1,
            ["code"] = o.Name,
            ["label"] = labels.GetValueOrDefault(o.Name),
            ["density"] = Math.Round(o.Density, 6),
            ["cog"] = Math.Round(o.Cog, 6),
            ["pci"] = Math.Round(o.Pci, 6),
            ["rca"] = Math.Round(o.Rca, 6),
            ["related"] = new JsonArray([.. o.Related.Select(r => (JsonNode?)new JsonObject
            {
                ["code"] = r.Name, ["label"] = labels.GetValueOrDefault(r.Name), ["proximity"] = Math.Round(r.Proximity, 6),
            })]),
        })]);
        var json = PlaceJson(of, Register.Info);
        json["top"] = top;
        json["byDensity"] = List(of.Opportunities?.ByDensity);
        json["byGain"] = List(of.Opportunities?.ByGain);
        return json;
    }

    /// <summary>GET /api/places/{id}/similar: the municipalities most like the place's by industry structure.</summary>
    public JsonObject? SimilarJson(string idOrAlias, Lang lang, int top)
    {
        if (SimilarTo(idOrAlias, lang, top) is not var (of, similar)) return null;
        var json = PlaceJson(of, Register.Info);
        json["top"] = top;
        json["similarity"] = "cosine similarity of the RCA rows (all NACE-BEL 2008 classes)";
        json["similar"] = new JsonArray([.. similar.Select((s, i) => (JsonNode?)new JsonObject
        {
            ["rank"] = i + 1,
            ["id"] = s.Id,
            ["label"] = s.Label,
            ["nis"] = s.Nis.ToString("D5"),
            ["similarity"] = Math.Round(s.Similarity, 6),
            ["eci"] = Math.Round(s.Eci, 6),
            ["eciRank"] = s.EciRank,
        })]);
        return json;
    }
}
