using Atlas.AtlasIndex;
using Atlas.Catalogue;
using Atlas.Data;
using Atlas.Model;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.AtlasIndex;

/// <summary>What the index section of a city or municipality page shows (null when the place is not scored at all).</summary>
public sealed record IndexSectionModel(AtlasIndexDefinition Definition, bool HasSource, AtlasIndexResult? Index, IndexEntry? Entry, bool IsCity,
    string? MunicipalityLabel, IReadOnlyList<Atlas.Sources.CountSource> Sources)
{
    /// <summary>The section from a source (the default one when <paramref name="sourceId"/> is null); without any source, a notice.</summary>
    public static IndexSectionModel? For(AtlasServices atlas, Place place, Lang lang, string? sourceId = null)
    {
        if (atlas.Index.Definition is not { } definition || place.PlaceKind is not (PlaceKind.City or PlaceKind.Municipality)) return null;
        var isCity = place.PlaceKind == PlaceKind.City;
        var sources = atlas.Snapshots.Sources;
        if (sources.Count == 0) return new(definition, false, null, null, isCity, null, sources);
        int? nis;
        try { nis = atlas.Index.ScoredNis(place.Id); }
        catch (MergedMunicipalityException) { nis = null; }   // a municipality merged in 2025: no register figures of its own
        if (nis is null) return null;
        var index = atlas.Index.Index(sourceId);
        var entry = index.ByNis(nis.Value);
        return new(definition, true, index, entry, isCity, entry is null ? null : atlas.Snapshots.Curated.Label(entry.Id, lang), sources);
    }
}

/// <param name="SourceId">The source asked for (?source=), kept in the sort links; null for the default one.</param>
public sealed record ScoreboardModel(PageContext Ctx, AtlasIndexDefinition Definition, AtlasIndexResult? Index, string Sort,
    IReadOnlyDictionary<int, string> Cities, IReadOnlyDictionary<string, string> Labels, string? SourceId,
    IReadOnlyList<Atlas.Sources.CountSource> Sources);

/// <param name="Index">The index of the default source, to say where each indicator is measured from now; null without any source.</param>
public sealed record IndexMethodologyModel(PageContext Ctx, AtlasIndexDefinition Definition, AtlasIndexResult? Index);

/// <summary>
/// The pages of the Atlas index: the scoreboard (/{lang}/index, sortable by links) and the methodology
/// (/{lang}/methodology/index). The scoreboard is of the default source or of the one asked for (?source=), and says
/// which source measures each indicator; without any source it says so, in the page's language.
/// </summary>
public static class IndexPages
{
    /// <summary>The orders of the scoreboard: by rank (the default), by name, by width of the rank interval, by a pillar.</summary>
    public static readonly string[] BaseSorts = ["rank", "name", "uncertainty"];

    public static void MapIndexPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        pages.MapGet("/index", (HttpContext ctx, AtlasServices atlas) => Scoreboard(ctx, atlas, lang));
        pages.MapGet("/methodology/index", (HttpContext ctx, AtlasServices atlas) => atlas.Index.Definition is { } definition
            ? Page.Render<IndexMethodologyPage, IndexMethodologyModel>(new(PageContext.Of(ctx, lang, lang.T("index-method")), definition,
                atlas.Snapshots.Sources.Count == 0 ? null : atlas.Index.Index()))
            : ErrorPages.NotFound(ctx, lang));
    });

    private static IResult Scoreboard(HttpContext ctx, AtlasServices atlas, Lang lang)
    {
        if (atlas.Index.Definition is not { } definition) return ErrorPages.NotFound(ctx, lang);
        var sort = ctx.Request.Query["sort"].ToString() is { Length: > 0 } s ? s : "rank";
        var source = Params.Text(ctx.Request, "source");
        var index = atlas.Snapshots.Sources.Count == 0 ? null : atlas.Index.Index(source);
        var pillars = (index?.Definition ?? definition).Pillars;
        if (!BaseSorts.Contains(sort) && !pillars.Any(p => p.Id == sort))
            return ErrorPages.BadRequest(ctx, lang, $"sort: {string.Join(", ", BaseSorts.Concat(pillars.Select(p => p.Id)))}");
        var cities = new Dictionary<int, string>();
        if (index is not null)
            foreach (var city in atlas.Entities.Places(PlaceKind.City))
                if (atlas.Index.ScoredNis(city.Id) is { } nis) cities[nis] = city.Label(lang);
        var labels = atlas.Entities.Places(PlaceKind.Municipality).ToDictionary(m => m.Id, m => m.Label(lang));
        var api = "/api/index" + (source is null ? "" : "?source=" + Uri.EscapeDataString(source));
        return Page.Render<ScoreboardPage, ScoreboardModel>(new(PageContext.Of(ctx, lang, lang.T("index-title"), api, api + (source is null ? "?" : "&") + "format=csv"),
            definition, index, sort, cities, labels, source, atlas.Snapshots.Sources));
    }
}
