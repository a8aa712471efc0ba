using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Atlas.Query;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Api;

/// <summary>
/// Turns query results into responses. The data cannot change while the atlas runs (it is re-seeded only at
/// start), so a response is a pure function of the data version and the request: each body is built once, kept,
/// and tagged with an ETag; a client that sends it back in If-None-Match gets 304 Not Modified.
/// </summary>
public sealed class Responder(AtlasQueries queries)
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, Body> _cache = new();
    private readonly string _version = queries.DataVersion.Length >= 16 ? queries.DataVersion[..16] : queries.DataVersion;

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        // accents stay readable; <, >, & and quotes are still escaped, so JSON is safe inside HTML
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    private sealed record Body(byte[] Bytes, string ContentType, string ETag);

    /// <summary>A JSON answer (or CSV where the request asks for it and <paramref name="csvRows"/> is given).</summary>
    /// <param name="version">what else the answer depends on (the register's stamp), in the cache key and the ETag</param>
    public IResult Reply(HttpContext context, Func<JsonNode> build, Func<JsonNode, IEnumerable<JsonObject>>? csvRows = null, string? version = null)
    {
        var csv = RequestContext.WantsCsv(context);
        if (csv && csvRows is null)
            throw new BadRequestException("No CSV for this resource", "this resource is a single document: ask for JSON, or use the list endpoints for CSV.");
        var lang = RequestContext.Language(context.Request);
        // facts carry the register's evidence and register answers its data: the register's version is part of every key
        version ??= queries.Register.CachedStamp;
        var key = $"{context.Request.Path}?{context.Request.QueryString}|{lang}|{(csv ? "csv" : "json")}|{version}";
        if (!_cache.TryGetValue(key, out var body))
        {
            var node = build();
            var bytes = csv
                ? Encoding.UTF8.GetBytes(Csv.Write(csvRows!(node)))
                : JsonSerializer.SerializeToUtf8Bytes(node, JsonOptions);
            var tag = $"\"{_version}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]}\"";
            body = new Body(bytes, csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", tag);
            if (_cache.Count >= MaxEntries) _cache.Clear();
            if (key.Length <= 512) _cache[key] = body;
        }
        return new CachedResult(body.Bytes, body.ContentType, body.ETag, csv ? FileName(context) : null);
    }

    private static string FileName(HttpContext context)
    {
        var name = context.Request.Path.Value!.Trim('/').Replace('/', '-');
        return (name.Length == 0 ? "atlas" : name) + ".csv";
    }

    /// <summary>The envelope of every list: items, counts and the links to move through it.</summary>
    public static JsonObject PageJson<T>(HttpContext context, Page<T> page, Func<T, JsonObject> toJson)
    {
        string Link(int n)
        {
            var query = context.Request.Query
                .Where(kv => kv.Key != "page")
                .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
                .Append($"page={n}");
            return $"{context.Request.Path}?{string.Join('&', query)}";
        }
        var links = new JsonObject { ["self"] = Link(page.Number) };
        if (page.Number < page.Pages) links["next"] = Link(page.Number + 1);
        if (page.Number > 1) links["prev"] = Link(page.Number - 1);
        var csvQuery = context.Request.Query.Where(kv => kv.Key is not ("page" or "pageSize" or "format"))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}").Append("format=csv");
        links["csv"] = $"{context.Request.Path}?{string.Join('&', csvQuery)}";
        return new JsonObject
        {
            ["total"] = page.Total,
            ["page"] = page.Number,
            ["pageSize"] = page.Size,
            ["pages"] = page.Pages,
            ["links"] = links,
            ["items"] = new JsonArray(page.Items.Select(i => (JsonNode)toJson(i)).ToArray()),
        };
    }

    public static IEnumerable<JsonObject> Items(JsonNode node) => node["items"]!.AsArray().Select(i => i!.AsObject());

    private sealed class CachedResult(byte[] bytes, string contentType, string etag, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "public, max-age=60";
            response.Headers.Vary = "Accept-Language";
            if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm && inm.Split(',').Any(t => t.Trim() == etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = contentType;
            if (downloadName is not null) response.Headers.ContentDisposition = $"inline; filename=\"{downloadName}\"";
            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(context.Request.Method)) await response.Body.WriteAsync(bytes);
        }
    }
}
