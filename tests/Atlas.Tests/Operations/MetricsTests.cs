using System.Net;
using Atlas.Web;

namespace Atlas.Tests.Operations;

/// <summary>Prometheus metrics: off unless asked for; then requests by route and status, cache hits, the data version.</summary>
[Collection(AtlasCollection.Name)]
public class MetricsTests(AtlasFixture atlas)
{
    [Fact]
    public async Task Metrics_are_off_by_default()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await atlas.Client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_and_status_and_cache_hits()
    {
        await using var app = await TestApp.Start(atlas.Services, new WebOptions { Metrics = true });
        await app.Client.GetStringAsync("/en/places/bruges");   // rendered: a miss
        await app.Client.GetStringAsync("/en/places/bruges");   // from the cache: a hit
        await app.Client.GetAsync("/api/places/atlantis");      // a 404
        var response = await app.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("atlas_cache_requests_total{otel_scope_name=\"Atlas\",cache=\"pages\",result=\"miss\"} 1", text);
        Assert.Contains("atlas_cache_requests_total{otel_scope_name=\"Atlas\",cache=\"pages\",result=\"hit\"} 1", text);
        var version = atlas.Services.Snapshots.Curated.Version[..12];
        Assert.Contains($"atlas_data_version{{otel_scope_name=\"Atlas\",curated=\"{version}\",register=\"none\"}} 1", text);
        // ASP.NET Core's request durations, by route and status (recorded as each request ends)
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
    }
}
