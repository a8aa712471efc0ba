namespace Atlas.Analytics.Composite;

/// <summary>
/// The uncertain choices of an index, each drawn uniformly in a Monte Carlo replication: every weight multiplied by
/// 1 + ε·U(−1, 1), one normalisation, one aggregation (the same at every level) and one winsorisation limit from
/// their lists. Imputation and the data themselves stay as in the nominal build.
/// </summary>
public sealed record UncertaintySpec
{
    /// <summary>ε, the relative half-width of the weight noise: 0.25 lets a weight move by ±25 %. 0 keeps the weights.</summary>
    public double WeightNoise { get; init; } = 0.25;

    /// <summary>The levels whose weights get noise (1 = the indicators' weights within their pillar); null: every level.</summary>
    public IReadOnlyList<int>? WeightLevels { get; init; }

    /// <summary>The normalisations to choose from; the defaults stay positive, so that a geometric mean is possible.</summary>
    public IReadOnlyList<Normalisation> Normalisations { get; init; } = [new MinMax(1, 100), new ZScore(10, 2)];

    /// <summary>The aggregations to choose from (each applied at every level).</summary>
    public IReadOnlyList<Aggregation> Aggregations { get; init; } = [new ArithmeticMean(), new GeometricMean()];

    /// <summary>The winsorisation limits to choose from; null: half the nominal limit, the nominal limit and double.</summary>
    public IReadOnlyList<int>? WinsorLimits { get; init; }
}

/// <summary>One unit's rank over the replications: nominal, mean, median and the 5–95 % interval (R's type 7 quantiles).</summary>
public sealed record UnitRankUncertainty(string Unit, string Name, double NominalRank, double MeanRank, double MedianRank, double Rank5, double Rank95);

/// <summary>The outcome of a Monte Carlo uncertainty analysis of the index ranks.</summary>
public sealed record UncertaintyResult(IReadOnlyList<UnitRankUncertainty> Units, int Replications, ulong Seed, IReadOnlyList<string> Factors);

/// <summary>Sensitivity of the ranks to each uncertain choice: indices on the mean absolute rank shift from the nominal ranks.</summary>
public sealed record CompositeSensitivityResult(SobolResult Indices, string Output);

