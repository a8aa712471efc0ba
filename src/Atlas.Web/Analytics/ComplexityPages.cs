using Atlas.Complexity;
using Atlas.Model;
using Atlas.Specialisation;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Analytics;

/// <summary>
/// What the growth-opportunities section of a city page shows: nothing but a notice without a register or when the
/// city's municipality is not in the panel; else its complexity, opportunities, the chart and similar municipalities.
/// </summary>
public sealed record OpportunitiesModel(string PlaceId, bool HasSource, ComplexityOfPlace? Of, IReadOnlyList<SimilarMunicipality> Similar,
    IReadOnlyDictionary<string, string> Labels, IReadOnlyList<Atlas.Sources.CountSource> Sources)
{
    /// <summary>The section from a source (the default one when <paramref name="sourceId"/> is null); without any source, a notice.</summary>
    public static OpportunitiesModel For(AtlasServices atlas, Place city, Lang lang, string? sourceId = null)
    {
        var sources = atlas.Snapshots.Sources;
        if (sources.Count == 0) return new(city.Id, false, null, [], new Dictionary<string, string>(), sources);
        var of = atlas.Complexity.Of(city.Id, 10, 3, sourceId);
        if (of is not { InPanel: true }) return new(city.Id, true, of, [], new Dictionary<string, string>(), sources);
        return new(city.Id, true, of, atlas.Complexity.SimilarTo(city.Id, 8, of.Source.Id)?.Similar ?? [], of.Source.NaceLabels(2008, lang), sources);
    }
}

public sealed record MethodologyPageModel(PageContext Ctx);

public static class ComplexityPages
{
    public static void MapComplexityPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
        pages.MapGet("/methodology/complexity", (HttpContext ctx) =>
            Page.Render<MethodologyPage, MethodologyPageModel>(new(PageContext.Of(ctx, lang, lang.T("methodology-title"))))));
}
