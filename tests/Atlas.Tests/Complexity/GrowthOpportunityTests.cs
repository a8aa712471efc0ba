using Atlas.Analytics.Complexity;

namespace Atlas.Tests.Complexity;

/// <summary>What a region could grow into, on the hand-worked matrix (see <see cref="HandWorkedTests"/>).</summary>
public class GrowthOpportunityTests
{
    [Fact]
    public void Absent_activities_are_ranked_by_density_with_the_present_ones_that_explain_them()
    {
        // C has p1 and p4. Its absent activities: p2 (density 4/7) and p3 (density 2/5).
        // p2 is related to p1 (φ 2/3) and not to p4 (φ 0); p3 is related to p1 (φ 1/3) and not to p4.
        var result = EconomicComplexity.Compute(HandWorkedTests.Toy());
        var c = result.RegionIndex("C");
        var opportunities = result.GrowthOpportunities(c);

        Assert.Equal("C", opportunities.Region);
        Assert.Equal(["p2", "p3"], opportunities.ByDensity.Select(o => o.Name));
        var p2 = opportunities.ByDensity[0];
        Assert.Equal(4.0 / 7, p2.Density, 1e-12);
        Assert.Equal(result.Cog[c, 1], p2.Cog);
        Assert.Equal(result.Pci[1], p2.Pci);
        Assert.Equal(0, p2.Rca);
        Assert.Equal([new RelatedActivity(0, "p1", 2.0 / 3)], p2.Related);
        Assert.Equal([new RelatedActivity(0, "p1", 1.0 / 3)], opportunities.ByDensity[1].Related);
    }

    [Fact]
    public void The_gain_ranking_orders_the_same_activities_by_cog()
    {
        var result = EconomicComplexity.Compute(EigenvectorTests.RandomMatrix(40, 60, seed: 11));
        for (var region = 0; region < result.Regions.Count; region += 7)
        {
            var opportunities = result.GrowthOpportunities(region, top: 5, related: 2);
            Assert.Equal(5, opportunities.ByGain.Count);
            Assert.Equal(5, opportunities.ByDensity.Count);
            Assert.All(opportunities.ByGain.Concat(opportunities.ByDensity), o => Assert.False(result.IsPresent(region, o.Activity)));
            Assert.Equal(opportunities.ByGain.Select(o => o.Cog).OrderDescending(), opportunities.ByGain.Select(o => o.Cog));
            Assert.Equal(opportunities.ByDensity.Select(o => o.Density).OrderDescending(), opportunities.ByDensity.Select(o => o.Density));
            // The best by COG is the largest COG among all absent activities.
            var best = Enumerable.Range(0, result.Activities.Count).Where(p => !result.IsPresent(region, p)).Max(p => result.Cog[region, p]);
            Assert.Equal(best, opportunities.ByGain[0].Cog);
            foreach (var o in opportunities.ByDensity)
            {
                Assert.True(o.Related.Count <= 2);
                Assert.All(o.Related, r => Assert.True(result.IsPresent(region, r.Activity)));
                Assert.Equal(o.Related.Select(r => r.Proximity).OrderDescending(), o.Related.Select(r => r.Proximity));
            }
        }
    }

    [Fact]
    public void A_region_out_of_range_is_refused()
    {
        var result = EconomicComplexity.Compute(HandWorkedTests.Toy());
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GrowthOpportunities(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GrowthOpportunities(0, top: -1));
    }
}
