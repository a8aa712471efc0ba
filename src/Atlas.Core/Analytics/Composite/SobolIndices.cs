namespace Atlas.Analytics.Composite;

/// <summary>A named group of input columns that varies together: one factor of a sensitivity analysis.</summary>
public sealed record Factor(string Name, IReadOnlyList<int> Columns);

/// <summary>First-order and total sensitivity indices of one factor, with bootstrap confidence intervals and standard errors.</summary>
public sealed record FactorSensitivity(
    string Factor, double FirstOrder, double FirstOrderLow, double FirstOrderHigh, double FirstOrderError,
    double Total, double TotalLow, double TotalHigh, double TotalError);

/// <summary>The indices of every factor, the variance of the output and what it cost.</summary>
public sealed record SobolResult(IReadOnlyList<FactorSensitivity> Factors, double OutputMean, double OutputVariance,
    int BaseSamples, int Runs, int Bootstrap, double Confidence, ulong Seed);

/// <summary>
/// Variance-based sensitivity indices by the Saltelli design: two independent N × d matrices A and B of uniform
/// inputs, and for each factor g a matrix A_B^g (A with the columns of g taken from B), N·(k + 2) runs in all.
/// First-order index S_g = mean((f(B) − f̄)·(f(A_B^g) − f(A))) / V (Saltelli et al. 2010, with f centred); total index
/// ST_g = mean((f(A) − f(A_B^g))²) / (2V) (Jansen 1999); V the variance of f over A and B. Confidence intervals:
/// percentile bootstrap over the N rows. Every row draws from its own stream of the seed, so a seed gives the same
/// indices however the runs are spread over threads.
/// </summary>
public static class SobolIndices
{
    /// <param name="dimensions">d, the number of uniform inputs in [0, 1) the model reads.</param>
    /// <param name="factors">The factors, each a group of input columns; together they need not cover every column.</param>
    /// <param name="createModel">Makes a model for one worker thread (it may keep buffers): input row → output.</param>
    public static SobolResult Estimate(int dimensions, IReadOnlyList<Factor> factors, Func<Func<double[], double>> createModel,
        int baseSamples, ulong seed, int bootstrap = 1000, double confidence = 0.95, int? maxThreads = null)
    {
        if (baseSamples < 2) throw new ArgumentException("the base sample needs at least 2 rows");
        if (factors.Count == 0) throw new ArgumentException("there is no factor to vary");
        foreach (var f in factors)
            if (f.Columns.Count == 0 || f.Columns.Any(c => c < 0 || c >= dimensions))
                throw new ArgumentException($"the factor {f.Name} must name columns in [0, {dimensions})");

        int n = baseSamples, k = factors.Count, perRow = k + 2;
        var yA = new double[n];
        var yB = new double[n];
        var yAB = new double[k][];
        for (var g = 0; g < k; g++) yAB[g] = new double[n];

        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount },
            () => (Model: createModel(), A: new double[dimensions], B: new double[dimensions], Mixed: new double[dimensions]),
            (j, _, local) =>
            {
                Fill(local.A, seed, 2UL * (ulong)j);
                Fill(local.B, seed, 2UL * (ulong)j + 1);
                yA[j] = local.Model(local.A);
                yB[j] = local.Model(local.B);
                for (var g = 0; g < k; g++)
                {
                    Array.Copy(local.A, local.Mixed, dimensions);
                    foreach (var c in factors[g].Columns) local.Mixed[c] = local.B[c];
                    yAB[g][j] = local.Model(local.Mixed);
                }
                return local;
            },
            _ => { });

        var (mean, variance) = MeanAndVariance(yA, yB, null);
        var point = Indices(yA, yB, yAB, null, mean, variance);

        // bootstrap: the same estimators over N rows drawn with replacement, each resample from its own stream
        var bootS = new double[k][];
        var bootT = new double[k][];
        for (var g = 0; g < k; g++) { bootS[g] = new double[bootstrap]; bootT[g] = new double[bootstrap]; }
        Parallel.For(0, bootstrap, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount }, b =>
        {
            var rng = SeededRandom.ForStream(~seed, (ulong)b);
            var rows = new int[n];
            for (var i = 0; i < n; i++) rows[i] = rng.NextInt(n);
            var (m, v) = MeanAndVariance(yA, yB, rows);
            var ix = Indices(yA, yB, yAB, rows, m, v);
            for (var g = 0; g < k; g++) { bootS[g][b] = ix[g].S; bootT[g][b] = ix[g].T; }
        });

        var alpha = (1 - confidence) / 2;
        var result = new List<FactorSensitivity>();
        for (var g = 0; g < k; g++)
            result.Add(new FactorSensitivity(factors[g].Name,
                point[g].S, Statistics.Quantile(bootS[g], alpha), Statistics.Quantile(bootS[g], 1 - alpha), Statistics.StandardDeviation(bootS[g]),
                point[g].T, Statistics.Quantile(bootT[g], alpha), Statistics.Quantile(bootT[g], 1 - alpha), Statistics.StandardDeviation(bootT[g])));
        return new SobolResult(result, mean, variance, n, n * perRow, bootstrap, confidence, seed);
    }

    private static void Fill(double[] row, ulong seed, ulong stream)
    {
        var rng = SeededRandom.ForStream(seed, stream);
        for (var i = 0; i < row.Length; i++) row[i] = rng.NextDouble();
    }

    private static (double Mean, double Variance) MeanAndVariance(double[] yA, double[] yB, int[]? rows)
    {
        var n = rows?.Length ?? yA.Length;
        double sum = 0;
        for (var i = 0; i < n; i++) { var j = rows?[i] ?? i; sum += yA[j] + yB[j]; }
        var mean = sum / (2 * n);
        double ss = 0;
        for (var i = 0; i < n; i++)
        {
            var j = rows?[i] ?? i;
            ss += (yA[j] - mean) * (yA[j] - mean) + (yB[j] - mean) * (yB[j] - mean);
        }
        return (mean, ss / (2 * n - 1));
    }

    /// <summary>The estimators; f(B) is centred on the mean, which leaves S unbiased (E f(A_B) = E f(A)) and cuts its variance.</summary>
    private static (double S, double T)[] Indices(double[] yA, double[] yB, double[][] yAB, int[]? rows, double mean, double variance)
    {
        var n = rows?.Length ?? yA.Length;
        var result = new (double, double)[yAB.Length];
        for (var g = 0; g < yAB.Length; g++)
        {
            double s = 0, t = 0;
            for (var i = 0; i < n; i++)
            {
                var j = rows?[i] ?? i;
                var d = yAB[g][j] - yA[j];
                s += (yB[j] - mean) * d;
                t += d * d;
            }
            result[g] = variance > 0 ? (s / n / variance, t / (2.0 * n) / variance) : (double.NaN, double.NaN);
        }
        return result;
    }
}
