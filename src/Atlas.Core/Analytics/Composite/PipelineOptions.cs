using System.Globalization;

namespace Atlas.Analytics.Composite;

/// <summary>
/// The choices of one build of an index. The defaults are COINr's: no screening, no imputation, outlier treatment on
/// (|skew| &lt; 2 or kurtosis &lt; 3.5, winsorising up to 10 % of the units, then log), min-max to [0, 100], weighted
/// arithmetic mean at every level.
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>Screening: a unit is kept when at least this share of its indicators has data (COINr's Screen, byNA). Null keeps every unit.</summary>
    public double? MinDataAvailability { get; init; }

    public Imputation Imputation { get; init; } = Imputation.None;
    public OutlierTreatment Treatment { get; init; } = new();
    public Normalisation Normalisation { get; init; } = new MinMax();

    /// <summary>The aggregation at every level, unless <see cref="AggregationByLevel"/> says otherwise.</summary>
    public Aggregation Aggregation { get; init; } = new ArithmeticMean();

    /// <summary>One aggregation per level above the indicators (first: the pillars, level 2), or null.</summary>
    public IReadOnlyList<Aggregation>? AggregationByLevel { get; init; }

    /// <summary>The aggregation that builds the aggregates of a level (2 and above).</summary>
    public Aggregation AggregationFor(int level)
    {
        if (AggregationByLevel is null) return Aggregation;
        var i = level - 2;
        return i >= 0 && i < AggregationByLevel.Count
            ? AggregationByLevel[i]
            : throw new CompositeException($"AggregationByLevel has {AggregationByLevel.Count} entries but the index has aggregates at level {level}: give one per level above the indicators");
    }
}

/// <summary>Reading option values given as text (command line, files).</summary>
public static class OptionText
{
    public static double Number(string text, string context) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"'{text}' in '{context}' is not a number");
}
