using Atlas.Catalogue;
using Atlas.Compare;
using Atlas.Model;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Compare;

public sealed record ComparePageModel(PageContext Ctx, IReadOnlyList<Place> Cities, IReadOnlyList<string> Selected, Comparison? Result);

public sealed record MatrixPageModel(PageContext Ctx, ThemeMatrix Matrix);

/// <summary>The pages that set places side by side: the comparison of two or three places, and the cities × themes matrix.</summary>
public static class ComparePages
{
    public static void MapComparePages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        pages.MapGet("/compare", (HttpContext ctx, CompareQueries q, EntityQueries entities) => Compare(ctx, q, entities, lang));
        pages.MapGet("/matrix", (HttpContext ctx, CompareQueries q) => Matrix(ctx, q, lang));
    });

    private static IResult Compare(HttpContext ctx, CompareQueries q, EntityQueries entities, Lang lang)
    {
        var asked = (Params.Text(ctx.Request, "places") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(ctx.Request.Query["p"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()))
            .Take(3).ToList();
        var cities = entities.Places(PlaceKind.City);
        Comparison? result = null;
        if (asked.Count >= 2)
        {
            var (comparison, unknown) = q.Compare(asked, lang);
            if (comparison is null) return ErrorPages.NotFound(ctx, lang, unknown[0].Length <= 100 ? unknown[0] : null);
            result = comparison;
        }
        var selected = result?.Places.Select(p => p.Id).ToList() ?? [];
        var places = string.Join(',', selected);
        return Page.Render<ComparePage, ComparePageModel>(new(
            PageContext.Of(ctx, lang, result is null ? lang.T("compare-title") : string.Join(" · ", result.Places.Select(p => p.Label(lang))),
                result is null ? null : $"/api/compare?places={places}", result is null ? null : $"/api/compare.csv?places={places}"),
            cities, selected.Count > 0 ? selected : cities.Take(2).Select(c => c.Id).ToList(), result));
    }

    private static IResult Matrix(HttpContext ctx, CompareQueries q, Lang lang)
    {
        var of = ctx.Request.Query["of"].ToString() is { Length: > 0 } o ? o : "sector";
        if (CompareQueries.MatrixTypes.Where(t => Slugs.Of(t) == of).Cast<EntityType?>().SingleOrDefault() is not { } type) return ErrorPages.NotFound(ctx, lang);
        return Page.Render<MatrixPage, MatrixPageModel>(new(
            PageContext.Of(ctx, lang, lang.T(type == EntityType.Sector ? "matrix-title" : "matrix-title-technology"), $"/api/matrix?of={of}", $"/api/matrix.csv?of={of}"),
            q.Matrix(type, lang)));
    }
}
