using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Pages;

/// <summary>
/// The pages of the Atlas index: the scoreboard (/{lang}/index, sortable by links) and the methodology
/// (/{lang}/methodology/index). Without a register the scoreboard says so, in the page's language, and how to load one.
/// </summary>
public static class IndexPages
{
    /// <summary>The orders of the scoreboard: by rank (the default), by name, by width of the rank interval, by a pillar.</summary>
    public static readonly string[] BaseSorts = ["rank", "name", "uncertainty"];

    public static void MapIndexPages(this IEndpointRouteBuilder app)
    {
        foreach (var lang in Langs.Interface)
        {
            var pages = app.MapGroup("/" + lang.Code()).ExcludeFromDescription().CacheOutput(PageEndpoints.CachePolicy);
            pages.MapGet("/index", (HttpContext ctx, AtlasQueries q) => Scoreboard(ctx, q, lang));
            pages.MapGet("/methodology/index", (HttpContext ctx, AtlasQueries q) => Methodology(ctx, q, lang));
        }
    }

    private static PageContext Context(HttpContext ctx, Lang lang, string title, string? json = null, string? csv = null) =>
        new(lang, title, ctx.Request.Path + ctx.Request.QueryString, json, csv);

    private static IResult Scoreboard(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        if (q.IndexDefinition is null) return PageEndpoints.NotFoundPage(ctx, lang);
        var sort = ctx.Request.Query["sort"].ToString() is { Length: > 0 } s ? s : "rank";
        if (!BaseSorts.Contains(sort) && !q.IndexDefinition.Pillars.Any(p => p.Id == sort))
            return PageEndpoints.BadRequestPage(ctx, lang, $"sort: {string.Join(", ", BaseSorts.Concat(q.IndexDefinition.Pillars.Select(p => p.Id)))}");
        var index = q.RegisterInfo is null ? null : q.AtlasIndex();
        var cities = new Dictionary<int, string>();
        if (index is not null)
            foreach (var city in q.ListEntities(EntityType.Place, lang, PageRequest.All, kind: "city").Items)
                if (q.IndexNis(city.Id) is { } nis) cities[nis] = city.Label;
        return PageEndpoints.Render<ScoreboardPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("index-title"), "/api/index", "/api/index?format=csv"),
            ["Definition"] = q.IndexDefinition,
            ["Index"] = index,
            ["Sort"] = sort,
            ["Cities"] = cities,
            ["Labels"] = q.MunicipalityNames(lang),
        });
    }

    private static IResult Methodology(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        if (q.IndexDefinition is null) return PageEndpoints.NotFoundPage(ctx, lang);
        return PageEndpoints.Render<IndexMethodologyPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("index-method")),
            ["Definition"] = q.IndexDefinition,
        });
    }
}
