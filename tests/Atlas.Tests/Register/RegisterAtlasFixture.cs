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
public sealed class RegisterAtlasFixture : IAsyncLifetime
{
    public const string Collection = "register-atlas";

    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string RegisterPath => RegisterStore.PathFor(_dir.File("atlas.db"));
    public string DumpPath => _dir.File("full");

    public const string ProximusEstablishment = "2.199.999.986";   // 21999999, check 86

    public async Task InitializeAsync()
    {
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = DumpPath, Scale = 0.002, Seed = 11, ExtractNumber = 146,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir,
        });
        AddRealRecords(DumpPath);
        Services = AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));
        RegisterImporter.Import(DumpPath, RegisterPath, TestPaths.DataDir);
        RegisterImporter.Import(KboParserTests.Extract147, RegisterPath, TestPaths.DataDir);
        _app = AtlasWebApp.Create(Services, new WebOptions { InProcess = true });
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    /// <summary>Appends the register records of Proximus and UCB (as the public KBO search shows them) to a dump.</summary>
    private static void AddRealRecords(string dump)
    {
        void Append(string file, params string[] lines) => File.AppendAllText(Path.Combine(dump, file), string.Join("", lines.Select(l => l + "\n")));
        Append("enterprise.csv",
            "\"0202.239.951\",\"AC\",\"000\",\"2\",\"014\",,01-01-1930",
            "\"0403.053.608\",\"AC\",\"000\",\"2\",\"014\",,18-01-1928");
        Append("establishment.csv", $"\"{ProximusEstablishment}\",01-06-1998,\"0202.239.951\"");
        Append("denomination.csv",
            "\"0202.239.951\",\"1\",\"001\",\"Proximus\"",
            "\"0202.239.951\",\"2\",\"001\",\"Proximus\"",
            "\"0202.239.951\",\"1\",\"002\",\"PXS\"",
            "\"0403.053.608\",\"1\",\"001\",\"UCB\"",
            $"\"{ProximusEstablishment}\",\"1\",\"003\",\"Proximus Shop Bruxelles Centre\"");
        Append("address.csv",
            "\"0202.239.951\",\"REGO\",,,\"1030\",\"Schaarbeek\",\"Schaerbeek\",\"Koning Albert II-laan\",\"Boulevard du Roi Albert II\",\"27\",\"\",\"\",",
            "\"0403.053.608\",\"REGO\",,,\"1070\",\"Anderlecht\",\"Anderlecht\",\"Researchdreef\",\"Allée de la Recherche\",\"60\",\"\",\"\",",
            $"\"{ProximusEstablishment}\",\"BAET\",,,\"1000\",\"Brussel\",\"Bruxelles\",\"Nieuwstraat\",\"Rue Neuve\",\"1\",\"\",\"\",");
        Append("activity.csv",
            "\"0202.239.951\",\"001\",\"2008\",\"61100\",\"MAIN\"",
            "\"0202.239.951\",\"001\",\"2025\",\"61100\",\"MAIN\"",
            "\"0202.239.951\",\"001\",\"2008\",\"61200\",\"SECO\"",
            "\"0403.053.608\",\"001\",\"2008\",\"21100\",\"MAIN\"",
            "\"0403.053.608\",\"001\",\"2025\",\"21100\",\"MAIN\"",
            $"\"{ProximusEstablishment}\",\"003\",\"2008\",\"47420\",\"MAIN\"",
            $"\"{ProximusEstablishment}\",\"003\",\"2025\",\"47400\",\"MAIN\"");

        // a textile firm with 40 workshops in Ghent (9000): Ghent's textile claim then has strong evidence
        var firm = KboDigits.Format(4000000L * 100 + KboCheck.CheckDigits(4000000));
        Append("enterprise.csv", $"\"{firm}\",\"AC\",\"000\",\"2\",\"014\",,01-03-1950");
        Append("denomination.csv", $"\"{firm}\",\"2\",\"001\",\"Gentse Textielfabriek\"");
        Append("address.csv", $"\"{firm}\",\"REGO\",,,\"9000\",\"Gent\",\"Gand\",\"Dok Noord\",\"Dok Noord\",\"4\",\"\",\"\",");
        Append("activity.csv", $"\"{firm}\",\"001\",\"2008\",\"13200\",\"MAIN\"");
        for (var i = 0; i < TextileWorkshops; i++)
        {
            var body = 21999900L + i;
            var number = KboDigits.Format(body * 100 + KboCheck.CheckDigits(body));
            Append("establishment.csv", $"\"{number}\",01-01-2001,\"{firm}\"");
            Append("address.csv", $"\"{number}\",\"BAET\",,,\"9000\",\"Gent\",\"Gand\",\"Dok Noord\",\"Dok Noord\",\"{i + 1}\",\"\",\"\",");
            Append("activity.csv", $"\"{number}\",\"003\",\"2008\",\"{(i % 2 == 0 ? "13200" : "14130")}\",\"MAIN\"");
        }
    }

    public const int TextileWorkshops = 40;

    public async Task DisposeAsync()
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
