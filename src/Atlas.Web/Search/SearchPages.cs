using Atlas.Catalogue;
using Atlas.Companies;
using Atlas.Model;
using Atlas.Search;
using Atlas.Snapshots;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Search;

public sealed record SearchPageModel(PageContext Ctx, SearchResult? Result, CompanySearch? Companies, IReadOnlyList<Fact> Facts,
    IReadOnlyDictionary<string, string?> Filters);

public static class SearchPages
{
    public static readonly string[] FacetNames = ["kind", "region", "sector", "technology"];

    /// <summary>How many register companies the one search box shows (the API's /api/organisations?q= pages through all).</summary>
    public const int CompanyHits = 10;

    public static void MapSearchPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) => pages.MapGet("/search",
        (HttpContext ctx, SearchQueries search, CompanyQueries companies, AtlasSnapshots snapshots) =>
    {
        var text = Params.Text(ctx.Request, "q")?.Trim();
        var filters = FacetNames.ToDictionary(f => f, f => Params.Text(ctx.Request, f));
        var result = string.IsNullOrEmpty(text) ? null
            : search.Search(text, lang, new SearchFilters(filters["kind"], filters["region"], filters["sector"], filters["technology"]), 50);
        var found = result is null || filters.Values.Any(v => v is not null) ? null : Companies(snapshots, companies, result.Query, lang, CompanyHits);
        var facts = result?.Hits.SelectMany(h => h.Facts).Distinct().Select(snapshots.Curated.Fact).OfType<Fact>().Take(10).ToList() ?? [];
        var query = ctx.Request.QueryString.Value ?? "";
        return Page.Render<SearchPage, SearchPageModel>(new(PageContext.Of(ctx, lang, text is null ? lang.T("search") : $"{lang.T("search")} « {text} »",
            result is null ? null : "/api/search" + query, result is null ? null : "/api/search" + query + "&format=csv"), result, found, facts, filters));
    }).RequireRateLimiting(RateLimits.Policy));

    /// <summary>
    /// The register companies whose names hold the query's words, or the one with the number typed; null without a
    /// register, so that the kind does not appear.
    /// </summary>
    public static CompanySearch? Companies(AtlasSnapshots snapshots, CompanyQueries companies, string query, Lang lang, int limit) =>
        snapshots.Register is null || SearchQueries.Terms(query).Count == 0 ? null : companies.Search(query, lang, new PageRequest(1, limit));
}
