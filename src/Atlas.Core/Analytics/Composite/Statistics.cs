namespace Atlas.Analytics.Composite;

/// <summary>
/// The statistics the pipeline uses, with COINr's definitions. Every function skips missing values (NaN).
/// </summary>
public static class Statistics
{
    /// <summary>
    /// Sample skewness, e1071's type 2 (Excel's SKEW), as COINr's <c>skew()</c>:
    /// G1 = √n Σd³ / (Σd²)^{3/2} · √(n(n−1)) / (n−2), with d = x − mean. NaN below 3 values.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        var (n, mean) = CountAndMean(x);
        if (n < 3) return double.NaN;
        double s2 = 0, s3 = 0;
        foreach (var v in x)
        {
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        var y = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return y * Math.Sqrt((double)n * (n - 1)) / (n - 2);
    }

    /// <summary>
    /// Sample excess kurtosis, e1071's type 2 (Excel's KURT), as COINr's <c>kurt()</c>:
    /// r = n Σd⁴ / (Σd²)², G2 = ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3)). NaN below 4 values.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> x)
    {
        var (n, mean) = CountAndMean(x);
        if (n < 4) return double.NaN;
        double s2 = 0, s4 = 0;
        foreach (var v in x)
        {
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }
        var r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double)(n - 2) * (n - 3));
    }

    public static double Mean(ReadOnlySpan<double> x)
    {
        var (n, mean) = CountAndMean(x);
        return n == 0 ? double.NaN : mean;
    }

    /// <summary>Sample standard deviation (n − 1), as R's <c>sd()</c>.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> x)
    {
        var (n, mean) = CountAndMean(x);
        if (n < 2) return double.NaN;
        double s2 = 0;
        foreach (var v in x)
            if (!double.IsNaN(v)) s2 += (v - mean) * (v - mean);
        return Math.Sqrt(s2 / (n - 1));
    }

    public static double Median(ReadOnlySpan<double> x) => Quantile(x, 0.5);

    /// <summary>The p-quantile with R's default definition (type 7): linear between order statistics.</summary>
    public static double Quantile(ReadOnlySpan<double> x, double p)
    {
        var sorted = Present(x);
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double Min(ReadOnlySpan<double> x)
    {
        var m = double.PositiveInfinity;
        foreach (var v in x) if (v < m) m = v;
        return double.IsPositiveInfinity(m) ? double.NaN : m;
    }

    public static double Max(ReadOnlySpan<double> x)
    {
        var m = double.NegativeInfinity;
        foreach (var v in x) if (v > m) m = v;
        return double.IsNegativeInfinity(m) ? double.NaN : m;
    }

    public static int CountPresent(ReadOnlySpan<double> x)
    {
        var n = 0;
        foreach (var v in x) if (!double.IsNaN(v)) n++;
        return n;
    }

    /// <summary>
    /// Ranks, smallest value first (rank 1), ties sharing the lowest rank (R's <c>rank(x, ties.method = "min")</c>);
    /// NaN stays NaN.
    /// </summary>
    public static double[] RanksAscending(ReadOnlySpan<double> x)
    {
        var order = PresentIndices(x);
        var keys = new double[order.Length];
        for (var k = 0; k < order.Length; k++) keys[k] = x[order[k]];
        Array.Sort(keys, order);
        var ranks = new double[x.Length];
        Array.Fill(ranks, double.NaN);
        for (var k = 0; k < order.Length; k++)
            ranks[order[k]] = k > 0 && keys[k] == keys[k - 1] ? ranks[order[k - 1]] : k + 1;
        return ranks;
    }

    /// <summary>Ranks, highest value first (rank 1), ties sharing the best rank: how an index ranks its units.</summary>
    public static double[] RanksDescending(ReadOnlySpan<double> x)
    {
        var negated = new double[x.Length];
        for (var i = 0; i < x.Length; i++) negated[i] = -x[i];
        return RanksAscending(negated);
    }

    private static (int N, double Mean) CountAndMean(ReadOnlySpan<double> x)
    {
        var n = 0;
        double sum = 0;
        foreach (var v in x)
        {
            if (double.IsNaN(v)) continue;
            n++;
            sum += v;
        }
        return (n, n == 0 ? double.NaN : sum / n);
    }

    private static double[] Present(ReadOnlySpan<double> x)
    {
        var list = new List<double>(x.Length);
        foreach (var v in x) if (!double.IsNaN(v)) list.Add(v);
        return list.ToArray();
    }

    private static int[] PresentIndices(ReadOnlySpan<double> x)
    {
        var list = new List<int>(x.Length);
        for (var i = 0; i < x.Length; i++) if (!double.IsNaN(x[i])) list.Add(i);
        return list.ToArray();
    }
}
