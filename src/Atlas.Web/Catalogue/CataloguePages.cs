using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Compare;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Analytics;
using Atlas.Web.AtlasIndex;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Catalogue;

public sealed record ListPageModel(PageContext Ctx, EntityType Type, string? Kind, IReadOnlyList<string> Kinds, Page<Entity> Items);

/// <param name="History">The entity's accepted changes (where it is a curated one); <paramref name="Curation"/>: the atlas takes proposals.</param>
public sealed record EntityPageModel(PageContext Ctx, Entity Entity, IReadOnlyList<FactJson> Facts, IReadOnlyList<FactJson> FactsAbout,
    IReadOnlyList<FactJson> SourceFacts, EntityLinks Refs, Atlas.Web.Curation.EntityHistoryJson? History, bool Curation);

public sealed record PlacePageModel(PageContext Ctx, Place Place, IReadOnlyList<FactJson> Facts, IReadOnlyList<FactJson> FactsAbout,
    IReadOnlyList<Place> Children, EntityLinks Refs, IReadOnlyList<(Place City, int Count)> Related,
    IndexSectionModel? Index, OpportunitiesModel? Opportunities, Atlas.Dynamics.PlaceDynamics? Dynamics, Atlas.Series.PlaceSeries? Establishments);

public sealed record FactsPageModel(PageContext Ctx, IReadOnlyList<FactJson> Facts, EntityLinks Refs);

public sealed record FactPageModel(PageContext Ctx, FactJson Fact, EntityLinks Refs, Atlas.Web.Curation.FactHistoryJson? History, bool Curation);

