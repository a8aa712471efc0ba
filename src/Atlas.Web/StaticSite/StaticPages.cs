using System.Text.RegularExpressions;

namespace Atlas.Web.StaticSite;

/// <summary>
/// The declared differences between a page on the live atlas and the same page in a static export: the export's pages
/// load the atlas's search script (<c>/assets/search.….js</c>: the search answers in the browser), and, when the export
/// is given a live atlas (<c>--live URL</c>), the search and comparison forms and the links to searches go there, so
/// that they work without JavaScript; the OpenAPI document names the site's address as its server. Nothing else changes.
/// </summary>
public static partial class StaticPages
{
    [GeneratedRegex("""(action|href)="/(fr|nl|en)/(search|compare)(["?])""", RegexOptions.CultureInvariant)]
    private static partial Regex Interactive();

    public static string Adapt(string html, string script, string? live)
    {
        var adapted = html.Replace("</head>", $"    <script src=\"{script}\" defer></script>\n</head>", StringComparison.Ordinal);
        if (live is null) return adapted;
        return Interactive().Replace(adapted, m => m.Groups[1].Value == "href" && m.Groups[3].Value == "compare" && m.Groups[4].Value == "?"
            ? m.Value // a comparison that a page links to is pre-rendered
            : $"{m.Groups[1].Value}=\"{live}/{m.Groups[2].Value}/{m.Groups[3].Value}{m.Groups[4].Value}");
    }

    /// <summary>The OpenAPI document names the server it was asked of; the export's names the site's public address.</summary>
    public static byte[] OpenApi(byte[] document, string baseUrl)
    {
        var text = System.Text.Encoding.UTF8.GetString(document);
        var servers = ServersUrl().Match(text);
        return servers.Success ? System.Text.Encoding.UTF8.GetBytes(text[..servers.Groups[1].Index] + baseUrl.TrimEnd('/') + "/" + text[(servers.Groups[1].Index + servers.Groups[1].Length)..]) : document;
    }

    [GeneratedRegex(@"""servers"": \[\s*\{\s*""url"": ""([^""]*)""", RegexOptions.CultureInvariant)]
    public static partial Regex ServersUrl();

    /// <summary>The page with the differences taken out again: what the live atlas serves at the same address.</summary>
    public static string Restore(string html, string script, string? live)
    {
        var restored = html.Replace($"    <script src=\"{script}\" defer></script>\n", "", StringComparison.Ordinal);
        return live is null ? restored : restored.Replace($"=\"{live}/", "=\"/", StringComparison.Ordinal);
    }
}
