using System.Diagnostics;
using System.Text;
using Atlas.Model;
using Atlas.Web.Http;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Web.StaticSite;

/// <param name="Folder">where the site is written</param>
/// <param name="BaseUrl">the public address of the site, for sitemap.xml and robots.txt</param>
/// <param name="LiveUrl">a live atlas for the search and comparison forms without JavaScript; null keeps them on the export</param>
public sealed record SiteExportOptions(string Folder, string BaseUrl, string? LiveUrl);

/// <summary>What an export did: files, pages, how many addresses it rendered (all, or those a change touched), the linked addresses it left out with their status.</summary>
public sealed record SiteExportReport(WriteReport Files, long Bytes, int Pages, int Rendered, bool Incremental, IReadOnlyList<Fetched> LeftOut, TimeSpan Elapsed);

/// <summary>
/// <c>atlas export site</c>: the whole atlas as files for any web server or CDN. Every address is asked of the atlas's
/// own HTTP pipeline in process (the same bytes the live server sends), written where a server finds it by its
/// address (<see cref="SitePaths"/>), the pages with their declared differences (<see cref="StaticPages"/>), beside
/// the 404 pages, sitemap.xml, robots.txt and the in-browser search index. Run again on the same folder, it renders
/// only what a change touched (<see cref="SiteChanges"/>) and writes only the files whose content changed.
/// </summary>
public static class SiteExport
{
    public static async Task<SiteExportReport> Run(AtlasServices atlas, SiteExportOptions options, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var s = atlas.Snapshots.Curated;
        var sources = SiteChanges.SourcesVersion(atlas.Snapshots);
        var last = SiteManifest.Read(options.Folder);
        var items = SiteChanges.Fingerprints(s);
        var renderer = SiteChanges.Renderer(options);
        var changed = SiteChanges.Changed(last, renderer, s, items, sources);

        // the crawl asks thousands of addresses at once of its own in-process host: no rate limit there (the public
        // limits of a served atlas are its own options, untouched)
        await using var app = AtlasWebApp.Create(atlas, new WebOptions { InProcess = true, RateLimit = new RateLimit(PerMinute: 0) });
        await app.StartAsync(ct);
        using var client = app.GetTestClient();
        var crawler = new SiteCrawler(client);
        var script = AssetFiles.Url("assets/search.js");
        // the fingerprinted assets, and the two files browsers and crawlers ask for by name
        var seeds = SiteSeeds.Of(atlas).Concat(new[] { "assets/atlas.css", "assets/favicon.svg", "assets/search.js" }.Select(AssetFiles.Url))
            .Concat(["/favicon.ico", "/manifest.webmanifest"]).ToList();

        // the addresses of the last export that stay as they are, and those to render
        var resources = new Dictionary<string, ManifestResource>(StringComparer.Ordinal);
        if (changed is not null)
        {
            foreach (var (address, resource) in last!.Resources)
                if (!resource.Mentions.Any(changed.Contains) && File.Exists(Path.Combine(options.Folder, resource.File))) resources[address] = resource;
            seeds = [.. last.Resources.Keys.Where(a => !resources.ContainsKey(a)).Concat(seeds.Where(a => !last.Resources.ContainsKey(a)))];
        }
        var fetched = await crawler.Crawl(seeds, resources.Keys.ToHashSet(), ct);

        var scanner = new SiteChanges.Scanner(items.Keys, s.Version);
        var rendered = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var leftOut = new List<Fetched>();
        foreach (var f in fetched)
        {
            if (f.Status != 200 || SitePaths.FileOf(f.Address, f.ContentType) is not { } file) { if (f.Address != "/") leftOut.Add(f); continue; }
            var body = f.Address == "/openapi/v1.json" ? StaticPages.OpenApi(f.Body, options.BaseUrl) : Adapt(f, script, options.LiveUrl);
            rendered.TryAdd(file, body);
            resources[f.Address] = new ManifestResource(file, scanner.Mentions(f.Body));
        }
        // the feed of accepted changes, asked as the public site: Atom's ids and links are absolute addresses
        var origin = new Uri(options.BaseUrl).GetLeftPart(UriPartial.Authority);
        if (resources.TryGetValue(ChangesFeed, out var feed)) rendered[feed.File] = (await crawler.Fetch(origin + ChangesFeed, ct)).Body;
        var kept = resources.Values.Select(r => r.File).Distinct().Where(file => !rendered.ContainsKey(file))
            .ToDictionary(file => file, file => last!.Files[file], StringComparer.Ordinal);
        foreach (var (probe, file) in SiteExtras.NotFoundPages())
            rendered[file] = Adapt(await crawler.Fetch(probe, ct), script, options.LiveUrl);
        rendered["api/404.json"] = SiteExtras.ApiNotFound();
        rendered["index.html"] = SiteExtras.EntryPage(AssetFiles.Url("assets/atlas.css"));
        var pages = resources.Where(r => r.Value.File.EndsWith(".html")).Select(r => r.Key).ToList();
        // the atlas's own sitemap.xml and robots.txt, asked as the public site: their addresses are absolute
        foreach (var file in new[] { "sitemap.xml", "robots.txt" })
            rendered[file] = (await crawler.Fetch($"{origin}/{file}", ct)).Body;
        foreach (var lang in Langs.Interface)
            rendered[SitePaths.FileOf(StaticSearchIndex.Address(lang))!] = StaticSearchIndex.Build(s, lang);
        await app.StopAsync(ct);

        var (report, hashes) = SiteWriter.Write(options.Folder, rendered, kept, last?.Files ?? new Dictionary<string, string>());
        new SiteManifest(renderer, s.Version, sources, hashes, resources, items).Write(options.Folder);
        var bytes = hashes.Keys.Sum(f => new FileInfo(Path.Combine(options.Folder, f)).Length);
        return new SiteExportReport(report, bytes, pages.Count, fetched.Count, changed is not null, leftOut, watch.Elapsed);
    }

    /// <summary>The Atom feed of accepted changes (the curation's history).</summary>
    public const string ChangesFeed = "/api/changes?format=atom";

    private static byte[] Adapt(Fetched f, string script, string? live) =>
        f.ContentType == "text/html" ? Encoding.UTF8.GetBytes(StaticPages.Adapt(Encoding.UTF8.GetString(f.Body), script, live)) : f.Body;
}
