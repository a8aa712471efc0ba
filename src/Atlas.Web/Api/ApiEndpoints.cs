using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Api;

/// <summary>The JSON API under /api: read-only, every list paginated and downloadable as CSV.</summary>
public static class ApiEndpoints
{
    private static readonly (string Path, EntityType Type, string Summary)[] EntityLists =
    [
        ("places", EntityType.Place, "Places: Belgium, its regions, provinces, arrondissements, municipalities and the seven cities"),
        ("sectors", EntityType.Sector, "Sectors with their NACE-BEL 2008 codes"),
        ("technologies", EntityType.Technology, "Technologies and themes"),
        ("organisations", EntityType.Organisation, "Companies, research centres, universities, groups of start-ups"),
        ("programmes", EntityType.Programme, "Labels, funding programmes and public initiatives"),
        ("sources", EntityType.Source, "Documents and data sets that facts cite"),
    ];

    public static void MapAtlasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("atlas");

        api.MapGet("/", (HttpContext ctx, Responder r, AtlasQueries q) => r.Reply(ctx, () => Index(q)))
            .WithSummary("What the API offers, with links");

        foreach (var (path, type, summary) in EntityLists)
        {
            api.MapGet($"/{path}", (HttpContext ctx, Responder r, AtlasQueries q, string? kind, string? parent, string? current, string? lang, string? page, string? pageSize, string? format) =>
                type == EntityType.Organisation && RequestContext.Text(ctx.Request, "q") is { } query
                    ? RegisterEndpoints.Search(ctx, r, q, query)
                    : r.Reply(ctx, () => Responder.PageJson(ctx, q.ListEntities(type, RequestContext.Language(ctx.Request),
                    RequestContext.WantsCsv(ctx) ? PageRequest.All : RequestContext.Page(ctx.Request),
                    Kind(type, kind), parent is null ? null : q.Resolve(parent, EntityType.Place) ?? parent, Current(current)), e => e.Json),
                    Responder.Items))
                .WithSummary(type == EntityType.Organisation ? summary + "; with ?q=, companies of the enterprise register by any name or by enterprise number" : summary);

            api.MapGet($"/{path}/{{id}}", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? lang) =>
            {
                if (id.Length > AtlasQueries.MaxQueryLength) throw new BadRequestException("Id too long", $"an id has at most {AtlasQueries.MaxQueryLength} characters.");
                var lng = RequestContext.Language(ctx.Request);
                if (type == EntityType.Organisation && q.Resolve(id, type) is null && AtlasQueries.NumberQuery(id) is { } number)
                    return RegisterEndpoints.Company(ctx, r, q, id, number);
                if (q.Resolve(id, type) is null) return NotFound(type.ToString().ToLowerInvariant(), id, $"/api/search?q={Uri.EscapeDataString(RequestContext.Truncate(id, 60))}");
                if (type == EntityType.Organisation)
                    return r.Reply(ctx, () => RegisterEndpoints.WithRegister(q, q.GetEntity(id, lng, type)!, lng), version: q.Register.Stamp);
                return r.Reply(ctx, () => q.GetEntity(id, lng, type)!.ToJson());
            }).WithSummary(type == EntityType.Organisation
                ? "One organisation by id or any alias, with its facts and its register record; or, by enterprise number (dots optional), an enterprise of the register: names, juridical form, start date, seat, establishments with their municipality and NACE activities"
                : $"One {type.ToString().ToLowerInvariant()} by id or any alias, with its facts");
        }

        api.MapGet("/facts", (HttpContext ctx, Responder r, AtlasQueries q, string? subject, string? predicate, string? source, string? about, string? status, string? role, string? lang, string? page, string? pageSize, string? format) =>
        {
            if (predicate is not null && !Slugs.TryParse<Predicate>(predicate, out _))
                throw new BadRequestException("Unknown predicate", $"predicate '{RequestContext.Truncate(predicate)}' is not one of: {string.Join(", ", Slugs.All<Predicate>())}.");
            if (status is not null && !Slugs.TryParse<FactStatus>(status, out _))
                throw new BadRequestException("Unknown status", $"status '{RequestContext.Truncate(status)}' is not one of: {string.Join(", ", Slugs.All<FactStatus>())}.");
            if (role is not null && !Slugs.TryParse<FactRole>(role, out _))
                throw new BadRequestException("Unknown role", $"role '{RequestContext.Truncate(role)}' is not one of: {string.Join(", ", Slugs.All<FactRole>())}.");
            foreach (var (name, value) in new[] { ("subject", subject), ("source", source), ("about", about) })
                if (value is not null && value.Length > AtlasQueries.MaxQueryLength)
                    throw new BadRequestException("Query too long", $"{name} has {value.Length} characters; the limit is {AtlasQueries.MaxQueryLength}.");
            return r.Reply(ctx, () => Responder.PageJson(ctx, q.Facts(new FactFilter(subject, predicate, source, about, status) { Role = role },
                RequestContext.Language(ctx.Request), RequestContext.WantsCsv(ctx) ? PageRequest.All : RequestContext.Page(ctx.Request)), f => f.ToJson()),
                Responder.Items);
        }).WithSummary("Facts, filtered by subject, predicate, source, an entity they are about, status (asserted, confirmed, contradicted: each confirmed or contradicted fact carries its statusEvidence) or role (claim, context)");

        api.MapGet("/facts/{id}", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? lang) =>
        {
            var lng = RequestContext.Language(ctx.Request);
            if (id.Length > AtlasQueries.MaxQueryLength || q.GetFact(id, lng) is null) return NotFound("fact", id, "/api/facts");
            return r.Reply(ctx, () => q.GetFact(id, lng)!.ToJson());
        }).WithSummary("One fact with its source and locator");

        api.MapGet("/search", (HttpContext ctx, Responder r, AtlasQueries atlas, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")] string? query, string? lang, string? kind, string? region, string? sector, string? technology, string? limit, string? format) =>
        {
            var text = RequestContext.Text(ctx.Request, "q")
                ?? throw new BadRequestException("Missing query", "add ?q=words to search, e.g. /api/search?q=textile.");
            var max = RequestContext.Int(ctx.Request, "limit", 20, 1, 100);
            var filters = new AtlasQueries.SearchFilters(RequestContext.Text(ctx.Request, "kind"), RequestContext.Text(ctx.Request, "region"),
                RequestContext.Text(ctx.Request, "sector"), RequestContext.Text(ctx.Request, "technology"));
            return r.Reply(ctx, () => atlas.Search(text, RequestContext.Language(ctx.Request), filters, max).ToJson(),
                node => node["results"]!.AsArray().Select(x => x!.AsObject()));
        }).WithSummary("Search names, aliases and facts in French, Dutch and English (accents optional); narrow by kind, region, sector or technology; facets count the results");

        api.MapGet("/compare", (HttpContext ctx, Responder r, AtlasQueries q, string? places, string? lang, string? format) =>
        {
            var list = (RequestContext.Text(ctx.Request, "places") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (list.Count is < 2 or > 3)
                throw new BadRequestException("Compare two or three places", "give two or three place ids or names: /api/compare?places=antwerp,bruges");
            var lng = RequestContext.Language(ctx.Request);
            var (_, unknown) = q.Compare(list, lng);
            if (unknown.Count > 0) return NotFound("place", string.Join(", ", unknown), "/api/places?kind=city");
            return r.Reply(ctx, () => q.Compare(list, lng).Result!.ToJson(), CompareRows);
        }).WithSummary("What two or three places share, and what only one has");

        api.MapGet("/matrix", (HttpContext ctx, Responder r, AtlasQueries q, string? of, string? lang, string? format) =>
        {
            var type = of ?? "sector";
            if (!AtlasQueries.MatrixTypes.Contains(type))
                throw new BadRequestException("Unknown matrix", $"of '{RequestContext.Truncate(type)}' is not one of: {string.Join(", ", AtlasQueries.MatrixTypes)}.");
            return r.Reply(ctx, () => q.Matrix(type, RequestContext.Language(ctx.Request)).ToJson(),
                node => node["cells"]!.AsArray().Select(x => x!.AsObject()));
        }).WithSummary("The seven cities × sectors (or technologies): the facts behind each cell");

        api.MapRegisterApi();
        api.MapComplexityApi();
        api.MapIndexApi();
    }

    private static JsonObject Index(AtlasQueries q) => new()
    {
        ["name"] = "Belgian Innovation Atlas",
        ["dataVersion"] = q.DataVersion,
        ["openapi"] = "/openapi/v1.json",
        ["endpoints"] = new JsonObject
        {
            ["places"] = "/api/places?kind=city",
            ["place"] = "/api/places/{id or alias}",
            ["sectors"] = "/api/sectors",
            ["technologies"] = "/api/technologies",
            ["organisations"] = "/api/organisations",
            ["programmes"] = "/api/programmes",
            ["sources"] = "/api/sources",
            ["facts"] = "/api/facts?subject=&predicate=&source=&about=&status=&role=",
            ["search"] = "/api/search?q=&lang=",
            ["compare"] = "/api/compare?places=antwerp,bruges",
            ["matrix"] = "/api/matrix?of=sector",
            ["register"] = "/api/register",
            ["companies"] = "/api/organisations?q=NAME or ENTERPRISE NUMBER",
            ["company"] = "/api/organisations/{enterprise number}",
            ["specialisation"] = "/api/places/{id}/specialisation?level=division&nace=2008",
        },
        ["parameters"] = new JsonObject
        {
            ["lang"] = "fr | nl | en (default: Accept-Language, else fr)",
            ["page"] = "page number, from 1",
            ["pageSize"] = $"1 to {PageRequest.MaxSize} (default {PageRequest.DefaultSize})",
            ["format"] = "json | csv (or a .csv suffix on a list path)",
        },
    };

    private static IEnumerable<JsonObject> CompareRows(JsonNode node)
    {
        foreach (var (group, items) in new[] { ("shared", node["shared"]), ("partly-shared", node["partlyShared"]) })
            foreach (var t in items?.AsArray() ?? [])
                yield return Row(group, t!.AsObject());
        foreach (var (place, items) in node["only"]!.AsObject())
            foreach (var t in items!.AsArray())
                yield return Row($"only {place}", t!.AsObject());

        static JsonObject Row(string group, JsonObject theme) => new()
        {
            ["group"] = group,
            ["id"] = theme["id"]!.DeepClone(),
            ["type"] = theme["type"]!.DeepClone(),
            ["label"] = theme["label"]!.DeepClone(),
            ["places"] = theme["places"]!.DeepClone(),
        };
    }

    private static string? Kind(EntityType type, string? kind)
    {
        if (kind is null) return null;
        var allowed = type switch
        {
            EntityType.Place => Slugs.All<PlaceKind>(),
            EntityType.Organisation => Slugs.All<OrganisationKind>(),
            EntityType.Programme => Slugs.All<ProgrammeKind>(),
            EntityType.Source => Slugs.All<SourceType>(),
            EntityType.Sector => ["sector"],
            _ => ["technology"],
        };
        if (!allowed.Contains(kind))
            throw new BadRequestException("Unknown kind", $"kind '{RequestContext.Truncate(kind)}' is not one of: {string.Join(", ", allowed)}.");
        return kind;
    }

    private static bool Current(string? current) => current switch
    {
        null or "" or "true" => true,
        "false" or "all" => false,
        _ => throw new BadRequestException("Invalid current", "current is true (only places that exist today, the default) or false (also municipalities merged away)."),
    };

    public static IResult NotFound(string what, string id, string hint) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No such {what}",
        detail: $"There is no {what} '{RequestContext.Truncate(id, 100)}'. Look it up with {hint}.",
        extensions: new Dictionary<string, object?> { ["id"] = RequestContext.Truncate(id, 100) });
}
