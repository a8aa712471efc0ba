using Atlas.Finder;

namespace Atlas.Tests.Finder;

/// <summary>The finder's score, computed by hand: percentile ranks, the weighted sum, and the checks on the weights.</summary>
public class FinderScoringTests
{
    [Fact]
    public void A_percentile_rank_is_the_share_of_the_others_with_a_lower_value()
    {
        Assert.Equal([1, 0.5, 0], LocationScoring.PercentileRanks([10, 5, 0]));
        // ties share the rank of their group; the lowest gets 0 even when many share it
        Assert.Equal([0, 0, 0, 0.75, 0.75], LocationScoring.PercentileRanks([0, 0, 0, 2, 2]));
        Assert.Equal([0.0], LocationScoring.PercentileRanks([7]));
    }

    /// <summary>The worked example of docs/methodology-finder.md: moving weight from count to LQ puts the second municipality first.</summary>
    [Fact]
    public void Changing_a_weight_changes_the_order_as_the_formula_says()
    {
        var values = new Dictionary<Component, double[]>
        {
            [Component.Count] = [10, 5, 0],
            [Component.Lq] = [1.0, 3.0, 0],
        };
        // percentile ranks: count 1, 0.5, 0; LQ 0.5, 1, 0
        var (ranks, even) = LocationScoring.Score(values, new Weights(50, 50, 0, 0, 0, 0));
        Assert.Equal([1, 0.5, 0], ranks[Component.Count]);
        Assert.Equal([0.5, 1, 0], ranks[Component.Lq]);
        Assert.Equal([75, 75, 0], even);                 // 50×1 + 50×0.5 = 75; 50×0.5 + 50×1 = 75

        var (_, lq) = LocationScoring.Score(values, new Weights(20, 80, 0, 0, 0, 0));
        Assert.Equal(60, lq[0], 9);                       // 20×1 + 80×0.5
        Assert.Equal(90, lq[1], 9);                       // 20×0.5 + 80×1: now ahead
        Assert.Equal(0, lq[2], 9);

        var (_, count) = LocationScoring.Score(values, new Weights(80, 20, 0, 0, 0, 0));
        Assert.True(count[0] > count[1]);                 // 90 against 60
    }

    [Fact]
    public void Weights_must_each_lie_in_0_to_100_and_add_up_to_100()
    {
        Assert.Equal(100, Weights.Default.Sum);
        Assert.Same(Weights.Default, Weights.Default.Checked());
        var sum = Assert.Throws<FinderInputException>(() => new Weights(30, 20, 20, 20, 5, 10).Checked());
        Assert.Equal(("weights", FinderProblem.BadSum, "105"), (sum.Field, sum.Problem, sum.Value));
        Assert.Contains("add up to 105, not 100", sum.Message);
        var negative = Assert.Throws<FinderInputException>(() => new Weights(-5, 30, 20, 20, 25, 10).Checked());
        Assert.Equal(FinderProblem.OutOfRange, negative.Problem);
    }

    [Fact]
    public void Exactly_one_starting_point_is_taken()
    {
        Assert.Equal(new FinderStart(StartKind.Sector, "textile"), FinderStart.Of(null, " textile ", "", null));
        Assert.Equal("nace", Assert.Throws<FinderInputException>(() => FinderStart.Of(null, null, null, null)).Field);
        var two = Assert.Throws<FinderInputException>(() => FinderStart.Of("13", "textile", null, null));
        Assert.Equal((FinderProblem.Several, "nace, sector"), (two.Problem, two.Value));
    }

    [Fact]
    public void Distances_are_great_circle_kilometres()
    {
        // Brussels (Grand-Place) to Liège (Place Saint-Lambert): about 89 km
        var km = Atlas.Geo.PostcodeLocalities.DistanceKm(50.8467, 4.3525, 50.6455, 5.5733);
        Assert.InRange(km, 87, 91);
        Assert.Equal(0, Atlas.Geo.PostcodeLocalities.DistanceKm(50.5, 4.5, 50.5, 4.5));
    }
}
