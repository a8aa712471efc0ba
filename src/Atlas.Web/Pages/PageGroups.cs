using Atlas.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Pages;

/// <summary>The pages of each language live under /fr, /nl and /en; each feature maps its pages in every one of them.</summary>
public static class PageGroups
{
    public static void MapPages(this IEndpointRouteBuilder app, Action<RouteGroupBuilder, Lang> map)
    {
        foreach (var lang in Langs.Interface)
            map(app.MapGroup("/" + lang.Code()).ExcludeFromDescription().CacheOutput(Http.PageCache.Pages), lang);
    }
}
