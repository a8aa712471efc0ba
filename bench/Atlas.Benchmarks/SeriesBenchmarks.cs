using System.Text;
using Atlas.Series;
using Atlas.Store;
using Atlas.Web;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Benchmarks;

/// <summary>
/// Official series (issue 14): 100,000 observations of SDMX-CSV read, and imported into an empty series file (one
/// transaction).
/// </summary>
[MemoryDiagnoser]
public class SeriesImportBenchmarks
{
    private string _dir = null!;
    private byte[] _file = null!;
    private string _text = null!;
    private int _n;

    /// <summary>
    /// Eurostat's sts_inpr_m layout: 25 countries × 4 adjustments × 5 activities = 500 monthly series of 200 months,
    /// 100,000 rows (values made up, deterministic).
    /// </summary>
    public static string HundredThousand()
    {
        var sb = new StringBuilder("DATAFLOW,LAST UPDATE,freq,indic_bt,nace_r2,s_adj,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n");
        string[] geos = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE"];
        var n = 0;
        foreach (var geo in geos)
            foreach (var adj in new[] { "NSA", "CA", "SA", "SCA" })
                foreach (var nace in new[] { "B-D", "B", "C", "D", "MIG_ING" })
                {
                    for (var i = 0; i < 200; i++)
                        sb.Append($"ESTAT:STS_INPR_M(1.0),16/07/25 11:00:00,M,PRD,{nace},{adj},I21,{geo},{2010 + i / 12}-{i % 12 + 1:D2},{80 + (i * 7 + n) % 40}.{i % 10},\n");
                    n++;
                }
        return sb.ToString();
    }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        _text = HundredThousand();
        _file = Encoding.UTF8.GetBytes(_text);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public int Read100k() => SdmxCsvReader.Read("100k.csv", _text).Series.Count;

    /// <summary>Read, check, describe and write the 500 series in one transaction, into a new file each time.</summary>
    [Benchmark]
    public int Import100k()
    {
        var path = Path.Combine(_dir, $"import-{++_n}.series.db");
        var report = SeriesImporter.Import(SqliteSeriesStore.Open(path), _file, "100k.csv", new SeriesImportOptions());
        return report.Added;
    }
}

/// <summary>
/// A series page, its year-on-year view, the check of the article's figure, a municipal series and a city page (with
/// its sparkline, for comparison with PageBenchmarks' figure before the series), rendered through
/// the whole in-process pipeline (routing, store, measure, chart, Razor), each request with a new address so that the
/// output cache never answers.
/// </summary>
[MemoryDiagnoser]
public class SeriesPageBenchmarks
{
    private string _dir = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        var queries = AtlasSetup.Prepare(Paths.DataDir, Path.Combine(_dir, "atlas.db"));
        _app = AtlasWebApp.Create(queries, new WebOptions { InProcess = true });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = _app.GetTestClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Params("/en/series/NBB.INDUSTRIAL_PROD.M.SA", "/en/series/NBB.INDUSTRIAL_PROD.M.SA?measure=yoy",
        "/en/facts/belgium-industrial-production-change-2025-05/check", "/en/series/STATBEL.ESTABLISHMENT_UNITS.Q.44021",
        "/en/places/ghent")]
    public string Page { get; set; } = "";

    [Benchmark]
    public async Task<int> Render()
    {
        var separator = Page.Contains('?') ? '&' : '?';
        using var response = await _client.GetAsync($"{Page}{separator}_={++_n}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
