using Atlas.Analytics.Complexity;

namespace Atlas.Tests.Complexity;

/// <summary>The eigen-solver on matrices too large to check by hand, against plain power iteration.</summary>
public class EigenvectorTests
{
    /// <summary>
    /// A random matrix with structure: regions have a capability, activities a complexity, and a region does an
    /// activity more often the more capable it is relative to the activity's complexity; about 60% zeros.
    /// </summary>
    internal static ActivityMatrix RandomMatrix(int regions, int activities, int seed)
    {
        var random = new Random(seed);
        var capability = Enumerable.Range(0, regions).Select(_ => random.NextDouble()).ToArray();
        var complexity = Enumerable.Range(0, activities).Select(_ => random.NextDouble()).ToArray();
        var values = new double[regions, activities];
        for (var c = 0; c < regions; c++)
            for (var p = 0; p < activities; p++)
            {
                var score = 4 * (capability[c] - complexity[p]) + random.NextDouble() * 2 - 1;
                values[c, p] = score > 0.3 ? Math.Round(Math.Exp(score + random.NextDouble())) : 0;
            }
        return new ActivityMatrix(
            [.. Enumerable.Range(0, regions).Select(c => $"r{c}")], [.. Enumerable.Range(0, activities).Select(p => $"a{p}")], values);
    }

    [Fact]
    public void The_second_eigenvector_agrees_with_deflated_power_iteration()
    {
        var result = EconomicComplexity.Compute(RandomMatrix(60, 80, seed: 7));
        Assert.True(result.Eigen.Residual < 1e-10, $"residual {result.Eigen.Residual}");

        // M̃ = D_p⁻¹ Mᵀ D_c⁻¹ M, dense; its left eigenvector for 1 is the ubiquity k, so x with Σ k_p x_p = 0 stays in
        // the complement and power iteration there converges to the second eigenvector.
        int nc = result.Regions.Count, np = result.Activities.Count;
        var mt = new double[np, np];
        for (var p = 0; p < np; p++)
            for (var q = 0; q < np; q++)
                for (var c = 0; c < nc; c++)
                    mt[p, q] += result.Presence[c, p] * result.Presence[c, q] / (result.Diversity[c] * result.Ubiquity[p]);
        var k = result.Ubiquity.Select(u => (double)u).ToArray();
        var x = Enumerable.Range(0, np).Select(i => Math.Sin(i + 1.0)).ToArray();
        double lambda = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var shift = x.Zip(k).Sum(t => t.First * t.Second) / k.Sum();
            for (var p = 0; p < np; p++) x[p] -= shift;
            var y = new double[np];
            for (var p = 0; p < np; p++)
                for (var q = 0; q < np; q++)
                    y[p] += mt[p, q] * x[q];
            var norm = Math.Sqrt(y.Sum(v => v * v));
            lambda = norm / Math.Sqrt(x.Sum(v => v * v));
            x = [.. y.Select(v => v / norm)];
        }
        Assert.Equal(lambda, result.Eigen.Eigenvalue, 1e-9);

        // PCI is an affine function of that eigenvector: correlation ±1.
        var pci = result.Pci.ToArray();
        double mx = x.Average(), mp = pci.Average();
        var r = x.Zip(pci, (a, b) => (a - mx) * (b - mp)).Sum()
            / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * pci.Sum(b => (b - mp) * (b - mp)));
        Assert.Equal(1, Math.Abs(r), 1e-9);
    }

    [Fact]
    public void The_same_input_gives_the_same_result_bit_for_bit()
    {
        var first = EconomicComplexity.Compute(RandomMatrix(50, 70, seed: 3));
        var second = EconomicComplexity.Compute(RandomMatrix(50, 70, seed: 3));
        Assert.Equal(first.Eci, second.Eci);
        Assert.Equal(first.Pci, second.Pci);
    }

    [Fact]
    public void Eci_correlates_positively_with_diversity()
    {
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var result = EconomicComplexity.Compute(RandomMatrix(40, 60, seed));
            var diversity = result.Diversity.Select(d => (double)d).ToArray();
            var eci = result.Eci.ToArray();
            double md = diversity.Average(), me = eci.Average();
            Assert.True(diversity.Zip(eci, (a, b) => (a - md) * (b - me)).Sum() > 0, $"seed {seed}");
        }
    }
}
