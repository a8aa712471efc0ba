using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Operations;

/// <summary>Another application over the shared test atlas (no new database), with the options a test is about.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public WebApplication App { get; }
    public HttpClient Client { get; }

    private TestApp(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public static async Task<TestApp> Start(AtlasServices services, WebOptions options, Action<WebApplication>? beforeStart = null)
    {
        var app = AtlasWebApp.Create(services, options with { InProcess = true });
        beforeStart?.Invoke(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    public TestServer Server => App.GetTestServer();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
