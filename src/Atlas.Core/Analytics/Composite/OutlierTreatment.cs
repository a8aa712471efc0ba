namespace Atlas.Analytics.Composite;

/// <summary>What happened to one value in outlier treatment.</summary>
public enum CellTreatment { None, WinsorisedHigh, WinsorisedLow, Log }

/// <summary>What outlier treatment did to one indicator.</summary>
public enum TreatmentKind { None, Winsorised, LogTransformed, NotTested }

/// <summary>The log transform applied when winsorising is not enough.</summary>
public enum LogTransform
{
    /// <summary>COINr's log_CT: ln(x − min + 0.01·(max − min)); it lengthens a tail on the low side.</summary>
    Ct,

    /// <summary>COINr's log_CT_skew: log_CT when the skew is positive, −ln(max + 0.01·(max − min) − x) when it is negative.</summary>
    CtSkew,
}

/// <summary>The outcome of treating one indicator: its skewness and kurtosis before and after, and what was done.</summary>
public sealed record IndicatorTreatment(
    string Indicator, TreatmentKind Kind, int WinsorisedLow, int WinsorisedHigh,
    double SkewnessBefore, double KurtosisBefore, double SkewnessAfter, double KurtosisAfter, bool PassesAfter)
{
    /// <summary>The log transform applied, when <see cref="Kind"/> is <see cref="TreatmentKind.LogTransformed"/>.</summary>
    public LogTransform Log { get; init; }

    /// <summary>COINr's wording: "None", "Winsorised 3 points", "Log (CT)".</summary>
    public string Description => Kind switch
    {
        TreatmentKind.Winsorised => $"Winsorised {WinsorisedLow + WinsorisedHigh} points",
        TreatmentKind.LogTransformed => Log == LogTransform.CtSkew ? "Log (CT, skew)" : "Log (CT)",
        TreatmentKind.NotTested => "Not tested (fewer than 4 values)",
        _ => "None",
    };
}

/// <summary>
/// Outlier treatment as in COINr's Treat(): an indicator passes when |skewness| &lt; <see cref="SkewThreshold"/> or
/// kurtosis &lt; <see cref="KurtosisThreshold"/>. One that fails is winsorised — the highest value (or the lowest, when
/// the skew is negative) takes the value of the next one, a tie group at a time — until it passes or
/// <see cref="WinsorLimit"/> points are winsorised. If it still fails, the original values are log-transformed
/// instead (<see cref="Log"/>), when <see cref="LogFallback"/> is on.
/// </summary>
public sealed record OutlierTreatment
{
    /// <summary>Off: the treated stage equals the imputed one.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most points to winsorise per indicator; null: 10 % of the units, rounded up (COINr 0.6's default).</summary>
    public int? WinsorLimit { get; init; }

    public double SkewThreshold { get; init; } = 2;
    public double KurtosisThreshold { get; init; } = 3.5;
    public bool LogFallback { get; init; } = true;

    /// <summary>COINr's default log_CT, or log_CT_skew for indicators whose long tail may lie on the low side.</summary>
    public LogTransform Log { get; init; } = LogTransform.Ct;

    public static readonly OutlierTreatment Off = new() { Enabled = false };

    /// <summary>The limit in force for a number of units.</summary>
    public int LimitFor(int unitCount) => WinsorLimit ?? (int)Math.Ceiling(unitCount * 0.1);

    public bool Passes(ReadOnlySpan<double> x) => Passes(Statistics.Skewness(x), Statistics.Kurtosis(x));

    public bool Passes(double skewness, double kurtosis) => Math.Abs(skewness) < SkewThreshold || kurtosis < KurtosisThreshold;

