using System.Globalization;

namespace Atlas.Analytics.Composite;

/// <summary>
/// How the children of an aggregate are combined into its score, unit by unit. Weights are relative: they are
/// rescaled to sum to 1 over the children a unit has data for (a missing child drops out), as in COINr.
/// </summary>
public abstract record Aggregation
{
    /// <summary>Combines the children's columns (one per child, one value per unit) with their weights.</summary>
    /// <param name="node">The aggregate being computed, named in errors.</param>
    /// <param name="childCodes">The children's codes, named in errors.</param>
    /// <param name="units">The unit codes, named in errors.</param>
    public abstract double[] Combine(IReadOnlyList<double[]> children, IReadOnlyList<double> weights, string node, IReadOnlyList<string> childCodes, IReadOnlyList<string> units);

    public abstract override string ToString();

    /// <summary>Reads <c>amean</c>, <c>gmean</c>, <c>hmean</c>, <c>genmean:p</c> or <c>copeland</c>.</summary>
    public static Aggregation Parse(string text)
    {
        var parts = text.Trim().Split(':');
        return parts[0].ToLowerInvariant() switch
        {
            "amean" when parts.Length == 1 => new ArithmeticMean(),
            "gmean" when parts.Length == 1 => new GeometricMean(),
            "hmean" when parts.Length == 1 => new HarmonicMean(),
            "genmean" when parts.Length == 2 => new GeneralisedMean(OptionText.Number(parts[1], text)),
            "copeland" when parts.Length == 1 => new Copeland(),
            _ => throw new FormatException($"'{text}' is not an aggregation: use amean, gmean, hmean, genmean:p or copeland"),
        };
    }
}

/// <summary>
/// A weighted power mean, computed as an arithmetic mean in a transformed space: f⁻¹(Σ w·f(x) / Σ w).
/// The arithmetic (f = x), geometric (f = ln x), harmonic (f = 1/x) and generalised (f = x^p) means are all of this form.
/// </summary>
public abstract record PowerMean : Aggregation
{
    /// <summary>f(x), or NaN if x is outside the mean's domain.</summary>
    public abstract double Transform(double x);

    /// <summary>f⁻¹(y).</summary>
    public abstract double Inverse(double y);

    /// <summary>Whether f reverses the order (1/x, x^p with p &lt; 0): a higher mean then has a lower f.</summary>
    public virtual bool Decreasing => false;

    /// <summary>Explains which values the mean cannot take, for an error.</summary>
    protected abstract string Domain { get; }

    /// <summary>Throws a clear error if a value is outside the mean's domain (e.g. a zero for a geometric mean).</summary>
    public void CheckDomain(ReadOnlySpan<double> x, string node, string child, IReadOnlyList<string> units)
    {
        for (var u = 0; u < x.Length; u++)
        {
            if (double.IsNaN(x[u])) continue;
            var t = Transform(x[u]);
            if (!double.IsNaN(t) && !double.IsInfinity(t)) continue;
            throw new CompositeException($"{this} cannot aggregate '{node}': {child} of {units[u]} is {x[u].ToString("R", CultureInfo.InvariantCulture)} and {Domain}. Normalise onto a range that excludes it (e.g. minmax:1:100) or choose another aggregation.");
        }
    }

    public override double[] Combine(IReadOnlyList<double[]> children, IReadOnlyList<double> weights, string node, IReadOnlyList<string> childCodes, IReadOnlyList<string> units)
    {
        var n = children[0].Length;
        var sum = new double[n];
        var wsum = new double[n];
        for (var c = 0; c < children.Count; c++)
        {
            var x = children[c];
            CheckDomain(x, node, childCodes[c], units);
            var w = weights[c];
            for (var u = 0; u < n; u++)
            {
                if (double.IsNaN(x[u])) continue;
                sum[u] += w * Transform(x[u]);
                wsum[u] += w;
            }
        }
        var y = new double[n];
        for (var u = 0; u < n; u++) y[u] = wsum[u] > 0 ? Inverse(sum[u] / wsum[u]) : double.NaN;
        return y;
    }
}

