using System.Text;
using Atlas.Snapshots;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Operations;

/// <summary>
/// What crawlers ask for first: <c>/robots.txt</c> (allowing every page but the search results by default; "deny"
/// for a node that must stay out of search engines; or a file of your own) and <c>/sitemap.xml</c>. The favicon
/// and the web manifest are static assets (wwwroot/favicon.ico, wwwroot/manifest.webmanifest).
/// </summary>
public static class Crawlers
{
    /// <summary>The robots.txt text for a setting: "allow", "deny" or the path of a file; null when the file cannot be read.</summary>
    public static string? RobotsText(string setting) => setting switch
    {
        "allow" => """
            # Belgian Innovation Atlas: every page may be crawled; the sitemap lists them in French, Dutch and English.
            # Search results are left out: their addresses are endless.
            User-agent: *
            Disallow: /fr/search
            Disallow: /nl/search
            Disallow: /en/search

            """,
        "deny" => "User-agent: *\nDisallow: /\n",
        _ => File.Exists(setting) ? File.ReadAllText(setting) : null,
    };

    /// <param name="robots">the setting: "allow", "deny" or a file (served as it is).</param>
    public static void MapCrawlers(this IEndpointRouteBuilder app, string robots)
    {
        var text = RobotsText(robots) ?? throw new ArgumentException($"robots: no file {robots}: give allow, deny or the path of a robots.txt");
        app.MapGet("/robots.txt", (HttpContext ctx) =>
        {
            // the sitemap's line needs an absolute address: the host this node is reached at
            var body = robots == "allow" ? text + $"Sitemap: {OriginOf(ctx.Request)}/sitemap.xml\n" : text;
            return Conditional.Write(ctx, Encoding.UTF8.GetBytes(body), "text/plain; charset=utf-8");
        }).ExcludeFromDescription().CacheOutput(PageCache.Pages);
        app.MapGet("/sitemap.xml", (HttpContext ctx, AtlasServices atlas, AtlasSnapshots snapshots) =>
                Conditional.Write(ctx, Sitemap.Write(atlas, OriginOf(ctx.Request), Conditional.DataDate(snapshots)), "application/xml; charset=utf-8"))
            .ExcludeFromDescription().CacheOutput(PageCache.Pages);
    }

    /// <summary>The scheme and host this node was asked at: the sitemap's addresses must be absolute.</summary>
    private static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
