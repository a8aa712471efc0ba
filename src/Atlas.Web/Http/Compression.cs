using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>
/// Brotli or gzip, as the client asks (ASP.NET Core's response compression), for HTML, JSON, CSV, SVG, GeoJSON, XML
/// and text. It runs inside the output cache, so an answer is compressed once per data version and coding, and a
/// cached page costs no compression at all (docs/benchmarks.md has the measure that decided it). The static assets are
/// compressed at build time and served as they are.
/// <para>
/// Compression leaks the length of a secret only when a response holds both a secret and text an attacker put in the
/// request (BREACH). No answer of the atlas holds a secret: it sets no cookie, has no session, no token and no
/// authentication. To keep it so when write routes come (the curation issue: cookies and antiforgery tokens), a request
/// that carries a cookie or an Authorization header is never compressed.
/// </para>
/// </summary>
public static class Compression
{
    private static readonly string[] Types =
        [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "image/svg+xml", "application/geo+json", "application/manifest+json"];

    public static IServiceCollection AddAtlasCompression(this IServiceCollection services)
    {
        // each answer is compressed once and kept by the output cache: pay for a good ratio, not for speed
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe: see the class comment
            o.MimeTypes = Types;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
    }

    /// <summary>Compresses what follows in the pipeline, for requests without credentials.</summary>
    public static IApplicationBuilder UseAtlasCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => !HasCredentials(c.Request), branch => branch.UseResponseCompression());

    /// <summary>The coding this request will get ("br", "gzip" or "" for none): the output cache keeps one copy of each.</summary>
    public static string CodingOf(HttpContext context) =>
        HasCredentials(context.Request) ? ""
            : context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "";

    private static bool HasCredentials(HttpRequest request) =>
        request.Headers.ContainsKey("Cookie") || request.Headers.ContainsKey("Authorization");
}
