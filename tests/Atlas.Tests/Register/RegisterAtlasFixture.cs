using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.KboGenerator;
using Atlas.Model;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Register;

/// <summary>
/// An atlas with a register: the repository's data seeded into a temporary database, and beside it a register
/// imported from a generated full dump (scale 0.002) to which the real records of two curated organisations are
/// added (Proximus and UCB, with their real enterprise numbers and seats), then the real update extract 147.
/// </summary>
public class RegisterAtlasFixture : IAsyncLifetime
{
    public const string Collection = "register-atlas";

    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string RegisterPath => RegisterStore.PathFor(_dir.File("atlas.db"));
    public string DumpPath => _dir.File("full");

    public const string ProximusEstablishment = RegisterTestRecords.ProximusEstablishment;

    /// <summary>The atlas over its store, seeded with the repository's data.</summary>
    protected virtual AtlasServices Prepare() => AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));

    /// <summary>Where the imports write the register.</summary>
    protected virtual IRegisterTarget Target => new SqliteRegisterTarget(RegisterPath);

    /// <summary>A connection to the register's tables, to check the answers against (the same SQL on either store).</summary>
    public virtual DbConnection ConnectRegister()
    {
        var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={RegisterPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    public virtual async Task InitializeAsync()
    {
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = DumpPath, Scale = 0.002, Seed = 11, ExtractNumber = 146,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir,
        });
        RegisterTestRecords.Append(DumpPath);
        Services = Prepare();
        RegisterImporter.Import(DumpPath, Target, TestPaths.DataDir);
        RegisterImporter.Import(KboParserTests.Extract147, Target, TestPaths.DataDir);
        _app = AtlasWebApp.Create(Services, new WebOptions { InProcess = true });
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public const int TextileWorkshops = RegisterTestRecords.TextileWorkshops;

    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public Task<JsonObject> Json(string path) => Client.GetJson(path);

    public async Task<(int Status, string Body, string? ContentType)> Raw(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}

[CollectionDefinition(RegisterAtlasFixture.Collection)]
public sealed class RegisterAtlasCollection : ICollectionFixture<RegisterAtlasFixture>;
