using Atlas;
using Atlas.Analytics.Complexity;
using Atlas.Analytics.Composite;
using Atlas.Data;
using Atlas.AtlasIndex;
using Atlas.Complexity;
using BenchmarkDotNet.Attributes;
using Atlas.Diagnostics;

namespace Atlas.Benchmarks;

/// <summary>
/// One full build of the Atlas index (data/index/atlas-index.yaml) over 565 municipalities: the eight indicators
/// computed from municipality × NACE class establishment counts, seated-enterprise counts and the ECI of the national
/// complexity panel, then the pipeline (outlier treatment, min-max, weighted arithmetic means) to the index scores.
/// The counts are synthetic and seeded: log-normal municipality sizes (median 1,500 establishment units), classes
/// drawn from 615 NACE classes with a Zipf-like skew, 20–40 % young enterprises. The atlas computes the complexity
/// panel once per register version and shares it; <see cref="FullBuildWithComplexityPanel"/> shows the cost when it
/// has to be computed too.
/// </summary>
[MemoryDiagnoser]
public class AtlasIndexBenchmarks
{
    private AtlasIndexDefinition _definition = null!;
    private List<MunicipalityCounts> _units = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Paths.DataDir, AtlasIndexFile.RelativePath);
        var problems = new List<Problem>();
        _definition = AtlasIndexFile.Parse(path, File.ReadAllText(path), problems)
            ?? throw new InvalidOperationException(string.Join("\n", problems));
        _units = WithEci(Synthetic(565, 2026));
    }

    /// <summary>Indicators → scores: the eight indicator columns from the counts and the panel's ECI, and the pipeline to the index.</summary>
    [Benchmark]
    public CompositeResult FullBuild() => AtlasIndexBuilder.Build(_definition, _units);

    /// <summary>The same, with the complexity panel (every measure of 565 municipalities × their classes) computed first.</summary>
    [Benchmark]
    public CompositeResult FullBuildWithComplexityPanel() => AtlasIndexBuilder.Build(_definition, WithEci(_units));

    /// <summary>The units with the ECI of the panel of their counts, as the atlas reads it from its complexity panel.</summary>
    public static List<MunicipalityCounts> WithEci(List<MunicipalityCounts> units)
    {
        var result = EconomicComplexity.Compute(ComplexityQueries.ClassMatrix(units.Select(u => (u.Id, u.Classes))));
        var eci = result.Regions.Select((id, r) => (id, r)).ToDictionary(p => p.id, p => result.Eci[p.r]);   // a region without presence is dropped
        return units.Select(u => u with { Eci = eci.GetValueOrDefault(u.Id, double.NaN) }).ToList();
    }

    public static List<MunicipalityCounts> Synthetic(int count, ulong seed)
    {
        var rng = SeededRandom.ForStream(seed, 0);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        // classes: divisions 01–96, groups 1–9, one or two classes each (as 1011, 1012 …), ordered by a skewed popularity
        var classes = new List<int>();
        for (var d = 1; d <= 96; d++)
            for (var g = 1; g <= (d % 7) + 2; g++)
                for (var c = 1; c <= 1 + (d + g) % 2; c++)
                    classes.Add(d * 100 + g * 10 + c);
        var cumulative = new double[classes.Count];
        var total = 0.0;
        for (var i = 0; i < classes.Count; i++) cumulative[i] = total += 1.0 / Math.Pow(i + 1, 0.9);
        var order = classes.OrderBy(_ => rng.NextDouble()).ToArray();
        var units = new List<MunicipalityCounts>();
        for (var u = 0; u < count; u++)
        {
            var size = (int)Math.Clamp(Math.Exp(Math.Log(1500) + 0.9 * Normal()), 20, 200_000);
            var counts = new Dictionary<int, int>();
            for (var k = 0; k < size; k++)
            {
                var x = rng.NextDouble() * total;
                var i = Array.BinarySearch(cumulative, x);
                if (i < 0) i = ~i;
                var cls = order[Math.Min(i, order.Length - 1)];
                counts[cls] = counts.GetValueOrDefault(cls) + 1;
            }
            var enterprises = Math.Max(1, (int)(size * 0.7));
            units.Add(new MunicipalityCounts(10000 + u, $"nis-{10000 + u}", $"Municipality {u}", counts, enterprises,
                (int)(enterprises * (0.2 + 0.2 * rng.NextDouble()))));
        }
        return units;
    }
}
