using System.Text.Json.Nodes;
using Atlas.KboGenerator;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Tests.Register;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Finder;

/// <summary>
/// An atlas with a register holding known truth for the finder: a generated full dump (scale 0.002) with planted
/// activities, imported as <c>atlas import kbo</c> does.
/// <list type="bullet">
/// <item>Class <see cref="Planted"/> (26.51, measuring instruments): 30 establishments in Liège, 6 in each of
/// <see cref="Cluster"/>'s seven other municipalities.</item>
/// <item>Class <see cref="Related"/> (26.70, optical instruments): 6 establishments in each municipality of the cluster,
/// so that the two classes are present in the same municipalities (proximity φ near 1).</item>
/// <item>Class <see cref="Unrelated"/> (24.20, steel tubes): 6 establishments in each of eight other municipalities,
/// three of them within 25 km of Liège, never beside 26.51 (φ = 0).</item>
/// </list>
/// </summary>
public class FinderAtlasFixture : IAsyncLifetime
{
    public const string Collection = "finder-atlas";
    public const int Planted = 2651, Related = 2670, Unrelated = 2420;
    public const string Liege = "nis-62063";

    /// <summary>Where 26.51 and 26.70 are planted together: Liège, Herstal, Seraing, Namur, Charleroi, Mons, Leuven, Hasselt.</summary>
    public static readonly (string Postcode, string Locality)[] Cluster =
        [("4000", "Liège"), ("4040", "Herstal"), ("4100", "Seraing"), ("5000", "Namur"), ("6000", "Charleroi"), ("7000", "Mons"), ("3000", "Leuven"), ("3500", "Hasselt")];

    /// <summary>Where 24.20 is planted: Flémalle, Chaudfontaine and Ans (within 25 km of Liège), Verviers, Huy, Aalst, Kortrijk, Genk.</summary>
    public static readonly (string Postcode, string Locality)[] Elsewhere =
        [("4400", "Flémalle"), ("4050", "Chaudfontaine"), ("4430", "Ans"), ("4800", "Verviers"), ("4500", "Huy"), ("9300", "Aalst"), ("8500", "Kortrijk"), ("3600", "Genk")];

    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    /// <summary>The enterprise planted with 30 establishments of 26.51 in Liège.</summary>
    public string LiegeFirm { get; private set; } = "";

    /// <summary>The atlas over its store, seeded with the repository's data.</summary>
    protected virtual AtlasServices Prepare() => AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));

    /// <summary>Where the import writes the register.</summary>
    protected virtual IRegisterTarget Target => new SqliteRegisterTarget(RegisterStore.PathFor(_dir.File("atlas.db")));

    public virtual async Task InitializeAsync()
    {
        var dump = _dir.File("full");
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = dump, Scale = 0.002, Seed = 19, ExtractNumber = 146,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir,
        });
        var plants = new List<PlantedActivity>();
        foreach (var (postcode, locality) in Cluster)
        {
            plants.Add(new PlantedActivity($"Instruments {locality}", postcode, locality, "26510", postcode == "4000" ? 30 : 6));
            plants.Add(new PlantedActivity($"Optique {locality}", postcode, locality, "26700", 6));
        }
        foreach (var (postcode, locality) in Elsewhere)
            plants.Add(new PlantedActivity($"Tubes {locality}", postcode, locality, "24200", 6));
        LiegeFirm = KboPlanting.Plant(dump, plants)[0];
        Services = Prepare();
        RegisterImporter.Import(dump, Target, TestPaths.DataDir);
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

    public async Task<(int Status, string Body)> Raw(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

[CollectionDefinition(FinderAtlasFixture.Collection)]
public sealed class FinderAtlasCollection : ICollectionFixture<FinderAtlasFixture>;

/// <summary>The same atlas with the register imported into PostgreSQL (without a test server it starts nothing).</summary>
public sealed class PostgresFinderAtlasFixture : FinderAtlasFixture
{
    public new const string Collection = "finder-atlas-postgres";

    private Postgres.TestDatabase? _db;

    protected override AtlasServices Prepare()
    {
        _db = new Postgres.TestDatabase();
        return Atlas.Postgres.PostgresSetup.Prepare(TestPaths.DataDir, _db.Spec);
    }

    protected override IRegisterTarget Target => Atlas.Postgres.PostgresSetup.RegisterTarget(_db!.Spec);

    public override Task InitializeAsync() => Postgres.PostgresAtlasFixture.Available ? base.InitializeAsync() : Task.CompletedTask;

    public override async Task DisposeAsync()
    {
        if (!Postgres.PostgresAtlasFixture.Available) return;
        await base.DisposeAsync();
        _db?.Dispose();
    }
}

[CollectionDefinition(PostgresFinderAtlasFixture.Collection)]
public sealed class PostgresFinderAtlasCollection : ICollectionFixture<PostgresFinderAtlasFixture>;
