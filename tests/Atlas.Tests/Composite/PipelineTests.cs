using Atlas.Analytics.Composite;

namespace Atlas.Tests.Composite;

// the namespace Atlas.Statbel (statistical sources) would otherwise hide this class from Atlas.Tests.*

/// <summary>The other choices of the pipeline, on the ASEM data and on small hand-made cases.</summary>
public class PipelineTests
{
    private static IndexInput Asem => Oracle.Asem.Input;

    [Fact]
    public void Z_scores_have_the_asked_mean_and_deviation_and_ranks_run_from_1_to_n()
    {
        var z = CompositePipeline.Run(Asem, Oracle.AsemOptions with { Normalisation = new ZScore(10, 2) }).Normalised;
        foreach (var c in z.Columns)
        {
            Assert.Equal(10, Statistics.Mean(z.Column(c)), 9);
            Assert.Equal(2, Statistics.StandardDeviation(z.Column(c)), 9);
        }
        var r = CompositePipeline.Run(Asem, Oracle.AsemOptions with { Normalisation = new Rank() }).Normalised;
        Assert.Equal(51, Statistics.Max(r.Column("LPI")));
        Assert.Equal(1, Statistics.Min(r.Column("LPI")));
        // a negative indicator is turned around: the lowest tariff ranks best
        var tariff = Oracle.Asem.Treated.Column("Tariff").ToArray();
        Assert.Equal(Array.IndexOf(tariff, tariff.Min()), Array.IndexOf(r.Column("Tariff").ToArray(), r.Column("Tariff").ToArray().Max()));
    }

    [Fact]
    public void Each_level_can_have_its_own_aggregation()
    {
        var options = Oracle.AsemOptions with
        {
            Normalisation = new MinMax(1, 100),
            AggregationByLevel = [new GeometricMean(), new ArithmeticMean(), new HarmonicMean()],
        };
        var result = CompositePipeline.Run(Asem, options);
        var a = result.Aggregated;
        var unit = a.UnitIndex("BEL");
        var pillar = result.Structure.ChildrenOf("Physical").Select(c => a[unit, a.ColumnIndex(c.Code)]).ToArray();
        Assert.Equal(Math.Exp(pillar.Average(Math.Log)), a["BEL", "Physical"], 10);
        var pillars = result.Structure.ChildrenOf("Conn").Select(c => a[unit, a.ColumnIndex(c.Code)]).ToArray();
        Assert.Equal(pillars.Average(), a["BEL", "Conn"], 10);
        Assert.Equal(2 / (1 / a["BEL", "Conn"] + 1 / a["BEL", "Sust"]), a["BEL", "Index"], 10);
    }

    [Fact]
    public void Copeland_scores_share_one_point_per_pair_of_units()
    {
        var result = CompositePipeline.Run(Asem, Oracle.AsemOptions with { Aggregation = new Copeland() });
        var index = result.IndexScores.ToArray();
        Assert.Equal(51 * 50 / 2.0, index.Sum(), 9);
        Assert.All(index, s => Assert.InRange(s, 0, 50));
    }

    [Fact]
    public void Mean_and_median_imputation_fill_every_gap_and_no_treatment_keeps_the_values()
    {
        foreach (var imputation in new Imputation[] { new MeanImputation(), new MedianImputation(), new GroupMedianImputation("EurAsia_group") })
        {
            var result = CompositePipeline.Run(Asem, new PipelineOptions { Imputation = imputation, Treatment = OutlierTreatment.Off });
            foreach (var c in result.Imputed.Columns) Assert.Equal(51, Statistics.CountPresent(result.Imputed.Column(c)));
            Assert.Equal(result.Imputed.Column("Services").ToArray(), result.Treated.Column("Services").ToArray());
        }
        var mean = CompositePipeline.Run(Asem, new PipelineOptions { Imputation = new MeanImputation() });
        Assert.Equal(Statistics.Mean(mean.Denominated.Column("Poverty")), mean.Imputed["ITA", "Poverty"], 12);
        var none = CompositePipeline.Run(Asem);
        Assert.True(double.IsNaN(none.Imputed["ITA", "Poverty"]));
        Assert.False(double.IsNaN(none.IndexScores[none.Aggregated.UnitIndex("ITA")])); // a missing child drops out of the mean
    }

    [Fact]
    public void A_zero_denominator_leaves_the_value_missing_and_says_so()
    {
        var nodes = new IndexNode[]
        {
            new Aggregate("Index", "Index", 2, null, 1),
            new Indicator("a", "a", "Index", 1, Direction.Positive) { Denominator = "pop" },
            new Indicator("b", "b", "Index", 1, Direction.Positive),
        };
        string[] units = ["x", "y", "z"];
        var input = new IndexInput(IndexStructure.Create(nodes), units.Select(u => new Unit(u, u)).ToList(),
            new StageTable("Raw", units, ["a", "b"], [[10, 20, 30], [1, 2, 3]]),
            new StageTable("Denominators", units, ["pop"], [[2, 0, 3]]));
        var result = CompositePipeline.Run(input, new PipelineOptions { Treatment = OutlierTreatment.Off });
        Assert.Equal([5, double.NaN, 10], result.Denominated.Column("a").ToArray());
        Assert.Contains(result.Warnings, w => w.Contains("the denominator pop of y is 0"));
        Assert.Equal([0, 50, 100], result.Normalised.Column("b").ToArray());
        Assert.Equal([0, 50, 100], result.IndexScores.ToArray()); // y has only b: its index is b alone
    }

    [Fact]
    public void Ranks_round_scores_only_when_asked()
    {
        var exact = Oracle.Asem.Ranks();
        var rounded = Oracle.Asem.Ranks(digits: 2);
        Assert.Equal(48, exact["RUS", "ConEcFin"]);   // 6.61598 after Japan's 6.61894
        Assert.Equal(47, rounded["RUS", "ConEcFin"]); // both 6.62 in COINr's table: a shared rank
        Assert.Equal(47, rounded["JPN", "ConEcFin"]);
    }
}
