using System.Collections.Concurrent;
using System.Text;
using Atlas.Web.StaticSite;

namespace Atlas.Tests.StaticSite;

/// <summary>
/// The static export served by nginx against the live atlas: every page and resource the same (apart from the
/// declared differences: the search script, and the forms that go to the live atlas), every link resolving, the
/// right content types, the 404 pages, sitemap.xml and robots.txt.
/// </summary>
[Collection(StaticSiteFixture.Collection)]
public class StaticSiteTests(StaticSiteFixture site)
{
    private static string Script(string html) => System.Text.RegularExpressions.Regex.Match(html, "<script src=\"(/assets/search\\.[^\"]+\\.js)\" defer>").Groups[1].Value;

    private static async Task<ConcurrentBag<string>> ForEach(IEnumerable<string> addresses, Func<string, Task<string?>> check)
    {
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (address, _) =>
        {
            if (await check(address) is { } problem) problems.Add(problem);
        });
        return problems;
    }

    [SkippableFact]
    public async Task Every_exported_page_and_resource_is_what_the_live_atlas_answers()
    {
        NginxServer.Require();
        var addresses = site.Manifest.Resources.Keys.ToList();
        Assert.True(addresses.Count > 7000, $"{addresses.Count} addresses exported");
        Assert.Contains("/api/places.geojson", addresses);
        Assert.Contains("/api/facts/brussels-hosts-imec.jsonld", addresses);
        Assert.Contains("/nl/compare?places=ghent,antwerp", addresses);
        var problems = await ForEach(addresses, async address =>
        {
            using var live = await site.Live.GetAsync(address);
            using var exported = await site.Static.GetAsync(address);
            if (live.StatusCode != System.Net.HttpStatusCode.OK || exported.StatusCode != System.Net.HttpStatusCode.OK)
                return $"{address}: live {(int)live.StatusCode}, export {(int)exported.StatusCode}";
            var type = live.Content.Headers.ContentType!.MediaType;
            if (exported.Content.Headers.ContentType?.MediaType != type) return $"{address}: {type} live, {exported.Content.Headers.ContentType} exported";
            var (a, b) = (await live.Content.ReadAsByteArrayAsync(), await exported.Content.ReadAsByteArrayAsync());
            if (type == "text/html")
            {
                var html = Encoding.UTF8.GetString(b);
                b = Encoding.UTF8.GetBytes(StaticPages.Restore(html, Script(html), StaticSiteFixture.LiveForms));
            }
            if (address == SiteExport.ChangesFeed)
            {
                // declared: the feed's ids and links are the site's public address in the export, the live host's live
                var liveOrigin = live.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Authority);
                b = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace(StaticSiteFixture.BaseUrl, liveOrigin));
            }
            if (address == "/openapi/v1.json")
            {
                // declared: the document names its server, the export the site's public address
                Assert.Equal(StaticSiteFixture.BaseUrl + "/", StaticPages.ServersUrl().Match(Encoding.UTF8.GetString(b)).Groups[1].Value);
                (a, b) = (StaticPages.OpenApi(a, "x"), StaticPages.OpenApi(b, "x"));
            }
            return a.AsSpan().SequenceEqual(b) ? null : $"{address}: the content differs";
        });
        Assert.True(problems.IsEmpty, $"{problems.Count} differences, e.g.\n{string.Join("\n", problems.Take(10))}");
    }

    [SkippableFact]
    public async Task Every_link_in_the_export_resolves_and_the_forms_go_to_the_live_atlas()
    {
        NginxServer.Require();
        var links = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (address, resource) in site.Manifest.Resources)
        {
            var body = await File.ReadAllBytesAsync(Path.Combine(site.Folder, resource.File));
            links.UnionWith(SiteCrawler.Links(new Fetched(address, 200, SitePaths.MediaType(resource.File), body)));
        }
        Assert.True(links.Count > 7000);
        // a link is either in the export, or one the live atlas does not answer either (the register's answers without a register: 409)
        var problems = await ForEach(links, async link =>
        {
            using var exported = await site.Static.GetAsync(link);
            if (exported.IsSuccessStatusCode) return null;
            using var live = await site.Live.GetAsync(link);
            return live.IsSuccessStatusCode ? $"{link}: {(int)exported.StatusCode} in the export, {(int)live.StatusCode} live" : null;
        });
        Assert.True(problems.IsEmpty, $"{problems.Count} broken links, e.g.\n{string.Join("\n", problems.Take(10))}");
        Assert.All(site.Export.LeftOut, f => Assert.Equal(409, f.Status));

        var ghent = await site.Static.GetStringAsync("/nl/places/ghent");
        Assert.Contains($"action=\"{StaticSiteFixture.LiveForms}/nl/search\"", ghent);
        Assert.Contains("<link rel=\"alternate\" type=\"application/ld&#x2B;json\" href=\"/api/places/ghent.jsonld\"", ghent);
        var compare = await site.Static.GetStringAsync("/fr/compare");
        Assert.Contains($"action=\"{StaticSiteFixture.LiveForms}/fr/compare\"", compare);
    }

    [SkippableFact]
    public async Task The_server_gives_each_file_its_content_type_and_the_site_its_404_pages_sitemap_robots_and_search()
    {
        NginxServer.Require();
        foreach (var (address, type) in new[] { ("/fr/places/ghent", "text/html"), ("/api/places/ghent", "application/json"), ("/api/places.csv?kind=city", "text/csv"),
                     ("/api/facts?format=csv", "text/csv"), ("/api/places/ghent.geojson", "application/geo+json"), ("/api/facts/brussels-hosts-imec.jsonld", "application/ld+json"),
                     ("/api/catalog", "application/ld+json"), ("/sitemap.xml", "application/xml"), ("/robots.txt", "text/plain") })
        {
            using var response = await site.Static.GetAsync(address);
            Assert.True(response.IsSuccessStatusCode, address);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        }
        using var page = await site.Static.GetAsync("/en/");
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        using var missing = await site.Static.GetAsync("/nl/places/atlantis");
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Contains("<html lang=\"nl\">", await missing.Content.ReadAsStringAsync());
        using var missingApi = await site.Static.GetAsync("/api/places/atlantis");
        Assert.Equal(404, (int)missingApi.StatusCode);
        Assert.Contains("\"status\":404", await missingApi.Content.ReadAsStringAsync());

        // the atlas's own sitemap, under the site's public address: every page it lists is in the export
        var sitemap = await site.Static.GetStringAsync("/sitemap.xml");
        Assert.Contains($"<loc>{StaticSiteFixture.BaseUrl}/nl/places/ghent</loc>", sitemap);
        Assert.Contains($"hreflang=\"fr\" href=\"{StaticSiteFixture.BaseUrl}/fr/places/ghent\"", sitemap);
        var listed = System.Text.RegularExpressions.Regex.Matches(sitemap, "<loc>([^<]*)</loc>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(listed.Count > 3000, $"{listed.Count} pages in the sitemap");
        Assert.All(listed, loc => Assert.StartsWith(StaticSiteFixture.BaseUrl + "/", loc));
        var unlisted = await ForEach(listed, async loc =>
        {
            using var page = await site.Static.GetAsync(loc[StaticSiteFixture.BaseUrl.Length..]);
            return page.IsSuccessStatusCode ? null : $"{loc}: {(int)page.StatusCode}";
        });
        Assert.True(unlisted.IsEmpty, $"{unlisted.Count} pages of the sitemap not in the export, e.g.\n{string.Join("\n", unlisted.Take(10))}");
        Assert.Contains($"Sitemap: {StaticSiteFixture.BaseUrl}/sitemap.xml", await site.Static.GetStringAsync("/robots.txt"));

        // the search page answers any query in the browser: the script and the index it reads are served with the page
        var search = await site.Static.GetStringAsync("/fr/search?q=Gand");
        Assert.Contains("<h1>Rechercher</h1>", search);
        var script = await site.Static.GetAsync(Script(search));
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        var index = await site.Static.GetStringAsync("/search/index-fr.json");
        Assert.Matches("\"u\":\"/fr/places/ghent\",\"l\":\"Gand\",\"k\":\"ville\",\"n\":\"[^\"]*\\bgent\\b", index);
    }
}
