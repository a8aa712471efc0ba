using Atlas.Series;
using Atlas.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Tests.Series;

/// <summary>
/// A stand-in for NBB.Stat and Eurostat on 127.0.0.1 (Kestrel, a free port): SDMX-CSV for good queries, an HTML error
/// page with status 200 as the NBB sends for some bad ones, a 404, and an answer that never comes.
/// </summary>
public sealed class SdmxTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _requests;

    /// <summary>The server's address, http://127.0.0.1:PORT.</summary>
    public string Base { get; }

    private SdmxTestServer(WebApplication app, List<string> requests, string address) => (_app, _requests, Base) = (app, requests, address);

    /// <summary>Every request: path, query and Accept header.</summary>
    public IReadOnlyList<string> Seen { get { lock (_requests) return _requests.ToList(); } }

    public static async Task<SdmxTestServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var requests = new List<string>();
        app.Use((ctx, next) =>
        {
            lock (requests) requests.Add($"{ctx.Request.Path}{ctx.Request.QueryString} Accept: {ctx.Request.Headers.Accept}");
            return next(ctx);
        });
        app.MapGet("/nbb/data/{flow}/{key}", (string flow, string key) => flow == "BE2,DF_INDPROD,1.0" && key == "M.2021.INDPROD.W.B_C_D.BE"
            ? Results.Text(File.ReadAllText(SeriesFiles.NbbW), "application/vnd.sdmx.data+csv; version=1.0.0")
            : Results.Text("<!DOCTYPE html><html><head><title>NBB.Stat - Error</title></head><body>The query is not valid.</body></html>", "text/html"));
        app.MapGet("/eurostat/data/{flow}/{key}", () => Results.Text(File.ReadAllText(SeriesFiles.EurostatCa), "application/vnd.sdmx.data+csv; version=1.0.0"));
        app.MapGet("/gone/data/{flow}/{key}", () => Results.Text("No results found.", "text/plain", statusCode: 404));
        app.MapGet("/slow/data/{flow}/{key}", async (HttpContext ctx) =>
        {
            // never answers: waits until the client gives up
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { });
            return Results.Empty;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SdmxTestServer(app, requests, address);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>`atlas import series` and `atlas fetch series` as a user runs them: exit codes, messages, nothing half-imported.</summary>
[Collection(CliTests.Name)]
public class SeriesCliTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public async Task Import_series_prints_what_it_did_and_importing_again_changes_nothing()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        var (code, stdout, _) = await Run("import", "series", SeriesFiles.EurostatCa, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("as vintage 1 (fetched", stdout);
        Assert.Contains("2 series (2 new), 36 values added, 0 revised, 0 unchanged", stdout);
        (code, stdout, _) = await Run("import", "series", SeriesFiles.EurostatCa, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("was imported already (vintage 1", stdout);

        (code, stdout, _) = await Run("get", $"/api/facts/{SeriesFiles.ClaimFact}/check?lang=en", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("\"status\":\"Confirmed\"", stdout);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Import_series_names_the_option_a_file_needs_and_reports_bad_rows_at_their_line()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        var (code, _, stderr) = await Run("import", "series", SeriesFiles.ShippedNbb, "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("The file does not say the seasonal adjustment of NBB.INDUSTRIAL_PROD.M: give it with --adjustment NSA, CA, SA or SCA.", stderr);

        var rows = SeriesFiles.GoodRows();
        rows[2] = SeriesFiles.Row("2024-03", "n/a");
        var bad = SeriesFiles.Write(dir.Path, "bad.csv", [SeriesFiles.SdmxHeader, .. rows]);
        (code, _, stderr) = await Run("import", "series", bad, "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("bad.csv:4: the value 'n/a' is not a number", stderr);
        Assert.Contains("nothing was imported and the series are as they were (--max-errors N leaves out up to N unreadable rows).", stderr);
        Assert.Empty(SqliteSeriesStore.For(db).Vintages());

        (code, var stdout, _) = await Run("import", "series", bad, "--db", db, "--max-errors", "1");
        Assert.Equal(0, code);
        Assert.Contains("Rows left out, under --max-errors: 1", stdout);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Fetch_series_asks_the_NBB_for_SDMX_CSV_and_turns_the_articles_figure_into_a_check()
    {
        await using var server = await SdmxTestServer.Start();
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        var (code, stdout, stderr) = await Run("fetch", "series", "nbb", "M.2021.INDPROD.W.B_C_D.BE", "--from", "2024-01", "--url", server.Base + "/nbb/", "--db", db);
        Assert.True(code == 0, stderr);
        Assert.Contains("1 series (1 new), 18 values added", stdout);
        var request = Assert.Single(server.Seen);
        Assert.StartsWith("/nbb/data/BE2,DF_INDPROD,1.0/M.2021.INDPROD.W.B_C_D.BE?startPeriod=2024-01 Accept: application/vnd.sdmx.data+csv; version=1.0.0", request);
        var vintage = Assert.Single(SqliteSeriesStore.For(db).Vintages());
        Assert.Equal(server.Base + "/nbb/data/BE2,DF_INDPROD,1.0/M.2021.INDPROD.W.B_C_D.BE?startPeriod=2024-01", vintage.Source);

        (code, stdout, _) = await Run("get", $"/api/facts/{SeriesFiles.ClaimFact}/check?lang=en", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("\"status\":\"Confirmed\"", stdout);
        Assert.Contains("\"summary\":\"confirmed within the stated rounding (−7.3%)\"", stdout);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Fetch_series_builds_Eurostats_query()
    {
        await using var server = await SdmxTestServer.Start();
        using var dir = TestPaths.Temp();
        var (code, _, stderr) = await Run("fetch", "series", "eurostat", "M.PRD.B-D.CA.I21.BE", "--url", server.Base + "/eurostat", "--db", dir.File("cli.db"));
        Assert.True(code == 0, stderr);
        Assert.StartsWith("/eurostat/data/sts_inpr_m/M.PRD.B-D.CA.I21.BE?format=SDMX-CSV ", Assert.Single(server.Seen));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("nbb", "/nbb/", "M.2021.INDPROD.X.B_C_D.BE", "answered", "with an HTML page (\"NBB.Stat - Error\") instead of SDMX-CSV (status 200)")]
    [InlineData("nbb", "/gone/", "M.2021.INDPROD.W.B_C_D.BE", "answered 404", "(\"No results found.\")")]
    [InlineData("eurostat", "/slow/", "M.PRD.B-D.CA.I21.BE", "did not answer", "within 0.5 s. Nothing was imported. Try again later, or wait longer with --timeout SECONDS.")]
    public async Task A_fetch_that_brings_no_SDMX_CSV_says_why_and_imports_nothing(string provider, string path, string key, string first, string second)
    {
        await using var server = await SdmxTestServer.Start();
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        await Run("import", "series", SeriesFiles.EurostatCa, "--db", db);
        var before = SqliteSeriesStore.For(db).Version;
        // only the answer that never comes waits half a second; the others have the default time
        var timeout = path == "/slow/" ? "0.5" : "30";
        var (code, _, stderr) = await Run("fetch", "series", provider, key, "--url", server.Base + path, "--timeout", timeout, "--db", db);
        Assert.Equal(1, code);
        Assert.Contains(first, stderr);
        Assert.Contains(second, stderr);
        Assert.Contains("Nothing was imported.", stderr);
        Assert.Equal(before, SqliteSeriesStore.For(db).Version);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_key_that_is_not_one_is_refused_before_asking()
    {
        var (code, _, stderr) = await Run("fetch", "series", "nbb", "M.2021/../x", "--url", "http://127.0.0.1:9/", "--db", Path.Combine(Path.GetTempPath(), "never.db"));
        Assert.Equal(1, code);
        Assert.Contains("is not a series key", stderr);
    }
}
