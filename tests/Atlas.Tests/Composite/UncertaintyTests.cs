using Atlas.Analytics.Composite;
using Xunit.Abstractions;

namespace Atlas.Tests.Composite;

// the namespace Atlas.Statbel (statistical sources) would otherwise hide this class from Atlas.Tests.*

/// <summary>Monte Carlo rank intervals and variance-based sensitivity indices: reproducible, consistent, right on known models.</summary>
public class UncertaintyTests(ITestOutputHelper output)
{
    private static IndexInput Asem => Oracle.Asem.Input;

    [Fact]
    public void The_same_seed_gives_identical_results_whatever_the_threads()
    {
        var spec = new UncertaintySpec();
        var one = IndexUncertainty.MonteCarlo(Asem, Oracle.AsemOptions, spec, 500, seed: 7, maxThreads: 1);
        var two = IndexUncertainty.MonteCarlo(Asem, Oracle.AsemOptions, spec, 500, seed: 7, maxThreads: 2);
        Assert.Equal(one.Units, two.Units);
        var other = IndexUncertainty.MonteCarlo(Asem, Oracle.AsemOptions, spec, 500, seed: 8);
        Assert.NotEqual(one.Units, other.Units);

        var s1 = IndexUncertainty.Sensitivity(Asem, Oracle.AsemOptions, spec, 100, seed: 7, bootstrap: 200, maxThreads: 1);
        var s2 = IndexUncertainty.Sensitivity(Asem, Oracle.AsemOptions, spec, 100, seed: 7, bootstrap: 200, maxThreads: 2);
        Assert.Equal(s1.Indices.Factors, s2.Indices.Factors);
    }

    [Fact]
    public void Every_rank_interval_contains_the_nominal_rank()
    {
        var result = IndexUncertainty.MonteCarlo(Asem, Oracle.AsemOptions, new UncertaintySpec(), 2000, seed: 2024);
        Assert.Equal(51, result.Units.Count);
        foreach (var u in result.Units)
        {
            Assert.InRange(u.NominalRank, u.Rank5, u.Rank95);
            Assert.InRange(u.MedianRank, u.Rank5, u.Rank95);
        }
        var widest = result.Units.MaxBy(u => u.Rank95 - u.Rank5)!;
        output.WriteLine($"widest 5-95 % interval: {widest.Name}, nominal {widest.NominalRank}, {widest.Rank5}-{widest.Rank95}");
        Assert.Equal(["weights", "normalisation", "aggregation", "winsorisation limit"], result.Factors);
    }

    [Theory]
    [InlineData("amean")]
    [InlineData("gmean")]
    [InlineData("copeland")]
    public void With_nothing_uncertain_every_replication_gives_the_nominal_ranks(string aggregation)
    {
        // the Monte Carlo's fast aggregation (in the mean's transformed space) must agree with the pipeline
        var options = Oracle.AsemOptions with { Normalisation = new MinMax(1, 100), Aggregation = Aggregation.Parse(aggregation) };
        var nominal = CompositePipeline.Run(Asem, options);
        var ranks = Statistics.RanksDescending(nominal.IndexScores);
        var spec = new UncertaintySpec
        {
            WeightNoise = 0, Normalisations = [options.Normalisation], Aggregations = [options.Aggregation], WinsorLimits = [nominal.WinsorLimit],
        };
        var result = IndexUncertainty.MonteCarlo(Asem, options, spec, 20, seed: 1);
        for (var u = 0; u < ranks.Length; u++)
        {
            var r = result.Units[u];
            Assert.Equal(nominal.Units[u], r.Unit);
            Assert.Equal((ranks[u], ranks[u], ranks[u], ranks[u]), (r.NominalRank, r.MedianRank, r.Rank5, r.Rank95));
        }
    }

