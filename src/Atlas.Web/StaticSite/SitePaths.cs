namespace Atlas.Web.StaticSite;

/// <summary>
/// Where an address of the atlas is written in a static export, so that a web server finds it by the address alone
/// (docs/nginx-static.conf does it in two lines): the path keeps its place, the query (exactly as it is linked) follows
/// an <c>@</c>, and the extension gives the content type. <c>/fr/places/ghent</c> → <c>fr/places/ghent.html</c>;
/// <c>/fr/</c> → <c>fr/index.html</c>; <c>/fr/places?kind=city</c> → <c>fr/places@kind=city.html</c>;
/// <c>/api/places/ghent</c> → <c>api/places/ghent.json</c>; <c>/api/places.csv?kind=city</c> → <c>api/places@kind=city.csv</c>;
/// <c>/api/facts?format=csv</c> → <c>api/facts@format=csv.csv</c>; <c>/api/series/ID?format=sdmx-csv</c> → <c>api/series/ID@format=sdmx-csv.sdmx</c>; <c>/api/catalog</c> (JSON-LD) → <c>api/catalog.jsonld</c>;
/// assets and other files keep their name.
/// </summary>
public static class SitePaths
{
    private static readonly HashSet<string> Extensions = ["json", "csv", "sdmx", "atom", "geojson", "jsonld", "html", "xml", "txt", "css", "js", "svg", "ico", "png", "webmanifest"];

    /// <summary>The file of an address (a path and query as the pages link it), or null when no static host could find it by name.</summary>
    /// <param name="mediaType">what the atlas answers there: an API address without extension that answers JSON-LD (the catalogue) is a .jsonld file</param>
    public static string? FileOf(string address, string? mediaType = null)
    {
        var q = address.IndexOf('?');
        var (path, query) = q < 0 ? (address, "") : (address[..q], address[(q + 1)..]);
        if (!path.StartsWith('/') || path.Contains("//") || path.Contains("..") || query.Contains('/') || query.Contains('#')) return null;
        if (path == "/") return query.Length == 0 ? "index.html" : null;
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        string stem, ext;
        if (dot > 0 && Extensions.Contains(last[(dot + 1)..])) (stem, ext) = (path[..(path.Length - last.Length + dot)], last[(dot + 1)..]);
        else if (IsApi(path)) (stem, ext) = (path.TrimEnd('/'), Format(query) ?? (mediaType == "application/ld+json" ? "jsonld" : "json"));
        else (stem, ext) = (path.EndsWith('/') ? path + "index" : last == "index" ? path + "/index" : path, "html"); // /fr/index is not /fr/
        return stem.TrimStart('/') + (query.Length == 0 ? "" : "@" + query) + "." + ext;
    }

    public static bool IsApi(string path) => path == "/api" || path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi/", StringComparison.Ordinal);

    /// <summary>csv, sdmx (SDMX-CSV) or atom (the feed of changes) when the query asks for it, as the API answers.</summary>
    private static string? Format(string query)
    {
        var parts = query.Split('&');
        return parts.Contains("format=csv") ? "csv" : parts.Contains("format=sdmx-csv") ? "sdmx" : parts.Contains("format=atom") ? "atom" : null;
    }

    /// <summary>The media type a web server should give the file (docs/nginx-static.conf maps the same extensions).</summary>
    public static string MediaType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html", ".json" => "application/json", ".csv" => "text/csv", ".sdmx" => "application/vnd.sdmx.data+csv", ".atom" => "application/atom+xml", ".geojson" => "application/geo+json",
        ".jsonld" => "application/ld+json", ".xml" => "application/xml", ".txt" => "text/plain", ".css" => "text/css",
        ".js" => "text/javascript", ".svg" => "image/svg+xml", ".ico" => "image/x-icon", ".webmanifest" => "application/manifest+json", _ => "application/octet-stream",
    };
}
