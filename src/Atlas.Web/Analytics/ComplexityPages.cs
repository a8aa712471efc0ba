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
public sealed record OpportunitiesModel(string PlaceId, bool HasRegister, ComplexityOfPlace? Of, IReadOnlyList<SimilarMunicipality> Similar,
    IReadOnlyDictionary<string, string> Labels)
{
    public static OpportunitiesModel For(AtlasServices atlas, Place city, Lang lang)
    {
        if (atlas.Snapshots.Register is not { } register) return new(city.Id, false, null, [], new Dictionary<string, string>());
        var of = atlas.Complexity.Of(city.Id, 10);
        if (of is not { InPanel: true }) return new(city.Id, true, of, [], new Dictionary<string, string>());
        return new(city.Id, true, of, atlas.Complexity.SimilarTo(city.Id, 8)?.Similar ?? [], SpecialisationQueries.NaceLabels(register, 2008, lang));
    }
}

public sealed record MethodologyPageModel(PageContext Ctx);

public static class ComplexityPages
{
    public static void MapComplexityPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
        pages.MapGet("/methodology/complexity", (HttpContext ctx) =>
            Page.Render<MethodologyPage, MethodologyPageModel>(new(PageContext.Of(ctx, lang, lang.T("methodology-title"))))));
}
