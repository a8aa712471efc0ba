using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Api;

/// <summary>
/// Economic complexity from the register: the growth opportunities of a place and the municipalities most like it.
/// A city is measured by its municipality (Brussels by the City of Brussels, 21004) within the national panel of all
/// municipalities × NACE-BEL 2008 classes. Without a register both answer 409, as every register question does.
/// </summary>
public static class ComplexityEndpoints
{
    public static void MapComplexityApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/places/{id}/opportunities", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? top, string? lang, string? format) =>
            Answer(ctx, r, q, id, 20, (lng, n) => q.OpportunitiesJson(id, lng, n), OpportunityRows))
            .WithSummary("Growth opportunities of a place from the register: the NACE-BEL 2008 classes its municipality does not have yet (RCA ≤ 1), ranked by density (fit with what it does) and by complexity outlook gain, each with the present classes that explain it; with the municipality's ECI and rank among all municipalities. 409 when no register is loaded.");

        api.MapGet("/places/{id}/similar", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? top, string? lang, string? format) =>
            Answer(ctx, r, q, id, 10, (lng, n) => q.SimilarJson(id, lng, n), node => node["similar"]!.AsArray().Select(x => x!.AsObject())))
            .WithSummary("Municipalities most like a place's municipality by industry structure (cosine similarity of RCA over the NACE-BEL 2008 classes, from the register), with their ECI. 409 when no register is loaded.");

        MapPanel(api);
    }

    /// <summary>The national panel as lists: PCI of every class, ECI of every municipality.</summary>
    private static void MapPanel(IEndpointRouteBuilder api)
    {
        api.MapGet("/complexity/activities", (HttpContext ctx, Responder r, AtlasQueries q, string? lang, string? format) =>
            q.RegisterInfo is null ? RegisterEndpoints.NoRegister(q)
                : r.Reply(ctx, () => q.ActivityComplexityJson(RequestContext.Language(ctx.Request)), Responder.Items, version: q.Register.Stamp))
            .WithSummary("The product complexity (PCI) and ubiquity of every NACE-BEL 2008 class, from the national panel of all municipalities in the register, most complex first. 409 when no register is loaded.");

        api.MapGet("/complexity/municipalities", (HttpContext ctx, Responder r, AtlasQueries q, string? lang, string? format) =>
            q.RegisterInfo is null ? RegisterEndpoints.NoRegister(q)
                : r.Reply(ctx, () => q.MunicipalityComplexityJson(RequestContext.Language(ctx.Request)), Responder.Items, version: q.Register.Stamp))
            .WithSummary("The economic complexity (ECI), rank and diversity of every municipality among all municipalities, from the register. 409 when no register is loaded.");
    }

    private static IResult Answer(HttpContext ctx, Responder r, AtlasQueries q, string id, int fallbackTop,
        Func<Lang, int, JsonObject?> build, Func<JsonNode, IEnumerable<JsonObject>> rows)
    {
        var top = RequestContext.Int(ctx.Request, "top", fallbackTop, 1, 200);
        var lang = RequestContext.Language(ctx.Request);
        if (RegisterEndpoints.UnitsOf(q, id, lang) is not { } units) return ApiEndpoints.NotFound("place", id, "/api/places?kind=city");
        if (!units.Any(u => Atlas.Register.Areas.IsMunicipality(u.Nis)))
            throw new BadRequestException("No municipality", $"'{RequestContext.Truncate(id)}' has no municipality in the national panel: ask for a municipality or a city.");
        if (q.RegisterInfo is null) return RegisterEndpoints.NoRegister(q);
        return r.Reply(ctx, () => build(lang, top)!, rows, version: q.Register.Stamp);
    }

    /// <summary>CSV: one row per opportunity and ranking, the related present classes joined in one column.</summary>
    private static IEnumerable<JsonObject> OpportunityRows(JsonNode node)
    {
        foreach (var (ranking, key) in new[] { ("density", "byDensity"), ("cog", "byGain") })
            foreach (var o in node[key]!.AsArray())
                yield return new JsonObject
                {
                    ["place"] = node["place"]!["id"]!.DeepClone(),
                    ["nis"] = node["municipality"]!["nis"]!.DeepClone(),
                    ["ranking"] = ranking,
                    ["rank"] = o!["rank"]!.DeepClone(),
                    ["code"] = o["code"]!.DeepClone(),
                    ["label"] = o["label"]?.DeepClone(),
                    ["density"] = o["density"]!.DeepClone(),
                    ["cog"] = o["cog"]!.DeepClone(),
                    ["pci"] = o["pci"]!.DeepClone(),
                    ["rca"] = o["rca"]!.DeepClone(),
                    ["related"] = string.Join("; ", o["related"]!.AsArray().Select(x => $"{x!["code"]} ({x["proximity"]})")),
                };
    }
}
