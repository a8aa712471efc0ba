using System.Net;
using System.Net.Http.Headers;

namespace Atlas.Tests.Operations;

/// <summary>RFC 9110 as link checkers, monitors, caches and browsers use it: HEAD, OPTIONS, conditional requests, Vary.</summary>
[Collection(AtlasCollection.Name)]
public class HttpSemanticsTests(AtlasFixture atlas)
{
    private static readonly string[] FramingHeaders = ["Date", "Age", "Transfer-Encoding", "Content-Length"];

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? acceptEncoding = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await atlas.Client.SendAsync(request);
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage r) =>
        r.Headers.Concat(r.Content.Headers).Where(h => !FramingHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value));

    [Theory]
    [InlineData("/en/places/ghent", null)]        // a page
    [InlineData("/api/places/ghent", null)]       // an API item
    [InlineData("/api/facts.csv", null)]          // a CSV download
    [InlineData("/api/places/ghent", "br")]       // compressed: the same coding announced
    [InlineData("/fr/", "gzip")]
    [InlineData("/robots.txt", null)]
    [InlineData("/api/places/atlantis", null)]    // an error: the same status
    public async Task Head_answers_as_get_does_without_a_body(string path, string? coding)
    {
        var get = await Send(HttpMethod.Get, path, coding);
        var body = await get.Content.ReadAsByteArrayAsync();
        var head = await Send(HttpMethod.Head, path, coding);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(Headers(get), Headers(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        if (get.StatusCode == HttpStatusCode.OK) Assert.Equal(body.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_works_on_a_static_asset()
    {
        var css = (await (await atlas.Client.GetAsync("/en/")).Content.ReadAsStringAsync()).Split("href=\"/assets/atlas.")[1].Split('"')[0];
        var path = "/assets/atlas." + css;
        var get = await Send(HttpMethod.Get, path);
        var head = await Send(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Headers(get), Headers(head));
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/places/ghent")]
    [InlineData("/en/places/ghent")]
    [InlineData("/sitemap.xml")]
    public async Task Options_says_which_methods_an_address_accepts(string path)
    {
        var response = await Send(HttpMethod.Options, path);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Options_on_an_unknown_address_is_404_and_a_write_is_405_with_allow()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Options, "/nowhere")).StatusCode);
        var post = await atlas.Client.PostAsync("/api/places", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], post.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_page_has_validators_and_answers_304_when_unchanged()
    {
        var first = await atlas.Client.GetAsync("/nl/places/ghent");
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak); // the br, gzip and plain bytes are the same page
        var modified = first.Content.Headers.LastModified!.Value;

        var byTag = new HttpRequestMessage(HttpMethod.Get, "/nl/places/ghent");
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await atlas.Client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var byDate = new HttpRequestMessage(HttpMethod.Get, "/nl/places/ghent");
        byDate.Headers.IfModifiedSince = modified;
        Assert.Equal(HttpStatusCode.NotModified, (await atlas.Client.SendAsync(byDate)).StatusCode);
        var older = new HttpRequestMessage(HttpMethod.Get, "/nl/places/ghent");
        older.Headers.IfModifiedSince = modified.AddDays(-1);
        Assert.Equal(HttpStatusCode.OK, (await atlas.Client.SendAsync(older)).StatusCode);

        // each language is its own page, with its own tag: a client holding the Dutch page gets the French one whole
        var french = new HttpRequestMessage(HttpMethod.Get, "/fr/places/ghent");
        french.Headers.IfNoneMatch.Add(etag);
        var frenchAnswer = await atlas.Client.SendAsync(french);
        Assert.Equal(HttpStatusCode.OK, frenchAnswer.StatusCode);
        Assert.NotEqual(etag, frenchAnswer.Headers.ETag);
    }

    [Fact]
    public async Task Vary_names_every_header_that_chooses_the_answer()
    {
        // the API's language may come from Accept-Language; every answer may be compressed
        var api = await atlas.Client.GetAsync("/api/places/ghent");
        Assert.Equal(["Accept-Language", "Accept-Encoding"], api.Headers.Vary);
        // a page's language is in its address
        var page = await atlas.Client.GetAsync("/en/places/ghent");
        Assert.Equal(["Accept-Encoding"], page.Headers.Vary);
        // the root sends each visitor to the language of their browser
        var root = await atlas.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Contains("Accept-Language", root.Headers.Vary);
    }

    [Fact]
    public async Task Api_answers_keep_their_validators_and_304_with_an_if_modified_since()
    {
        var first = await atlas.Client.GetAsync("/api/facts?subject=liege");
        Assert.NotNull(first.Content.Headers.LastModified);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/facts?subject=liege");
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await atlas.Client.SendAsync(request)).StatusCode);
    }
}
