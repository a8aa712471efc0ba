using Atlas.Model;
using Atlas.Search;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Search;

public sealed record SearchPageModel(PageContext Ctx, SearchResult? Result, IReadOnlyDictionary<string, string?> Filters);

public static class SearchPages
{
    public static readonly string[] FacetNames = ["kind", "region", "sector", "technology"];

    public static void MapSearchPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) => pages.MapGet("/search", (HttpContext ctx, SearchQueries search) =>
    {
        var text = Params.Text(ctx.Request, "q")?.Trim();
        var filters = FacetNames.ToDictionary(f => f, f => Params.Text(ctx.Request, f));
        var result = string.IsNullOrEmpty(text) ? null
            : search.Search(text, lang, new SearchFilters(filters["kind"], filters["region"], filters["sector"], filters["technology"]), 50);
        var query = ctx.Request.QueryString.Value ?? "";
        return Page.Render<SearchPage, SearchPageModel>(new(PageContext.Of(ctx, lang, text is null ? lang.T("search") : $"{lang.T("search")} « {text} »",
            result is null ? null : "/api/search" + query, result is null ? null : "/api/search" + query + "&format=csv"), result, filters));
    }).RequireRateLimiting(RateLimits.Policy));
}
