using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Companies;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Http;
using Atlas.Web.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Catalogue;

/// <summary>The catalogue under /api: the entities of each type, one entity with its facts, and the facts.</summary>
public static class CatalogueApi
{
    /// <summary>The entity types as the API and the pages name them.</summary>
    public static readonly (string Segment, EntityType Type, string Summary)[] Types =
    [
        ("places", EntityType.Place, "Places: Belgium, its regions, provinces, arrondissements, municipalities and the seven cities"),
        ("sectors", EntityType.Sector, "Sectors with their NACE-BEL 2008 codes"),
        ("technologies", EntityType.Technology, "Technologies and themes"),
        ("organisations", EntityType.Organisation, "Companies, research centres, universities, groups of start-ups"),
        ("programmes", EntityType.Programme, "Labels, funding programmes and public initiatives"),
        ("sources", EntityType.Source, "Documents and data sets that facts cite"),
    ];

    public static void MapCatalogueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/", (HttpContext ctx, AtlasSnapshots s) => Answers.Json(ctx, ApiIndex(s)))
            .WithName("GetApiIndex").WithSummary("What the API offers, with links").Produces<ApiIndexJson>();

        foreach (var (segment, type, summary) in Types)
        {
            var list = api.MapGet($"/{segment}", (HttpContext ctx, EntityQueries q, CompanyQueries companies, string? kind, string? parent, string? current, string? lang, string? page, string? pageSize, string? format) =>
            {
                if (type == EntityType.Organisation && Params.Text(ctx.Request, "q") is { } query) return RegisterApi.SearchCompanies(ctx, companies, query);
                var language = Params.Language(ctx.Request);
                var entities = q.List(type, Params.Page(ctx), Kind(type, kind), parent, Current(current));
                return Answers.List(ctx, new Page<EntityJson>(entities.Items.Select(e => EntityJson.Of(e, language)).ToList(), entities.Total, entities.Number, entities.Size));
            }).Produces<PageJson<EntityJson>>().WithName("List" + char.ToUpperInvariant(segment[0]) + segment[1..]);
            list.WithSummary(type == EntityType.Organisation
                ? summary + "; with ?q=, companies of the enterprise register by any name or by enterprise number (CompanySearch; 409 without a register)"
                : summary);

            var one = api.MapGet($"/{segment}/{{id}}", (HttpContext ctx, EntityQueries q, ClaimQueries claims, CompanyQueries companies, string id, string? lang) =>
            {
                var language = Params.Language(ctx.Request);
                if (type == EntityType.Organisation && q.Resolve(id, type) is null && CompanyQueries.NumberQuery(id) is { } number)
                    return RegisterApi.Company(ctx, companies, id, number);
                if (q.Get(id, type) is not { } detail)
                    return Problems.NotFound(Slugs.Of(type), id, $"/api/search?q={Uri.EscapeDataString(Params.Truncate(id, 60))}");
                var register = detail.Entity is Organisation org && companies.LinkOf(org, language) is { } link ? RegisterLinkJson.Of(link) : null;
                return Answers.Json(ctx, Detail(detail, q.Snapshot, claims, language) with { Register = register });
            }).AddEndpointFilter(Problems.CheckIdLength).Produces<EntityJson>().ProducesProblem(404).WithName($"Get{type}");
            one.WithSummary(type == EntityType.Organisation
                ? "One organisation by id or any alias, with its facts and its register record; or, by enterprise number (dots optional), an enterprise of the register (Company): names, juridical form, start date, seat, establishments with their municipality and NACE activities"
                : $"One {Slugs.Of(type)} by id or any alias, with its facts");
        }

        api.MapGet("/facts", (HttpContext ctx, EntityQueries q, ClaimQueries claims, string? subject, string? predicate, string? source, string? about, string? status, string? role, string? lang, string? page, string? pageSize, string? format) =>
        {
            var filter = new FactFilter(Params.Text(ctx.Request, "subject"), Params.Slug<Predicate>(ctx.Request, "predicate"),
                Params.Text(ctx.Request, "source"), Params.Text(ctx.Request, "about"), Params.Slug<FactStatus>(ctx.Request, "status"),
                Params.Slug<FactRole>(ctx.Request, "role"));
            var language = Params.Language(ctx.Request);
            var facts = q.Facts(filter, Params.Page(ctx));
            return Answers.List(ctx, new Page<FactJson>(Facts(facts.Items, q.Snapshot, claims, language), facts.Total, facts.Number, facts.Size));
        }).WithSummary("Facts, filtered by subject, predicate, source, an entity they are about, status (asserted, confirmed, contradicted: each confirmed or contradicted fact carries its statusEvidence) or role (claim, context)").Produces<PageJson<FactJson>>().ProducesProblem(400).WithName("ListFacts");

        api.MapGet("/facts/{id}", (HttpContext ctx, EntityQueries q, ClaimQueries claims, string id, string? lang) =>
            q.Fact(id) is { } fact
                ? Answers.Json(ctx, FactJson.Of(fact, q.Snapshot, Params.Language(ctx.Request), claims.All(fact)))
                : Problems.NotFound("fact", id, "/api/facts"))
            .AddEndpointFilter(Problems.CheckIdLength).WithSummary("One fact with its source and locator").Produces<FactJson>().ProducesProblem(404).WithName("GetFact");
    }

    /// <summary>Facts as the API shows them, each city sector claim with the register's evidence when one is loaded.</summary>
    public static List<FactJson> Facts(IEnumerable<Fact> facts, CuratedSnapshot s, ClaimQueries claims, Lang lang) =>
        facts.Select(f => FactJson.Of(f, s, lang, claims.All(f))).ToList();

    public static EntityJson Detail(EntityDetail d, CuratedSnapshot s, ClaimQueries claims, Lang lang) => EntityJson.Of(d.Entity, lang) with
    {
        Facts = Facts(d.Facts, s, claims, lang),
        FactsAbout = Facts(d.FactsAbout, s, claims, lang),
        Children = d.Entity is Place ? d.Children.Select(c => new ChildJson(c.Id, c.Kind, c.Label(lang))).ToList() : null,
        FactCount = d.FactCount,
    };

    private static ApiIndexJson ApiIndex(AtlasSnapshots s) => new("Belgian Innovation Atlas", s.Curated.Version, "/openapi/v1.json",
        new Dictionary<string, string>
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
            ["opportunities"] = "/api/places/{id}/opportunities",
            ["index"] = "/api/index",
            ["series"] = "/api/series?concept=&geo=&adjustment=",
            ["check"] = "/api/facts/{id}/check",
        },
        new Dictionary<string, string>
        {
            ["lang"] = "fr | nl | en (default: Accept-Language, else fr)",
            ["page"] = "page number, from 1",
            ["pageSize"] = $"1 to {PageRequest.MaxSize} (default {PageRequest.DefaultSize})",
            ["format"] = "json | csv (or a .csv suffix on a list path)",
        });

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
            throw new BadRequestException("Unknown kind", $"kind '{Params.Truncate(kind)}' is not one of: {string.Join(", ", allowed)}.");
        return kind;
    }

    private static bool Current(string? current) => current switch
    {
        null or "" or "true" => true,
        "false" or "all" => false,
        _ => throw new BadRequestException("Invalid current", "current is true (only places that exist today, the default) or false (also municipalities merged away)."),
    };
}

/// <summary>What the API offers: its endpoints and parameters.</summary>
public sealed record ApiIndexJson(string Name, string DataVersion, string Openapi, IReadOnlyDictionary<string, string> Endpoints, IReadOnlyDictionary<string, string> Parameters);