/// <summary>
/// Monte Carlo uncertainty and variance-based sensitivity of an index's ranks over the choices of an
/// <see cref="UncertaintySpec"/>. The treated and normalised tables of each choice are computed once and shared;
/// a replication then only re-weights and aggregates, on as many threads as the machine has.
/// </summary>
public static class IndexUncertainty
{
    /// <summary>Ranks over <paramref name="replications"/> independent draws of the uncertain choices.</summary>
    public static UncertaintyResult MonteCarlo(IndexInput input, PipelineOptions nominal, UncertaintySpec spec, int replications, ulong seed, int? maxThreads = null)
    {
        if (replications < 1) throw new ArgumentException("at least one replication is needed");
        var model = new ScenarioModel(input, nominal, spec);
        model.Prepare();
        var n = model.UnitCount;
        var total = new long[n * n];
        var rankSums = new long[n];
        var gate = new object();
        // a few chunks per thread, each with its own buffers and rank counts, merged at the end (sums commute: same result on any thread count)
        var threads = maxThreads ?? Environment.ProcessorCount;
        var chunks = Math.Min(replications, threads * 4);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var work = model.NewWorkspace();
            var counts = new int[n * n];
            var sums = new long[n];
            var u = new double[model.Dimensions];
            for (long r = (long)replications * chunk / chunks; r < (long)replications * (chunk + 1) / chunks; r++)
            {
                var rng = SeededRandom.ForStream(seed, (ulong)r);
                for (var i = 0; i < u.Length; i++) u[i] = rng.NextDouble();
                var ranks = model.Ranks(u, work);
                for (var k = 0; k < n; k++)
                {
                    counts[k * n + ranks[k] - 1]++;
                    sums[k] += ranks[k];
                }
            }
            lock (gate)
            {
                for (var i = 0; i < total.Length; i++) total[i] += counts[i];
                for (var k = 0; k < n; k++) rankSums[k] += sums[k];
            }
        });

        var units = new List<UnitRankUncertainty>();
        for (var u = 0; u < n; u++)
        {
            var counts = total.AsSpan(u * n, n);
            var unit = model.Nominal.Input.Units[model.Nominal.Input.Raw.UnitIndex(model.Nominal.Units[u])];
            units.Add(new UnitRankUncertainty(unit.Code, unit.Name, model.NominalRanks[u], (double)rankSums[u] / replications,
                Quantile(counts, replications, 0.5), Quantile(counts, replications, 0.05), Quantile(counts, replications, 0.95)));
        }
        return new UncertaintyResult(units, replications, seed, model.Factors.Select(f => f.Name).ToList());
    }

    /// <summary>
    /// First-order and total sensitivity indices of each uncertain choice (weights, normalisation, aggregation,
    /// winsorisation limit) for the mean absolute rank shift from the nominal ranks, from a Saltelli design of
    /// <paramref name="baseSamples"/> rows (N·(k + 2) runs).
    /// </summary>
    public static CompositeSensitivityResult Sensitivity(IndexInput input, PipelineOptions nominal, UncertaintySpec spec, int baseSamples, ulong seed,
        int bootstrap = 1000, int? maxThreads = null)
    {
        var model = new ScenarioModel(input, nominal, spec);
        if (model.Factors.Count == 0) throw new CompositeException("nothing is uncertain: give weight noise or more than one normalisation, aggregation or winsorisation limit");
        model.Prepare();
        var indices = SobolIndices.Estimate(model.Dimensions, model.Factors, () =>
        {
            var work = model.NewWorkspace();
            return u => model.MeanAbsoluteRankShift(model.Ranks(u, work));
        }, baseSamples, seed, bootstrap, maxThreads: maxThreads);
        return new CompositeSensitivityResult(indices, "mean absolute shift of the index ranks from the nominal ranks");
    }

    /// <summary>The p-quantile (R's type 7) of ranks given as counts per rank (index 0 = rank 1).</summary>
    internal static double Quantile(ReadOnlySpan<long> counts, long total, double p)
    {
        var h = (total - 1) * p;
        var lo = (long)Math.Floor(h);
        double a = OrderStatistic(counts, lo), b = OrderStatistic(counts, Math.Min(lo + 1, total - 1));
        return a + (h - lo) * (b - a);
    }

    private static int OrderStatistic(ReadOnlySpan<long> counts, long k)
    {
        long seen = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            seen += counts[r];
            if (seen > k) return r + 1;
        }
        return counts.Length;
    }
}

/// <summary>
/// The index as a function of the uncertain choices, each read from a uniform number in [0, 1): first the weights
/// (one column per noisy weight), then the normalisation, the aggregation and the winsorisation limit.
/// </summary>
internal sealed class ScenarioModel
{
    private readonly IndexStructure _structure;
    private readonly PipelineOptions _nominalOptions;
    private readonly UncertaintySpec _spec;
    private readonly IReadOnlyList<int> _limits;
    private readonly int _indicatorCount;
    private readonly int[][] _children; // per aggregate, its children's node indices
    private readonly string[][] _childCodes;
    private readonly double[] _baseWeights; // per node
    private readonly int[] _noisyNodes; // the nodes whose weight gets noise, in input-column order
    private readonly int _normColumn, _aggColumn, _limitColumn;
    private readonly Lazy<double[][]>[,,] _tables;
    private readonly Lazy<StageTable>[] _treated;

