namespace Atlas.Analytics.Composite;

/// <summary>How missing values are filled before outlier treatment. Indicator by indicator, as in COINr's Impute().</summary>
public abstract record Imputation
{
    public static readonly Imputation None = new NoImputation();

    /// <summary>Fills the missing values of one indicator's column; what cannot be filled stays NaN.</summary>
    public abstract double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units);

    public abstract override string ToString();

    /// <summary>Reads <c>none</c>, <c>mean</c>, <c>median</c>, <c>group-mean:GROUP</c> or <c>group-median:GROUP</c>.</summary>
    public static Imputation Parse(string text)
    {
        var parts = text.Trim().Split(':', 2);
        return parts[0].ToLowerInvariant() switch
        {
            "none" when parts.Length == 1 => None,
            "mean" when parts.Length == 1 => new MeanImputation(),
            "median" when parts.Length == 1 => new MedianImputation(),
            "group-mean" when parts.Length == 2 && parts[1].Length > 0 => new GroupMeanImputation(parts[1]),
            "group-median" when parts.Length == 2 && parts[1].Length > 0 => new GroupMedianImputation(parts[1]),
            _ => throw new FormatException($"'{text}' is not an imputation: use none, mean, median, group-mean:GROUP or group-median:GROUP (GROUP: a group column of the data)"),
        };
    }

    /// <summary>Fills each missing value with <paramref name="estimate"/> over the units of the same pool.</summary>
    protected static double[] FillByPool(ReadOnlySpan<double> values, Func<int, string?> pool, Func<ReadOnlySpan<double>, double> estimate)
    {
        var x = values.ToArray();
        var cache = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var u = 0; u < x.Length; u++)
        {
            if (!double.IsNaN(values[u]) || pool(u) is not { } key) continue;
            if (!cache.TryGetValue(key, out var fill))
            {
                var members = new List<double>();
                for (var v = 0; v < values.Length; v++)
                    if (pool(v) == key && !double.IsNaN(values[v])) members.Add(values[v]);
                fill = cache[key] = members.Count > 0 ? estimate(members.ToArray()) : double.NaN;
            }
            x[u] = fill;
        }
        return x;
    }
}

public sealed record NoImputation : Imputation
{
    public override double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units) => values.ToArray();
    public override string ToString() => "none";
}

/// <summary>The mean of the indicator over all units (COINr's i_mean).</summary>
public sealed record MeanImputation : Imputation
{
    public override double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units) => FillByPool(values, _ => "", Statistics.Mean);
    public override string ToString() => "mean";
}

/// <summary>The median of the indicator over all units (COINr's i_median).</summary>
public sealed record MedianImputation : Imputation
{
    public override double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units) => FillByPool(values, _ => "", Statistics.Median);
    public override string ToString() => "median";
}

/// <summary>The mean of the indicator over the units of the same group (COINr's i_mean_grp); a unit without a group stays missing.</summary>
public sealed record GroupMeanImputation(string Group) : Imputation
{
    public override double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units) =>
        FillByPool(values, u => GroupOf(units[u], Group), Statistics.Mean);

    internal static string? GroupOf(Unit unit, string group) =>
        unit.Groups.TryGetValue(group, out var g) ? g : throw new CompositeException($"there is no group column '{group}' (the data has: {string.Join(", ", unit.Groups.Keys)})");

    public override string ToString() => $"group-mean:{Group}";
}

/// <summary>The median of the indicator over the units of the same group (COINr's i_median_grp).</summary>
public sealed record GroupMedianImputation(string Group) : Imputation
{
    public override double[] Apply(ReadOnlySpan<double> values, IReadOnlyList<Unit> units) =>
        FillByPool(values, u => GroupMeanImputation.GroupOf(units[u], Group), Statistics.Median);

    public override string ToString() => $"group-median:{Group}";
}