    /// <summary>Treats one column. <paramref name="flags"/> receives what happened to each value.</summary>
    public (double[] Values, IndicatorTreatment Summary) Apply(string indicator, ReadOnlySpan<double> values, CellTreatment[] flags, int limit)
    {
        Array.Fill(flags, CellTreatment.None);
        double sk = Statistics.Skewness(values), kt = Statistics.Kurtosis(values);
        if (double.IsNaN(sk) || double.IsNaN(kt))
            return (values.ToArray(), new IndicatorTreatment(indicator, TreatmentKind.NotTested, 0, 0, sk, kt, sk, kt, true));
        if (Passes(sk, kt))
            return (values.ToArray(), new IndicatorTreatment(indicator, TreatmentKind.None, 0, 0, sk, kt, sk, kt, true));

        var (x, low, high) = Winsorise(values, limit);
        if (Passes(x) || !LogFallback)
        {
            foreach (var i in high) flags[i] = CellTreatment.WinsorisedHigh;
            foreach (var i in low) flags[i] = CellTreatment.WinsorisedLow;
            var kind = low.Count + high.Count > 0 ? TreatmentKind.Winsorised : TreatmentKind.None;
            return (x, new IndicatorTreatment(indicator, kind, low.Count, high.Count, sk, kt,
                Statistics.Skewness(x), Statistics.Kurtosis(x), Passes(x)));
        }

        // log_CT_skew is log_CT unless the skew is negative
        var applied = Log == LogTransform.CtSkew && sk < 0 ? LogTransform.CtSkew : LogTransform.Ct;
        var logged = applied == LogTransform.CtSkew ? LogCtLowTail(values) : LogCt(values);
        for (var i = 0; i < flags.Length; i++) if (!double.IsNaN(values[i])) flags[i] = CellTreatment.Log;
        return (logged, new IndicatorTreatment(indicator, TreatmentKind.LogTransformed, 0, 0, sk, kt,
            Statistics.Skewness(logged), Statistics.Kurtosis(logged), Passes(logged)) { Log = applied });
    }

    /// <summary>
    /// COINr's winsorise(): while the column fails and fewer than <paramref name="limit"/> points are winsorised,
    /// the extreme tie group on the side of the skew takes the next value. Returns the positions winsorised last
    /// on each side, which hold every point changed on that side (they all share the new extreme value).
    /// </summary>
    public (double[] Values, IReadOnlyList<int> Low, IReadOnlyList<int> High) Winsorise(ReadOnlySpan<double> values, int limit)
    {
        var x = values.ToArray();
        List<int> low = [], high = [];
        while (!Passes(x) && low.Count + high.Count < limit)
        {
            var positive = Statistics.Skewness(x) >= 0;
            var extreme = positive ? Statistics.Max(x) : Statistics.Min(x);
            var group = new List<int>();
            var next = positive ? double.NegativeInfinity : double.PositiveInfinity;
            for (var i = 0; i < x.Length; i++)
            {
                if (double.IsNaN(x[i])) continue;
                if (x[i] == extreme) group.Add(i);
                else if (positive ? x[i] > next : x[i] < next) next = x[i];
            }
            if (double.IsInfinity(next)) break; // every value is the same: nothing left to winsorise towards
            foreach (var i in group) x[i] = next;
            if (positive) high = group; else low = group;
        }
        return (x, low, high);
    }

    /// <summary>COINr's log_CT: ln(x − min + 0.01·(max − min)), which keeps every value finite.</summary>
    public static double[] LogCt(ReadOnlySpan<double> values)
    {
        double min = Statistics.Min(values), max = Statistics.Max(values);
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++) x[i] = Math.Log(values[i] - min + 0.01 * (max - min));
        return x;
    }

    /// <summary>log_CT_skew's mirror for a negative skew: −ln(max + 0.01·(max − min) − x), which shortens the low tail and keeps the order.</summary>
    public static double[] LogCtLowTail(ReadOnlySpan<double> values)
    {
        double min = Statistics.Min(values), max = Statistics.Max(values);
        var x = new double[values.Length];
        for (var i = 0; i < x.Length; i++) x[i] = -Math.Log(max + 0.01 * (max - min) - values[i]);
        return x;
    }
}
