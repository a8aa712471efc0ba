namespace Atlas.Series;

/// <summary>
/// What can be shown of a series: its values as published, or a measure derived from them. Each derived measure is
/// computed from the series' own values, so it has the series' adjustment (a year-on-year change of an SA series is
/// an SA year-on-year change, not Eurostat's, which is computed from CA data).
/// </summary>
public enum Measure
{
    /// <summary>The values as published.</summary>
    Level,
    /// <summary>(x[t] / x[t − one year] − 1) × 100: the change on the same period of the year before, in percent.</summary>
    YearOnYear,
    /// <summary>(x[t] / x[t − 1] − 1) × 100: the change on the previous period (month or quarter), in percent.</summary>
    PeriodOnPeriod,
    /// <summary>(x[t] + x[t − 1] + x[t − 2]) / 3 on a monthly series: the average of the last three months.</summary>
    ThreeMonthAverage,
    /// <summary>x[t] × 100 / (mean of x over the base year): the series as an index with another base year.</summary>
    Rebased,
}

/// <summary>Why a measure cannot be computed on a series.</summary>
public enum MeasureProblem { NotALevel, NotMonthly, BaseYearIncomplete, NoBaseYear }

/// <summary>A measure of a series: what it is, which adjustment it is computed from, its unit and its values.</summary>
public sealed record MeasureResult(Measure Measure, Adjustment ComputedFrom, SeriesUnit Unit, IReadOnlyList<Observation> Values);

public sealed class MeasureException(MeasureProblem problem, string message) : Exception(message)
{
    public MeasureProblem Problem { get; } = problem;
}

public static class DerivedMeasures
{
    /// <summary>
    /// Computes <paramref name="measure"/> over the whole series, so that the first months of a shorter range still
    /// have their year-on-year change; the caller picks the periods it shows.
    /// </summary>
    /// <exception cref="MeasureException">the measure does not apply to this series.</exception>
    public static MeasureResult Compute(SeriesInfo series, IReadOnlyList<Observation> values, Measure measure, int? baseYear = null)
    {
        var unit = series.Unit;
        if (measure != Measure.Level && unit.Kind is UnitKind.PercentChangeOnYear or UnitKind.PercentChangeOnPeriod)
            throw new MeasureException(MeasureProblem.NotALevel, $"{series.Id} is already a rate of change ({unit.Code}): only its values can be shown");
        var byOrdinal = values.Where(v => v.Value is not null).ToDictionary(v => v.Period.Ordinal, v => v.Value!.Value);
        double? At(SeriesPeriod p, int back) => byOrdinal.TryGetValue(p.Ordinal - back, out var x) ? x : null;
        var perYear = series.Frequency.PerYear();
        switch (measure)
        {
            case Measure.Level:
                return new MeasureResult(measure, series.Adjustment, unit, values);
            case Measure.YearOnYear:
                return Percent(series, measure, values.Select(v => Change(v, At(v.Period, perYear))).ToList(), UnitKind.PercentChangeOnYear);
            case Measure.PeriodOnPeriod:
                return Percent(series, measure, values.Select(v => Change(v, At(v.Period, 1))).ToList(), UnitKind.PercentChangeOnPeriod);
            case Measure.ThreeMonthAverage:
                if (series.Frequency != Frequency.Monthly)
                    throw new MeasureException(MeasureProblem.NotMonthly, $"{series.Id} is not monthly: a three-month average needs months");
                var averages = values.Select(v => new Observation(v.Period,
                    v.Value is { } a && At(v.Period, 1) is { } b && At(v.Period, 2) is { } c ? (a + b + c) / 3 : null, v.Status)).ToList();
                return new MeasureResult(measure, series.Adjustment, unit, averages);
            default:
                var year = baseYear ?? throw new MeasureException(MeasureProblem.NoBaseYear, "give the base year of the rebased index");
                var inYear = values.Where(v => v.Period.Year == year && v.Value is not null).Select(v => v.Value!.Value).ToList();
                if (inYear.Count != perYear)
                    throw new MeasureException(MeasureProblem.BaseYearIncomplete,
                        $"{series.Id} has {inYear.Count} of the {perYear} values of {year}: an index on {year} needs them all");
                var mean = inYear.Average();
                var rebased = values.Select(v => new Observation(v.Period, v.Value * 100 / mean, v.Status)).ToList();
                return new MeasureResult(measure, series.Adjustment, SeriesUnit.Index(year), rebased);
        }
    }

    /// <summary>The value of a measure in one period, or null when the series lacks what it needs there.</summary>
    public static double? ValueAt(SeriesInfo series, IReadOnlyList<Observation> values, Measure measure, SeriesPeriod period) =>
        Compute(series, values, measure).Values.FirstOrDefault(v => v.Period == period)?.Value;

    private static Observation Change(Observation v, double? before) =>
        new(v.Period, v.Value is { } now && before is { } then && then != 0 ? (now / then - 1) * 100 : null, v.Status);

    private static MeasureResult Percent(SeriesInfo s, Measure m, List<Observation> values, UnitKind kind) =>
        new(m, s.Adjustment, new SeriesUnit("PCT", kind, null), values);
}
