using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Atlas.Catalogue;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Http;

/// <summary>The links of a list: this page, the next and previous ones, and the whole list as CSV.</summary>
public sealed record PageLinks(string Self, string? Next, string? Prev, string Csv);

/// <summary>The envelope of every list: counts, links, and the items of this page.</summary>
public sealed record PageJson<T>(int Total, int Page, int PageSize, int Pages, PageLinks Links, IReadOnlyList<T> Items);

/// <summary>
/// How the API answers: a typed value as JSON (System.Text.Json, source-generated contract), or as CSV when the
/// request asks for it and the resource is a table, with an ETag (304 when the client has it) and the caching
/// headers. The rendered bytes are kept by ASP.NET Core's output cache per data version (see <see cref="PageCache"/>).
/// </summary>
public static class Answers
{
    public static IResult Json<T>(HttpContext context, T value)
    {
        if (Params.WantsCsv(context))
            throw new BadRequestException("No CSV for this resource", "this resource is a single document: ask for JSON, or use the list endpoints for CSV.");
        return new BytesResult(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Info<T>()), "application/json; charset=utf-8", null);
    }

    /// <summary>A JSON document of another media type (GeoJSON, JSON-LD): the same contract, ETag and caching as JSON.</summary>
    public static IResult Document<T>(T value, string contentType) =>
        new BytesResult(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Info<T>()), contentType + "; charset=utf-8", null);

    /// <summary>JSON, or CSV of <paramref name="rows"/> (one line each; nested fields as <c>names.fr</c>, lists joined by "; ").</summary>
    public static IResult Table<T, TRow>(HttpContext context, T value, Func<T, IEnumerable<TRow>> rows)
    {
        if (!Params.WantsCsv(context))
            return new BytesResult(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Info<T>()), "application/json; charset=utf-8", null);
        var csv = CsvRows.Write(rows(value));
        var name = context.Request.Path.Value!.Trim('/').Replace('/', '-');
        return new BytesResult(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", (name.Length == 0 ? "atlas" : name) + ".csv");
    }

    /// <summary>A list as JSON (the page envelope) or CSV (every item).</summary>
    public static IResult List<TItem>(HttpContext context, Page<TItem> page) =>
        Table(context, Envelope(context, page), p => p.Items);

    public static PageJson<T> Envelope<T>(HttpContext context, Page<T> page)
    {
        var request = context.Request;
        var query = request.Query.Select(kv => (kv.Key, Pair: $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")).ToList();
        string Link(int n) => $"{request.Path}?{string.Join('&', query.Where(q => q.Key != "page").Select(q => q.Pair).Append($"page={n}"))}";
        var csvQuery = string.Join('&', query.Where(q => q.Key is not ("page" or "pageSize" or "format")).Select(q => q.Pair).Append("format=csv"));
        return new PageJson<T>(page.Total, page.Number, page.Size, page.Pages,
            new PageLinks(Link(page.Number), page.Number < page.Pages ? Link(page.Number + 1) : null, page.Number > 1 ? Link(page.Number - 1) : null,
                $"{request.Path}?{csvQuery}"),
            page.Items);
    }

    private sealed class BytesResult(byte[] bytes, string contentType, string? downloadName) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
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
