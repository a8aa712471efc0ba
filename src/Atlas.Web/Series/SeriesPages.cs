using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Series;

/// <summary>A municipality's row on the list of series: its series, its name and the growth of its establishment units.</summary>
public sealed record MunicipalRow(SeriesInfo Series, string Label, MunicipalGrowth? Growth);

public sealed record SeriesListModel(PageContext Ctx, IReadOnlyList<SeriesInfo> National, IReadOnlyList<MunicipalRow> Municipal,
    IReadOnlyList<CheckedFact> Checks);

public sealed record SeriesPageModel(PageContext Ctx, SeriesInfo Series, MeasureResult Result, IReadOnlyList<Observation> Shown,
    ChartLayout Chart, IReadOnlyList<CheckableFact> Claims, IReadOnlyList<Measure> Measures, IReadOnlyList<Revision> Revisions, int? BaseYear);

/// <param name="Charted">The series on the chart: the matching one, else the closest (the reader sees the gap).</param>
public sealed record CheckPageModel(PageContext Ctx, CheckedFact Checked, EntityLinks Refs, ChartLayout? Chart, SeriesInfo? Charted);

/// <summary>
/// The series pages under /fr, /nl and /en: the list (/series), one series with its chart (/series/{id}, with
/// ?measure= and ?from=&amp;to=), and the check of a figure against the series (/facts/{id}/check).
/// </summary>
public static class SeriesPages
{
    public static void MapSeriesPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        pages.MapGet("/series", (HttpContext ctx, SeriesQueries q, AtlasServices atlas) => List(ctx, q, atlas, lang));
        pages.MapGet("/series/{id}", (HttpContext ctx, SeriesQueries q, string id) => Series(ctx, q, lang, id));
        pages.MapGet("/facts/{id}/check", (HttpContext ctx, SeriesQueries q, AtlasServices atlas, string id) => Check(ctx, q, atlas, lang, id));
    });

    private static IResult List(HttpContext ctx, SeriesQueries q, AtlasServices atlas, Lang lang)
    {
        var all = q.List(new Atlas.Store.SeriesFilter());
        var establishments = q.Establishments().Values.ToDictionary(p => p.Series.Id, StringComparer.OrdinalIgnoreCase);
        var s = atlas.Snapshots.Curated;
        var municipal = all.Where(x => x.Descriptor.Concept == EstablishmentGrowth.Concept)
            .Select(x => new MunicipalRow(x, s.Get($"nis-{x.Descriptor.Geo}")?.Label(lang) ?? x.Descriptor.Name ?? x.Id,
                establishments.GetValueOrDefault(x.Id)?.Growth))
            .OrderBy(r => r.Label, StringComparer.Create(lang.Culture(), true)).ToList();
        var checks = q.ArticleClaims().Select(c => q.Check(c.Fact.Id)).OfType<CheckedFact>().ToList();
        return Page.Render<SeriesListPage, SeriesListModel>(new(PageContext.Of(ctx, lang, lang.T("series"), SeriesApi.Root, SeriesApi.Root + ".csv"),
            all.Where(x => x.Descriptor.Concept != EstablishmentGrowth.Concept).ToList(), municipal, checks));
    }

    private static IResult Series(HttpContext ctx, SeriesQueries q, Lang lang, string id)
    {
        if (q.Find(id) is not { } series) return ErrorPages.NotFound(ctx, lang);
        // one address per series: another spelling of the id leads to the id's page
        if (series.Id != id) return Results.Redirect(Links.Series(lang, series.Id) + ctx.Request.QueryString);
        var (m, from, to, baseYear) = SeriesApi.Ask(ctx);
        var result = SeriesApi.Compute(series, q.Observations(series), m, baseYear);
        var shown = result.Values.Where(o => SeriesApi.In(o.Period, from, to)).ToList();
        var claims = q.ClaimsOn(series);
        var measures = series.Unit.Kind is UnitKind.Index or UnitKind.Level
            ? Enum.GetValues<Measure>().Where(x => x != Measure.ThreeMonthAverage || series.Frequency == Frequency.Monthly).ToList()
            : [Measure.Level];
        var api = SeriesApi.Href(series.Id) + ctx.Request.QueryString;
        var csv = SeriesApi.Href(series.Id) + (ctx.Request.QueryString.HasValue ? ctx.Request.QueryString + "&format=csv" : "?format=csv");
        return Page.Render<SeriesPage, SeriesPageModel>(new(PageContext.Of(ctx, lang, SeriesText.Title(lang, series.Descriptor), api, csv), series, result, shown,
            SeriesCharts.Of(series, result, shown, claims, lang), claims, measures, q.Revisions(series), baseYear));
    }

    private static IResult Check(HttpContext ctx, SeriesQueries q, AtlasServices atlas, Lang lang, string id)
    {
        if (q.Check(id) is not { } checkedFact) return ErrorPages.NotFound(ctx, lang);
        var check = checkedFact.Check;
        var charted = (check.Match ?? check.Closest)?.Series;
        ChartLayout? chart = null;
        if (charted is not null)
        {
            // a series that already is the claim's rate (PCH_SM) is shown as published; three years before the claim
            var measure = charted.Unit.Kind is UnitKind.Index or UnitKind.Level ? check.Rule.Measure : Measure.Level;
            var result = DerivedMeasures.Compute(charted, q.Observations(charted), measure);
            var from = check.Claim.Period.Plus(-3 * check.Claim.Period.Frequency.PerYear());
            var shown = result.Values.Where(o => o.Period >= from).ToList();
            chart = SeriesCharts.Of(charted, result, shown, [new CheckableFact(checkedFact.Fact, check.Claim, check.Rule)], lang);
        }
        return Page.Render<ClaimCheckPage, CheckPageModel>(new(PageContext.Of(ctx, lang, lang.T("check-title"), SeriesApi.CheckHref(id)),
            checkedFact, new EntityLinks(atlas.Snapshots.Curated, lang), chart, charted));
    }
}
