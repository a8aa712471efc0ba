using Atlas.Model;
using Atlas.Web.Catalogue;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.OpenData;

/// <summary>JSON-LD under /api: each fact as a Claim, each entity, and the DCAT-AP catalogue.</summary>
public static class LinkedDataApi
{
    public static void MapLinkedDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/facts/{id}.jsonld", (AtlasServices atlas, string id) =>
            atlas.Entities.Fact(id) is { } fact
                ? Answers.Document(LinkedData.Claim(fact, atlas.Snapshots.Curated, atlas.Claims.All(fact)) with { Context = LdContextJson.Instance }, LinkedData.MediaType)
                : Problems.NotFound("fact", id, "/api/facts"))
            .AddEndpointFilter(Problems.CheckIdLength).Produces<LdClaimJson>(200, LinkedData.MediaType).ProducesProblem(404).WithName("GetFactJsonLd")
            .WithSummary("One fact as JSON-LD: a schema.org Claim (statement in three languages, the key phrase as a Quotation in its source, the date), its status as a ClaimReview citing its evidence, and each source's figures behind it (register, Statbel) with W3C PROV provenance");

        foreach (var (segment, type, _) in CatalogueApi.Types)
            api.MapGet($"/{segment}/{{id}}.jsonld", (AtlasServices atlas, string id) =>
                    atlas.Entities.Resolve(id, type) is { } found && atlas.Snapshots.Curated.Get(found) is { } entity
                        ? Answers.Document(LinkedEntities.Of(atlas, entity), LinkedData.MediaType)
                        : Problems.NotFound(Slugs.Of(type), id, $"/api/{segment}"))
                .AddEndpointFilter(Problems.CheckIdLength).Produces<LdEntityJson>(200, LinkedData.MediaType).ProducesProblem(404).WithName($"Get{type}JsonLd")
                .WithSummary($"One {Slugs.Of(type)} as JSON-LD (schema.org), with its identifiers and the claims about it");

        api.MapGet("/catalog", (AtlasServices atlas) => Answers.Document(DcatCatalog.Of(atlas), LinkedData.MediaType))
            .Produces<DcatCatalogJson>(200, LinkedData.MediaType).WithName("GetCatalog")
            .WithSummary("The atlas's datasets as a DCAT-AP catalogue (JSON-LD): licence, publisher, temporal coverage, version and distributions of each");
    }

    /// <summary>The JSON-LD of what a page shows, from the page's JSON address (/api/places/ghent → /api/places/ghent.jsonld); null for lists.</summary>
    public static string? AlternateOf(string? jsonLink)
    {
        if (jsonLink is null || jsonLink.Contains('?')) return null;
        var parts = jsonLink.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && parts[0] == "api" && (parts[1] == "facts" || CatalogueApi.Types.Any(t => t.Segment == parts[1])) ? jsonLink + ".jsonld" : null;
    }
}
