using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Atlas.Web.StaticSite;

/// <summary>One address as the atlas answered it.</summary>
public sealed record Fetched(string Address, int Status, string? ContentType, byte[] Body);

/// <summary>
/// Walks the atlas through its own HTTP pipeline (in process): every seed, then every same-site address its pages
/// link to (href, src, action-less links) and its JSON answers name (links.next, evidence hrefs …), each once, on
/// every core. Interactive addresses (<see cref="IsInteractive"/>) are not followed: the export sends them to the live
/// server. What answers other than 200 is kept aside with its status, so the export can say which links it left out.
/// </summary>
public sealed partial class SiteCrawler(HttpClient client)
{
    public const int MaxResources = 200_000;

    [GeneratedRegex("(?:href|src)=\"(/[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLink();

    /// <summary>Search and free comparison answer any query: the static export points them to the live server (or the in-browser index).</summary>
    public static bool IsInteractive(string address)
    {
        var q = address.IndexOf('?');
        var path = q < 0 ? address : address[..q];
        var query = q < 0 ? "" : address[(q + 1)..];
        return path is "/api/search" || (path.Length == 10 && path.EndsWith("/search") && query.Length > 0)
            || (path == "/api/organisations" && query.Split('&').Any(p => p.StartsWith("q=")))
            || (path.EndsWith("/compare") && query.Split('&').Any(p => p.StartsWith("p=")));
    }

    /// <param name="known">addresses not to fetch, even when linked (those an incremental export keeps)</param>
    public async Task<IReadOnlyList<Fetched>> Crawl(IEnumerable<string> seeds, IReadOnlySet<string> known, CancellationToken ct = default)
    {
        var seen = new ConcurrentDictionary<string, byte>(known.Select(k => KeyValuePair.Create(k, (byte)0)));
        var results = new ConcurrentBag<Fetched>();
        var frontier = seeds.Where(s => seen.TryAdd(s, 0)).ToList();
        while (frontier.Count > 0)
        {
            var next = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(frontier, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2, CancellationToken = ct }, async (address, token) =>
            {
                var fetched = await Fetch(address, token);
                results.Add(fetched);
                if (fetched.Status != 200) return;
                foreach (var link in Links(fetched))
                    if (!IsInteractive(link) && seen.Count < MaxResources && seen.TryAdd(link, 0)) next.Add(link);
            });
            frontier = [.. next];
        }
        return [.. results.OrderBy(r => r.Address, StringComparer.Ordinal)];
    }

    public async Task<Fetched> Fetch(string address, CancellationToken ct)
    {
        using var response = await client.GetAsync(address, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return new Fetched(address, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>The same-site addresses an answer links to, without fragments.</summary>
    public static IEnumerable<string> Links(Fetched f)
    {
        IEnumerable<string> raw = f.ContentType switch
        {
            "text/html" => HtmlLink().Matches(Encoding.UTF8.GetString(f.Body)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)),
            "application/json" or "application/ld+json" or "application/geo+json" => JsonStrings(f.Body),
            _ => [],
        };
        return raw.Select(l => l.Split('#')[0]).Where(l => l.Length > 0 && l.StartsWith('/') && !l.StartsWith("//") && !l.Contains('{')).Distinct();
    }

    /// <summary>Every string of a JSON document that is an address of the atlas (/api/…, /fr/…).</summary>
    private static IEnumerable<string> JsonStrings(byte[] body)
    {
        var found = new List<string>();
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 1 } s && s[0] == '/'
                    && (s.StartsWith("/api") || s.StartsWith("/fr/") || s.StartsWith("/nl/") || s.StartsWith("/en/") || s.StartsWith("/openapi/")))
                    found.Add(s);
        }
        catch (JsonException) { }
        return found;
    }
}
