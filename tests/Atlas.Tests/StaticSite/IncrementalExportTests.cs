using Atlas.Web.StaticSite;

namespace Atlas.Tests.StaticSite;

/// <summary>
/// Re-exporting after a small change renders only the addresses the change touches and writes only the files whose
/// content changed — and the folder it leaves is, file for file, the one a full export of the new data writes.
/// </summary>
[Collection(StaticSiteFixture.Collection)]
public class IncrementalExportTests(StaticSiteFixture site)
{
    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    private static Dictionary<string, byte[]> Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != SiteManifest.FileName)
        .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);

    [SkippableFact]
    public async Task After_one_fact_changes_only_what_it_touches_is_rendered_and_written_again()
    {
        NginxServer.Require();
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        // a curator rewords Ghent's heading, which the home page shows as the city's lead (without naming the fact)
        var file = Path.Combine(data, "facts", "03-ghent.yaml");
        var before = "Ghent is presented as a model city for Industry 4.0.";
        Assert.Contains(before, File.ReadAllText(file));
        File.WriteAllText(file, File.ReadAllText(file).Replace(before, "Ghent is presented as a model city of Industry 4.0."));
        // the same stores as the export (as on a server: the series imported once stay), reseeded with the change
        var db = Path.Combine(dir.Path, "atlas.db");
        foreach (var store in Directory.GetFiles(Path.GetDirectoryName(site.Database)!, "atlas.*db*"))
            File.Copy(store, Path.Combine(dir.Path, Path.GetFileName(store)));
        var changed = AtlasSetup.Prepare(data, db);

        var incremental = Path.Combine(dir.Path, "incremental");
        Copy(site.Folder, incremental);
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(incremental, "fr", "places", "liege.html"));
        var report = await SiteExport.Run(changed, StaticSiteFixture.Options(incremental));
        Assert.True(report.Incremental);
        Assert.InRange(report.Rendered, 1, site.Export.Rendered / 5);
        Assert.InRange(report.Files.Written, 10, 200);
        Assert.Equal(0, report.Files.Removed);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(incremental, "fr", "places", "liege.html")));
        Assert.Contains("model city of Industry 4.0", File.ReadAllText(Path.Combine(incremental, "en", "index.html")));
        Assert.Contains("model city of Industry 4.0", File.ReadAllText(Path.Combine(incremental, "api", "facts", "ghent-model-of-industry-4-0.jsonld")));

        // the same folder as a full export of the new data
        var full = Path.Combine(dir.Path, "full");
        var fullReport = await SiteExport.Run(changed, StaticSiteFixture.Options(full));
        Assert.False(fullReport.Incremental);
        var (a, b) = (Files(incremental), Files(full));
        Assert.Equal(b.Keys.Order(StringComparer.Ordinal), a.Keys.Order(StringComparer.Ordinal));
        var differing = a.Where(kv => !kv.Value.AsSpan().SequenceEqual(b[kv.Key])).Select(kv => kv.Key).ToList();
        Assert.True(differing.Count == 0, $"the incremental export differs from a full one in {differing.Count} files, e.g. {string.Join(", ", differing.Take(10))}");

        // and once more with nothing changed: nothing is rendered or written
        var again = await SiteExport.Run(changed, StaticSiteFixture.Options(incremental));
        Assert.Equal((0, 0), (again.Files.Written, again.Files.Removed));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
