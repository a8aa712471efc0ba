using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests;

/// <summary>
/// One atlas for the HTTP tests: the repository's data seeded into a temporary database and the whole application
/// served in-process by ASP.NET Core's TestServer (no socket), the same pipeline `atlas serve` runs. The embedded
/// SQLite store here; <see cref="Postgres.PostgresAtlasFixture"/> is the same atlas on a PostgreSQL server.
/// </summary>
public class AtlasFixture : IAsyncLifetime
{
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The atlas over its store, seeded with the repository's data.</summary>
    protected virtual AtlasServices Prepare() => AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));

    public virtual async Task InitializeAsync()
    {
        Services = Prepare();
        _app = AtlasWebApp.Create(Services, new WebOptions { InProcess = true });
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public Task<JsonObject> Json(string path) => Client.GetJson(path);

    public async Task<(int Status, JsonObject? Body, HttpResponseMessage Response)> Raw(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? body = null;
        try { body = JsonNode.Parse(text) as JsonObject; } catch (System.Text.Json.JsonException) { }
        return ((int)response.StatusCode, body, response);
    }
}

[CollectionDefinition(Name)]
public sealed class AtlasCollection : ICollectionFixture<AtlasFixture>
{
    public const string Name = "atlas";
}
