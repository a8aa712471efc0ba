using Atlas.Model;
using Atlas.Search;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Search;

public sealed record SearchHitJson(string Type, string Kind, string Id, string Label, string Snippet, double Score, IReadOnlyList<string>? Facts)
{
    public static SearchHitJson Of(SearchHit h, Lang lang) => new(Slugs.Of(h.Entity.Type), h.Entity.Kind, h.Entity.Id, h.Entity.Label(lang), h.Snippet,
        Math.Round(h.Score, 3), h.Facts.Count > 0 ? h.Facts : null);
}

public sealed record FacetJson(string Id, string Label, int Count);

public sealed record FacetsJson(IReadOnlyList<FacetJson> Kind, IReadOnlyList<FacetJson> Region, IReadOnlyList<FacetJson> Sector, IReadOnlyList<FacetJson> Technology);

/// <summary>A search: the query, how many entities matched, the best of them, and the facets of all of them.</summary>
public sealed record SearchResultsJson(string Query, string Lang, int Total, IReadOnlyList<SearchHitJson> Results, FacetsJson Facets)
{
    public static SearchResultsJson Of(SearchResult r)
    {
        static List<FacetJson> F(IEnumerable<FacetValue> values) => values.Select(v => new FacetJson(v.Id, v.Label, v.Count)).ToList();
        return new(r.Query, r.Lang.Code(), r.Total, r.Hits.Select(h => SearchHitJson.Of(h, r.Lang)).ToList(),
            new FacetsJson(F(r.Facets.Kind), F(r.Facets.Region), F(r.Facets.Sector), F(r.Facets.Technology)));
    }
}

public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", (HttpContext ctx, SearchQueries search, string? q, string? lang, string? kind, string? region, string? sector, string? technology, string? limit, string? format) =>
        {
            var text = Params.Text(ctx.Request, "q") ?? throw new BadRequestException("Missing query", "add ?q=words to search, e.g. /api/search?q=textile.");
            var max = Params.Int(ctx.Request, "limit", 20, 1, 100);
            var filters = new SearchFilters(Params.Text(ctx.Request, "kind"), Params.Text(ctx.Request, "region"),
                Params.Text(ctx.Request, "sector"), Params.Text(ctx.Request, "technology"));
            return Answers.Table(ctx, SearchResultsJson.Of(search.Search(text, Params.Language(ctx.Request), filters, max)), r => r.Results);
        }).Produces<SearchResultsJson>().ProducesProblem(400).WithName("Search")
          .WithSummary("Search names, aliases and facts in French, Dutch and English (accents optional); narrow by kind, region, sector or technology; facets count the results");
    }
}
