using Atlas.Model;
using Atlas.Web.Catalogue;

namespace Atlas.Web.StaticSite;

/// <summary>
/// Where the walk of a static export starts: every page of every entity and fact in every language, every list and
/// its kinds, the analyses' pages, and every GET resource of the API for each of them (JSON, CSV, GeoJSON, JSON-LD);
/// with a register, each municipality's and city's specialisation, opportunities, similar municipalities and index.
/// The walk then adds whatever these link to (pages of lists, comparisons the city pages offer, facts of a subject …).
/// </summary>
public static class SiteSeeds
{
    public static IEnumerable<string> Of(AtlasServices atlas)
    {
        var s = atlas.Snapshots.Curated;
        string Esc(string id) => Uri.EscapeDataString(id);
        foreach (var lang in Langs.Interface.Select(l => "/" + l.Code()))
        {
            yield return lang + "/";
            foreach (var page in new[] { "/facts", "/compare", "/matrix?of=sector", "/matrix?of=technology", "/index", "/methodology/complexity", "/methodology/index", "/search" })
                yield return lang + page;
            foreach (var (segment, _, _) in CatalogueApi.Types) yield return $"{lang}/{segment}";
            foreach (var kind in Slugs.All<PlaceKind>()) yield return $"{lang}/places?kind={kind}";
            foreach (var e in s.Entities) yield return $"{lang}/{Pages.Links.Segment(e.Type)}/{Esc(e.Id)}";
            foreach (var f in s.Facts) yield return $"{lang}/facts/{Esc(f.Id)}";
        }
        foreach (var api in new[] { "/api", "/api/catalog", "/openapi/v1.json", "/api/facts", "/api/facts.csv", "/api/matrix?of=sector", "/api/matrix?of=technology" })
            yield return api;
        foreach (var (segment, _, _) in CatalogueApi.Types)
        {
            yield return $"/api/{segment}";
            yield return $"/api/{segment}.csv";
        }
        foreach (var kind in Slugs.All<PlaceKind>())
        {
            yield return $"/api/places?kind={kind}";
            yield return $"/api/places.csv?kind={kind}";
            yield return $"/api/places.geojson?kind={kind}";
        }
        yield return "/api/places.geojson";
        yield return "/api/places.geojson?current=false";
        foreach (var e in s.Entities)
        {
            var path = $"/api/{Pages.Links.Segment(e.Type)}/{Esc(e.Id)}";
            yield return path;
            yield return path + ".jsonld";
            if (e is Place) yield return path + ".geojson";
        }
        foreach (var f in s.Facts)
        {
            yield return $"/api/facts/{Esc(f.Id)}";
            yield return $"/api/facts/{Esc(f.Id)}.jsonld";
        }
        if (atlas.Snapshots.Register is null) yield break;
        foreach (var api in new[] { "/api/register", "/api/index", "/api/index?format=csv", "/api/complexity/activities", "/api/complexity/municipalities",
                     "/api/places.geojson?figures=index", "/api/places.geojson?figures=complexity" })
            yield return api;
        foreach (var p in s.All<Place>().Where(p => p.IsCurrent && p.PlaceKind is PlaceKind.Municipality or PlaceKind.City))
            foreach (var what in new[] { "specialisation", "opportunities", "similar", "index" })
                yield return $"/api/places/{Esc(p.Id)}/{what}";
    }
}
