using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Model;
using Atlas.Web.Catalogue;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Home;

/// <summary>
/// What the home page shows: the map with the cities, each city's sectors and lead line, the 2025 figures (those the
/// official series can check link to their check), the sectors and technologies.
/// </summary>
public sealed record HomePageModel(PageContext Ctx, Atlas.Geo.BelgiumMap? Map, IReadOnlyList<Place> Cities,
    IReadOnlyDictionary<string, IReadOnlyList<Sector>> CitySectors, IReadOnlyDictionary<string, CityLead> CityLeads, IReadOnlyList<FactJson> Figures,
    IReadOnlySet<string> Checkable, IReadOnlyList<Sector> Sectors, IReadOnlyList<Technology> Technologies, EntityLinks Refs);

/// <summary>A city's heading in the source, as the line under its name: the fact it is, and its statement.</summary>
public sealed record CityLead(string FactId, string Text);

public static class HomePages
{
    public static void MapHomePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext ctx) =>
        {
            Conditional.Vary(ctx.Response, "Accept-Language"); // the language is chosen by this header
            return Results.Redirect($"/{Params.PreferredLanguage(ctx.Request).Code()}/");
        }).ExcludeFromDescription();
        app.MapPages((pages, lang) => pages.MapGet("/", (HttpContext ctx, EntityQueries q, ClaimQueries claims) => Home(ctx, q, claims, lang)));
    }

    private static IResult Home(HttpContext ctx, EntityQueries q, ClaimQueries claims, Lang lang)
    {
        var s = q.Snapshot;
        var cities = q.Places(PlaceKind.City);
        var sectors = cities.ToDictionary(c => c.Id, c => (IReadOnlyList<Sector>)s.FactsOf(c.Id)
            .Where(f => f.Predicate == Predicate.InnovatesIn && f.Object is not null).Select(f => s.Get<Sector>(f.Object!)).OfType<Sector>().DistinctBy(x => x.Id).ToList());
        // each city's heading in the source, as the line under its name
        var leads = cities.Select(c => (c.Id, Lead: s.FactsOf(c.Id).FirstOrDefault(f => f.Locator.Passage == "heading")))
            .Where(x => x.Lead is not null).ToDictionary(x => x.Id, x => new CityLead(x.Lead!.Id, x.Lead.Statement.Get(lang)));
        var facts = q.Facts(new FactFilter(Predicate: Predicate.HasIndicatorValue, Role: FactRole.Claim), PageRequest.All).Items;
        var figures = CatalogueApi.Facts(facts, s, claims, lang);
        var checkable = facts.Where(Atlas.Series.SeriesQueries.IsCheckable).Select(f => f.Id).ToHashSet();
        return Page.Render<HomePage, HomePageModel>(new(PageContext.Of(ctx, lang, lang.T("home"), "/api/places?kind=city", "/api/places.csv?kind=city"),
            s.Map, cities, sectors, leads, figures, checkable, s.All<Sector>().ToList(), s.All<Technology>().ToList(), new EntityLinks(s, lang)));
    }
}
