using Atlas.KboGenerator;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Tests;
using Atlas.Tests.Register;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// The atlas served on a free loopback port, with a small register (a generated dump with the real records of
/// Proximus, UCB and a Ghent textile firm, so that every page type, the company page too, is there), and Debian's Chromium driven by Playwright (the browser is the
/// system's: Playwright's own browser downloads are not used). ATLAS_CHROMIUM names another browser binary.
/// Without a browser every test is skipped with the reason (failed in CI).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumEnv = "ATLAS_CHROMIUM";
    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumEnv) is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Skips the calling test (fails it in CI) when there is no browser.</summary>
    public static void RequireBrowser() => Requires.Present(File.Exists(ChromiumPath),
        $"needs a browser: {ChromiumPath} is missing (install Debian's chromium, as .ci/run does, or point {ChromiumEnv} at a Chromium binary)");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        var queries = AtlasSetup.Prepare(TestPaths.DataDir, _dir.File("atlas.db"));
        var dump = _dir.File("full");
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = dump, Scale = 0.001, Seed = 11, ExtractNumber = 146, DataDir = TestPaths.DataDir,
            CodesPath = Path.Combine(TestPaths.FixturesDir, "kbo", "KboOpenData_0147_2025_10_12_Update", "code.csv"),
        });
        RegisterTestRecords.Append(dump);
        RegisterImporter.Import(dump, RegisterStore.PathFor(_dir.File("atlas.db")), TestPaths.DataDir);
        _app = AtlasWebApp.Create(queries, new WebOptions { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
