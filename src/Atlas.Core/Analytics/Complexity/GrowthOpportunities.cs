namespace Atlas.Analytics.Complexity;

/// <summary>A present activity that makes an opportunity likely, with its proximity to it.</summary>
public sealed record RelatedActivity(int Activity, string Name, double Proximity);

/// <summary>An activity a region does not have yet, with the measures that rank it and the reason for it.</summary>
/// <param name="Rca">the region's RCA in it (below the threshold): its relative presence today</param>
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

        var present = new List<int>();
        var absent = new List<int>();
        for (var a = 0; a < result.Activities.Count; a++) (result.IsPresent(region, a) ? present : absent).Add(a);

        var density = result.Density.Row(region).ToArray();
        var cog = result.Cog.Row(region).ToArray();
        // Ties broken by the other measure, then by name, so the ranking is stable.
        var byDensity = absent.OrderByDescending(a => density[a]).ThenByDescending(a => cog[a])
            .ThenBy(a => result.Activities[a], StringComparer.Ordinal).Take(top);
        var byGain = absent.OrderByDescending(a => cog[a]).ThenByDescending(a => density[a])
            .ThenBy(a => result.Activities[a], StringComparer.Ordinal).Take(top);

        Opportunity Describe(int a) => new(
            a, result.Activities[a], density[a], cog[a], result.Pci[a], result.Rca[region, a],
            Closest(result, present, a, related));

        return new GrowthOpportunities(result.Regions[region], [.. byDensity.Select(Describe)], [.. byGain.Select(Describe)]);
    }

    /// <summary>The present activities q with the largest φ(q, a): the terms that weigh most in the density of a.</summary>
    private static RelatedActivity[] Closest(ComplexityResult result, List<int> present, int activity, int count) =>
        [.. present.Where(q => result.Proximity[q, activity] > 0)
            .OrderByDescending(q => result.Proximity[q, activity])
            .ThenBy(q => result.Activities[q], StringComparer.Ordinal)
            .Take(count)
            .Select(q => new RelatedActivity(q, result.Activities[q], result.Proximity[q, activity]))];
}