/// <summary>The pages of the catalogue: a list per type, one page per entity (a place has its own), the facts, one fact.</summary>
public static class CataloguePages
{
    public static void MapCataloguePages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
    {
        foreach (var (segment, type, _) in CatalogueApi.Types)
        {
            pages.MapGet($"/{segment}", (HttpContext ctx, EntityQueries q) => List(ctx, q, lang, type, segment));
            pages.MapGet($"/{segment}/{{id}}", (HttpContext ctx, AtlasServices atlas, string id) => Entity(ctx, atlas, lang, type, segment, id));
        }
        pages.MapGet("/facts", (HttpContext ctx, EntityQueries q, ClaimQueries claims) => Facts(ctx, q, claims, lang));
        pages.MapGet("/facts/{id}", (HttpContext ctx, AtlasServices atlas, string id) => Fact(ctx, atlas, lang, id));
    });

    private static IResult List(HttpContext ctx, EntityQueries q, Lang lang, EntityType type, string segment)
    {
        var kinds = type switch
        {
            EntityType.Place => Slugs.All<PlaceKind>().ToList(),
            EntityType.Organisation => Slugs.All<OrganisationKind>().ToList(),
            EntityType.Programme => Slugs.All<ProgrammeKind>().ToList(),
            _ => [],
        };
        var kind = ctx.Request.Query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !kinds.Contains(kind)) return ErrorPages.NotFound(ctx, lang, kind);
        var page = Params.Int(ctx.Request, "page", 1, 1, 100_000);
        var title = kind == "city" ? lang.T("cities") : kind is null ? lang.T(segment) : $"{lang.T(segment)} — {lang.Kind(kind)}";
        var query = Links.Query(("kind", kind));
        return Page.Render<ListPage, ListPageModel>(new(PageContext.Of(ctx, lang, title, $"/api/{segment}{query}", $"/api/{segment}.csv{query}"),
            type, kind, kinds, q.List(type, new PageRequest(page, 100), kind)));
    }

    private static IResult Entity(HttpContext ctx, AtlasServices atlas, Lang lang, EntityType type, string segment, string id)
    {
        var q = atlas.Entities;
        var resolved = id.Length <= Problems.MaxIdLength ? q.Resolve(id, type) : null;
        if (resolved is null) return ErrorPages.NotFound(ctx, lang, id.Length <= 100 ? id : null);
        // one address per entity: an alias (Gand, Luik, 44021) leads to the id's page
        if (resolved != id) return Results.Redirect(Links.Entity(lang, type, resolved));

        var s = q.Snapshot;
        var detail = q.Get(id, type)!;
        var facts = CatalogueApi.Facts(detail.Facts, s, atlas.Claims, lang);
        var about = CatalogueApi.Facts(detail.FactsAbout, s, atlas.Claims, lang);
        var csv = type switch
        {
            EntityType.Place => $"/api/facts.csv?subject={Uri.EscapeDataString(id)}",
            EntityType.Source => $"/api/facts.csv?source={Uri.EscapeDataString(id)}",
            _ => $"/api/facts.csv?about={Uri.EscapeDataString(id)}",
        };
        var context = PageContext.Of(ctx, lang, detail.Entity.Label(lang), $"/api/{segment}/{Uri.EscapeDataString(id)}", csv);
        var refs = new EntityLinks(s, lang);
        if (detail.Entity is Place place)
        {
            var isCity = place.PlaceKind == PlaceKind.City;
            var related = isCity ? atlas.Compare.CitiesSharingThemes(id).Select(r => (s.Get<Place>(r.City)!, r.Shared)).ToList() : [];
            // the figures' source: ?source= (kbo, statbel-vat-2019), else the default one
            var source = Params.Text(ctx.Request, "source");
            // a municipality merged away in 2025 has no dynamics of its own (Statbel's figures are of today's municipalities)
            var dynamics = place.PlaceKind is PlaceKind.City or PlaceKind.Municipality && place.MergedInto is null && atlas.Snapshots.Sources.Any(x => x.Vat is not null)
                ? atlas.Dynamics.Of(id, NaceLevel.Division, lang) : null;
            var establishments = place.PlaceKind is PlaceKind.City or PlaceKind.Municipality ? atlas.Series.OfPlace(id) : null;
            return Page.Render<PlacePage, PlacePageModel>(new(context, place, facts, about, detail.Children, refs, related,
                IndexSectionModel.For(atlas, place, lang, source), isCity ? OpportunitiesModel.For(atlas, place, lang, source) : null, dynamics, establishments));
        }
        var sourceFacts = type == EntityType.Source
            ? CatalogueApi.Facts(q.Facts(new FactFilter(Source: id), PageRequest.All).Items, s, atlas.Claims, lang) : [];
        var history = Atlas.Curation.EntityYaml.IsCurated(detail.Entity) ? Atlas.Web.Curation.HistoryApi.OfEntity(atlas, id) : null;
        return Page.Render<EntityPage, EntityPageModel>(new(context, detail.Entity, facts, about, sourceFacts, refs, history, TakesCuration(ctx)));
    }

    private static IResult Facts(HttpContext ctx, EntityQueries q, ClaimQueries claims, Lang lang)
    {
        string? Param(string name) => Params.Text(ctx.Request, name);
        var filter = new FactFilter(Param("subject"), Params.Slug<Predicate>(ctx.Request, "predicate"), Param("source"), Param("about"),
            Params.Slug<FactStatus>(ctx.Request, "status"));
        var s = q.Snapshot;
        var facts = CatalogueApi.Facts(q.Facts(filter, PageRequest.All).Items, s, claims, lang);
        var about = new[] { filter.Subject, filter.About }.OfType<string>().Select(x => s.Resolve(x) ?? x).Select(x => s.Label(x, lang));
        var title = lang.T("facts") + (about.Any() ? " — " + string.Join(" × ", about) : "");
        var query = ctx.Request.QueryString.Value ?? "";
        return Page.Render<FactsPage, FactsPageModel>(new(PageContext.Of(ctx, lang, title, "/api/facts" + query, "/api/facts.csv" + query),
            facts, new EntityLinks(s, lang)));
    }

    private static IResult Fact(HttpContext ctx, AtlasServices atlas, Lang lang, string id)
    {
        var q = atlas.Entities;
        if (id.Length > Problems.MaxIdLength || q.Fact(id) is not { } fact) return ErrorPages.NotFound(ctx, lang);
        var json = FactJson.Of(fact, q.Snapshot, lang, atlas.Claims.All(fact));
        return Page.Render<FactPage, FactPageModel>(new(PageContext.Of(ctx, lang, json.Text.Length > 80 ? json.Text[..80] + "…" : json.Text,
            $"/api/facts/{Uri.EscapeDataString(id)}"), json, new EntityLinks(q.Snapshot, lang), Atlas.Web.Curation.HistoryApi.Of(atlas, id), TakesCuration(ctx)));
    }

    /// <summary>Whether the edit links lead anywhere: only where the atlas has accounts (a read-only atlas has no form).</summary>
    private static bool TakesCuration(HttpContext ctx) => ctx.RequestServices.GetService(typeof(Atlas.Curation.ICurationStore)) is not null;
}
