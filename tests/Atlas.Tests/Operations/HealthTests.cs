using System.Net;
using System.Text.Json.Nodes;
using Atlas.Store;
using Atlas.Web;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Operations;

/// <summary>Liveness and readiness for a load balancer; readiness fails while the database cannot be read.</summary>
[Collection(AtlasCollection.Name)]
public class HealthTests(AtlasFixture atlas)
{
    [Fact]
    public async Task Healthz_and_readyz_answer_with_the_data_version()
    {
        var live = await atlas.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("no-store, no-cache", live.Headers.CacheControl!.ToString());
        var ready = await atlas.Json("/readyz");
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
        Assert.Equal(atlas.Services.CuratedStore.DataVersion, ready["store"]!["dataVersion"]!.GetValue<string>());
        Assert.Null(ready["store"]!["registerExtract"]); // no register in this atlas
        Assert.Equal(HttpStatusCode.OK, (await atlas.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/readyz"))).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_unreachable_and_comes_back_with_it()
    {
        using var dir = TestPaths.Temp();
        var path = dir.File("atlas.db");
        // a copy of the seeded database, so that this test can break it
        using (var source = ((SqliteCuratedStore)atlas.Services.CuratedStore).Connect())
            source.Execute("VACUUM INTO $path", new { path });
        var services = AtlasServices.Sqlite(SqliteCuratedStore.Open(path));
        await using var app = await TestApp.Start(services, new WebOptions());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/readyz")).StatusCode);

        File.Move(path, path + ".away");
        File.WriteAllText(path, "this is not a database");
        SqliteConnection.ClearAllPools(); // the pooled connections still hold the old file open
        var down = await app.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var body = JsonNode.Parse(await down.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("the store does not answer", body["store"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain(dir.Path, body.ToJsonString()); // no file path, no error text for the world
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode); // the process is alive

        File.Move(path + ".away", path, overwrite: true);
        SqliteConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/readyz")).StatusCode);
    }
}
