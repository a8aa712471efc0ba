using System.Globalization;
using Atlas.AtlasIndex;
using Atlas.Complexity;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.Finder;

/// <summary>One municipality ranked for an activity: every component's value and percentile rank, and the score they make.</summary>
/// <param name="Count">units of the activity (the source's main unit) in the municipality, of <paramref name="Total"/></param>
/// <param name="RelatedHere">units in the related classes in the municipality</param>
/// <param name="RelatedNear">the same in every municipality whose centroid is within the distance (the component's value)</param>
/// <param name="Claims">the sources' facts about the place in the activity's topics, contradicted ones included (they do not count)</param>
public sealed record LocationRow(int Rank, Place Municipality, IReadOnlyList<string> Places, double Score, int Count, int Total, double? Lq, bool Strong,
    double Density, int RelatedHere, int RelatedNear, IReadOnlyList<Fact> Claims, IndexEntry? Index,
    IReadOnlyDictionary<Component, double> Values, IReadOnlyDictionary<Component, double> Ranks)
{
    public int ClaimCount => Claims.Count(f => f.Status != FactStatus.Contradicted);
    public double Contribution(Component c, Weights w) => w.Of(c) * Ranks[c];
}

/// <summary>Every current municipality ranked for an activity from one source, with the thresholds of the strong label.</summary>
public sealed record LocationRanking(Activity Activity, IReadOnlyList<RelatedClass> Related, CountSource Source, Weights Weights, double DistanceKm,
    int NationalCount, int Present, double P75Lq, double P25Count, int ClassesInPanel, AtlasIndexResult? Index, IReadOnlyList<LocationRow> Rows);

/// <summary>
/// Where to locate: every current municipality ranked for an activity on six components (see <see cref="Component"/>),
/// each shown with its value, scored by <see cref="LocationScoring"/>. Counts are the source's main unit under NACE-BEL
/// 2008 (the register: establishment units by main activity; Statbel: VAT-registered enterprises by seat); density and
/// relatedness come from the source's national complexity panel; the index is the Atlas index of the same source.
/// </summary>
internal static class LocationFinder
{
    public static LocationRanking Rank(AtlasSnapshots snapshots, Activity activity, CountSource source, IReadOnlyList<RelatedClass> related,
        Weights weights, double km, AtlasIndexResult? index)
    {
        var geo = FinderGeography.Of(snapshots.Curated);
        var counts = ClassCounts.Main(source);
        var panel = ComplexityQueries.Panel(source);
        var n = geo.Municipalities.Count;
        var mine = activity.Classes.ToHashSet();
        var relatedSet = related.Select(r => r.Class).ToHashSet();

        // presence and the related base, from each municipality's counts by class
        var count = new int[n];
        var total = new int[n];
        var here = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (counts.ByArea.GetValueOrDefault(geo.Municipalities[i].Nis!.Value.Value) is not { } classes) continue;
            foreach (var (cls, k) in classes)
            {
                total[i] += k;
                if (mine.Contains(cls)) count[i] += k;
                else if (relatedSet.Contains(cls)) here[i] += k;
            }
        }
        var national = counts.ByArea.GetValueOrDefault(ClassCounts.Belgium) ?? new Dictionary<int, int>();
        var nationalCount = national.Where(kv => mine.Contains(kv.Key)).Sum(kv => kv.Value);
        var distribution = new ActivityDistribution(Enumerable.Range(0, n).Select(i => (count[i], total[i])), (nationalCount, national.Values.Sum()));
        var within = geo.Within(km);
        var near = within.Select(js => js.Sum(j => here[j])).ToArray();

        // relatedness: the mean density of the activity's classes that are in the panel
        var columns = activity.Classes.Select(c => panel.Result.ActivityIndex(c.ToString("D4", CultureInfo.InvariantCulture))).Where(a => a >= 0).ToArray();
        var density = new double[n];
        for (var i = 0; i < n; i++)
            if (columns.Length > 0 && panel.RegionOfNis.TryGetValue(geo.Municipalities[i].Nis!.Value.Value, out var region))
                density[i] = columns.Average(a => panel.Result.Density[region, a]);

        var claims = Claims(snapshots.Curated, geo, activity);
        var entries = index?.Entries.ToDictionary(e => e.Nis) ?? [];
        var figures = Enumerable.Range(0, n).Select(i => distribution.Figures(geo.Municipalities[i].Nis!.Value.Value, count[i], total[i])).ToArray();
        var idx = Enumerable.Range(0, n).Select(i => entries.GetValueOrDefault(geo.Municipalities[i].Nis!.Value.Value)).ToArray();

        var values = new Dictionary<Component, double[]>
        {
            [Component.Count] = count.Select(c => (double)c).ToArray(),
            [Component.Lq] = figures.Select(f => f.Lq ?? 0).ToArray(),
            [Component.Density] = density,
            [Component.Related] = near.Select(x => (double)x).ToArray(),
            [Component.Claims] = claims.Select(c => (double)c.Count(f => f.Status != FactStatus.Contradicted)).ToArray(),
            // a municipality the index does not score ranks below every scored one
            [Component.Index] = idx.Select(e => e?.Score ?? -1).ToArray(),
        };
        var (ranks, scores) = LocationScoring.Score(values, weights);
        var order = Enumerable.Range(0, n)
            .OrderByDescending(i => scores[i]).ThenByDescending(i => count[i]).ThenBy(i => geo.Municipalities[i].Nis!.Value.Value).ToArray();
        var rows = order.Select((i, k) => new LocationRow(k + 1, geo.Municipalities[i], geo.Measures[i], scores[i], count[i], total[i],
            figures[i].Lq, figures[i].Strong, density[i], here[i], near[i], claims[i], idx[i],
            values.ToDictionary(kv => kv.Key, kv => kv.Value[i]), ranks.ToDictionary(kv => kv.Key, kv => kv.Value[i]))).ToList();
        return new LocationRanking(activity, related, source, weights, km, nationalCount, distribution.Present, distribution.P75Lq, distribution.P25Count, columns.Length, index, rows);
    }

    /// <summary>
    /// By municipality, the facts whose subject is a place it measures and that name one of the activity's topics
    /// (as their object or in their context): what the article and the other sources say of the place in it.
    /// </summary>
    private static List<Fact>[] Claims(CuratedSnapshot curated, FinderGeography geo, Activity activity)
    {
        var topics = activity.Topics.Select(t => t.Id).ToHashSet();
        return geo.Measures.Select(places => places.SelectMany(curated.FactsOf)
            .Where(f => (f.Object is not null && topics.Contains(f.Object)) || f.Context.Any(topics.Contains))
            .Distinct().ToList()).ToArray();
    }
}