    public ScenarioModel(IndexInput input, PipelineOptions nominal, UncertaintySpec spec)
    {
        if (spec.Normalisations.Count == 0 || spec.Aggregations.Count == 0)
            throw new CompositeException("the uncertainty needs at least one normalisation and one aggregation to choose from");
        if (spec.WeightNoise is < 0 or >= 1 || double.IsNaN(spec.WeightNoise))
            throw new CompositeException("the weight noise must lie in [0, 1): it is a relative half-width");
        _structure = input.Structure;
        _nominalOptions = nominal;
        _spec = spec;
        Nominal = CompositePipeline.Run(input, nominal);
        NominalRanks = Statistics.RanksDescending(Nominal.IndexScores);
        UnitCount = Nominal.Units.Count;

        var nominalLimit = nominal.Treatment.LimitFor(UnitCount);
        _limits = !nominal.Treatment.Enabled ? [0]
            : spec.WinsorLimits ?? new[] { (nominalLimit + 1) / 2, nominalLimit, 2 * nominalLimit }.Distinct().ToList();

        // nodes: the indicators, then the aggregates in computing order
        var nodes = _structure.Indicators.Cast<IndexNode>().Concat(_structure.Aggregates).ToList();
        var index = nodes.Select((node, i) => (node.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _indicatorCount = _structure.Indicators.Count;
        _children = _structure.Aggregates.Select(a => _structure.ChildrenOf(a.Code).Select(c => index[c.Code]).ToArray()).ToArray();
        _childCodes = _structure.Aggregates.Select(a => _structure.ChildrenOf(a.Code).Select(c => c.Code).ToArray()).ToArray();
        _baseWeights = nodes.Select(n => n.Weight).ToArray();
        _noisyNodes = spec.WeightNoise == 0 ? []
            : nodes.Select((n, i) => (n, i)).Where(p => p.n.Parent is not null && (spec.WeightLevels is null || spec.WeightLevels.Contains(p.n.Level))).Select(p => p.i).ToArray();

        var factors = new List<Factor>();
        var column = 0;
        if (_noisyNodes.Length > 0) factors.Add(new Factor("weights", Enumerable.Range(0, _noisyNodes.Length).ToList()));
        column = _noisyNodes.Length;
        _normColumn = column++;
        _aggColumn = column++;
        _limitColumn = column++;
        if (spec.Normalisations.Count > 1) factors.Add(new Factor("normalisation", [_normColumn]));
        if (spec.Aggregations.Count > 1) factors.Add(new Factor("aggregation", [_aggColumn]));
        if (_limits.Count > 1) factors.Add(new Factor("winsorisation limit", [_limitColumn]));
        Factors = factors;
        Dimensions = column;

        _treated = _limits.Select(l => new Lazy<StageTable>(() => CompositePipeline.Treat(Nominal.Imputed, _nominalOptions.Treatment, l).Item1)).ToArray();
        _tables = new Lazy<double[][]>[_limits.Count, spec.Normalisations.Count, spec.Aggregations.Count];
        for (var l = 0; l < _limits.Count; l++)
            for (var nm = 0; nm < spec.Normalisations.Count; nm++)
                for (var ag = 0; ag < spec.Aggregations.Count; ag++)
                {
                    var (a, b, c) = (l, nm, ag);
                    _tables[l, nm, ag] = new Lazy<double[][]>(() => BuildTable(a, b, c));
                }
    }

    public CompositeResult Nominal { get; }
    public double[] NominalRanks { get; }
    public int UnitCount { get; }
    public int Dimensions { get; }
    public IReadOnlyList<Factor> Factors { get; }

    public sealed class Workspace(int nodes, int units)
    {
        public readonly double[] Weights = new double[nodes];
        public readonly double[][] Values = Enumerable.Range(0, nodes).Select(_ => new double[units]).ToArray();
        public readonly double[] WeightSums = new double[units];
        public readonly double[] Keys = new double[units];
        public readonly int[] Order = new int[units];
        public readonly int[] Ranks = new int[units];
    }

    public Workspace NewWorkspace() => new(_baseWeights.Length, UnitCount);

    private static int Pick(double u, int count) => Math.Min((int)(u * count), count - 1);

    /// <summary>The index ranks (1 = best, ties sharing the best rank) of the scenario drawn from <paramref name="u"/>.</summary>
    public int[] Ranks(double[] u, Workspace w)
    {
        int norm = Pick(u[_normColumn], _spec.Normalisations.Count), agg = Pick(u[_aggColumn], _spec.Aggregations.Count), lim = Pick(u[_limitColumn], _limits.Count);
        Array.Copy(_baseWeights, w.Weights, _baseWeights.Length);
        for (var i = 0; i < _noisyNodes.Length; i++)
            w.Weights[_noisyNodes[i]] *= 1 + _spec.WeightNoise * (2 * u[i] - 1);

        var indicators = Table(lim, norm, agg);
        var aggregation = _spec.Aggregations[agg];
        double[] root;
        bool higherIsBetter;
        if (aggregation is PowerMean mean)
        {
            // every level the same power mean: the whole tree is an arithmetic mean in f-space, so f is applied once, up front
            for (var a = 0; a < _children.Length; a++)
            {
                var target = w.Values[_indicatorCount + a];
                Array.Clear(target);
                Array.Clear(w.WeightSums);
                foreach (var c in _children[a])
                {
                    var x = c < _indicatorCount ? indicators[c] : w.Values[c];
                    var weight = w.Weights[c];
                    for (var i = 0; i < target.Length; i++)
                    {
                        if (double.IsNaN(x[i])) continue;
                        target[i] += weight * x[i];
                        w.WeightSums[i] += weight;
                    }
                }
                for (var i = 0; i < target.Length; i++) target[i] = w.WeightSums[i] > 0 ? target[i] / w.WeightSums[i] : double.NaN;
            }
            root = w.Values[^1];
            higherIsBetter = !mean.Decreasing;
        }
        else
        {
            for (var a = 0; a < _children.Length; a++)
            {
                var children = _children[a];
                w.Values[_indicatorCount + a] = aggregation.Combine(children.Select(c => c < _indicatorCount ? indicators[c] : w.Values[c]).ToList(),
                    children.Select(c => w.Weights[c]).ToList(), _structure.Aggregates[a].Code, _childCodes[a], Nominal.Units);
            }
            root = w.Values[^1];
            higherIsBetter = true;
        }

        // rank: sort ascending on a key where smaller is better; a unit without a score ranks last
        for (var i = 0; i < root.Length; i++)
        {
            var v = higherIsBetter ? -root[i] : root[i];
            w.Keys[i] = double.IsNaN(v) ? double.PositiveInfinity : v;
            w.Order[i] = i;
        }
        Array.Sort(w.Keys, w.Order);
        for (var k = 0; k < w.Order.Length; k++)
            w.Ranks[w.Order[k]] = k > 0 && w.Keys[k] == w.Keys[k - 1] ? w.Ranks[w.Order[k - 1]] : k + 1;
        return w.Ranks;
    }

    public double MeanAbsoluteRankShift(int[] ranks)
    {
        double sum = 0;
        for (var i = 0; i < ranks.Length; i++) sum += Math.Abs(ranks[i] - NominalRanks[i]);
        return sum / ranks.Length;
    }

    /// <summary>The normalised indicators of a choice, transformed into the aggregation's f-space for a power mean; computed once.</summary>
    private double[][] Table(int limit, int norm, int agg) => _tables[limit, norm, agg].Value;

    /// <summary>Builds every table up front, so that a choice that cannot apply fails here, with its message, and not inside the parallel loop.</summary>
    public void Prepare()
    {
        foreach (var table in _tables) _ = table.Value;
    }

    private double[][] BuildTable(int limit, int norm, int agg)
    {
        var treated = _treated[limit].Value;
        var normalisation = _spec.Normalisations[norm];
        var aggregation = _spec.Aggregations[agg];
        return _structure.Indicators.Select(i =>
        {
            var x = normalisation.Apply(treated.Column(i.Code), i);
            if (aggregation is not PowerMean mean) return x;
            try { mean.CheckDomain(x, "the index", i.Code, Nominal.Units); }
            catch (CompositeException e) { throw new CompositeException($"Monte Carlo, with normalisation {normalisation}: {e.Message}"); }
            for (var u = 0; u < x.Length; u++) x[u] = double.IsNaN(x[u]) ? double.NaN : mean.Transform(x[u]);
            return x;
        }).ToArray();
    }
}
