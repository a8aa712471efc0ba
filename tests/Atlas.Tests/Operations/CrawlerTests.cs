using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Atlas.Web;

namespace Atlas.Tests.Operations;

/// <summary>robots.txt, the sitemap with its language alternates (the same as each page's head), the favicon and the manifest.</summary>
[Collection(AtlasCollection.Name)]
public partial class CrawlerTests(AtlasFixture atlas)
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9", Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly string[] Cities = ["brussels", "antwerp", "ghent", "charleroi", "liege", "louvain-la-neuve", "bruges"];

    private async Task<Dictionary<string, Dictionary<string, string>>> SitemapEntries()
    {
        var response = await atlas.Client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.Root!.Elements(Sm + "url").ToDictionary(u => u.Element(Sm + "loc")!.Value,
            u => u.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));
    }

    [Fact]
    public async Task The_sitemap_lists_every_city_page_in_three_languages_with_its_alternates()
    {
        var entries = await SitemapEntries();
        foreach (var city in Cities)
            foreach (var lang in new[] { "fr", "nl", "en" })
            {
                var loc = $"http://localhost/{lang}/places/{city}";
                Assert.True(entries.TryGetValue(loc, out var alternates), $"{loc} is not in the sitemap");
                Assert.Equal(["fr", "nl", "en"], alternates.Keys);
                Assert.Equal($"http://localhost/nl/places/{city}", alternates["nl"]);
            }
        // every entity and every fact has its page there, in each language
        var s = atlas.Services.Snapshots.Curated;
        Assert.True(entries.Count >= 3 * (s.Entities.Count + s.Facts.Count), $"{entries.Count} addresses");
        Assert.Contains("http://localhost/en/places?kind=municipality", entries.Keys);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("/search"));
    }

    [Theory]
    [InlineData("/en/places/ghent")]
    [InlineData("/fr/places?kind=city")]
    [InlineData("/nl/sectors/textile")]
    public async Task A_page_head_carries_the_same_alternates_as_the_sitemap(string path)
    {
        var html = await atlas.Client.GetStringAsync(path);
        // relative in the head (the pages link nothing absolute), so resolved against the page's own address
        var page = new Uri("http://localhost" + path);
        var head = AlternateLink().Matches(html).ToDictionary(m => m.Groups[1].Value, m => new Uri(page, WebUtility.HtmlDecode(m.Groups[2].Value)).ToString());
        var entries = await SitemapEntries();
        Assert.Equal(entries[page.ToString()], head);
    }

    [Fact]
    public async Task Robots_allows_pages_by_default_and_points_to_the_sitemap()
    {
        var robots = await atlas.Client.GetStringAsync("/robots.txt");
        Assert.Contains("User-agent: *", robots);
        Assert.DoesNotContain("Disallow: /\n", robots);
        Assert.Contains("Disallow: /en/search", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task Robots_can_deny_every_crawler_or_be_a_file_of_ones_own()
    {
        await using (var deny = await TestApp.Start(atlas.Services, new WebOptions { Robots = "deny" }))
            Assert.Equal("User-agent: *\nDisallow: /\n", await deny.Client.GetStringAsync("/robots.txt"));
        using var dir = TestPaths.Temp();
        File.WriteAllText(dir.File("robots.txt"), "User-agent: Bot\nDisallow: /api/\n");
        await using var own = await TestApp.Start(atlas.Services, new WebOptions { Robots = dir.File("robots.txt") });
        Assert.StartsWith("User-agent: Bot\nDisallow: /api/\n", await own.Client.GetStringAsync("/robots.txt"));
    }

    [Fact]
    public async Task The_favicon_and_the_web_manifest_are_served_and_linked()
    {
        var icon = await atlas.Client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await icon.Content.ReadAsByteArrayAsync())[..4]); // an ICO file
        var manifest = await atlas.Client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await manifest.Content.ReadAsStringAsync())!;
        Assert.Equal("Belgian Innovation Atlas", json["name"]!.GetValue<string>());
        foreach (var src in json["icons"]!.AsArray().Select(i => i!["src"]!.GetValue<string>()))
            Assert.Equal(HttpStatusCode.OK, (await atlas.Client.GetAsync(src)).StatusCode);
        var html = await atlas.Client.GetStringAsync("/en/");
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"", html);
    }

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"([a-z]+)\" href=\"([^\"]+)\"")]
    private static partial Regex AlternateLink();
}
