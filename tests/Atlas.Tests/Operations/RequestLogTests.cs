using System.Collections.Concurrent;
using Atlas.Web;
using Atlas.Web.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Tests.Operations;

/// <summary>One structured log entry per request (--log-format json), with nothing the visitor sent in it.</summary>
[Collection(AtlasCollection.Name)]
public class RequestLogTests(AtlasFixture atlas)
{
    [Fact]
    public async Task A_request_is_logged_by_route_status_and_duration_without_personal_data()
    {
        var captured = new Captured();
        await using var app = await TestApp.Start(atlas.Services, new WebOptions { LogFormat = LogFormat.Json },
            a => a.Services.GetRequiredService<ILoggerFactory>().AddProvider(captured));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=jean.dupont%40example.org");
        request.Headers.Add("Cookie", "session=s3cr3t");
        request.Headers.Add("Authorization", "Bearer t0k3n");
        request.Headers.Add("X-Forwarded-For", "203.0.113.99");
        request.Headers.Add("User-Agent", "TestBrowser/1.0");
        await app.Client.SendAsync(request);

        var entry = Assert.Single(captured.Entries, e => e.Category.EndsWith("HttpLoggingMiddleware"));
        var state = entry.State.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
        Assert.Equal("GET", state["Method"]);
        Assert.Equal("/api/search", state["Route"]);
        Assert.Equal("200", state["StatusCode"]);
        Assert.True(double.Parse(state["Duration"]!, System.Globalization.CultureInfo.CurrentCulture) >= 0);
        var everything = string.Join("\n", captured.Entries.Select(e => e.Message + string.Join(";", e.State)));
        foreach (var secret in new[] { "dupont", "s3cr3t", "t0k3n", "203.0.113.99", "TestBrowser" })
            Assert.DoesNotContain(secret, everything);
    }

    private sealed record Entry(string Category, string Message, IReadOnlyList<KeyValuePair<string, object?>> State);

    private sealed class Captured : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();
        public ILogger CreateLogger(string category) => new Logger(category, Entries);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => true;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? error, Func<TState, Exception?, string> format) =>
                entries.Enqueue(new(category, format(state, error), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
        }
    }
}