/// <summary>Weighted arithmetic mean Σ w x / Σ w (COINr's a_amean).</summary>
public sealed record ArithmeticMean : PowerMean
{
    public override double Transform(double x) => x;
    public override double Inverse(double y) => y;
    protected override string Domain => "a value must be a number";
    public override string ToString() => "amean";
}

/// <summary>Weighted geometric mean exp(Σ w ln x / Σ w) (COINr's a_gmean): values must be positive.</summary>
public sealed record GeometricMean : PowerMean
{
    public override double Transform(double x) => x > 0 ? Math.Log(x) : double.NaN;
    public override double Inverse(double y) => Math.Exp(y);
    protected override string Domain => "a geometric mean needs positive values";
    public override string ToString() => "gmean";
}

/// <summary>Weighted harmonic mean Σ w / Σ (w / x) (COINr's a_hmean): values must be positive.</summary>
public sealed record HarmonicMean : PowerMean
{
    public override double Transform(double x) => x > 0 ? 1 / x : double.NaN;
    public override double Inverse(double y) => 1 / y;
    public override bool Decreasing => true;
    protected override string Domain => "a harmonic mean needs positive values";
    public override string ToString() => "hmean";
}

/// <summary>
/// Weighted generalised (power) mean (Σ w x^p / Σ w)^{1/p} (COINr's a_genmean); p = 1 is the arithmetic mean,
/// p = −1 the harmonic. Values must be ≥ 0, and > 0 when p &lt; 0; p = 0 is the geometric mean (use gmean).
/// </summary>
public sealed record GeneralisedMean : PowerMean
{
    public GeneralisedMean(double p)
    {
        if (p == 0 || !double.IsFinite(p)) throw new ArgumentException("the power p of a generalised mean must be a finite number other than 0 (p = 0 is the geometric mean: use gmean)");
        P = p;
    }

    public double P { get; }
    public override double Transform(double x) => x > 0 || (x == 0 && P > 0) ? Math.Pow(x, P) : double.NaN;
    public override double Inverse(double y) => Math.Pow(y, 1 / P);
    public override bool Decreasing => P < 0;
    protected override string Domain => P > 0 ? "a generalised mean needs values ≥ 0" : "a generalised mean with p < 0 needs positive values";
    public override string ToString() => $"genmean:{P.ToString("R", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Copeland scores as COINr computes them (a_copeland): the row sums of the weighted outranking matrix, where
/// unit i outranks unit j by the weight share of the children on which i scores higher, plus half the share of
/// those where they tie. Scores range from 0 to n − 1. Costs n² comparisons per child.
/// </summary>
public sealed record Copeland : Aggregation
{
    public override double[] Combine(IReadOnlyList<double[]> children, IReadOnlyList<double> weights, string node, IReadOnlyList<string> childCodes, IReadOnlyList<string> units)
    {
        var orm = OutrankingMatrix(children, weights);
        var n = children[0].Length;
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var j = 0; j < n; j++) s += orm[i, j];
            scores[i] = s;
        }
        return scores;
    }

    /// <summary>
    /// COINr's outrankMatrix: e[i,j] = Σ w over children where unit i &gt; unit j + ½ Σ w where they are equal,
    /// weights rescaled to sum 1, comparisons with a missing value skipped; e[j,i] = 1 − e[i,j]; diagonal 0.
    /// </summary>
    public static double[,] OutrankingMatrix(IReadOnlyList<double[]> children, IReadOnlyList<double> weights)
    {
        var n = children[0].Length;
        var total = weights.Sum();
        var orm = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                double e = 0;
                for (var c = 0; c < children.Count; c++)
                {
                    double a = children[c][i], b = children[c][j];
                    if (a > b) e += weights[c] / total;
                    else if (a == b) e += weights[c] / total / 2;
                }
                orm[i, j] = e;
                orm[j, i] = 1 - e;
            }
        return orm;
    }

    /// <summary>The number of pairs where one unit outranks the other on every child (e = 1), and their share of all pairs.</summary>
    public static (int Count, double Share) DominantPairs(double[,] orm)
    {
        var n = orm.GetLength(0);
        var count = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j && orm[i, j] == 1) count++;
        return (count, count / (n * (n - 1) / 2.0));
    }

    public override string ToString() => "copeland";
}
