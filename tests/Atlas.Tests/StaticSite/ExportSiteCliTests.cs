using Atlas.Web.StaticSite;

namespace Atlas.Tests.StaticSite;

/// <summary>`atlas export site` as a user types it: a wrong address is refused before anything is done.</summary>
[Collection(CliTests.Name)]
public class ExportSiteCliTests
{
    [Theory]
    [InlineData("--base-url", "atlas.example.be")]
    [InlineData("--live", "ftp://atlas.example.be")]
    public async Task A_base_or_live_address_that_is_not_http_is_refused(string option, string value)
    {
        using var dir = TestPaths.Temp();
        var (code, _, err) = await CliRunner.Run("export", "site", dir.File("site"), option, value);
        Assert.Equal(1, code);
        Assert.Contains($"{option} {value}: give an absolute http or https address.", err);
        Assert.False(Directory.Exists(dir.File("site")));
    }

    [Fact]
    public async Task Export_of_a_table_still_works_beside_export_site()
    {
        using var dir = TestPaths.Temp();
        var (code, _, err) = await CliRunner.Run("--db", dir.File("atlas.db"), "export", "sectors", "--out", dir.File("sectors.csv"));
        Assert.Equal(0, code);
        Assert.StartsWith("id,", File.ReadAllText(dir.File("sectors.csv")));
        Assert.Contains("Wrote", err);
    }
}

/// <summary>`atlas export site` on a PostgreSQL server (`--store`), as every command: the same whole atlas as files.</summary>
[Collection(CliTests.Name)]
public class ExportSiteOnPostgresTests
{
    [SkippableFact]
    public async Task The_whole_atlas_is_exported_from_the_server_store()
    {
        using var db = new Postgres.TestDatabase();
        using var dir = TestPaths.Temp();
        var site = dir.File("site");
        var (code, output, err) = await CliRunner.Run("--store", db.Spec, "export", "site", site, "--base-url", "https://atlas.example.be");
        Assert.True(code == 0, err);
        Assert.Matches(@"^Exported [\d,]+ files", output);
        var manifest = SiteManifest.Read(site)!;
        Assert.True(manifest.Resources.Count > 7000, $"{manifest.Resources.Count} addresses");
        Assert.Contains("Gent", File.ReadAllText(Path.Combine(site, "nl", "places", "ghent.html")));
        // the boundaries were seeded into the server with the curated data: the GeoJSON has Ghent's outline
        var ghent = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, "api", "places", "ghent.geojson")));
        Assert.Equal("MultiPolygon", ghent.RootElement.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Contains("<loc>https://atlas.example.be/fr/places/ghent</loc>", File.ReadAllText(Path.Combine(site, "sitemap.xml")));
        Assert.True(File.Exists(Path.Combine(site, "api", "catalog.jsonld")));
    }
}
