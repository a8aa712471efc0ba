using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Atlas.Diagnostics;

namespace Atlas.Web.Api;

/// <summary>
/// The API over the enterprise register (KBO/BCE): companies by name or number, one company, specialisation of a
/// place. Without a register every one of them answers 409 with a problem detail that says how to load one.
/// Answers are cached per register version (the file's stamp), so an import is seen by the next request.
/// </summary>
public static class RegisterEndpoints
{
    public static void MapRegisterApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/register", (HttpContext ctx, Responder r, AtlasQueries q) =>
        {
            if (q.RegisterInfo is not { } info) return NoRegister(q);
            return r.Reply(ctx, () => info.ToJson(), version: q.Register.Stamp);
        }).WithSummary("The loaded KBO/BCE register: its extract number, type and snapshot date (409 when none is loaded)");

        api.MapGet("/places/{id}/specialisation", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? level, string? nace, string? sort, string? lang, string? format) =>
            SpecialisationOf(ctx, r, q, id))
            .WithSummary("Specialisation of a place from the register: establishments and enterprises by NACE section, division, group or class (main activity, NACE-BEL 2008 or 2025), with share, location quotient, rank among municipalities and the US Cluster Mapping 'strong' label; a city is measured by its municipality (and Brussels also by its Region). 409 when no register is loaded.");
    }

    private static readonly string[] Sorts = ["lq", "count", "code"];

    /// <summary>
    /// The statistical units that measure a place (a city: its municipality, Brussels also its region); null when no
    /// place has that id; a 400 for a municipality merged away, which the register no longer counts.
    /// </summary>
    public static IReadOnlyList<SpecUnit>? UnitsOf(AtlasQueries q, string id, Lang lang)
    {
        if (id.Length > AtlasQueries.MaxQueryLength) throw new BadRequestException("Id too long", $"an id has at most {AtlasQueries.MaxQueryLength} characters.");
        if (q.Resolve(id, EntityType.Place) is null) return null;
        try
        {
            return q.SpecUnits(id, lang) ?? [];
        }
        catch (ArgumentException e)
        {
            throw new BadRequestException("Merged municipality", e.Message);
        }
    }

    private static IResult SpecialisationOf(HttpContext ctx, Responder r, AtlasQueries q, string id)
    {
        if (id.Length > AtlasQueries.MaxQueryLength) throw new BadRequestException("Id too long", $"an id has at most {AtlasQueries.MaxQueryLength} characters.");
        var level = AtlasQueries.ParseLevel(RequestContext.Text(ctx.Request, "level"))
            ?? throw new BadRequestException("Unknown level", "level is section, division (the default), group or class.");
        var version = RequestContext.Text(ctx.Request, "nace") ?? "2008";
        if (version is not ("2008" or "2025")) throw new BadRequestException("Unknown NACE version", "nace is 2008 (NACE-BEL 2008, the default) or 2025 (NACE-BEL 2025).");
        var sort = RequestContext.Text(ctx.Request, "sort") ?? "lq";
        if (!Sorts.Contains(sort)) throw new BadRequestException("Unknown sort", $"sort is one of: {string.Join(", ", Sorts)}.");
        var lang = RequestContext.Language(ctx.Request);
        if (UnitsOf(q, id, lang) is not { } units) return ApiEndpoints.NotFound("place", id, "/api/places?kind=city");
        if (units.Count == 0)
            throw new BadRequestException("No statistical unit", $"'{RequestContext.Truncate(id)}' has no NIS code the register can count in: ask for a municipality, an area or a city.");
        if (q.RegisterInfo is null) return NoRegister(q);
        return r.Reply(ctx, () => q.Specialisation(id, level, int.Parse(version), lang, sort)!, SpecialisationRows, version: q.Register.Stamp);
    }

    /// <summary>CSV: one row per unit and code, the figures of establishments and enterprises side by side.</summary>
    private static IEnumerable<JsonObject> SpecialisationRows(JsonNode node)
    {
        foreach (var unit in node["units"]!.AsArray())
            foreach (var row in unit!["rows"]!.AsArray())
            {
                var o = new JsonObject
                {
                    ["place"] = node["place"]!["id"]!.DeepClone(),
                    ["unit"] = unit["id"]!.DeepClone(),
                    ["unitLabel"] = unit["label"]!.DeepClone(),
                    ["nis"] = unit["nis"]!.DeepClone(),
                    ["level"] = node["level"]!.DeepClone(),
                    ["nace"] = node["nace"]!.DeepClone(),
                };
                foreach (var (k, v) in row!.AsObject()) o[k] = v?.DeepClone();
                yield return o;
            }
    }

    /// <summary>
    /// GET /api/organisations/{number}: an enterprise of the register by its number (dots optional; an establishment
    /// unit number leads to its enterprise). Curated organisations keep their ids; a number that is no curated alias
    /// comes here.
    /// </summary>
    public static IResult Company(HttpContext ctx, Responder r, AtlasQueries q, string text, long number)
    {
        if (q.RegisterInfo is null) return NoRegister(q);
        var lang = RequestContext.Language(ctx.Request);
        if (q.RegisterCompany(number, lang) is null)
            return ApiEndpoints.NotFound("enterprise in the register", text, $"/api/organisations?q=NAME (the register holds extract {q.RegisterInfo?.ExtractNumber})");
        return r.Reply(ctx, () => q.RegisterCompany(number, lang)!, version: q.Register.Stamp);
    }

    /// <summary>GET /api/organisations?q=: register companies by any name or by number (the list without q stays the curated list).</summary>
    public static IResult Search(HttpContext ctx, Responder r, AtlasQueries q, string query)
    {
        if (q.RegisterInfo is null) return NoRegister(q);
        var lang = RequestContext.Language(ctx.Request);
        var page = RequestContext.WantsCsv(ctx) ? new PageRequest(1, AtlasQueries.MaxRegisterHits) : RequestContext.Page(ctx.Request);
        return r.Reply(ctx, () =>
        {
            var (result, limited) = q.SearchRegister(query, lang, page);
            var json = Responder.PageJson(ctx, result, x => x);
            json["query"] = query;
            json["register"] = q.RegisterInfo?.ToJson();
            if (limited) json["limited"] = $"only the {AtlasQueries.MaxRegisterHits} best-matching names are ranked: add a word to narrow the search";
            return json;
        }, Responder.Items, version: q.Register.Stamp);
    }

    /// <summary>Adds the register record of a curated organisation to its JSON (when it has an enterprise number).</summary>
    public static JsonObject WithRegister(AtlasQueries q, EntityDetail detail, Lang lang)
    {
        var json = detail.ToJson();
        if (q.RegisterLink(detail.Entity, lang) is { } link) json["register"] = link;
        return json;
    }

    /// <summary>409: the question needs the register, and none is loaded.</summary>
    public static IResult NoRegister(AtlasQueries q) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: q.Register.Problem is null ? "No enterprise register loaded" : "The enterprise register cannot be used",
        detail: new NoRegisterException(q.Register.Problem).Message,
        extensions: new Dictionary<string, object?> { ["command"] = "atlas import kbo PATH" });
}