    [Fact]
    public void Indices_of_an_additive_model_match_their_analytic_values()
    {
        // Y = X1 + 2 X2 + 3 X3, X uniform: V_i ∝ a_i², so S_i = ST_i = a_i² / Σ a²  = 1/14, 4/14, 9/14
        var factors = new[] { new Factor("x1", [0]), new Factor("x2", [1]), new Factor("x3", [2]) };
        var result = SobolIndices.Estimate(3, factors, () => x => x[0] + 2 * x[1] + 3 * x[2], baseSamples: 20000, seed: 11, bootstrap: 500);
        double[] expected = [1 / 14.0, 4 / 14.0, 9 / 14.0];
        for (var i = 0; i < 3; i++)
        {
            var f = result.Factors[i];
            output.WriteLine($"{f.Factor}: S {f.FirstOrder:F4} ± {f.FirstOrderError:F4} [{f.FirstOrderLow:F4}, {f.FirstOrderHigh:F4}], ST {f.Total:F4} ± {f.TotalError:F4}, analytic {expected[i]:F4}");
            Assert.InRange(expected[i], f.FirstOrder - 3 * f.FirstOrderError, f.FirstOrder + 3 * f.FirstOrderError);
            Assert.InRange(expected[i], f.Total - 3 * f.TotalError, f.Total + 3 * f.TotalError);
            Assert.InRange(f.FirstOrderError, 0, 0.02); // and the Monte Carlo error is small
        }
        Assert.Equal(20000 * 5, result.Runs);
        Assert.Equal(1.0, result.OutputVariance * 12 / 14, 1); // Var(Y) = 14/12
    }

    [Fact]
    public void Indices_of_a_product_tell_first_order_from_total_and_groups_add_up()
    {
        // Y = X1·X2: V = 7/144, V1 = V2 = 1/48, so S1 = S2 = 3/7 and ST1 = ST2 = 4/7 (the interaction counts in both totals)
        var factors = new[] { new Factor("x1", [0]), new Factor("x2", [1]), new Factor("both", [0, 1]) };
        var result = SobolIndices.Estimate(2, factors, () => x => x[0] * x[1], baseSamples: 20000, seed: 5, bootstrap: 500);
        foreach (var (f, s, st) in new[] { (result.Factors[0], 3 / 7.0, 4 / 7.0), (result.Factors[1], 3 / 7.0, 4 / 7.0), (result.Factors[2], 1.0, 1.0) })
        {
            output.WriteLine($"{f.Factor}: S {f.FirstOrder:F4} ± {f.FirstOrderError:F4}, ST {f.Total:F4} ± {f.TotalError:F4}");
            Assert.InRange(s, f.FirstOrder - 3 * f.FirstOrderError - 1e-12, f.FirstOrder + 3 * f.FirstOrderError + 1e-12);
            Assert.InRange(st, f.Total - 3 * f.TotalError - 1e-12, f.Total + 3 * f.TotalError + 1e-12);
        }
    }

    [Fact]
    public void Sensitivity_of_the_ASEM_ranks_names_each_choice_with_intervals()
    {
        var result = IndexUncertainty.Sensitivity(Asem, Oracle.AsemOptions, new UncertaintySpec(), 400, seed: 3, bootstrap: 300);
        Assert.Equal(400 * 6, result.Indices.Runs);
        foreach (var f in result.Indices.Factors)
        {
            output.WriteLine($"{f.Factor}: S {f.FirstOrder:F3} [{f.FirstOrderLow:F3}, {f.FirstOrderHigh:F3}], ST {f.Total:F3} [{f.TotalLow:F3}, {f.TotalHigh:F3}]");
            Assert.InRange(f.FirstOrder, f.FirstOrderLow, f.FirstOrderHigh);
            Assert.InRange(f.Total, f.TotalLow, f.TotalHigh);
            Assert.True(f.Total >= 0);
        }
        Assert.True(result.Indices.OutputVariance > 0);
    }

    [Fact]
    public void A_choice_that_cannot_apply_fails_with_its_message_before_any_replication()
    {
        var spec = new UncertaintySpec { Normalisations = [new MinMax(0, 100)], Aggregations = [new ArithmeticMean(), new GeometricMean()] };
        var e = Assert.Throws<CompositeException>(() => IndexUncertainty.MonteCarlo(Asem, Oracle.AsemOptions, spec, 100, seed: 1));
        Assert.Contains("Monte Carlo, with normalisation minmax:0:100: gmean cannot aggregate", e.Message);
        Assert.Throws<CompositeException>(() => IndexUncertainty.Sensitivity(Asem, Oracle.AsemOptions, spec, 10, seed: 1));
    }
}
