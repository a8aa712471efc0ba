using Atlas.Series;
using Atlas.Store;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Series;

/// <summary>The series fixtures (tests/fixtures/series, see tests/fixtures/MANIFEST.md) and small files written by tests.</summary>
public static class SeriesFiles
{
    public static string Fixtures => Path.Combine(TestPaths.FixturesDir, "series");
    public static string EurostatCa => Path.Combine(Fixtures, "eurostat-sts_inpr_m-ca.csv");
    public static string NbbW => Path.Combine(Fixtures, "nbb-df_indprod-w.csv");
    public static string ShippedNbb => Path.Combine(TestPaths.DataDir, "reference", "series", "nbb-industrial-production-sa-2021eq100.csv");
    public static string ShippedStatbel => Path.Combine(TestPaths.DataDir, "reference", "statbel", "establishments-by-municipality", "vestigingseenheden.json");

    public const string ShippedNbbId = "NBB.INDUSTRIAL_PROD.M.SA";
    public const string EurostatBeId = "ESTAT.STS_INPR_M.M.PRD.B-D.CA.I21.BE";
    public const string NbbWId = "BE2.DF_INDPROD.M.2021.INDPROD.W.B_C_D.BE";
    public const string ClaimFact = "belgium-industrial-production-change-2025-05";

    public const string SdmxHeader = "DATAFLOW,freq,indic_bt,nace_r2,s_adj,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG";

    /// <summary>An SDMX-CSV 1.0 row of the Belgian CA index.</summary>
    public static string Row(string period, string value, string flag = "", string freq = "M", string adjustment = "CA", string geo = "BE") =>
        $"ESTAT:STS_INPR_M(1.0),{freq},PRD,B-D,{adjustment},I21,{geo},{period},{value},{flag}";

    /// <summary>Six good rows, 2024-01 … 2024-06 (lines 2 to 7 of the file).</summary>
    public static List<string> GoodRows() =>
        [Row("2024-01", "95.1"), Row("2024-02", "96.3"), Row("2024-03", "97.0"), Row("2024-04", "94.2"), Row("2024-05", "98.6"), Row("2024-06", "93.8")];

    public static string Write(string dir, string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>An empty series file of its own, for tests that write.</summary>
    public static SqliteSeriesStore Store(TestPaths.TempDir dir) => SqliteSeriesStore.Open(dir.File("test.series.db"));
}

/// <summary>
/// An atlas of its own (temporary database, the shipped series loaded, served in-process) for tests that import
/// series: the shared fixture keeps only the shipped ones.
/// </summary>
public sealed class SeriesAtlas : IAsyncDisposable
{
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string DbPath => _dir.File("atlas.db");
    public string Dir => _dir.Path;
    public ISeriesStore Store => Services.SeriesStore;

    public static async Task<SeriesAtlas> Start()
    {
        var atlas = new SeriesAtlas();
        atlas.Services = AtlasSetup.Prepare(TestPaths.DataDir, atlas.DbPath);
        atlas._app = AtlasWebApp.Create(atlas.Services, new WebOptions { InProcess = true });
        await atlas._app.StartAsync();
        atlas.Client = atlas._app.GetTestClient();
        return atlas;
    }

    public ImportReport Import(string path, SeriesImportOptions? options = null) => SeriesImporter.Import(Store, path, options ?? new SeriesImportOptions());

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
