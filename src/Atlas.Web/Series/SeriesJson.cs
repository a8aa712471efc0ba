using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;

namespace Atlas.Web.Series;

// The contract of /api/series and /api/facts/{id}/check (registered in Http/ApiJson.cs). Codes are written as the
// providers write them (SA, CA; M, Q, A) and measures and statuses by name (YearOnYear, NoMatchingSeries), each with
// its words in the asked language beside it.

public sealed record SeriesUnitJson(string Code, string Kind, int? BaseYear, string Label)
{
    public static SeriesUnitJson Of(SeriesUnit u, Lang lang) => new(u.Code, u.Kind.ToString(), u.BaseYear, lang.UnitLabel(u));
}

public sealed record VintageJson(long Id, string Source, DateTimeOffset FetchedAt, DateTimeOffset ImportedAt, IReadOnlyList<string> Notes)
{
    public static VintageJson Of(Vintage v) => new(v.Id, v.Source, v.FetchedAt, v.ImportedAt, v.Notes);
}

/// <summary>A series in short: what it is, where its values and page are, its span and its latest vintage.</summary>
public sealed record SeriesSummaryJson(string Id, string Href, string Page, string Dataflow, string Key, string? Name, string Title,
    string Concept, string? Geo, string? Activity, string Frequency, string Adjustment, string AdjustmentLabel, SeriesUnitJson Unit,
    string? First, string? Last, int Count, int Revisions, VintageJson Vintage)
{
    public static SeriesSummaryJson Of(SeriesInfo s, Lang lang)
    {
        var d = s.Descriptor;
        return new(d.Id, SeriesApi.Href(d.Id), Links.Series(lang, d.Id), d.Dataflow.ToString(), d.Key, d.Name, SeriesText.Title(lang, d),
            d.Concept, d.Geo, d.Activity, d.Frequency.Code(), d.Adjustment.ToString(), lang.Adjustment(d.Adjustment), SeriesUnitJson.Of(d.Unit, lang),
            s.First?.ToString(), s.Last?.ToString(), s.Count, s.Revisions, VintageJson.Of(s.LastVintage));
    }
}

/// <summary>A measure of a series: its definition, and the adjustment of the series it is computed from.</summary>
public sealed record MeasureJson(string Id, string Name, string Definition, string ComputedFrom, string ComputedFromLabel, SeriesUnitJson Unit)
{
    public static MeasureJson Of(MeasureResult m, Lang lang) => new(m.Measure.ToString(), lang.MeasureName(m.Measure),
        lang.Definition(m.Measure, m.Unit.BaseYear), m.ComputedFrom.ToString(), lang.Adjustment(m.ComputedFrom), SeriesUnitJson.Of(m.Unit, lang));
}

public sealed record ObservationJson(string Period, double? Value, string? Status)
{
    public static ObservationJson Of(Observation o) => new(o.Period.ToString(), o.Value is { } v ? Math.Round(v, 6) : null, o.Status);
}

/// <summary>A dimension of the series' key, as published (in the key's order).</summary>
public sealed record DimensionJson(string Key, string Value);

/// <summary>A figure of the article that the series measures: the fact, its period and value, and where its check is.</summary>
public sealed record ClaimMarkJson(string Fact, string Period, decimal Value, string? Unit, string Check);

public sealed record SeriesLinksJson(string Self, string Csv, string SdmxCsv, string Revisions, string Page);

/// <summary>One series: what it is, as published (dimensions and attributes), and the values of a measure between two periods.</summary>
public sealed record SeriesDetailJson(SeriesSummaryJson Series, IReadOnlyList<DimensionJson> Dimensions, IReadOnlyDictionary<string, string> Attributes,
    VintageJson FirstVintage, MeasureJson Measure, string? From, string? To, IReadOnlyList<ObservationJson> Observations,
    IReadOnlyList<ClaimMarkJson> Claims, SeriesLinksJson Links);

/// <summary>A CSV line of a series: one period of the measure asked.</summary>
public sealed record SeriesValueCsvRow(string Series, string Period, double? Value, string? Status, string Measure, string ComputedFrom, string Unit);

