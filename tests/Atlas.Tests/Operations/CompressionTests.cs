using System.IO.Compression;

namespace Atlas.Tests.Operations;

/// <summary>Brotli and gzip when asked, the same bytes once decompressed, and never for a request with credentials.</summary>
[Collection(AtlasCollection.Name)]
public class CompressionTests(AtlasFixture atlas)
{
    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (cookie is not null) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await atlas.Client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/en/", "br")]
    [InlineData("/en/", "gzip")]
    [InlineData("/fr/places/liege", "br")]
    [InlineData("/api/facts", "br")]
    [InlineData("/api/facts", "gzip")]
    [InlineData("/api/facts.csv", "br")]
    [InlineData("/sitemap.xml", "gzip")]
    public async Task Compressed_bodies_decompress_to_the_same_bytes(string path, string coding)
    {
        var plain = await Get(path, null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        // twice: the first is compressed and cached, the second comes from the cache
        for (var i = 0; i < 2; i++)
        {
            var packed = await Get(path, $"{coding}, identity;q=0.5");
            Assert.Equal([coding], packed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", packed.Headers.Vary);
            Assert.Equal(plain.Headers.ETag, packed.Headers.ETag);
            var bytes = await packed.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length < plainBytes.Length / 2, $"{path} in {coding}: {bytes.Length} bytes of {plainBytes.Length}");
            Assert.Equal(plainBytes, Decompress(bytes, coding));
        }
    }

    [Fact]
    public async Task Brotli_is_preferred_when_both_are_accepted()
    {
        var response = await Get("/en/places/ghent", "gzip, deflate, br");
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_request_that_carries_credentials_is_never_compressed()
    {
        var response = await Get("/en/search?q=port", "br, gzip", cookie: "session=secret");
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        // and the plain copy it caused is not given to the next visitor who asks for Brotli
        Assert.Equal(["br"], (await Get("/en/search?q=port", "br, gzip")).Content.Headers.ContentEncoding);
    }
}
