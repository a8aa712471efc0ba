using System.Reflection;
using Atlas.Model;
using Atlas.Query;
using Atlas.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Pages;

/// <summary>
/// The web atlas: server-rendered pages under /fr, /nl and /en, built from the same query layer as the API. Every
/// page works without JavaScript and links to its data as JSON and CSV.
/// </summary>
public static class PageEndpoints
{
    private static readonly (string Segment, EntityType Type)[] EntityTypes =
    [
        ("places", EntityType.Place), ("sectors", EntityType.Sector), ("technologies", EntityType.Technology),
        ("organisations", EntityType.Organisation), ("programmes", EntityType.Programme), ("sources", EntityType.Source),
    ];

    public const string CachePolicy = "pages";

    public static void MapAtlasPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext ctx) => Results.Redirect($"/{PreferredLanguage(ctx.Request).Code()}/")).ExcludeFromDescription();
        app.MapGet("/assets/{name}", Asset).ExcludeFromDescription();

        foreach (var lang in Langs.Interface)
        {
            var root = "/" + lang.Code();
            var pages = app.MapGroup(root).ExcludeFromDescription().CacheOutput(CachePolicy);
            pages.MapGet("/", (HttpContext ctx, AtlasQueries q) => Home(ctx, q, lang));
            foreach (var (segment, type) in EntityTypes)
            {
                pages.MapGet($"/{segment}", (HttpContext ctx, AtlasQueries q) => List(ctx, q, lang, type, segment));
                pages.MapGet($"/{segment}/{{id}}", (HttpContext ctx, AtlasQueries q, string id) => Entity(ctx, q, lang, type, segment, id));
            }
            pages.MapGet("/facts", (HttpContext ctx, AtlasQueries q) => Facts(ctx, q, lang));
            pages.MapGet("/facts/{id}", (HttpContext ctx, AtlasQueries q, string id) => Fact(ctx, q, lang, id));
            pages.MapGet("/search", (HttpContext ctx, AtlasQueries q) => Search(ctx, q, lang));
            pages.MapGet("/compare", (HttpContext ctx, AtlasQueries q) => Compare(ctx, q, lang));
            pages.MapGet("/matrix", (HttpContext ctx, AtlasQueries q) => Matrix(ctx, q, lang));
            pages.MapGet("/methodology/complexity", (HttpContext ctx) =>
                Render<MethodologyPage>(new() { ["Ctx"] = Context(ctx, lang, lang.T("methodology-title")) }));
        }
        app.MapIndexPages();
    }

    /// <summary>The first of fr, nl, en in Accept-Language, else French (the language of the founding source).</summary>
    public static Lang PreferredLanguage(HttpRequest request)
    {
        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(','))
        {
            var code = part.Split(';')[0].Trim();
            if (code.Length >= 2 && Langs.TryParse(code[..2], out var lang) && lang != Lang.De) return lang;
        }
        return Lang.Fr;
    }

    /// <summary>The language of a page address (/nl/…), else the visitor's preferred one.</summary>
    public static Lang LanguageOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return path.Length >= 3 && path[0] == '/' && (path.Length == 3 || path[3] is '/')
               && Langs.TryParse(path[1..3], out var lang) && lang != Lang.De ? lang : PreferredLanguage(request);
    }

    public static IResult Render<T>(Dictionary<string, object?> parameters, int status = 200) where T : IComponent =>
        new PageResult<T>(parameters, status);

    public static IResult NotFoundPage(HttpContext ctx, Lang lang, string? suggestion = null) =>
        Render<MessagePage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("not-found")),
            ["Message"] = lang.T("not-found-help"),
            ["ShowSearch"] = true,
            ["Suggestion"] = suggestion,
        }, StatusCodes.Status404NotFound);

    /// <summary>A request the page cannot answer as asked (a page number that is not one, a query over 200 characters).</summary>
    public static IResult BadRequestPage(HttpContext ctx, Lang lang, string detail) =>
        Render<MessagePage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("bad-request")),
            ["Message"] = detail,
            ["ShowSearch"] = true,
        }, StatusCodes.Status400BadRequest);

    public static IResult ErrorPage(HttpContext ctx, Lang lang) =>
        Render<MessagePage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("error")),
            ["Message"] = lang.T("error-help"),
        }, StatusCodes.Status500InternalServerError);

    private static PageContext Context(HttpContext ctx, Lang lang, string title, string? json = null, string? csv = null) =>
        new(lang, title, ctx.Request.Path + ctx.Request.QueryString, json, csv);

    private static IResult Home(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        var cities = q.ListEntities(EntityType.Place, lang, PageRequest.All, kind: "city").Items;
        var citySectors = cities.ToDictionary(c => c.Id, c => (IReadOnlyList<EntityRef>)q.Facts(new FactFilter(Subject: c.Id, Predicate: "innovates-in"), lang, PageRequest.All)
            .Items.Where(f => f.Object is not null).Select(f => new EntityRef(f.Object!, f.ObjectLabel!, "sector", "sector")).DistinctBy(s => s.Id).ToList());
        // each city's heading in the source, as the line under its name
        var leads = cities.Select(c => (c.Id, Lead: q.Facts(new FactFilter(Subject: c.Id), lang, PageRequest.All).Items
                .FirstOrDefault(f => f.Locator.Passage == "heading")?.Text))
            .Where(x => x.Lead is not null).ToDictionary(x => x.Id, x => x.Lead!);
        return Render<HomePage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T("home"), "/api/places?kind=city", "/api/places.csv?kind=city"),
            ["Map"] = q.Map,
            ["Cities"] = cities,
            ["CitySectors"] = citySectors,
            ["CityLeads"] = leads,
            ["Figures"] = q.Facts(new FactFilter(Predicate: "has-indicator-value") { Role = "claim" }, lang, PageRequest.All).Items,
            ["Sectors"] = q.ListEntities(EntityType.Sector, lang, PageRequest.All).Items.Select(e => e.Ref).ToList(),
            ["Technologies"] = q.ListEntities(EntityType.Technology, lang, PageRequest.All).Items.Select(e => e.Ref).ToList(),
        });
    }

    private static IResult List(HttpContext ctx, AtlasQueries q, Lang lang, EntityType type, string segment)
    {
        var kinds = type switch
        {
            EntityType.Place => Slugs.All<PlaceKind>().ToList(),
            EntityType.Organisation => Slugs.All<OrganisationKind>().ToList(),
            EntityType.Programme => Slugs.All<ProgrammeKind>().ToList(),
            _ => [],
        };
        var kind = ctx.Request.Query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !kinds.Contains(kind)) return NotFoundPage(ctx, lang, kind);
        var page = RequestContext.Int(ctx.Request, "page", 1, 1, 100_000);
        var items = q.ListEntities(type, lang, new PageRequest(page, 100), kind);
        var title = kind is null ? lang.T(segment) : $"{lang.T(segment)} — {lang.Kind(kind)}";
        if (kind == "city") title = lang.T("cities");
        var query = Links.Query(("kind", kind));
        return Render<ListPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, title, $"/api/{segment}{query}", $"/api/{segment}.csv{query}"),
            ["Type"] = type.ToString().ToLowerInvariant(),
            ["Kind"] = kind,
            ["Kinds"] = kinds,
            ["Items"] = items,
        });
    }

    private static IResult Entity(HttpContext ctx, AtlasQueries q, Lang lang, EntityType type, string segment, string id)
    {
        var resolved = id.Length <= AtlasQueries.MaxQueryLength ? q.Resolve(id, type) : null;
        if (resolved is null) return NotFoundPage(ctx, lang, id.Length <= 100 ? id : null);
        // one address per entity: an alias (Gand, Luik, 44021) leads to the id's page
        if (resolved != id) return Results.Redirect(Links.Entity(lang, type.ToString().ToLowerInvariant(), resolved));

        var detail = q.GetEntity(id, lang, type)!;
        var e = detail.Entity;
        var sourceFacts = type == EntityType.Source ? q.Facts(new FactFilter(Source: id), lang, PageRequest.All).Items : [];
        var refs = q.Refs(ReferencedIds(detail, sourceFacts), lang);
        var csv = type switch
        {
            EntityType.Place => $"/api/facts.csv?subject={Uri.EscapeDataString(id)}",
            EntityType.Source => $"/api/facts.csv?source={Uri.EscapeDataString(id)}",
            _ => $"/api/facts.csv?about={Uri.EscapeDataString(id)}",
        };
        var pageContext = Context(ctx, lang, e.Label, $"/api/{segment}/{Uri.EscapeDataString(id)}", csv);
        if (type == EntityType.Place)
        {
            return Render<PlacePage>(new()
            {
                ["Ctx"] = pageContext, ["Detail"] = detail, ["Refs"] = refs,
                ["Related"] = e.Kind == "city" ? RelatedCities(q, lang, id) : Array.Empty<(EntityRef, int)>(),
            });
        }
        return Render<EntityPage>(new() { ["Ctx"] = pageContext, ["Detail"] = detail, ["Refs"] = refs, ["SourceFacts"] = sourceFacts });
    }

    private static IReadOnlyList<(EntityRef City, int Count)> RelatedCities(AtlasQueries q, Lang lang, string id)
    {
        var shared = q.CitiesSharingThemes(id);
        var refs = q.Refs(shared.Select(s => s.City), lang);
        return shared.Select(s => (refs[s.City], s.Shared)).ToList();
    }

    private static IEnumerable<string> ReferencedIds(EntityDetail detail, IEnumerable<FactView> more)
    {
        var e = detail.Entity;
        foreach (var f in detail.Facts.Concat(detail.FactsAbout).Concat(more))
        {
            yield return f.Subject;
            if (f.Object is not null) yield return f.Object;
            foreach (var c in f.Context) yield return c;
        }
        foreach (var key in new[] { "parent", "mergedInto", "scope" })
            if (e.Str(key) is { } id) yield return id;
        foreach (var id in e.Strs("mergedFrom")) yield return id;
        foreach (var list in new[] { "links", "places" })
            if (e[list] is System.Text.Json.Nodes.JsonArray a)
                foreach (var item in a) yield return item!["place"]!.GetValue<string>();
    }

    private static IResult Facts(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        string? Param(string name) => RequestContext.Text(ctx.Request, name);
        var filter = new FactFilter(Param("subject"), Param("predicate"), Param("source"), Param("about"), Param("status"));
        var facts = q.Facts(filter, lang, PageRequest.All);
        var refs = q.Refs(facts.Items.SelectMany(f => f.Context.Append(f.Subject).Concat(f.Object is null ? [] : [f.Object]))
            .Concat(new[] { filter.Subject, filter.About }.OfType<string>().Select(x => q.Resolve(x) ?? x)), lang);
        var about = new[] { filter.Subject, filter.About }.OfType<string>().Select(x => q.Resolve(x) ?? x)
            .Select(x => refs.TryGetValue(x, out var r) ? r.Label : x);
        var title = lang.T("facts") + (about.Any() ? " — " + string.Join(" × ", about) : "");
        var query = ctx.Request.QueryString.Value ?? "";
        return Render<FactsPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, title, "/api/facts" + query, "/api/facts.csv" + query),
            ["Facts"] = facts,
            ["Refs"] = refs,
        });
    }

    private static IResult Fact(HttpContext ctx, AtlasQueries q, Lang lang, string id)
    {
        var fact = id.Length <= AtlasQueries.MaxQueryLength ? q.GetFact(id, lang) : null;
        if (fact is null) return NotFoundPage(ctx, lang, null);
        var refs = q.Refs(fact.Context.Append(fact.Subject).Concat(fact.Object is null ? [] : [fact.Object]), lang);
        return Render<FactPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, fact.Text.Length > 80 ? fact.Text[..80] + "…" : fact.Text, $"/api/facts/{Uri.EscapeDataString(id)}"),
            ["Fact"] = fact,
            ["Refs"] = refs,
        });
    }

    private static readonly string[] FacetNames = ["kind", "region", "sector", "technology"];

    private static IResult Search(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        var text = RequestContext.Text(ctx.Request, "q")?.Trim();
        var filters = FacetNames.ToDictionary(f => f, f => RequestContext.Text(ctx.Request, f));
        var result = string.IsNullOrEmpty(text) ? null
            : q.Search(text, lang, new AtlasQueries.SearchFilters(filters["kind"], filters["region"], filters["sector"], filters["technology"]), 50);
        var query = ctx.Request.QueryString.Value ?? "";
        return Render<SearchPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, text is null ? lang.T("search") : $"{lang.T("search")} « {text} »",
                result is null ? null : "/api/search" + query, result is null ? null : "/api/search" + query + "&format=csv"),
            ["Result"] = result,
            ["Filters"] = filters,
        });
    }

    private static IResult Compare(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        var asked = (RequestContext.Text(ctx.Request, "places") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(ctx.Request.Query["p"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()))
            .Take(3).ToList();
        var cities = q.ListEntities(EntityType.Place, lang, PageRequest.All, kind: "city").Items;
        Comparison? result = null;
        var selected = new List<string>();
        if (asked.Count >= 2)
        {
            var (comparison, unknown) = q.Compare(asked, lang);
            if (unknown.Count > 0) return NotFoundPage(ctx, lang, unknown[0].Length <= 100 ? unknown[0] : null);
            result = comparison;
            selected = comparison!.Places.Select(p => p.Id).ToList();
        }
        var places = string.Join(',', selected);
        return Render<ComparePage>(new()
        {
            ["Ctx"] = Context(ctx, lang, result is null ? lang.T("compare-title") : string.Join(" · ", result.Places.Select(p => p.Label)),
                result is null ? null : $"/api/compare?places={places}", result is null ? null : $"/api/compare.csv?places={places}"),
            ["Cities"] = cities,
            ["Selected"] = selected.Count > 0 ? selected : cities.Take(2).Select(c => c.Id).ToList(),
            ["Result"] = result,
        });
    }

    private static IResult Matrix(HttpContext ctx, AtlasQueries q, Lang lang)
    {
        var of = ctx.Request.Query["of"].ToString() is { Length: > 0 } o ? o : "sector";
        if (!AtlasQueries.MatrixTypes.Contains(of)) return NotFoundPage(ctx, lang, null);
        return Render<MatrixPage>(new()
        {
            ["Ctx"] = Context(ctx, lang, lang.T(of == "sector" ? "matrix-title" : "matrix-title-technology"), $"/api/matrix?of={of}", $"/api/matrix.csv?of={of}"),
            ["Matrix"] = q.Matrix(of, lang),
        });
    }

    // ---------- assets ----------

    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Assets = LoadAssets();

    private static Dictionary<string, (byte[], string, string)> LoadAssets()
    {
        var assembly = typeof(PageEndpoints).Assembly;
        var result = new Dictionary<string, (byte[], string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Assets.")))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var file = name[(name.IndexOf(".Assets.", StringComparison.Ordinal) + 8)..];
            var type = Path.GetExtension(file) switch { ".css" => "text/css; charset=utf-8", ".svg" => "image/svg+xml", ".js" => "text/javascript; charset=utf-8", _ => "application/octet-stream" };
            var bytes = memory.ToArray();
            result[file] = (bytes, type, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"");
        }
        return result;
    }

    private static IResult Asset(HttpContext ctx, string name)
    {
        if (!Assets.TryGetValue(name, out var asset)) return NotFoundPage(ctx, LanguageOf(ctx.Request));
        ctx.Response.Headers.CacheControl = "public, max-age=3600";
        ctx.Response.Headers.ETag = asset.ETag;
        if (ctx.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.Type);
    }
}
