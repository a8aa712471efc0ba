using System.CommandLine;
using Atlas.Web.StaticSite;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas export site DIR [--base-url URL] [--live URL]</c>: the whole atlas — every page in every language and every
/// GET resource of the API — as files that nginx, any static host or a CDN serves (docs/static-export.md). Run again
/// after a change, it rewrites only the files whose content changed.
/// </summary>
public static class ExportSiteCommand
{
    public static Command Build()
    {
        var folder = new Argument<string>("dir") { Description = "the folder to write the site into (created if needed; files it did not write are left alone)" };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "the public address of the site, for sitemap.xml and robots.txt (default: http://127.0.0.1:5080)",
            DefaultValueFactory = _ => Atlas.Web.AtlasWebApp.DefaultUrl,
        };
        var live = new Option<string?>("--live") { Description = "a live atlas that the search and comparison forms go to without JavaScript (e.g. https://atlas.example.be)" };
        var command = new Command("site", "Write the whole atlas as a static site: pages in every language, the API as JSON, CSV, GeoJSON and JSON-LD, sitemap.xml, robots.txt, 404 pages and an in-browser search.");
        command.Arguments.Add(folder);
        command.Options.Add(baseUrl);
        command.Options.Add(live);
        command.SetAction(async (parse, ct) =>
        {
            foreach (var (name, value) in new[] { ("--base-url", parse.GetValue(baseUrl)), ("--live", parse.GetValue(live)) })
                if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                {
                    Console.Error.WriteLine($"{name} {value}: give an absolute http or https address.");
                    return 1;
                }
            var atlas = AtlasCommand.Prepare(parse, Console.Error);
            if (atlas is null) return AtlasCommand.ExitCode;
            var target = Path.GetFullPath(parse.GetValue(folder)!);
            var report = await SiteExport.Run(atlas, new SiteExportOptions(target, parse.GetValue(baseUrl)!, parse.GetValue(live)?.TrimEnd('/')), ct);
            var files = report.Files;
            Console.WriteLine($"Exported {files.Files:N0} files ({report.Bytes / 1024.0 / 1024.0:N1} MB; {report.Pages:N0} pages) to {target} in {report.Elapsed.TotalSeconds:N1} s: "
                + $"{(report.Incremental ? $"{report.Rendered:N0} addresses rendered again for what changed" : $"{report.Rendered:N0} addresses rendered")}; "
                + $"{files.Written:N0} files written, {files.Unchanged:N0} unchanged, {files.Removed:N0} removed.");
            foreach (var group in report.LeftOut.GroupBy(f => f.Status).OrderBy(g => g.Key))
                Console.WriteLine($"Left out {group.Count()} linked address(es) the atlas answers with {group.Key}, e.g. {group.First().Address}");
            return 0;
        });
        return command;
    }
}
