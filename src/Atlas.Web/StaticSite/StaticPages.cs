using System.Text.RegularExpressions;

namespace Atlas.Web.StaticSite;

/// <summary>
/// The declared differences between a page on the live atlas and the same page in a static export: the export's pages
/// load the atlas's search script (<c>/assets/search.….js</c>: the search answers in the browser), and, when the export
/// is given a live atlas (<c>--live URL</c>), the search and comparison forms and the links to searches go there, so
/// that they work without JavaScript. Nothing else changes.
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

    /// <summary>The page with the differences taken out again: what the live atlas serves at the same address.</summary>
    public static string Restore(string html, string script, string? live)
    {
        var restored = html.Replace($"    <script src=\"{script}\" defer></script>\n", "", StringComparison.Ordinal);
        return live is null ? restored : restored.Replace($"=\"{live}/", "=\"/", StringComparison.Ordinal);
    }
}
