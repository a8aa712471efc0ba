using System.Net;
using System.Text.Json.Nodes;
using Atlas.Web;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Atlas.Tests.Operations;

/// <summary>Per client address on the API and search: a burst past the limit gets 429 with Retry-After; loopback, assets and health are exempt.</summary>
[Collection(AtlasCollection.Name)]
public class RateLimitTests(AtlasFixture atlas)
{
    private static async Task<HttpContext> From(TestApp app, string address, string path, string query = "", string? forwardedFor = null)
    {
        return await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.QueryString = new QueryString(query);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
    }

    [Fact]
    public async Task A_burst_past_the_limit_gets_429_with_retry_after_and_a_problem()
    {
        await using var app = await TestApp.Start(atlas.Services, new WebOptions { RateLimit = new RateLimit(PerMinute: 2) });
        Assert.Equal(200, (await From(app, "203.0.113.7", "/api/search", "?q=port")).Response.StatusCode);
        Assert.Equal(200, (await From(app, "203.0.113.7", "/api/places/ghent")).Response.StatusCode);
        var refused = (await From(app, "203.0.113.7", "/api/places/ghent")).Response;
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!) >= 1);
        Assert.StartsWith("application/problem+json", refused.ContentType);
        var problem = JsonNode.Parse(await new StreamReader(refused.Body).ReadToEndAsync())!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(429, (await From(app, "203.0.113.7", "/en/search", "?q=port")).Response.StatusCode); // search pages too

        // another address has its own allowance; the pages, assets, health and crawler files are not limited
        Assert.Equal(200, (await From(app, "198.51.100.4", "/api/places/ghent")).Response.StatusCode);
        foreach (var path in new[] { "/en/places/ghent", "/favicon.ico", "/healthz", "/readyz", "/robots.txt" })
            Assert.Equal(200, (await From(app, "203.0.113.7", path)).Response.StatusCode);
    }

    [Fact]
    public async Task The_loopback_is_exempt_unless_asked()
    {
        await using (var app = await TestApp.Start(atlas.Services, new WebOptions { RateLimit = new RateLimit(PerMinute: 1) }))
            for (var i = 0; i < 5; i++) Assert.Equal(200, (await From(app, "127.0.0.1", "/api/places/ghent")).Response.StatusCode);
        await using var strict = await TestApp.Start(atlas.Services, new WebOptions { RateLimit = new RateLimit(PerMinute: 1, Loopback: true) });
        Assert.Equal(200, (await From(strict, "::1", "/api/places/ghent")).Response.StatusCode);
        Assert.Equal(429, (await From(strict, "::1", "/api/places/ghent")).Response.StatusCode);
    }

    [Fact]
    public async Task Zero_turns_the_limit_off()
    {
        await using var app = await TestApp.Start(atlas.Services, new WebOptions { RateLimit = new RateLimit(PerMinute: 0) });
        for (var i = 0; i < 5; i++) Assert.Equal(200, (await From(app, "203.0.113.9", "/api/places/ghent")).Response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_is_limited_by_its_own_address()
    {
        await using var app = await TestApp.Start(atlas.Services, new WebOptions
        {
            RateLimit = new RateLimit(PerMinute: 1),
            TrustedProxies = [IPAddress.Parse("192.0.2.10")],
        });
        // two clients through the proxy: each has its own allowance
        Assert.Equal(200, (await From(app, "192.0.2.10", "/api/places/ghent", forwardedFor: "203.0.113.1")).Response.StatusCode);
        Assert.Equal(200, (await From(app, "192.0.2.10", "/api/places/ghent", forwardedFor: "203.0.113.2")).Response.StatusCode);
        Assert.Equal(429, (await From(app, "192.0.2.10", "/api/places/ghent", forwardedFor: "203.0.113.1")).Response.StatusCode);
        // a client that is not the proxy cannot choose its address
        Assert.Equal(200, (await From(app, "198.51.100.8", "/api/places/ghent", forwardedFor: "203.0.113.3")).Response.StatusCode);
        Assert.Equal(429, (await From(app, "198.51.100.8", "/api/places/ghent", forwardedFor: "203.0.113.4")).Response.StatusCode);
    }
}
