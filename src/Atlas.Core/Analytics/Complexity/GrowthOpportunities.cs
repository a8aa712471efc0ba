namespace Atlas.Analytics.Complexity;

/// <summary>A present activity that makes an opportunity likely, with its proximity to it.</summary>
public sealed record RelatedActivity(int Activity, string Name, double Proximity);

/// <summary>An activity a region does not have yet, with the measures that rank it and the reason for it.</summary>
/// <param name="Rca">the region's RCA in it (not above the threshold): its relative presence today</param>
/// <param name="Related">the region's present activities closest to it, by proximity, closest first</param>
public sealed record Opportunity(
    int Activity, string Name, double Density, double Cog, double Pci, double Rca, IReadOnlyList<RelatedActivity> Related);

/// <summary>The growth opportunities of one region, in two rankings.</summary>
/// <param name="ByDensity">absent activities by density, highest first: the nearest to what the region does</param>
/// <param name="ByGain">absent activities by complexity outlook gain, highest first: the ones that open most</param>
public sealed record GrowthOpportunities(string Region, IReadOnlyList<Opportunity> ByDensity, IReadOnlyList<Opportunity> ByGain)
{
    internal static GrowthOpportunities For(ComplexityResult result, int region, int top, int related)
    {
        if ((uint)region >= (uint)result.Regions.Count) throw new ArgumentOutOfRangeException(nameof(region), $"there are {result.Regions.Count} regions");
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegative(related);

        var density = result.Density.Row(region);
        var cog = result.Cog.Row(region);
        var present = new List<int>();
        var absent = new List<int>();
        for (var a = 0; a < result.Activities.Count; a++) (result.IsPresent(region, a) ? present : absent).Add(a);

        // Ties are broken by the other measure, then by name, so the rankings are stable.
        var byDensity = Top(absent, top, density, cog, result.Activities);
        var byGain = Top(absent, top, cog, density, result.Activities);

        var described = new Dictionary<int, Opportunity>(); // an activity in both rankings is described once
        Opportunity Describe(int a)
        {
            if (!described.TryGetValue(a, out var opportunity))
                described.Add(a, opportunity = new Opportunity(
                    a, result.Activities[a], result.Density[region, a], result.Cog[region, a], result.Pci[a], result.Rca[region, a],
                    Closest(result, present, a, related)));
            return opportunity;
        }
        return new GrowthOpportunities(result.Regions[region], [.. byDensity.Select(Describe)], [.. byGain.Select(Describe)]);
    }

    private static int[] Top(List<int> candidates, int count, ReadOnlySpan<double> first, ReadOnlySpan<double> second, IReadOnlyList<string> names)
    {
        var keys = new (double First, double Second, string Name, int Activity)[candidates.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var a = candidates[i];
            keys[i] = (first[a], second[a], names[a], a);
        }
        Array.Sort(keys, static (x, y) =>
            y.First != x.First ? y.First.CompareTo(x.First)
            : y.Second != x.Second ? y.Second.CompareTo(x.Second)
            : string.CompareOrdinal(x.Name, y.Name));
        return [.. keys.Take(count).Select(k => k.Activity)];
    }

    /// <summary>The present activities q with the largest φ(q, a) > 0: the terms that weigh most in the density of a.</summary>
    private static RelatedActivity[] Closest(ComplexityResult result, List<int> present, int activity, int count)
    {
        // Keep the best `count` in order while scanning: count is small, present may be hundreds.
        var best = new List<(double Proximity, int Activity)>(count + 1);
        foreach (var q in present)
        {
            var phi = result.Proximity[q, activity];
            if (phi <= 0) continue;
            var at = best.Count;
            while (at > 0 && Before((phi, q), best[at - 1], result.Activities)) at--;
            if (at >= count) continue;
            best.Insert(at, (phi, q));
            if (best.Count > count) best.RemoveAt(count);
        }
        return [.. best.Select(b => new RelatedActivity(b.Activity, result.Activities[b.Activity], b.Proximity))];
    }

    private static bool Before((double Proximity, int Activity) x, (double Proximity, int Activity) y, IReadOnlyList<string> names) =>
        x.Proximity != y.Proximity ? x.Proximity > y.Proximity : string.CompareOrdinal(names[x.Activity], names[y.Activity]) < 0;
}
