using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Pages;

/// <summary>The stylesheet and the icon, embedded in the assembly and served under /assets.</summary>
public static class Assets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static void MapAssets(this IEndpointRouteBuilder app) => app.MapGet("/assets/{name}", (HttpContext ctx, string name) =>
    {
        if (!Files.TryGetValue(name, out var asset)) return ErrorPages.NotFound(ctx, ErrorPages.LanguageOf(ctx.Request));
        ctx.Response.Headers.CacheControl = "public, max-age=3600";
        ctx.Response.Headers.ETag = asset.ETag;
        if (ctx.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.Type);
    }).ExcludeFromDescription();

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var result = new Dictionary<string, (byte[], string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Assets.")))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var file = name[(name.IndexOf(".Assets.", StringComparison.Ordinal) + 8)..];
            var type = Path.GetExtension(file) switch { ".css" => "text/css; charset=utf-8", ".svg" => "image/svg+xml", _ => "application/octet-stream" };
            var bytes = memory.ToArray();
            result[file] = (bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
        return result;
    }
}
