using Atlas.Web;
using Atlas.Web.StaticSite;
using Microsoft.AspNetCore.Builder;

namespace Atlas.Tests.StaticSite;

/// <summary>
/// The atlas twice, side by side: live (served by Kestrel on a free loopback port, as `atlas serve` serves it) and as a
/// static export of the same data (`atlas export site`, with a live atlas for the forms) served by nginx with the
/// configuration of the docs.
/// </summary>
public sealed class StaticSiteFixture : IAsyncLifetime
{
    public const string Collection = "static-site";
    public const string LiveForms = "https://live.atlas.test";
    public const string BaseUrl = "https://atlas.example.be";
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    private WebApplication? _app;

    public AtlasServices Services { get; private set; } = null!;
    public string Folder => _dir.File("site");
    /// <summary>The embedded database the export was made from (the series file beside it).</summary>
    public string Database => _dir.File("atlas.db");
    public SiteExportReport Export { get; private set; } = null!;
    public NginxServer? Nginx { get; private set; }
    public HttpClient Live { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };
    public HttpClient Static { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static SiteExportOptions Options(string folder) => new(folder, BaseUrl, LiveForms);

    public async Task InitializeAsync()
    {
        if (!File.Exists(NginxServer.Binary)) return; // each test says why it cannot run
        Services = AtlasSetup.Prepare(TestPaths.DataDir, Database);
        _app = AtlasWebApp.Create(Services, new WebOptions { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        Live.BaseAddress = new Uri(_app.Urls.First());
        Export = await SiteExport.Run(Services, Options(Folder));
        Nginx = new NginxServer(Folder);
        Static.BaseAddress = new Uri(Nginx.BaseUrl);
    }

    public SiteManifest Manifest => SiteManifest.Read(Folder)!;

    public async Task DisposeAsync()
    {
        Nginx?.Dispose();
        Live.Dispose();
        Static.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

[CollectionDefinition(StaticSiteFixture.Collection)]
public sealed class StaticSiteCollection : ICollectionFixture<StaticSiteFixture>;
