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
/// request asks for it and the resource is a table, with its validators and caching headers (see
/// <see cref="Conditional"/>). The rendered bytes are kept by ASP.NET Core's output cache per data version (see <see cref="PageCache"/>).
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
    public static IResult Table<T, TRow>(HttpContext context, T value, Func<T, IEnumerable<TRow>> rows) => Table(context, value, rows, null);

    /// <summary>
    /// An analysis as JSON (which names its source), or as CSV whose every line ends with the source's id, unit and
    /// reference date: a figure taken out of the file still says what it counts and when.
    /// </summary>
    public static IResult Table<T, TRow>(HttpContext context, T value, Func<T, IEnumerable<TRow>> rows, Register.SourceJson? source)
    {
        if (!Params.WantsCsv(context))
            return new BytesResult(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Info<T>()), "application/json; charset=utf-8", null);
        var csv = CsvRows.Write(rows(value), source is null ? null : [("source", source.Id), ("sourceUnit", source.Unit), ("referenceDate", source.ReferenceDate ?? "")]);
        var name = context.Request.Path.Value!.Trim('/').Replace('/', '-');
        return new BytesResult(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", (name.Length == 0 ? "atlas" : name) + ".csv");
    }

    /// <summary>A file in a format of its own (a series in SDMX-CSV), with the same ETag and caching headers.</summary>
    public static IResult Text(HttpContext context, string text, string contentType, string downloadName) =>
        new BytesResult(Encoding.UTF8.GetBytes(text), contentType, downloadName);

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
        public Task ExecuteAsync(HttpContext context)
        {
            // the language may come from Accept-Language (when ?lang is absent), so caches must keep one copy per value
            Conditional.Vary(context.Response, "Accept-Language");
            if (downloadName is not null) context.Response.Headers.ContentDisposition = $"inline; filename=\"{downloadName}\"";
            return Conditional.Write(context, bytes, contentType);
        }
    }
}
