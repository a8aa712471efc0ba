using Atlas.AtlasIndex;
using Atlas.Catalogue;
using Atlas.Data;
using Atlas.Model;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.AtlasIndex;

/// <summary>What the index section of a city or municipality page shows (null when the place is not scored at all).</summary>
public sealed record IndexSectionModel(AtlasIndexDefinition Definition, bool HasRegister, AtlasIndexResult? Index, IndexEntry? Entry, bool IsCity, string? MunicipalityLabel)
{
    public static IndexSectionModel? For(AtlasServices atlas, Place place, Lang lang)
    {
        if (atlas.Index.Definition is not { } definition || place.PlaceKind is not (PlaceKind.City or PlaceKind.Municipality)) return null;
        var isCity = place.PlaceKind == PlaceKind.City;
        if (atlas.Snapshots.Register is null) return new(definition, false, null, null, isCity, null);
        int? nis;
        try { nis = atlas.Index.ScoredNis(place.Id); }
        catch (MergedMunicipalityException) { nis = null; }   // a municipality merged in 2025: no register figures of its own
        if (nis is null) return null;
        var index = atlas.Index.Index();
        var entry = index.ByNis(nis.Value);
        return new(definition, true, index, entry, isCity, entry is null ? null : atlas.Snapshots.Curated.Label(entry.Id, lang));
    }
}

public sealed record ScoreboardModel(PageContext Ctx, AtlasIndexDefinition Definition, AtlasIndexResult? Index, string Sort,
    IReadOnlyDictionary<int, string> Cities, IReadOnlyDictionary<string, string> Labels);

public sealed record IndexMethodologyModel(PageContext Ctx, AtlasIndexDefinition Definition);

/// <summary>
/// The pages of the Atlas index: the scoreboard (/{lang}/index, sortable by links) and the methodology
/// (/{lang}/methodology/index). Without a register the scoreboard says so, in the page's language, and how to load one.
/// </summary>
public static class IndexPages
{
    /// <summary>The orders of the scoreboard: by rank (the default), by name, by width of the rank interval, by a pillar.</summary>
    public static readonly string[] BaseSorts = ["rank", "name", "uncertainty"];

    public static void MapIndexPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        pages.MapGet("/index", (HttpContext ctx, AtlasServices atlas) => Scoreboard(ctx, atlas, lang));
        pages.MapGet("/methodology/index", (HttpContext ctx, AtlasIndexQueries q) => q.Definition is { } definition
            ? Page.Render<IndexMethodologyPage, IndexMethodologyModel>(new(PageContext.Of(ctx, lang, lang.T("index-method")), definition))
            : ErrorPages.NotFound(ctx, lang));
    });

    private static IResult Scoreboard(HttpContext ctx, AtlasServices atlas, Lang lang)
    {
        if (atlas.Index.Definition is not { } definition) return ErrorPages.NotFound(ctx, lang);
        var sort = ctx.Request.Query["sort"].ToString() is { Length: > 0 } s ? s : "rank";
        if (!BaseSorts.Contains(sort) && !definition.Pillars.Any(p => p.Id == sort))
            return ErrorPages.BadRequest(ctx, lang, $"sort: {string.Join(", ", BaseSorts.Concat(definition.Pillars.Select(p => p.Id)))}");
        var index = atlas.Snapshots.Register is null ? null : atlas.Index.Index();
        var cities = new Dictionary<int, string>();
        if (index is not null)
            foreach (var city in atlas.Entities.Places(PlaceKind.City))
                if (atlas.Index.ScoredNis(city.Id) is { } nis) cities[nis] = city.Label(lang);
        var labels = atlas.Entities.Places(PlaceKind.Municipality).ToDictionary(m => m.Id, m => m.Label(lang));
        return Page.Render<ScoreboardPage, ScoreboardModel>(new(PageContext.Of(ctx, lang, lang.T("index-title"), "/api/index", "/api/index?format=csv"),
            definition, index, sort, cities, labels));
    }
}
