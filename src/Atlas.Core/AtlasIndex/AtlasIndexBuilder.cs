using Atlas.Analytics.Composite;
using Atlas.Data;

namespace Atlas.AtlasIndex;

/// <summary>
/// What the sources say of one municipality, as the Atlas index needs it: its units by NACE class (the primary
/// source's main count), its enterprises by seat and the young ones among them (the register), its ECI in the
/// national panel, its creation and churn rates (Statbel's flows), its enterprises per 1,000 inhabitants and the
/// growth of its establishment units in percent (Statbel's series). A value a source does not give is NaN, and its
/// indicator is left out of the index.
/// </summary>
public sealed record MunicipalityCounts(int Nis, string Id, string Name, IReadOnlyDictionary<int, int> Classes, int Enterprises, int YoungEnterprises,
    double Eci = double.NaN, double CreationRate = double.NaN, double ChurnRate = double.NaN, double PerThousand = double.NaN,
    double EstablishmentGrowth = double.NaN)
{
    public int Establishments { get; } = Classes.Values.Sum();
}

/// <summary>The performance groups of the Atlas index, relative to the Belgian average score.</summary>
public enum IndexGroup { Leader, Strong, Moderate, Emerging }

/// <summary>One municipality in the Atlas index.</summary>
public sealed record IndexEntry(string Id, int Nis, string Name, double Score, int Rank, double MedianRank, double Rank5, double Rank95,
    double Ratio, IndexGroup Group, IReadOnlyDictionary<string, double> Pillars, IReadOnlyDictionary<string, double> Indicators,
    IReadOnlyDictionary<string, double> Normalised);

/// <summary>
/// The Atlas index of one version of the data: every scored municipality, best first; the source of each indicator
/// (<see cref="IndicatorSources"/>, by indicator id) and the indicators of the definition that no source at hand can
/// measure (<see cref="LeftOut"/>).
/// </summary>
public sealed record AtlasIndexResult(AtlasIndexDefinition Definition, IReadOnlyList<IndexEntry> Entries, double Mean, int Replications,
    ulong Seed, string? SnapshotDate, IReadOnlyList<string> Warnings)
{
    public IReadOnlyDictionary<string, Sources.IIndicatorSource> IndicatorSources { get; init; } = new Dictionary<string, Sources.IIndicatorSource>();
    public IReadOnlyList<AtlasIndicator> LeftOut { get; init; } = [];
    /// <summary>The source whose units are scored (the municipalities with at least one unit in it).</summary>
    public Sources.CountSource? Primary { get; init; }

    public IndexEntry? ByNis(int nis) => Entries.FirstOrDefault(e => e.Nis == nis);
}

/// <summary>
/// Builds the Atlas index (data/index/atlas-index.yaml) from register counts: indicators → pipeline → scores.
/// The pipeline uses COINr's defaults (<see cref="PipelineOptions"/>) but one: no imputation (a missing value drops
/// out of its pillar's mean), outlier treatment (|skewness| &lt; 2 or kurtosis &lt; 3.5, else winsorise up to 10 % of
/// the units, else log — COINr's log_CT_skew, since ECI's long tail is on the low side), min-max to [0, 100],
/// weighted arithmetic mean at both levels.
/// </summary>
public static class AtlasIndexBuilder
{
    public static readonly PipelineOptions Options = new() { Treatment = new OutlierTreatment { Log = LogTransform.CtSkew } };

    /// <summary>The Monte Carlo: 1,000 replications, seed 20260601.</summary>
    public const int Replications = 1000;
    public const ulong Seed = 20260601;

    /// <summary>
    /// Weights ±25 %, min-max (1–100) or percentile rank (1–100), arithmetic or geometric mean, three winsorisation
    /// limits. Both normalisations are positive on any data, so the geometric mean always applies; a z-score (COINr's
    /// usual alternative, mean 10 and sd 2) turns negative five standard deviations below the mean, which ECI reaches.
    /// </summary>
    public static readonly UncertaintySpec Uncertainty = new() { Normalisations = [new MinMax(1, 100), new PercentileRank(1, 100)] };

    /// <summary>Groups: ratio = score / mean score of the municipalities; &gt; 1.25 leader, [1, 1.25] strong, [0.7, 1) moderate, &lt; 0.7 emerging.</summary>
    public static IndexGroup GroupOf(double ratio) => ratio > 1.25 ? IndexGroup.Leader : ratio >= 1 ? IndexGroup.Strong : ratio >= 0.7 ? IndexGroup.Moderate : IndexGroup.Emerging;

