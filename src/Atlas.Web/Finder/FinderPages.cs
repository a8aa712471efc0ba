using Atlas.Finder;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Finder;

/// <summary>
/// What a finder page shows: the form as asked, the vocabulary to choose from, and either the answer or a message in
/// the page's language saying what to change (<see cref="Error"/>) or that the register is needed (<see cref="NeedsRegister"/>).
/// </summary>
public sealed record FinderPageModel(PageContext Ctx, FinderForm Form, IReadOnlyList<Sector> Sectors, IReadOnlyList<Technology> Technologies,
    IReadOnlyList<CountSource> Sources, string? Error, bool NeedsRegister, LocationRanking? Locations, PartnerSearch? Partners,
    FinderMapModel? Map, IReadOnlyDictionary<string, string> Labels)
{
    public string? Label(int cls) => Labels.GetValueOrDefault(ActivityQueryJson.Code(cls));
}

/// <summary>The map of a ranking: each municipality's outline (of 2020) shaded by the rank band of the municipality it lies in today.</summary>
public sealed record FinderMapModel(BelgiumMap Map, IReadOnlyDictionary<string, int> BandOf2020Nis, IReadOnlyDictionary<string, string> TitleOf2020Nis)
{
    /// <summary>Rank bands: 1–10, 11–50, 51–150, 151–300, beyond.</summary>
    public static int Band(int rank) => rank <= 10 ? 1 : rank <= 50 ? 2 : rank <= 150 ? 3 : rank <= 300 ? 4 : 5;
}

public sealed record FinderMethodologyModel(PageContext Ctx);

/// <summary>
/// The finder's pages: where to locate (/{lang}/finder), whom to partner with (/{lang}/finder/partners) and the
/// method (/{lang}/methodology/finder). The form is a plain GET form with the API's parameters, so it works without
/// JavaScript and each answer's JSON and CSV are one link away.
/// </summary>
public static class FinderPages
{
    public static void MapFinderPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        pages.MapGet("/finder", (HttpContext ctx, AtlasServices atlas) => Answer(ctx, atlas, lang, partners: false));
        pages.MapGet("/finder/partners", (HttpContext ctx, AtlasServices atlas) => Answer(ctx, atlas, lang, partners: true));
        pages.MapGet("/methodology/finder", (HttpContext ctx) =>
            Page.Render<FinderMethodologyPage, FinderMethodologyModel>(new(PageContext.Of(ctx, lang, lang.T("finder-methodology-title")))));
    });

    private static IResult Answer(HttpContext ctx, AtlasServices atlas, Lang lang, bool partners)
    {
        var snapshots = atlas.Snapshots;
        var curated = snapshots.Curated;
        var (form, error, status) = (default(FinderForm), default(string), StatusCodes.Status200OK);
        LocationRanking? locations = null;
        PartnerSearch? found = null;
        var needsRegister = partners && snapshots.Register is null;
        try
        {
            form = FinderForm.Read(ctx.Request, FinderQueries.DefaultTop);
            if (form.HasStart || (partners && form.Near is not null))
            {
                if (partners && !needsRegister) found = atlas.Finder.Partners(form.Start, form.Near, form.Distance, form.Related, form.Top, form.Source, lang);
                else if (!partners) locations = atlas.Finder.Locations(form.Start, form.Weights, form.Distance, form.Related, form.Source);
                if (needsRegister) status = StatusCodes.Status409Conflict;
            }
        }
        catch (FinderInputException e)
        {
            (error, status) = (Message(e, lang), StatusCodes.Status400BadRequest);
        }
        catch (NoRegisterException)
        {
            (needsRegister, status) = (true, StatusCodes.Status409Conflict);
        }
        catch (UnknownSourceException)
        {
            (error, status) = (lang.T("finder-unknown-source"), StatusCodes.Status400BadRequest);
        }
        form ??= new FinderForm(null, null, null, null, null, FinderQueries.DefaultDistanceKm, RelatedClasses.DefaultCount, FinderQueries.DefaultTop, Weights.Default, null);
        if (locations is not null && form.Top is < 1 or > FinderApi.MaxLocations)
            (locations, error, status) = (null, string.Format(lang.T("finder-top-out-of-range"), form.Top), StatusCodes.Status400BadRequest);

        var source = locations?.Source ?? found?.RelatednessSource;
        var api = (partners ? "/api/finder/partners" : "/api/finder/locations") + form.Query(lang.Code());
        var title = lang.T(partners ? "finder-partners-title" : "finder-title");
        var ctxPage = locations is null && found is null ? PageContext.Of(ctx, lang, title)
            : PageContext.Of(ctx, lang, title, api, api + "&format=csv");
        var model = new FinderPageModel(ctxPage, form,
            curated.All<Sector>().OrderBy(s => s.Label(lang), StringComparer.CurrentCulture).ToList(),
            curated.All<Technology>().OrderBy(t => t.Label(lang), StringComparer.CurrentCulture).ToList(),
            snapshots.Sources, error, needsRegister, locations, found, locations is null ? null : MapOf(curated, locations, lang),
            source?.NaceLabels(2008, lang) ?? new Dictionary<string, string>());
        return Page.Render<FinderPage, FinderPageModel>(model, status);
    }

    /// <summary>What is wrong with a question, in the page's language: the message of its field and problem, else of its problem.</summary>
    public static string Message(FinderInputException e, Lang lang)
    {
        var problem = Slugs.Of(e.Problem);
        foreach (var key in new[] { $"finder-{e.Field}-{problem}", $"finder-{problem}" })
            if (Ui.Has(key)) return string.Format(lang.T(key), e.Value);
        return e.Message;
    }

    private static FinderMapModel? MapOf(CuratedSnapshot curated, LocationRanking ranking, Lang lang)
    {
        if (curated.Map is not { Municipalities: { Count: > 0 } outlines } map) return null;
        var geo = FinderGeography.Of(curated);
        var byNis = ranking.Rows.ToDictionary(r => r.Municipality.Nis!.Value.Value);
        var bands = new Dictionary<string, int>();
        var titles = new Dictionary<string, string>();
        foreach (var outline in outlines)
            if (geo.Today(outline.Nis) is { } nis && byNis.TryGetValue(nis, out var row))
            {
                bands[outline.Nis] = FinderMapModel.Band(row.Rank);
                titles[outline.Nis] = $"{row.Rank}. {row.Municipality.Label(lang)} — {Math.Round(row.Score, 1)}";
            }
        return new FinderMapModel(map, bands, titles);
    }
}
