using Atlas.Store;

namespace Atlas.Series;

/// <summary>
/// How a kind of claim is measured: the fact's indicator and subject, the series that measure it (concept, place,
/// activity, frequency) and the measure and adjustment the figure is conventionally computed from.
/// </summary>
/// <param name="Why">why this adjustment: the convention of the statistical office that publishes such figures</param>
public sealed record ClaimRule(string Indicator, string Subject, string Concept, string Geo, string Activity, Frequency Frequency,
    Measure Measure, Adjustment Adjustment, string Why);

/// <summary>A figure of a fact to check: its value as the source states it (its decimals are its rounding), unit and period.</summary>
public sealed record Claim(string FactId, string? Indicator, string Subject, decimal Value, string? Unit, SeriesPeriod Period);

public enum ClaimStatus { Confirmed, NotConfirmed, NoMatchingSeries }

/// <summary>Why a series does not measure a claim.</summary>
public enum MismatchKind { Adjustment, Geo, Activity, Frequency, NoValue }

public sealed record Mismatch(MismatchKind Kind, string Expected, string? Found);

/// <summary>A series held against a claim: its value of the claim's measure in the claim's period, and what differs.</summary>
public sealed record ClaimCandidate(SeriesInfo Series, double? Value, IReadOnlyList<Mismatch> Mismatches);

/// <summary>
/// The outcome. With a matching series: its value, the difference to the claim and whether it is within the claim's
/// rounding. Without: <see cref="Closest"/> is the nearest series, and its mismatches say why it does not measure the claim.
/// </summary>
public sealed record ClaimCheck(Claim Claim, ClaimRule Rule, ClaimStatus Status, ClaimCandidate? Match, double? Difference,
    decimal Tolerance, ClaimCandidate? Closest, IReadOnlyList<ClaimCandidate> Candidates);

/// <summary>
/// Holds claims against series, never mixing adjustments: a claim computed from calendar-adjusted data is checked
/// only against a calendar-adjusted series; a seasonally adjusted one is named as the closest, with its own value and
/// the reason it does not count.
/// </summary>
public static class ClaimChecker
{
    /// <summary>
    /// The claims the atlas knows how to check. Industrial production: Eurostat computes year-on-year rates from
    /// calendar-adjusted data (news release of 16 July 2025: −7.3 % for Belgium in May 2025), so the article's figure is
    /// a year-on-year change of the CA index of industry without construction (B–D).
    /// </summary>
    public static readonly IReadOnlyList<ClaimRule> Rules =
    [
        new("industrial-production-change", "belgium", "industrial-production", "BE", "B-D", Frequency.Monthly, Measure.YearOnYear, Adjustment.CA,
            "Eurostat computes year-on-year rates of industrial production from calendar-adjusted data"),
    ];

    public static ClaimRule? RuleFor(string? indicator, string? subject) =>
        Rules.FirstOrDefault(r => r.Indicator == indicator && (subject is null || r.Subject == subject));

    public static ClaimCheck Check(Claim claim, ClaimRule rule, ISeriesStore store)
    {
        var candidates = store.List(new SeriesFilter(Concept: rule.Concept))
            .Select(s => Candidate(s, claim, rule, store))
            .OrderBy(c => c.Mismatches.Count)
            .ThenBy(c => c.Mismatches.Any(m => m.Kind == MismatchKind.NoValue))
            .ThenByDescending(c => c.Series.LastVintage.FetchedAt)
            .ThenBy(c => c.Series.Id, StringComparer.Ordinal)
            .ToList();
        var tolerance = 0.5m / Pow10(claim.Value.Scale);
        var match = candidates.FirstOrDefault(c => c.Mismatches.Count == 0);
        if (match is null)
            return new ClaimCheck(claim, rule, ClaimStatus.NoMatchingSeries, null, null, tolerance, candidates.FirstOrDefault(), candidates);
        var difference = match.Value!.Value - (double)claim.Value;
        var status = Math.Abs(difference) <= (double)tolerance + 1e-9 ? ClaimStatus.Confirmed : ClaimStatus.NotConfirmed;
        return new ClaimCheck(claim, rule, status, match, difference, tolerance, null, candidates);
    }

    private static ClaimCandidate Candidate(SeriesInfo s, Claim claim, ClaimRule rule, ISeriesStore store)
    {
        var mismatches = new List<Mismatch>();
        if (s.Adjustment != rule.Adjustment) mismatches.Add(new Mismatch(MismatchKind.Adjustment, rule.Adjustment.ToString(), s.Adjustment.ToString()));
        if (!string.Equals(s.Descriptor.Geo, rule.Geo, StringComparison.OrdinalIgnoreCase)) mismatches.Add(new Mismatch(MismatchKind.Geo, rule.Geo, s.Descriptor.Geo));
        if (!string.Equals(s.Descriptor.Activity, rule.Activity, StringComparison.OrdinalIgnoreCase))
            mismatches.Add(new Mismatch(MismatchKind.Activity, rule.Activity, s.Descriptor.Activity));
        if (s.Frequency != rule.Frequency) mismatches.Add(new Mismatch(MismatchKind.Frequency, rule.Frequency.Code(), s.Frequency.Code()));
        var value = s.Frequency == claim.Period.Frequency ? ValueOf(s, claim.Period, rule.Measure, store) : null;
        if (value is null) mismatches.Add(new Mismatch(MismatchKind.NoValue, claim.Period.ToString(), null));
        return new ClaimCandidate(s, value, mismatches);
    }

    /// <summary>The series' value of a measure in a period: computed from an index, or read from a series that already is that rate.</summary>
    private static double? ValueOf(SeriesInfo s, SeriesPeriod period, Measure measure, ISeriesStore store)
    {
        var already = (measure, s.Unit.Kind) is (Measure.YearOnYear, UnitKind.PercentChangeOnYear) or (Measure.PeriodOnPeriod, UnitKind.PercentChangeOnPeriod);
        if (already) return store.Observations(s.Id, period, period).FirstOrDefault()?.Value;
        if (s.Unit.Kind is not (UnitKind.Index or UnitKind.Level)) return null;
        // a year-on-year change needs the year before: read the thirteen months that end in the period
        var values = store.Observations(s.Id, period.Plus(-s.Frequency.PerYear()), period);
        return DerivedMeasures.ValueAt(s, values, measure, period);
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }
}
