using Atlas.Analytics.Composite;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The composite index at the size of Belgium's municipalities: 565 units × 20 indicators (5 pillars of 4, 2
/// sub-indices, the index), synthetic and seeded: skewed (log-normal) values with a few outliers, 2 % missing, three
/// groups for imputation, four indicators divided by a population.
/// </summary>
[MemoryDiagnoser]
public class CompositeBenchmarks
{
    private IndexInput _input = null!;
    private readonly PipelineOptions _options = new() { Imputation = new GroupMeanImputation("region") };
    private readonly UncertaintySpec _spec = new();

    [GlobalSetup]
    public void Setup() => _input = Synthetic(units: 565, pillars: 5, perPillar: 4, seed: 2026);

    /// <summary>One full build: denominate, screen, impute, treat, normalise, aggregate.</summary>
    [Benchmark]
    public CompositeResult FullBuild() => CompositePipeline.Run(_input, _options);

    /// <summary>10,000 Monte Carlo replications (weights ±25 %, 2 normalisations, 2 aggregations, 3 winsorisation limits) and the rank statistics.</summary>
    [Benchmark]
    public UncertaintyResult MonteCarlo10000() => IndexUncertainty.MonteCarlo(_input, _options, _spec, 10_000, seed: 1);

    /// <summary>Sensitivity indices from a Saltelli design of about 10,000 runs (base 1,667 × 6) with 1,000 bootstrap resamples.</summary>
    [Benchmark]
    public CompositeSensitivityResult Sensitivity10000Runs() => IndexUncertainty.Sensitivity(_input, _options, _spec, 1_667, seed: 1);

    public static IndexInput Synthetic(int units, int pillars, int perPillar, ulong seed)
    {
        var nodes = new List<IndexNode> { new Aggregate("Index", "Index", 4, null, 1) };
        nodes.Add(new Aggregate("S1", "Sub-index 1", 3, "Index", 1));
        nodes.Add(new Aggregate("S2", "Sub-index 2", 3, "Index", 1));
        var codes = new List<string>();
        for (var p = 0; p < pillars; p++)
        {
            nodes.Add(new Aggregate($"P{p + 1}", $"Pillar {p + 1}", 2, p < pillars / 2 ? "S1" : "S2", 1 + p % 2));
            for (var i = 0; i < perPillar; i++)
            {
                var code = $"I{p + 1}{i + 1}";
                codes.Add(code);
                nodes.Add(new Indicator(code, code, $"P{p + 1}", 1, i % 3 == 2 ? Direction.Negative : Direction.Positive)
                { Denominator = i == 0 ? "population" : null });
            }
        }
        var rng = SeededRandom.ForStream(seed, 0);
        double Normal()
        {
            var u1 = 1 - rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
        }
        string[] regions = ["Flanders", "Wallonia", "Brussels"];
        var unitList = Enumerable.Range(0, units).Select(u => new Unit($"U{u:D3}", $"Unit {u}")
        { Groups = new Dictionary<string, string?> { ["region"] = regions[u % 3] } }).ToList();
        var population = Enumerable.Range(0, units).Select(_ => Math.Exp(9 + 1.2 * Normal())).ToArray();
        var values = codes.Select((_, i) => Enumerable.Range(0, units).Select(u =>
        {
            if (rng.NextDouble() < 0.02) return double.NaN;
            var x = Math.Exp(Normal() * (0.3 + 0.1 * (i % 5)));
            if (rng.NextDouble() < 0.01) x *= 20; // an outlier
            return i % 4 == 0 ? x * population[u] : x;
        }).ToArray()).ToArray();
        var unitCodes = unitList.Select(u => u.Code).ToList();
        return new IndexInput(IndexStructure.Create(nodes), unitList,
            new StageTable("Raw", unitCodes, codes, values),
            new StageTable("Denominators", unitCodes, ["population"], [population]));
    }
}
