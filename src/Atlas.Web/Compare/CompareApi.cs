using Atlas.Compare;
using Atlas.Model;
using Atlas.Web.Catalogue;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Compare;

public sealed record CompareThemeJson(string Id, string Type, string Kind, string Label, IReadOnlyList<string> Places, IReadOnlyDictionary<string, IReadOnlyList<string>> Facts)
{
    public static CompareThemeJson Of(CompareTheme t, Lang lang) => new(t.Theme.Id, Slugs.Of(t.Theme.Type), t.Theme.Kind, t.Theme.Label(lang), t.Places, t.Facts);
}

public sealed record ComparedPlaceJson(string Id, string Label, string Kind);

/// <summary>What two or three places share, what two of three share (<c>partlyShared</c>), and what only one has.</summary>
public sealed record CompareJson(IReadOnlyList<ComparedPlaceJson> Places, IReadOnlyList<CompareThemeJson> Shared, IReadOnlyList<CompareThemeJson>? PartlyShared,
    IReadOnlyDictionary<string, IReadOnlyList<CompareThemeJson>> Only)
{
    public static CompareJson Of(Comparison c, Lang lang)
    {
        List<CompareThemeJson> T(IEnumerable<CompareTheme> themes) => themes.Select(t => CompareThemeJson.Of(t, lang)).ToList();
        return new(c.Places.Select(p => new ComparedPlaceJson(p.Id, p.Label(lang), p.Kind)).ToList(), T(c.Shared),
            c.Places.Count > 2 ? T(c.PartlyShared) : null, c.Only.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<CompareThemeJson>)T(kv.Value)));
    }

    /// <summary>CSV: one line per theme and group (shared, partly-shared, only PLACE).</summary>
    public IEnumerable<CompareCsvRow> Rows() =>
        Shared.Select(t => CompareCsvRow.Of("shared", t))
            .Concat((PartlyShared ?? []).Select(t => CompareCsvRow.Of("partly-shared", t)))
            .Concat(Only.SelectMany(kv => kv.Value.Select(t => CompareCsvRow.Of($"only {kv.Key}", t))));
}

public sealed record CompareCsvRow(string Group, string Id, string Type, string Label, IReadOnlyList<string> Places)
{
    public static CompareCsvRow Of(string group, CompareThemeJson t) => new(group, t.Id, t.Type, t.Label, t.Places);
}

public sealed record MatrixCellJson(string City, string CityLabel, string Theme, string ThemeLabel, int Facts, IReadOnlyList<string> FactIds);

/// <summary>The seven cities × sectors (or technologies): the facts behind each cell.</summary>
public sealed record MatrixJson(string Of, IReadOnlyList<EntityRefJson> Cities, IReadOnlyList<EntityRefJson> Themes, IReadOnlyList<MatrixCellJson> Cells)
{
    public static MatrixJson From(ThemeMatrix m, Lang lang) => new(Slugs.Of(m.Of),
        m.Cities.Select(c => EntityRefJson.Of(c, lang)).ToList(), m.Themes.Select(t => EntityRefJson.Of(t, lang)).ToList(),
        [.. from city in m.Cities
            from theme in m.Themes
            where m.Count(city.Id, theme.Id) > 0
            select new MatrixCellJson(city.Id, city.Label(lang), theme.Id, theme.Label(lang), m.Count(city.Id, theme.Id), m.Cells[(city.Id, theme.Id)])]);
}

public static class CompareApi
{
    public static void MapCompareApi(this RouteGroupBuilder api)
    {
        api.MapGet("/compare", (HttpContext ctx, CompareQueries q, string? places, string? lang, string? format) =>
        {
            var list = (Params.Text(ctx.Request, "places") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (list.Count is < 2 or > 3)
                throw new BadRequestException("Compare two or three places", "give two or three place ids or names: /api/compare?places=antwerp,bruges");
            var language = Params.Language(ctx.Request);
            var (result, unknown) = q.Compare(list, language);
            if (result is null) return Problems.NotFound("place", string.Join(", ", unknown), "/api/places?kind=city");
            return Answers.Table(ctx, CompareJson.Of(result, language), c => c.Rows());
        }).Produces<CompareJson>().ProducesProblem(400).ProducesProblem(404).WithName("Compare").WithSummary("What two or three places share, and what only one has");

        api.MapGet("/matrix", (HttpContext ctx, CompareQueries q, string? of, string? lang, string? format) =>
        {
            var type = Params.Text(ctx.Request, "of") ?? "sector";
            var matrixOf = CompareQueries.MatrixTypes.Where(t => Slugs.Of(t) == type).Cast<EntityType?>().FirstOrDefault()
                ?? throw new BadRequestException("Unknown matrix", $"of '{Params.Truncate(type)}' is not one of: {string.Join(", ", CompareQueries.MatrixTypes.Select(Slugs.Of))}.");
            return Answers.Table(ctx, MatrixJson.From(q.Matrix(matrixOf, Params.Language(ctx.Request)), Params.Language(ctx.Request)), m => m.Cells);
        }).Produces<MatrixJson>().ProducesProblem(400).WithName("GetMatrix").WithSummary("The seven cities × sectors (or technologies): the facts behind each cell");
    }
}
