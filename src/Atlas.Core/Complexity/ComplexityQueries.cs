using Atlas.Analytics.Complexity;
using Atlas.Analytics.Composite;
using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.Complexity;

/// <summary>The national panel of one version of a source: the matrix, every measure, and the municipalities by NIS and by ECI.</summary>
public sealed class ComplexityPanel
{
    public required CountSource Source { get; init; }
    public required ActivityMatrix Matrix { get; init; }
    public required ComplexityResult Result { get; init; }
    public required IReadOnlyDictionary<int, int> RegionOfNis { get; init; }
    /// <summary>Region indices by ECI, highest first.</summary>
    public required int[] ByEci { get; init; }
    /// <summary>The rank of each region by ECI (1 = highest).</summary>
    public required int[] EciRank { get; init; }

    public int Nis(int region) => int.Parse(Result.Regions[region]);
}

/// <summary>One activity of a municipality on the chart of relative presence against fit.</summary>
public sealed record ActivityPoint(string Code, double Rca, double Density, bool Present);

/// <summary>A municipality like another by industry structure.</summary>
public sealed record SimilarMunicipality(Place Municipality, double Similarity, double Eci, int EciRank);

/// <summary>The complexity figures of a place (a city through its municipality, or a municipality itself).</summary>
public sealed record ComplexityOfPlace(
    Place Place, StatisticalUnit Municipality, bool InPanel, double Eci, int EciRank, int Municipalities, int Activities, int Diversity,
    double Coi, GrowthOpportunities? Opportunities, IReadOnlyList<ActivityPoint> Points, double FitThreshold, CountSource Source);

/// <summary>
/// Economic complexity of the Belgian municipalities from a statistical source: the national panel of every
/// municipality × NACE-BEL 2008 class, valued by the source's main count (the register: establishments under their
/// main activity; Statbel: enterprises by seat). Every measure (RCA, presence, ECI, PCI, proximity, density, COI,
/// COG) is computed once per version of the source with the library's defaults (RCA &gt; 1, discrete symmetric
/// proximity, Stata scaling), so each municipality's ECI is among all municipalities.
/// </summary>
public sealed class ComplexityQueries(AtlasSnapshots snapshots)
{
    /// <summary>The municipality × NACE 2008 class matrix of the source's main counts.</summary>
    public static ActivityMatrix Matrix(CountSource source) =>
        ClassMatrix(ClassCounts.Main(source).Municipalities.Select(kv => (kv.Key.ToString("D5"), kv.Value)));

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

    /// <summary>Every measure of the national panel of a source (the default one when <paramref name="sourceId"/> is null).</summary>
    /// <exception cref="NoRegisterException">the register is asked for and none is loaded.</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    public ComplexityPanel Panel(string? sourceId = null) => Panel(snapshots.Source(sourceId));

    public static ComplexityPanel Panel(CountSource source) => source.Derived.Get(typeof(ComplexityPanel), () =>
    {
        var matrix = Matrix(source);
        var result = EconomicComplexity.Compute(matrix);
        var regionOfNis = new Dictionary<int, int>(result.Regions.Count);
        for (var r = 0; r < result.Regions.Count; r++) regionOfNis[int.Parse(result.Regions[r])] = r;
        var byEci = Enumerable.Range(0, result.Regions.Count)
            .OrderByDescending(r => result.Eci[r]).ThenBy(r => result.Regions[r], StringComparer.Ordinal).ToArray();
        var rank = new int[byEci.Length];
        for (var i = 0; i < byEci.Length; i++) rank[byEci[i]] = i + 1;
        return new ComplexityPanel { Source = source, Matrix = matrix, Result = result, RegionOfNis = regionOfNis, ByEci = byEci, EciRank = rank };
    });

    /// <summary>
    /// The complexity figures of a place and its growth opportunities; null if the place is unknown or has no
    /// municipality. A municipality without any establishment is not in the panel (<c>InPanel</c> false).
    /// </summary>
    public ComplexityOfPlace? Of(string idOrAlias, int top = 20, int related = 3, string? sourceId = null)
    {
        var s = snapshots.Curated;
        if (StatisticalUnits.Municipality(s, idOrAlias) is not { } unit) return null;
        var place = s.Get<Place>(s.Resolve(idOrAlias, EntityType.Place)!)!;
        var panel = Panel(sourceId);
        // once per place and source version: a city page asks for it at every render
        return panel.Source.Derived.Get((typeof(ComplexityOfPlace), s.SeedVersion, place.Id, top, related), () => Of(panel, place, unit, top, related));
    }

    private static ComplexityOfPlace Of(ComplexityPanel panel, Place place, StatisticalUnit unit, int top, int related)
    {
        var result = panel.Result;
        if (!panel.RegionOfNis.TryGetValue(unit.Nis, out var region))
            return new ComplexityOfPlace(place, unit, false, double.NaN, 0, result.Regions.Count, result.Activities.Count, 0, double.NaN, null, [], double.NaN, panel.Source);
        var points = new ActivityPoint[result.Activities.Count];
        for (var a = 0; a < points.Length; a++)
            points[a] = new ActivityPoint(result.Activities[a], result.Rca[region, a], result.Density[region, a], result.IsPresent(region, a));
        return new ComplexityOfPlace(place, unit, true, result.Eci[region], panel.EciRank[region], result.Regions.Count, result.Activities.Count,
            result.Diversity[region], result.Coi[region], result.GrowthOpportunities(region, top, related), points,
            Statistics.Median(points.Select(p => p.Density).ToArray()), panel.Source);
    }

    /// <summary>The municipalities most like a place's municipality by industry structure (cosine similarity of RCA rows), highest first.</summary>
    public (ComplexityOfPlace Place, IReadOnlyList<SimilarMunicipality> Similar)? SimilarTo(string idOrAlias, int top = 10, string? sourceId = null)
    {
        if (Of(idOrAlias, 0, 0, sourceId) is not { } of) return null;
        if (!of.InPanel) return (of, []);
        var panel = Panel(of.Source);
        var s = snapshots.Curated;
        var similar = panel.Source.Derived.Get((typeof(SimilarMunicipality), s.SeedVersion, of.Municipality.Nis, top), () =>
            panel.Result.MostSimilar(panel.RegionOfNis[of.Municipality.Nis], top)
                .Select(x => (x, Place: s.Get<Place>(Atlas.Data.ReferenceGeo.IdOf(Model.NisCode.Parse(panel.Result.Regions[x.Region])))))
                .Where(x => x.Place is not null)
                .Select(x => new SimilarMunicipality(x.Place!, x.x.Similarity, panel.Result.Eci[x.x.Region], panel.EciRank[x.x.Region]))
                .ToList());
        return (of, similar);
    }
}
