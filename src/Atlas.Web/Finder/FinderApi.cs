using Atlas.Finder;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Finder;

/// <summary>
/// The finder's API: where to locate an activity (/api/finder/locations: every municipality ranked, every component
/// with its value) and whom to partner with near a place (/api/finder/partners: register companies in the same or
/// related classes, curated organisations and programmes). Bad input is a 400 naming the field (<c>field</c>); a
/// question that needs the register without one loaded is a 409 saying how to load it.
/// </summary>
public static class FinderApi
{
    public const int MaxLocations = 600;

    public static void MapFinderApi(this RouteGroupBuilder api)
    {
        var finder = api.MapGroup("/finder").ProducesProblem(400).ProducesProblem(409);

        finder.MapGet("/locations", (HttpContext ctx, FinderQueries q, string? nace, string? sector, string? technology, string? company, string? distance,
            string? related, string? top, string? wCount, string? wLq, string? wDensity, string? wRelated, string? wClaims, string? wIndex, string? source,
            string? lang, string? format) =>
        {
            var form = FinderForm.Read(ctx.Request, FinderQueries.DefaultTop);
            var language = Params.Language(ctx.Request);
            var csv = Params.WantsCsv(ctx);
            if (form.Top is < 1 or > MaxLocations)
                throw new FinderInputException("top", FinderProblem.OutOfRange, form.Top.ToString(), $"top is {form.Top}: give a number of municipalities from 1 to {MaxLocations}");
            var ranking = q.Locations(form.Start, form.Weights, form.Distance, form.Related, form.Source);
            var json = LocationsJson.Of(ranking, language, csv ? ranking.Rows.Count : form.Top);
            return Answers.Table(ctx, json, LocationCsvRow.Of, json.Source);
        }).Produces<LocationsJson>().WithName("FindLocations")
          .WithSummary("Where to locate an activity: every current municipality ranked for NACE-BEL 2008 codes (?nace=26.51,27.12), a sector or technology of the atlas (?sector=, ?technology=: their nace2008 codes) or a register company's MAIN and SECO activities (?company= enterprise number or name), from a statistical source (?source=kbo or statbel-vat-2019; default: the register when one is imported, else Statbel). Every component is given with its value, its percentile rank among the municipalities and the points it adds: count, lq (with the strong label), density (relatedness), related (units in related classes within ?distance= km, default 25), claims (the sources' facts about the place) and index (the Atlas index score with its rank interval). Weights in per cent (?wCount=25&wLq=20&wDensity=20&wRelated=20&wClaims=5&wIndex=10, the defaults) must add up to 100. ?top= municipalities listed (default 50; CSV: all). 400 names the field at fault; 409 when the register is needed and none is loaded.");

        finder.MapGet("/partners", (HttpContext ctx, FinderQueries q, string? nace, string? sector, string? technology, string? company, string? near,
            string? distance, string? related, string? top, string? source, string? lang, string? format) =>
        {
            var form = FinderForm.Read(ctx.Request, FinderQueries.DefaultTop);
            var language = Params.Language(ctx.Request);
            var csv = Params.WantsCsv(ctx);
            var search = q.Partners(form.Start, form.Near, form.Distance, form.Related, csv ? FinderQueries.MaxTop : form.Top, form.Source, language);
            var json = PartnersJson.Of(search, language);
            return Answers.Table(ctx, json, PartnerCsvRow.Of);
        }).Produces<PartnersJson>().WithName("FindPartners")
          .WithSummary("Whom to partner with near a place (?near= a city, municipality or postcode; ?distance= km, default 25, at most 100): the KBO/BCE register's companies with a MAIN or SECO activity (NACE-BEL 2008, their own or an establishment's) in the activity's classes or in related ones (proximity φ ≥ 0.25 in the national complexity panel of ?source=), with a seat or establishment within the distance (addresses placed at their postcode locality's point: good to a few km); each says why it is there. Open register data only, never contact data. Plus the curated organisations within the distance and the programmes whose scope holds the place that share a sector or technology with the activity. The activity as for /api/finder/locations. ?top= companies listed (default 50, at most 500). 400 names the field at fault; 409 when no register is loaded.");
    }
}
