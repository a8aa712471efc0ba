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
