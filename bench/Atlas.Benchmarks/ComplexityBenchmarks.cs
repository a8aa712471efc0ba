using Atlas.Analytics.Complexity;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// Relatedness and complexity at the size of the Belgian register: 565 municipalities × 615 NACE-BEL 2008 classes,
/// on a synthetic matrix shaped like establishment counts (see <see cref="SyntheticRegister"/>).
/// </summary>
[MemoryDiagnoser]
public class ComplexityBenchmarks
{
    private ActivityMatrix _matrix = null!;
    private ActivityMatrix _noise = null!;
    private ComplexityResult _result = null!;
    private int _city;

    [GlobalSetup]
    public void Setup()
    {
        _matrix = SyntheticRegister.Create(regions: 565, activities: 615, seed: 2025);
        _result = EconomicComplexity.Compute(_matrix);
        _noise = SyntheticRegister.Noise(regions: 565, activities: 615, seed: 2025);
        _city = 0; // the largest municipality, as a big city is
    }

    [Benchmark]
    public ComplexityResult AllMeasures() => EconomicComplexity.Compute(_matrix);

    [Benchmark]
    public ComplexityResult AllMeasuresContinuousProximity() =>
        EconomicComplexity.Compute(_matrix, new ComplexityOptions { Proximity = ProximityMethod.Continuous });

    /// <summary>The eigen-solver's hard case: no structure at all, so the second and third eigenvalues are close.</summary>
    [Benchmark]
    public ComplexityResult AllMeasuresOnNoise() => EconomicComplexity.Compute(_noise);

    [Benchmark]
    public GrowthOpportunities GrowthOpportunitiesOfOneCity() => _result.GrowthOpportunities(_city, top: 20, related: 3);
}

/// <summary>
/// A synthetic municipality × activity matrix of establishment counts. Like the register: municipality sizes and
/// activity sizes are log-normal (a few very large, many small), municipalities have a capability and activities a
/// complexity so that diverse places hold the rare activities, and about 60% of the cells are zero.
/// </summary>
public static class SyntheticRegister
{
    public const double ZeroShare = 0.6;

    public static ActivityMatrix Create(int regions, int activities, int seed)
    {
        var random = new Random(seed);
        var regionSize = Normals(random, regions).Select(z => 1.3 * z).OrderDescending().ToArray(); // log size, largest first
        var activitySize = Normals(random, activities).Select(z => 1.5 * z).ToArray();
        var capability = Normals(random, regions);
        var complexity = Normals(random, activities);
        var noise = Normals(random, regions * activities);

        // A latent score per cell; the lowest 60% are absent, the others get a count that grows with the score.
        var score = new double[regions * activities];
        for (var c = 0; c < regions; c++)
            for (var p = 0; p < activities; p++)
                score[c * activities + p] = regionSize[c] + activitySize[p] + 1.5 * capability[c] * complexity[p] + noise[c * activities + p];
        var cutoff = score.Order().ElementAt((int)(ZeroShare * score.Length));
        var values = new double[regions, activities];
        for (var c = 0; c < regions; c++)
            for (var p = 0; p < activities; p++)
            {
                var s = score[c * activities + p];
                values[c, p] = s < cutoff ? 0 : Math.Floor(Math.Exp(0.6 * (s - cutoff)));
            }
        return new ActivityMatrix(
            [.. Enumerable.Range(0, regions).Select(c => $"municipality-{c:D3}")],
            [.. Enumerable.Range(0, activities).Select(p => $"nace-{p:D3}")],
            values);
    }

    /// <summary>A matrix with no structure: 40% of the cells hold a count from 1 to 10, at random.</summary>
    public static ActivityMatrix Noise(int regions, int activities, int seed)
    {
        var random = new Random(seed);
        var values = new double[regions, activities];
        for (var c = 0; c < regions; c++)
            for (var p = 0; p < activities; p++)
                values[c, p] = random.NextDouble() < 1 - ZeroShare ? random.Next(1, 11) : 0;
        return new ActivityMatrix(
            [.. Enumerable.Range(0, regions).Select(c => $"r{c}")], [.. Enumerable.Range(0, activities).Select(p => $"a{p}")], values);
    }

    /// <summary>Standard normal draws (Box–Muller).</summary>
    private static double[] Normals(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
}
