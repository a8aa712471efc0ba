using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.OpenData;

/// <summary>The open formats under /api: GeoJSON of places, JSON-LD of facts and entities, the DCAT catalogue.</summary>
public static class OpenDataApi
{
    public static void MapOpenDataApi(this RouteGroupBuilder api)
    {
        api.MapGeoJsonApi();
        api.MapLinkedDataApi();
    }
}