    /// <summary>The indicator values of every municipality (columns in the definition's order).</summary>
    public static IndexInput Input(AtlasIndexDefinition definition, IReadOnlyList<MunicipalityCounts> units)
    {
        var columns = definition.Structure.Indicators.Select(i => i.Code).ToList();
        var indicators = columns.Select(definition.Indicator).ToArray();
        var values = columns.Select(_ => new double[units.Count]).ToArray();
        // one pass over each municipality's classes: which establishment-share indicators a class counts in, as a bit mask
        // (computed once per class); at most 64 share indicators
        var shares = Enumerable.Range(0, indicators.Length).Where(c => indicators[c].Measure == IndexMeasure.EstablishmentShare).ToArray();
        if (shares.Length > 64) throw new ArgumentException("the Atlas index takes at most 64 establishment-share indicators");
        var masks = new Dictionary<int, ulong>();
        var sums = new long[shares.Length];
        for (var u = 0; u < units.Count; u++)
        {
            var m = units[u];
            Array.Clear(sums);
            int establishments = 0, present = 0;
            foreach (var (cls, n) in m.Classes)
            {
                if (n <= 0) continue;
                establishments += n;
                present++;
                if (!masks.TryGetValue(cls, out var mask))
                {
                    for (var k = 0; k < shares.Length; k++)
                        if (indicators[shares[k]].Covers(cls)) mask |= 1UL << k;
                    masks[cls] = mask;
                }
                for (var k = 0; mask != 0; k++, mask >>= 1)
                    if ((mask & 1) != 0) sums[k] += n;
            }
            for (var k = 0; k < shares.Length; k++)
                values[shares[k]][u] = establishments == 0 ? double.NaN : (double)sums[k] / establishments;
            for (var c = 0; c < indicators.Length; c++)
            {
                if (indicators[c].Measure == IndexMeasure.YoungEnterprises)
                    values[c][u] = m.Enterprises == 0 ? double.NaN : (double)m.YoungEnterprises / m.Enterprises;
                else if (indicators[c].Measure == IndexMeasure.Diversity)
                    values[c][u] = present;
                else if (indicators[c].Measure == IndexMeasure.Eci)
                    values[c][u] = m.Eci;
                else if (indicators[c].Measure == IndexMeasure.CreationRate)
                    values[c][u] = m.CreationRate;
                else if (indicators[c].Measure == IndexMeasure.ChurnRate)
                    values[c][u] = m.ChurnRate;
                else if (indicators[c].Measure == IndexMeasure.EnterprisesPerThousand)
                    values[c][u] = m.PerThousand;
                else if (indicators[c].Measure == IndexMeasure.EstablishmentGrowth)
                    values[c][u] = m.EstablishmentGrowth;
            }
        }
        var codes = units.Select(u => u.Id).ToList();
        return new IndexInput(definition.Structure, units.Select(u => new Unit(u.Id, u.Name)).ToList(), new StageTable("Raw", codes, columns, values));
    }

    /// <summary>One full build: indicators → scores.</summary>
    public static CompositeResult Build(AtlasIndexDefinition definition, IReadOnlyList<MunicipalityCounts> units) =>
        CompositePipeline.Run(Input(definition, units), Options);

    /// <summary>The build, ranks (ties broken by NIS code, so ranks are 1..n), the Monte Carlo and the groups.</summary>
    public static AtlasIndexResult Compute(AtlasIndexDefinition definition, IReadOnlyList<MunicipalityCounts> units, string? snapshot,
        int replications = Replications, ulong seed = Seed)
    {
        var input = Input(definition, units);
        var result = CompositePipeline.Run(input, Options);
        var mc = IndexUncertainty.MonteCarlo(input, Options, Uncertainty, replications, seed).Units.ToDictionary(u => u.Unit);
        var scores = result.IndexScores.ToArray();
        var present = scores.Where(double.IsFinite).ToList();
        var mean = present.Count == 0 ? double.NaN : present.Average();
        var byId = units.ToDictionary(u => u.Id);
        var order = result.Units.Select((id, i) => (id, i)).Where(p => double.IsFinite(scores[p.i]))
            .OrderByDescending(p => scores[p.i]).ThenBy(p => byId[p.id].Nis).ToList();
        var pillars = definition.Pillars.Select(p => p.Id).ToList();
        var entries = new List<IndexEntry>();
        for (var k = 0; k < order.Count; k++)
        {
            var (id, i) = order[k];
            var m = byId[id];
            var r = mc[id];
            var ratio = mean > 0 ? scores[i] / mean : double.NaN;
            entries.Add(new IndexEntry(id, m.Nis, m.Name, scores[i], k + 1, r.MedianRank, r.Rank5, r.Rank95, ratio, GroupOf(ratio),
                pillars.ToDictionary(p => p, p => result.Aggregated[id, p]),
                definition.Indicators.ToDictionary(x => x.Id, x => result.Raw[id, x.Id]),
                definition.Indicators.ToDictionary(x => x.Id, x => result.Normalised[id, x.Id])));
        }
        return new AtlasIndexResult(definition, entries, mean, replications, seed, snapshot, result.Warnings);
    }
}
