using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.IO.Hashing;
using Atlas.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Http;

/// <summary>
/// How every page and API answer is sent: with its validators (an ETag of its bytes, and Last-Modified: the date of
/// the data version) and Cache-Control, answering 304 to a request that holds it already (RFC 9110 §13). The ETag is
/// weak because compression (inside the output cache) sends the same content in other codings: they are equivalent,
/// not byte-equal. Once an answer is cached, the output cache answers the conditional requests itself from the same
/// headers.
/// </summary>
public static class Conditional
{
    public const string CacheControl = "public, max-age=60";

    public static Task Write(HttpContext context, ReadOnlyMemory<byte> bytes, string contentType, int status = StatusCodes.Status200OK) =>
        Write(context, new ReadOnlySequence<byte>(bytes), contentType, status);

    /// <summary>Sends an answer held in pieces (a rendered page in pooled blocks), with its validators.</summary>
    public static async Task Write(HttpContext context, ReadOnlySequence<byte> bytes, string contentType, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        // every coding of it (br, gzip, none) is a variant: say so on the uncompressed one too
        Vary(response, HeaderNames.AcceptEncoding);
        if (status == StatusCodes.Status200OK)
        {
            var etag = EtagOf(bytes);
            var modified = DataDate(context.RequestServices.GetRequiredService<AtlasSnapshots>());
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            if (modified is { } date) response.Headers.LastModified = date.ToString("R", CultureInfo.InvariantCulture);
            if (NotModified(context.Request, etag, modified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        foreach (var piece in bytes) await response.Body.WriteAsync(piece);
    }

    /// <summary>
    /// A weak ETag from the bytes' 64-bit XXH3 hash, the same on every node and after a restart. A validator needs no
    /// cryptographic strength, and SHA-256 of a 150 KB city page was a tenth of its render's processor time.
    /// </summary>
    public static string EtagOf(ReadOnlySequence<byte> bytes)
    {
        var hash = new XxHash3();
        foreach (var piece in bytes) hash.Append(piece.Span);
        return $"W/\"{hash.GetCurrentHashAsUInt64():x16}\"";
    }

    /// <summary>Adds a request header to Vary, once (CORS and compression add theirs too).</summary>
    public static void Vary(HttpResponse response, string header)
    {
        if (!response.Headers.Vary.Any(v => v is not null && v.Split(',').Any(h => h.Trim().Equals(header, StringComparison.OrdinalIgnoreCase))))
            response.Headers.Append(HeaderNames.Vary, header);
    }

    /// <summary>If-None-Match (weak comparison) decides when present; else If-Modified-Since against the data's date.</summary>
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? modified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Tag == "*" || t.Tag.AsSpan().SequenceEqual(etag.AsSpan(2)));
        return modified is { } date && headers.IfModifiedSince is { } since && Seconds(date) <= since;
    }

    private static DateTimeOffset Seconds(DateTimeOffset d) => d.AddTicks(-(d.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>
    /// The date of the data version every answer is made of: the latest of the curated data's seeding, the
    /// register's import and the series' last import (a series import changes pages too: a client's If-Modified-Since
    /// must not keep the old one); read once per version.
    /// </summary>
    public static DateTimeOffset? DataDate(AtlasSnapshots snapshots)
    {
        var curated = snapshots.Curated.Derived.Get("seeded-at", () => new StrongBox<DateTimeOffset?>(snapshots.CuratedStore.SeededAt)).Value;
        var register = snapshots.Register is { } r
            ? r.Derived.Get("imported-at", () => new StrongBox<DateTimeOffset?>(
                DateTimeOffset.TryParse(r.Info.ImportedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null)).Value
            : null;
        var series = snapshots.Series.Derived.Get("imported-at", () => new StrongBox<DateTimeOffset?>(
            snapshots.SeriesStore.Vintages().Select(v => (DateTimeOffset?)v.ImportedAt).Max())).Value;
        return new[] { curated, register, series }.Max();
    }
}
