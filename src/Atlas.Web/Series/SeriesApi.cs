using Atlas.Model;
using Atlas.Series;
using Atlas.Sources;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Atlas.Web.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Series;

/// <summary>
/// The official series under /api/series and the checks of the article's figures under /api/facts/{id}/check. JSON
/// by default; <c>?format=csv</c> (or a .csv suffix) for CSV, and <c>?format=sdmx-csv</c> for a series' published
/// values in SDMX-CSV 1.0, which imports again as the same series.
/// </summary>
public static class SeriesApi
{
    public const string Root = "/api/series";
    public const string SdmxCsvType = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8";

    public static string Href(string id) => $"{Root}/{Uri.EscapeDataString(id)}";
    public static string RevisionsHref(string id) => $"{Href(id)}/revisions";
    public static string CheckHref(string factId) => $"/api/facts/{Uri.EscapeDataString(factId)}/check";

    public static void MapSeriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/series", (HttpContext ctx, SeriesQueries q, string? concept, string? geo, string? adjustment, string? lang, string? page, string? pageSize, string? format) =>
        {
            var language = Params.Language(ctx.Request);
            var filter = new Atlas.Store.SeriesFilter(Params.Text(ctx.Request, "concept"), Params.Text(ctx.Request, "geo"), AdjustmentOf(ctx));
            var all = q.List(filter).Select(s => SeriesSummaryJson.Of(s, language));
            return Answers.Table(ctx, Answers.Envelope(ctx, Atlas.Catalogue.Page<SeriesSummaryJson>.Of(all, Params.Page(ctx))), p => p.Items.Select(SeriesCsvRow.Of));
        }).Produces<PageJson<SeriesSummaryJson>>().ProducesProblem(400).WithName("ListSeries")
          .WithSummary("Official series: the NBB's industrial production index, Statbel's establishment units per municipality and what was imported; filter by concept (industrial-production, establishment-units), geo (BE, a NIS code) or adjustment (NSA, CA, SA, SCA); paginated, CSV with ?format=csv");

        api.MapGet("/series/vintages", (HttpContext ctx, SeriesQueries q) =>
        {
            var vintages = q.Vintages().Select(VintageJson.Of).ToList();
            return Answers.Json(ctx, new VintageListJson(vintages.Count, vintages));
        }).Produces<VintageListJson>().WithName("ListSeriesVintages")
          .WithSummary("Every import of series (vintage): its source, when it was fetched and imported, and what it noted (names not matched, rows left out)");

        api.MapGet("/series/establishment-growth", (HttpContext ctx, SeriesQueries q, AtlasServices atlas, string? lang, string? format) =>
        {
            var language = Params.Language(ctx.Request);
            var growth = q.Growth();
            var s = atlas.Snapshots.Curated;
            var items = growth.Select(g => new GrowthJson($"{g.Nis:D5}", $"nis-{g.Nis:D5}", s.Get($"nis-{g.Nis:D5}")?.Label(language) ?? g.Name, g.SeriesId,
                g.From.ToString(), g.FromValue, g.To.ToString(), g.ToValue, Math.Round(g.Percent, 4))).ToList();
            var json = new GrowthListJson("establishment-growth", GrowthListJson.DefinitionText, items.Count, items);
            return Answers.Table(ctx, json, j => j.Items, growth.Count == 0 ? null : GrowthSource(growth, language));
        }).Produces<GrowthListJson>().ProducesProblem(400).WithName("ListEstablishmentGrowth")
          .WithSummary("Growth of the establishment units of every municipality from the first to the last quarter of Statbel's series (Q4 2018 → Q4 2023), in percent; the Atlas index may use it (measure: establishment-growth); CSV with ?format=csv");

        api.MapGet("/series/{id}", (HttpContext ctx, SeriesQueries q, string id, string? from, string? to, string? measure, string? @base, string? lang, string? format) =>
        {
            if (q.Find(id) is not { } series) return NotFound(id);
            var language = Params.Language(ctx.Request);
            var (m, lo, hi, baseYear) = Ask(ctx);
            var result = Compute(series, q.Observations(series), m, baseYear);
            var shown = result.Values.Where(o => In(o.Period, lo, hi)).ToList();
            if (IsSdmx(ctx))
            {
                if (m != Measure.Level)
                    throw new BadRequestException("No SDMX-CSV of a derived measure", "SDMX-CSV holds the published values: leave measure out, or ask for CSV.");
                return Answers.Text(ctx, SeriesSdmx.Write(series, shown), SdmxCsvType, Href(series.Id).TrimStart('/').Replace('/', '-') + ".csv");
            }
            var claims = q.ClaimsOn(series).Select(c => new ClaimMarkJson(c.Fact.Id, c.Claim.Period.ToString(), c.Claim.Value, c.Claim.Unit, CheckHref(c.Fact.Id))).ToList();
            var self = Href(series.Id);
            var links = new SeriesLinksJson(self + Query(ctx), self + Query(ctx, ("format", "csv")), self + Query(ctx, ("format", "sdmx-csv"), ("measure", null)),
                RevisionsHref(series.Id), Links.Series(language, series.Id, Slug(m)));
            var d = series.Descriptor;
            var json = new SeriesDetailJson(SeriesSummaryJson.Of(series, language), d.Dimensions.Select(x => new DimensionJson(x.Key, x.Value)).ToList(),
                d.Attributes, VintageJson.Of(series.FirstVintage), MeasureJson.Of(result, language),
                lo?.ToString(), hi?.ToString(), shown.Select(ObservationJson.Of).ToList(), claims, links);
            var unit = result.Unit.BaseYear is int y ? $"{result.Unit.Code} ({y} = 100)" : result.Unit.Code;
            return Answers.Table(ctx, json, j => j.Observations.Select(o => new SeriesValueCsvRow(series.Id, o.Period, o.Value, o.Status,
                result.Measure.ToString(), result.ComputedFrom.ToString(), unit)), SourceOf(series, language));
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<SeriesDetailJson>().ProducesProblem(400).ProducesProblem(404).WithName("GetSeries")
          .WithSummary("One series: its dimensions and attributes, vintage, and the values of a measure (measure=level, yoy, pop, avg3, rebased&base=YEAR) from and to a period (from=2024-01&to=2025-12); the article's figures on it; ?format=csv or sdmx-csv");

        api.MapGet("/series/{id}/revisions", (HttpContext ctx, SeriesQueries q, string id) =>
        {
            if (q.Find(id) is not { } series) return NotFound(id);
            var revisions = q.Revisions(series);
            var vintages = revisions.SelectMany(r => new[] { r.Vintage, r.ReplacedBy }).Append(series.FirstVintage).Append(series.LastVintage)
                .DistinctBy(v => v.Id).OrderBy(v => v.Id).Select(VintageJson.Of).ToList();
            return Answers.Json(ctx, new RevisionsJson(series.Id, Href(series.Id), revisions.Count, revisions.Select(RevisionJson.Of).ToList(), vintages));
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<RevisionsJson>().ProducesProblem(404).WithName("GetSeriesRevisions")
          .WithSummary("Every value of a series that a later vintage revised: the earlier value, its vintage, the vintage that replaced it and the current value");

        api.MapGet("/facts/{id}/check", (HttpContext ctx, SeriesQueries q, AtlasServices atlas, string id, string? lang) =>
        {
            var language = Params.Language(ctx.Request);
            if (q.Check(id) is { } checkedFact) return Answers.Json(ctx, ClaimCheckJson.Of(checkedFact, language));
            var known = atlas.Snapshots.Curated.Fact(id) is not null;
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: known ? "No figure to check" : "No such fact",
                detail: known ? $"The fact '{Params.Truncate(id, 100)}' states no figure that a series measures (see /api/facts?predicate=has-indicator-value)."
                              : $"There is no fact '{Params.Truncate(id, 100)}'. Look it up with /api/facts.");
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<ClaimCheckJson>().ProducesProblem(404).WithName("CheckFact")
          .WithSummary("A figure of a fact (the article's −7.3 % in May 2025) held against the official series whose measure, coverage and adjustment match: the series value, the difference and a status (Confirmed within the stated rounding, NotConfirmed, or NoMatchingSeries with the closest one and why it does not match)");
    }

    // ---------- what a request asks, shared with the pages ----------

    /// <summary>The short names of the measures in addresses (?measure=yoy); null for the published values.</summary>
    public static string? Slug(Measure m) => m switch
    {
        Measure.YearOnYear => "yoy",
        Measure.PeriodOnPeriod => "pop",
        Measure.ThreeMonthAverage => "avg3",
        Measure.Rebased => "rebased",
        _ => null,
    };

    /// <summary>The measure, period range and base year a request asks for; a 400 when one cannot be read.</summary>
    internal static (Measure Measure, SeriesPeriod? From, SeriesPeriod? To, int? BaseYear) Ask(HttpContext ctx)
    {
        var text = (Params.Text(ctx.Request, "measure") ?? "").Replace("-", "").ToLowerInvariant();
        var m = text.Length == 0 ? Measure.Level
            : Enum.GetValues<Measure>().FirstOrDefault(x => text == (Slug(x) ?? "level") || text == x.ToString().ToLowerInvariant(), (Measure)(-1));
        if (!Enum.IsDefined(m))
            throw new BadRequestException("Unknown measure", "measure is one of: level, yoy (year on year), pop (period on period), avg3 (three-month average), rebased (with base=YEAR).");
        SeriesPeriod? Period(string name)
        {
            if (Params.Text(ctx.Request, name) is not { } p) return null;
            return SeriesPeriod.TryParse(p, null, out var period, out var error) ? period : throw new BadRequestException($"Invalid {name}", $"{name}: {error}.");
        }
        int? baseYear = Params.Text(ctx.Request, "base") is { } b
            ? int.TryParse(b, out var y) && y is >= 1000 and <= 9999 ? y : throw new BadRequestException("Invalid base", "base is a year, as base=2015.")
            : m == Measure.Rebased ? throw new BadRequestException("Missing base", "a rebased index needs its base year: add base=2015.") : null;
        return (m, Period("from"), Period("to"), baseYear);
    }

    internal static MeasureResult Compute(SeriesInfo series, IReadOnlyList<Observation> values, Measure m, int? baseYear)
    {
        try
        {
            return DerivedMeasures.Compute(series, values, m, baseYear);
        }
        catch (MeasureException e)
        {
            throw new BadRequestException("Measure not available", e.Message + ".");
        }
    }

    /// <summary>Whether a period lies between two bounds of any frequency (the bounds' first and last days count).</summary>
    internal static bool In(SeriesPeriod p, SeriesPeriod? from, SeriesPeriod? to) =>
        (from is not { } a || p.End >= a.Start) && (to is not { } b || p.Start <= b.End);

    private static Adjustment? AdjustmentOf(HttpContext ctx) => Params.Text(ctx.Request, "adjustment") is not { } a ? null
        : Enum.TryParse<Adjustment>(a, true, out var x) && Enum.IsDefined(x) ? x
        : throw new BadRequestException("Unknown adjustment", $"adjustment '{Params.Truncate(a)}' is not one of NSA, CA, SA, SCA.");

    /// <summary>?format=sdmx-csv; json and csv are the answers' own (<see cref="Params.WantsCsv"/>).</summary>
    private static bool IsSdmx(HttpContext ctx) => ctx.Request.Query["format"].ToString().ToLowerInvariant() is "sdmx-csv" or "sdmx";

    /// <summary>What a series' figures are and as of when, for the columns that end each CSV line.</summary>
    private static SourceJson SourceOf(SeriesInfo s, Lang lang) => new(s.Id, $"{SeriesText.Agency(s.Descriptor.Dataflow.Agency)}, {s.Descriptor.Dataflow}",
        lang.UnitLabel(s.Unit), SeriesText.IsoDate(s.LastVintage.FetchedAt), null, SeriesText.Agency(s.Descriptor.Dataflow.Agency));

    private static SourceJson GrowthSource(IReadOnlyList<MunicipalGrowth> growth, Lang lang)
    {
        var source = new EstablishmentSeriesSource(growth.Min(g => g.From), growth.Max(g => g.To));
        return new(source.Id, source.Title(lang), lang.T("establishment-units"), source.To.End.ToString("yyyy-MM-dd"), null,
            Atlas.Statbel.StatisticalSource.StatbelVat2019.Attribution);
    }

    /// <summary>The request's query with some parameters set (a null value removes one).</summary>
    private static string Query(HttpContext ctx, params (string Key, string? Value)[] set)
    {
        var pairs = ctx.Request.Query.Where(kv => set.All(s => s.Key != kv.Key)).Select(kv => (kv.Key, (string?)kv.Value.ToString()))
            .Concat(set.Where(s => s.Value is not null)).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Item2!)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private static IResult NotFound(string id) => Problems.NotFound("series", id, Root);
}
