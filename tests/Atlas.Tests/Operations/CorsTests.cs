using System.Net;
using Atlas.Web;

namespace Atlas.Tests.Operations;

/// <summary>Cross-origin reads of the API from a browser: any origin by default, or a list; never for pages.</summary>
[Collection(AtlasCollection.Name)]
public class CorsTests(AtlasFixture atlas)
{
    private static async Task<HttpResponseMessage> From(HttpClient client, HttpMethod method, string path, string origin, bool preflight = false)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        if (preflight) request.Headers.Add("Access-Control-Request-Method", "GET");
        return await client.SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage r) =>
        r.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? v.Single() : null;

    [Fact]
    public async Task The_api_allows_any_origin_to_read_and_pages_allow_none()
    {
        var api = await From(atlas.Client, HttpMethod.Get, "/api/places/ghent", "https://reader.example");
        Assert.Equal("*", AllowedOrigin(api));
        Assert.Contains("ETag", api.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.Equal("*", AllowedOrigin(await From(atlas.Client, HttpMethod.Get, "/api/facts.csv", "https://reader.example")));
        Assert.Equal("*", AllowedOrigin(await From(atlas.Client, HttpMethod.Get, "/openapi/v1.json", "https://reader.example")));

        Assert.Null(AllowedOrigin(await From(atlas.Client, HttpMethod.Get, "/en/places/ghent", "https://reader.example")));
        Assert.Null(AllowedOrigin(await From(atlas.Client, HttpMethod.Get, "/sitemap.xml", "https://reader.example")));
    }

    [Fact]
    public async Task A_preflight_allows_reads_only_on_the_api()
    {
        var api = await From(atlas.Client, HttpMethod.Options, "/api/search?q=port", "https://reader.example", preflight: true);
        Assert.Equal(HttpStatusCode.NoContent, api.StatusCode);
        Assert.Equal("*", AllowedOrigin(api));
        Assert.Equal("GET,HEAD,OPTIONS", api.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var page = await From(atlas.Client, HttpMethod.Options, "/en/search?q=port", "https://reader.example", preflight: true);
        Assert.Null(AllowedOrigin(page));
    }

    [Fact]
    public async Task A_list_of_origins_allows_those_only_and_none_turns_cors_off()
    {
        await using (var listed = await TestApp.Start(atlas.Services, new WebOptions { CorsOrigins = ["https://a.example"] }))
        {
            var allowed = await From(listed.Client, HttpMethod.Get, "/api/places/ghent", "https://a.example");
            Assert.Equal("https://a.example", AllowedOrigin(allowed));
            Assert.Contains("Origin", allowed.Headers.Vary);
            Assert.Null(AllowedOrigin(await From(listed.Client, HttpMethod.Get, "/api/places/ghent", "https://b.example")));
        }
        await using var off = await TestApp.Start(atlas.Services, new WebOptions { CorsOrigins = [] });
        Assert.Null(AllowedOrigin(await From(off.Client, HttpMethod.Get, "/api/places/ghent", "https://a.example")));
    }
}
