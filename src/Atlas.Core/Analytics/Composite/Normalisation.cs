using System.Globalization;

namespace Atlas.Analytics.Composite;

/// <summary>
/// How indicators are brought onto a common scale. Every method first turns a negative indicator around (more is
/// then better everywhere), as COINr does: the value x becomes x·direction, and targets and goalposts given in the
/// indicator's own units are turned around with it. Missing values stay missing.
/// </summary>
public abstract record Normalisation
{
    /// <summary>Normalises one indicator's column (its values for every unit).</summary>
    public abstract double[] Apply(ReadOnlySpan<double> values, Indicator indicator);

    /// <summary>The text form that <see cref="Parse"/> reads back, e.g. <c>minmax:0:100</c>.</summary>
    public abstract override string ToString();

    protected static double[] Directed(ReadOnlySpan<double> values, Direction direction)
    {
        var d = (int)direction;
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++) x[i] = values[i] * d;
        return x;
    }

    protected static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads <c>minmax[:l:u]</c>, <c>zscore[:mean:sd]</c>, <c>rank</c>, <c>prank[:l:u]</c>, <c>target[:cap]</c> or
    /// <c>goalposts</c>.
    /// </summary>
    public static Normalisation Parse(string text)
    {
        var parts = text.Trim().Split(':');
        var args = parts.Skip(1).Select(p => OptionText.Number(p, text)).ToArray();
        return parts[0].ToLowerInvariant() switch
        {
            "minmax" when args.Length == 0 => new MinMax(),
            "minmax" when args.Length == 2 => new MinMax(args[0], args[1]),
            "zscore" when args.Length == 0 => new ZScore(),
            "zscore" when args.Length == 2 => new ZScore(args[0], args[1]),
            "rank" when args.Length == 0 => new Rank(),
            "prank" when args.Length == 0 => new PercentileRank(),
            "prank" when args.Length == 2 => new PercentileRank(args[0], args[1]),
            "target" when args.Length == 0 => new DistanceToTarget(),
            "target" when parts.Length == 2 && parts[1] == "cap" => new DistanceToTarget(CapAtOne: true),
            "goalposts" when args.Length == 0 => new GoalpostScaling(),
            _ => throw new FormatException($"'{text}' is not a normalisation: use minmax[:l:u], zscore[:mean:sd], rank, prank[:l:u], target[:cap] or goalposts"),
        };
    }
}

/// <summary>Min-max: (x − min) / (max − min) · (u − l) + l, so the worst unit scores l and the best u (COINr's n_minmax).</summary>
public sealed record MinMax(double Lower = 0, double Upper = 100) : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator)
    {
        var x = Directed(values, indicator.Direction);
        double min = Statistics.Min(x), max = Statistics.Max(x);
        // a constant indicator has no range: every value becomes NaN, as in COINr (it then drops out of the means)
        for (var i = 0; i < x.Length; i++) x[i] = (x[i] - min) / (max - min) * (Upper - Lower) + Lower;
        return x;
    }

    public override string ToString() => $"minmax:{Num(Lower)}:{Num(Upper)}";
}

/// <summary>Z-score: (x − mean) / sd · s + m, with the sample standard deviation (COINr's n_zscore).</summary>
public sealed record ZScore(double Mean = 0, double StandardDeviation = 1) : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator)
    {
        var x = Directed(values, indicator.Direction);
        double mean = Statistics.Mean(x), sd = Statistics.StandardDeviation(x);
        for (var i = 0; i < x.Length; i++) x[i] = (x[i] - mean) / sd * StandardDeviation + Mean;
        return x;
    }

    public override string ToString() => $"zscore:{Num(Mean)}:{Num(StandardDeviation)}";
}

/// <summary>Rank: 1 for the worst unit up to n for the best, ties sharing the lowest rank (COINr's n_rank).</summary>
public sealed record Rank : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator) =>
        Statistics.RanksAscending(Directed(values, indicator.Direction));

    public override string ToString() => "rank";
}

/// <summary>
/// Percentile rank: (rank − 1) / (n − 1), from 0 (worst) to 1 (best), ties at the lowest rank (COINr's n_prank);
/// with a range, mapped onto [l, u] (prank:1:100 stays positive, so that a geometric mean can take it).
/// </summary>
public sealed record PercentileRank(double Lower = 0, double Upper = 1) : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator)
    {
        var r = Statistics.RanksAscending(Directed(values, indicator.Direction));
        var n = Statistics.CountPresent(r);
        for (var i = 0; i < r.Length; i++) r[i] = Lower + (r[i] - 1) / (n - 1) * (Upper - Lower);
        return r;
    }

    public override string ToString() => Lower == 0 && Upper == 1 ? "prank" : $"prank:{Num(Lower)}:{Num(Upper)}";
}

/// <summary>
/// Distance to target (COINr's n_dist2targ): (x − min) / (target − min) for a positive indicator,
/// (max − x) / (max − target) for a negative one; 1 at the target, above 1 beyond it unless capped.
/// The target comes from the indicator's metadata.
/// </summary>
public sealed record DistanceToTarget(bool CapAtOne = false) : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator)
    {
        if (indicator.Target is not { } target || !double.IsFinite(target))
            throw new CompositeException($"distance-to-target normalisation needs a target for '{indicator.Code}': give it in the Target column of the metadata");
        var d = (int)indicator.Direction;
        var x = Directed(values, indicator.Direction);
        var min = Statistics.Min(x);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (x[i] - min) / (target * d - min);
            if (CapAtOne && x[i] > 1) x[i] = 1;
        }
        return x;
    }

    public override string ToString() => CapAtOne ? "target:cap" : "target";
}

/// <summary>
/// Goalposts (COINr's n_goalposts): (x − lower) / (upper − lower) for a positive indicator,
/// (x − upper) / (lower − upper) for a negative one, cut to [0, 1] when the goalposts say so, times their scale.
/// The goalposts come from the indicator's metadata.
/// </summary>
public sealed record GoalpostScaling : Normalisation
{
    public override double[] Apply(ReadOnlySpan<double> values, Indicator indicator)
    {
        if (indicator.Goalposts is not { } g)
            throw new CompositeException($"goalpost normalisation needs goalposts for '{indicator.Code}': give them in the goalpost_lower and goalpost_upper columns of the metadata");
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var y = indicator.Direction == Direction.Positive
                ? (values[i] - g.Lower) / (g.Upper - g.Lower)
                : (values[i] - g.Upper) / (g.Lower - g.Upper);
            if (g.Truncate) y = Math.Clamp(y, 0, 1);
            x[i] = y * g.Scale;
        }
        return x;
    }

    public override string ToString() => "goalposts";
}
