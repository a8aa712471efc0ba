using Atlas.KboGenerator;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Tests.Register;
using Atlas.Web;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Index;

/// <summary>A register imported while the atlas runs: the cached pages and answers show it at the next request.</summary>
public class IndexImportTests
{
    [Fact]
    public async Task A_page_rendered_before_an_import_is_not_served_after_it()
    {
        using var dir = TestPaths.Temp();
        var queries = AtlasSetup.Prepare(TestPaths.DataDir, dir.File("atlas.db"));
        await using var app = AtlasWebApp.Create(queries, new WebOptions { InProcess = true });
        await app.StartAsync();
        var client = app.GetTestClient();

        async Task<(int, string)> Get(string path)
        {
            using var response = await client.GetAsync(path);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        const string statbel = "VAT-registered enterprises by seat, 31 December 2019", register = "establishment units by main activity";
        var (_, before) = await Get("/en/index");
        Assert.Contains(statbel, before);
        Assert.DoesNotContain(register, before);
        var (_, ghentBefore) = await Get("/en/places/ghent");
        Assert.Contains(statbel, ghentBefore);
        Assert.Contains("565", (await Get("/api/index?pageSize=1")).Item2);
        Assert.Equal(409, (await Get("/api/index?source=kbo")).Item1);

        var dump = dir.File("full");
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = dump, Scale = 0.001, Seed = 5, ExtractNumber = 150,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir,
        });
        RegisterImporter.Import(dump, RegisterStore.PathFor(dir.File("atlas.db")), TestPaths.DataDir);
        await Task.Delay(1100);   // the register's version is looked at once a second

        var (status, after) = await Get("/en/index");
        Assert.Equal(200, status);
        Assert.Contains(register, after);
        Assert.Contains("<svg class=\"rank-bar\"", after);
        var (_, ghentAfter) = await Get("/en/places/ghent");
        Assert.Contains(register, ghentAfter);
        Assert.Contains("\"id\":\"kbo\"", (await Get("/api/index?pageSize=1")).Item2);
        Assert.Equal(200, (await Get("/api/index?source=kbo")).Item1);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
