using System.Text.Json;
using Atlas.Analytics.Composite;

namespace Atlas.Tests.Composite;

// the namespace Atlas.Statbel (statistical sources) would otherwise hide this class from Atlas.Tests.*

/// <summary>Every hand-checkable case of unit_cases_coinr_formulas.json (COINr's formulas) as a test.</summary>
public class CoinrFormulaTests
{
    private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Oracle.Dir, "unit_cases_coinr_formulas.json"))).RootElement;

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static TheoryData<int> CaseIndices() => new(Enumerable.Range(0, Cases.GetProperty("cases").GetArrayLength()));

    private static JsonElement Case(int i) => Cases.GetProperty("cases")[i];

    private static readonly Indicator Positive = new("x", "x", "p", 1, Direction.Positive);
    private static readonly Indicator NegativeIndicator = new("x", "x", "p", 1, Direction.Negative);

    [Theory, MemberData(nameof(CaseIndices))]
    public void Skewness_and_kurtosis_are_e1071_type_2_and_decide_the_pass(int i)
    {
        var c = Case(i);
        var x = Numbers(c.GetProperty("values"));
        Assert.Equal(c.GetProperty("skew").GetDouble(), Statistics.Skewness(x), 12);
        Assert.Equal(c.GetProperty("kurt").GetDouble(), Statistics.Kurtosis(x), 12);
        Assert.Equal(c.GetProperty("pass").GetBoolean(), new OutlierTreatment().Passes(x));
    }

    [Theory, MemberData(nameof(CaseIndices))]
    public void Winsorising_up_to_5_and_to_1_point_gives_COINr_values_and_counts(int i)
    {
        var c = Case(i);
        var x = Numbers(c.GetProperty("values"));
        var treatment = new OutlierTreatment();
        foreach (var (name, limit) in new[] { ("winsorise_winmax5", 5), ("winsorise_winmax1", 1) })
        {
            var expected = c.GetProperty(name);
            var (values, low, high) = treatment.Winsorise(x, limit);
            Assert.Equal(Numbers(expected.GetProperty("x")), values);
            Assert.Equal(expected.GetProperty("nwin").GetInt32(), low.Count + high.Count);
            Assert.Equal(expected.GetProperty("pass_after").GetBoolean(), treatment.Passes(values));
        }
    }

    [Theory, MemberData(nameof(CaseIndices))]
    public void The_log_transform_is_COINr_log_CT(int i)
    {
        var c = Case(i);
        var expected = Numbers(c.GetProperty("log_CT"));
        var actual = OutlierTreatment.LogCt(Numbers(c.GetProperty("values")));
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 12);
    }

    [Fact]
    public void Treatment_falls_back_to_the_log_transform_when_winsorising_is_not_enough()
    {
        var x = Numbers(Case(1).GetProperty("values")); // c(1:20, 100, 200): one point does not bring it within limits
        var flags = new CellTreatment[x.Length];
        var (values, summary) = new OutlierTreatment().Apply("x", x, flags, limit: 1);
        Assert.Equal(TreatmentKind.LogTransformed, summary.Kind);
        Assert.Equal(Numbers(Case(1).GetProperty("log_CT")), values);
        Assert.All(flags, f => Assert.Equal(CellTreatment.Log, f));

        (values, summary) = new OutlierTreatment().Apply("x", x, flags, limit: 5);
        Assert.Equal(TreatmentKind.Winsorised, summary.Kind);
        Assert.Equal((0, 2), (summary.WinsorisedLow, summary.WinsorisedHigh));
        Assert.Equal("Winsorised 2 points", summary.Description);
        Assert.Equal(2, flags.Count(f => f == CellTreatment.WinsorisedHigh));
    }

    [Fact]
    public void The_skew_corrected_log_mirrors_log_CT_for_a_low_tail()
    {
        var x = Numbers(Case(1).GetProperty("values")); // c(1:20, 100, 200): long high tail
        var mirrored = x.Select(v => -v).ToArray();   // the same tail on the low side
        var flags = new CellTreatment[x.Length];
        var skewLog = new OutlierTreatment { Log = LogTransform.CtSkew };

        // positive skew: log_CT_skew is log_CT
        var (values, summary) = skewLog.Apply("x", x, flags, limit: 1);
        Assert.Equal(Numbers(Case(1).GetProperty("log_CT")), values);
        Assert.Equal("Log (CT)", summary.Description);

        // negative skew: −ln(max + 0.01·(max − min) − x), the mirror image of log_CT, keeps the order and shortens the tail
        (values, summary) = skewLog.Apply("x", mirrored, flags, limit: 1);
        var expected = Numbers(Case(1).GetProperty("log_CT")).Select(v => -v).ToArray();
        for (var k = 0; k < x.Length; k++) Assert.Equal(expected[k], values[k], 12);
        Assert.Equal("Log (CT, skew)", summary.Description);
        Assert.Equal(-summary.SkewnessAfter, Statistics.Skewness(Numbers(Case(1).GetProperty("log_CT"))), 9);
        Assert.True(Math.Abs(summary.SkewnessAfter) < Math.Abs(summary.SkewnessBefore));

        // COINr's plain log_CT lengthens a low tail instead
        var (plain, _) = new OutlierTreatment().Apply("x", mirrored, flags, limit: 1);
        Assert.True(Math.Abs(Statistics.Skewness(plain)) > Math.Abs(summary.SkewnessBefore));
    }

    [Fact]
    public void Weighted_geometric_harmonic_and_arithmetic_means()
    {
        var agg = Cases.GetProperty("aggregation");
        double[][] columns = [[1], [2], [3]]; // one unit, three children
        string[] codes = ["a", "b", "c"], units = ["u"];
        Assert.Equal(agg.GetProperty("a_gmean(c(1,2,3),w=c(1,1,2))").GetDouble(), new GeometricMean().Combine(columns, [1, 1, 2], "n", codes, units)[0], 12);
        Assert.Equal(agg.GetProperty("a_hmean(c(1,2,3),w=c(2,1,1))").GetDouble(), new HarmonicMean().Combine(columns, [2, 1, 1], "n", codes, units)[0], 12);
        Assert.Equal(agg.GetProperty("a_amean(c(1,2,3),w=c(1,1,2))").GetDouble(), new ArithmeticMean().Combine(columns, [1, 1, 2], "n", codes, units)[0], 12);
        // the generalised mean meets the others: p = 1 arithmetic, p = -1 harmonic
        Assert.Equal(2.25, new GeneralisedMean(1).Combine(columns, [1, 1, 2], "n", codes, units)[0], 12);
        Assert.Equal(agg.GetProperty("a_hmean(c(1,2,3),w=c(2,1,1))").GetDouble(), new GeneralisedMean(-1).Combine(columns, [2, 1, 1], "n", codes, units)[0], 12);
    }

    [Fact]
    public void Distance_to_target_goalposts_and_percentile_ranks()
    {
        var norm = Cases.GetProperty("normalisation");
        var withTarget = Positive with { Target = 10 };
        Assert.Equal(Numbers(norm.GetProperty("n_dist2targ(c(0,5,11),targ=10)")), new DistanceToTarget().Apply([0, 5, 11], withTarget));
        Assert.Equal([0, 0.5, 1], new DistanceToTarget(CapAtOne: true).Apply([0, 5, 11], withTarget));

        var withPosts = NegativeIndicator with { Goalposts = new Goalposts(0, 10, 1) };
        Assert.Equal(norm.GetProperty("n_goalposts(1,c(0,10,1),direction=-1)").GetDouble(), new GoalpostScaling().Apply([1], withPosts)[0], 12);

        var expected = Numbers(norm.GetProperty("n_prank(c(10,20,20,30))_ties_min"));
        var actual = new PercentileRank().Apply([10, 20, 20, 30], Positive);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 12);
        // on a range: the worst unit at the lower bound, so that a geometric mean can take every value
        var ranged = Normalisation.Parse("prank:1:100").Apply([10, 20, 20, 30], Positive);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(1 + 99 * expected[k], ranged[k], 12);
        Assert.Equal("prank:1:100", Normalisation.Parse("prank:1:100").ToString());
    }

    [Fact]
    public void The_outranking_matrix_and_its_dominant_pairs()
    {
        var o = Cases.GetProperty("outrank_X");
        double[][] columns = [Numbers(o.GetProperty("x1")), Numbers(o.GetProperty("x2")), Numbers(o.GetProperty("x3"))];
        var orm = Copeland.OutrankingMatrix(columns, [1, 1, 1]);
        Assert.Equal(o.GetProperty("orm[2,1]").GetDouble(), orm[1, 0], 12); // R counts from 1
        Assert.Equal(o.GetProperty("orm[3,1]").GetDouble(), orm[2, 0], 12);
        Assert.Equal(o.GetProperty("orm[4,1]").GetDouble(), orm[3, 0], 12);
        var (count, share) = Copeland.DominantPairs(orm);
        Assert.Equal(o.GetProperty("nDominant").GetInt32(), count);
        Assert.Equal(o.GetProperty("fracDominant").GetDouble(), share, 12);

        // Copeland scores are the row sums: unit 4 beats everyone on every indicator
        var scores = new Copeland().Combine(columns, [1, 1, 1], "n", ["x1", "x2", "x3"], ["a", "b", "c", "d"]);
        Assert.Equal(3, scores[3], 12);
        Assert.Equal(6, scores.Sum(), 12); // every pair shares one point
    }
}
