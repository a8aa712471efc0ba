using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace Atlas.Web.Pages;

/// <summary>
/// The methodology documents — of economic complexity, docs/methodology-complexity.md, and of the finder,
/// docs/methodology-finder.md — embedded in the assembly at build time and turned into HTML by Markdig (CommonMark,
/// pipe tables, heading anchors). Raw HTML in a document is not passed through, and right-aligned table cells get a
/// class instead of an inline style, which the pages' CSP forbids.
/// </summary>
public static partial class Methodology
{
    public const string Resource = "Atlas.Web.methodology-complexity.md";
    public const string FinderResource = "Atlas.Web.methodology-finder.md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).DisableHtml().Build();

    /// <summary>The complexity document's text as it is in the repository.</summary>
    public static string Text { get; } = Load(Resource);

    /// <summary>The complexity document in HTML, without its first-level title (the page gives its own, in its language).</summary>
    public static string Html { get; } = ToHtml(Text);

    /// <summary>The finder's document, as it is and in HTML.</summary>
    public static string FinderText { get; } = Load(FinderResource);
    public static string FinderHtml { get; } = ToHtml(FinderText);

    private static string Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the resource {resource} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    public static string ToHtml(string markdown)
    {
        var withoutTitle = string.Join('\n', markdown.Split('\n').Where(line => !line.StartsWith("# ", StringComparison.Ordinal)));
        var html = Markdown.ToHtml(withoutTitle, Pipeline)
            .Replace(" style=\"text-align: right;\"", " class=\"num\"")
            .Replace(" style=\"text-align: center;\"", " class=\"center\"")
            .Replace(" style=\"text-align: left;\"", "")
            // GFM lets a table cell write a pipe inside a code span as \|; Markdig keeps the backslash there
            .Replace("\\|", "|")
            // a wide table or code block scrolls in its own box on a phone (atlas.css): the keyboard must reach it
            .Replace("<table>", "<table tabindex=\"0\">")
            .Replace("<pre>", "<pre tabindex=\"0\">");
        // the shell examples are plain text on the page: no highlighter reads a language class
        return LanguageClass().Replace(html, "<code>");
    }

    [GeneratedRegex("<code class=\"language-[a-z]+\">")]
    private static partial Regex LanguageClass();

    /// <summary>Escapes what HTML needs (&amp; &lt; &gt; "), leaving letters as letters, as Markdig does.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