/// <summary>A CSV line of the list of series.</summary>
public sealed record SeriesCsvRow(string Id, string Dataflow, string Key, string? Name, string Concept, string? Geo, string? Activity, string Frequency,
    string Adjustment, string Unit, int? BaseYear, string? First, string? Last, int Count, int Revisions, DateTimeOffset VintageFetchedAt)
{
    public static SeriesCsvRow Of(SeriesSummaryJson s) => new(s.Id, s.Dataflow, s.Key, s.Name, s.Concept, s.Geo, s.Activity, s.Frequency,
        s.Adjustment, s.Unit.Code, s.Unit.BaseYear, s.First, s.Last, s.Count, s.Revisions, s.Vintage.FetchedAt);
}

public sealed record RevisionJson(string Period, double? Value, string? Status, long Vintage, DateTimeOffset FetchedAt, long ReplacedBy,
    DateTimeOffset ReplacedFetchedAt, double? Current)
{
    public static RevisionJson Of(Revision r) => new(r.Period.ToString(), r.Value, r.Status, r.Vintage.Id, r.Vintage.FetchedAt,
        r.ReplacedBy.Id, r.ReplacedBy.FetchedAt, r.Current);
}

/// <summary>Every value of a series that a later vintage replaced, and the vintages involved.</summary>
public sealed record RevisionsJson(string Series, string Href, int Total, IReadOnlyList<RevisionJson> Items, IReadOnlyList<VintageJson> Vintages);

public sealed record VintageListJson(int Total, IReadOnlyList<VintageJson> Items);

public sealed record GrowthJson(string Nis, string Place, string? Label, string Series, string From, double FromValue, string To, double ToValue, double Percent);

/// <summary>The growth of every municipality's establishment units: the measure's definition and one line per municipality.</summary>
public sealed record GrowthListJson(string Measure, string Definition, int Total, IReadOnlyList<GrowthJson> Items)
{
    public const string DefinitionText = "(establishment units in the last quarter / in the first quarter − 1) × 100; Statbel, establishment units per municipality";
}

public sealed record MismatchJson(string Kind, string Expected, string? Found, string Explanation);

public sealed record CandidateJson(SeriesSummaryJson Series, double? Value, IReadOnlyList<MismatchJson> Mismatches)
{
    public static CandidateJson? Of(ClaimCandidate? c, Lang lang) => c is null ? null
        : new(SeriesSummaryJson.Of(c.Series, lang), c.Value is { } v ? Math.Round(v, 6) : null,
            c.Mismatches.Select(m => new MismatchJson(m.Kind.ToString(), m.Expected, m.Found, SeriesText.Explain(m, lang))).ToList());
}

/// <summary>How a kind of claim is measured: the series' concept, place, activity and frequency, the measure and the adjustment, and why.</summary>
public sealed record RuleJson(string Indicator, string Concept, string Geo, string Activity, string Frequency, string Measure, string Adjustment, string Why);

public sealed record ClaimJson(string Fact, string Statement, decimal Value, string? Unit, string Period, string Page);

/// <summary>
/// A fact's figure held against the series: the verdict (Confirmed, NotConfirmed, NoMatchingSeries) in one line, the
/// matching series with its value and the difference, or the closest one and why it does not match, and every series examined.
/// </summary>
public sealed record ClaimCheckJson(ClaimJson Claim, RuleJson Rule, string Status, string Summary, CandidateJson? Match, double? Difference,
    decimal Tolerance, CandidateJson? Closest, IReadOnlyList<CandidateJson> Candidates, string Page)
{
    public static ClaimCheckJson Of(CheckedFact c, Lang lang)
    {
        var (fact, check) = (c.Fact, c.Check);
        var r = check.Rule;
        return new(new ClaimJson(fact.Id, fact.Statement.Get(lang), check.Claim.Value, check.Claim.Unit, check.Claim.Period.ToString(), Links.Check(lang, fact.Id)),
            new RuleJson(r.Indicator, r.Concept, r.Geo, r.Activity, r.Frequency.Code(), r.Measure.ToString(), r.Adjustment.ToString(), r.Why),
            check.Status.ToString(), SeriesText.Summary(check, lang), CandidateJson.Of(check.Match, lang), check.Difference is { } d ? Math.Round(d, 6) : null,
            check.Tolerance, CandidateJson.Of(check.Closest, lang), check.Candidates.Select(x => CandidateJson.Of(x, lang)!).ToList(), Links.Check(lang, fact.Id));
    }
}
