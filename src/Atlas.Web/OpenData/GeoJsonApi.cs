using Atlas.Model;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.OpenData;

/// <summary>
/// Places as GeoJSON (RFC 7946, application/geo+json): the municipalities (or the places of another kind) as a
/// FeatureCollection, and one place as a Feature, each with names in three languages, codes and, on request, the
/// figures of an analysis (<see cref="PlaceFigures"/>).
/// </summary>
public static class GeoJsonApi
{
    public const string MediaType = "application/geo+json";
    public const string Attribution = "Boundaries: Statbel's municipalities of 2020 (bmesuere/belgium-topojson, CC0); 2025 mergers as unions of their former municipalities";

    public static void MapGeoJsonApi(this RouteGroupBuilder api)
    {
        api.MapGet("/places.geojson", (HttpContext ctx, AtlasServices atlas, string? kind, string? current, string? figures, string? sector, string? source, string? lang) =>
        {
            var placeKind = kind is null ? PlaceKind.Municipality
                : Slugs.TryParse<PlaceKind>(kind, out var k) ? k
                : throw new BadRequestException("Unknown kind", $"kind '{Params.Truncate(kind)}' is not one of: {string.Join(", ", Slugs.All<PlaceKind>())}.");
            var all = current switch
            {
                null or "" or "true" => false,
                "false" or "all" => true,
                _ => throw new BadRequestException("Invalid current", "current is true (only places that exist today, the default) or false (also municipalities merged away)."),
            };
            var language = Params.Language(ctx.Request);
            var add = PlaceFigures.For(atlas, Params.Text(ctx.Request, "figures"), Params.Text(ctx.Request, "sector"), Params.Text(ctx.Request, "source"));
            var features = atlas.Entities.Places(placeKind).Where(p => all || p.IsCurrent).Select(p => Feature(atlas, p, language, add)).ToList();
            return Answers.Document(new FeatureCollectionJson("FeatureCollection", Attribution, PlaceFigures.Credit(atlas, figures, Params.Text(ctx.Request, "source")), features), MediaType);
        }).Produces<FeatureCollectionJson>(200, MediaType).ProducesProblem(400).ProducesProblem(409).WithName("ListPlacesGeoJson")
          .WithSummary("Places as GeoJSON (RFC 7946, WGS 84): the municipalities by default, or kind=province, region, arrondissement, country or city; current=false adds the municipalities merged away in 2025 (with their 2020 outline); figures=index, complexity or specialisation&sector=ID adds those figures as properties, from source=kbo or statbel-vat-2019 (default: the register when one is imported, else Statbel; 409 when the register is asked for and none is loaded)");

        api.MapGet("/places/{id}.geojson", (HttpContext ctx, AtlasServices atlas, string id, string? figures, string? sector, string? source, string? lang) =>
        {
            if (atlas.Entities.Resolve(id, EntityType.Place) is not { } placeId || atlas.Snapshots.Curated.Get<Place>(placeId) is not { } place)
                return Problems.NotFound("place", id, "/api/places");
            var add = PlaceFigures.For(atlas, Params.Text(ctx.Request, "figures"), Params.Text(ctx.Request, "sector"), Params.Text(ctx.Request, "source"));
            return Answers.Document(Feature(atlas, place, Params.Language(ctx.Request), add), MediaType);
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<FeatureJson>(200, MediaType).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
          .WithName("GetPlaceGeoJson").WithSummary("One place as a GeoJSON Feature (by id or any alias): its outline or, for a town, its point; with figures= as for the list");
    }

    private static FeatureJson Feature(AtlasServices atlas, Place place, Lang lang, Func<PlacePropertiesJson, PlacePropertiesJson>? add)
    {
        var geometry = atlas.Geometry.Of(place);
        var properties = PlacePropertiesJson.Of(place, geometry, lang);
        return new FeatureJson("Feature", place.Id, GeometryJson.Of(geometry), add is null ? properties : add(properties));
    }
}
