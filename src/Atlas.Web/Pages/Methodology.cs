using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Web.Pages;

/// <summary>
/// The methodology of economic complexity, docs/methodology-complexity.md, embedded in the assembly at build time
/// and turned into HTML by the small subset of Markdown the document uses (headings, paragraphs, lists, tables,
/// fenced code, code spans, bold, italics, links). Every piece of text is HTML-encoded first.
/// </summary>
public static partial class Methodology
{
    public const string Resource = "Atlas.Web.methodology-complexity.md";

    /// <summary>The document's text as it is in the repository.</summary>
    public static string Text { get; } = Load();

    /// <summary>The document in HTML, without its first-level title (the page gives its own, in its language).</summary>
    public static string Html { get; } = ToHtml(Text);

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the resource {Resource} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    public static string ToHtml(string markdown)
    {
        var lines = markdown.Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0) html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
            paragraph.Clear();
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var code = new List<string>();
                while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal)) code.Add(lines[i]);
                html.Append("<pre><code>").Append(Escape(string.Join('\n', code))).Append("</code></pre>\n");
            }
            else if (Heading().Match(line) is { Success: true } h)
            {
                Flush();
                var level = h.Groups[1].Length;
                if (level == 1) continue; // the page's own title replaces it
                var text = h.Groups[2].Value;
                html.Append($"<h{level} id=\"{Slug(text)}\">").Append(Inline(text)).Append($"</h{level}>\n");
            }
            else if (line.StartsWith('|'))
            {
                Flush();
                var rows = new List<string>();
                for (; i < lines.Length && lines[i].StartsWith('|'); i++) rows.Add(lines[i]);
                i--;
                Table(html, rows);
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                html.Append("<ul>\n");
                while (i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal))
                {
                    var item = new List<string> { lines[i][2..] };
                    while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal)) item.Add(lines[++i].Trim());
                    html.Append("<li>").Append(Inline(string.Join(' ', item))).Append("</li>\n");
                    i++;
                }
                i--;
                html.Append("</ul>\n");
            }
            else if (line.Trim().Length == 0) Flush();
            else paragraph.Add(line.Trim());
        }
        Flush();
        return html.ToString();
    }

    private static void Table(StringBuilder html, List<string> rows)
    {
        var cells = rows.Select(Cells).ToList();
        var right = cells.Count > 1 ? cells[1].Select(c => c.Trim().EndsWith(':')).ToList() : [];
        html.Append("<div class=\"table-scroll\"><table>\n<thead><tr>");
        foreach (var c in cells[0]) html.Append("<th scope=\"col\">").Append(Inline(c.Trim())).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in cells.Skip(2))
        {
            html.Append("<tr>");
            for (var j = 0; j < row.Count; j++)
                html.Append(j < right.Count && right[j] ? "<td class=\"num\">" : "<td>").Append(Inline(row[j].Trim())).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>The cells of a table row: split on the pipes that are not escaped (\|).</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inner = row.Trim();
        inner = inner[1..(inner.EndsWith('|') && inner.Length > 1 ? inner.Length - 1 : inner.Length)];
        for (var k = 0; k < inner.Length; k++)
        {
            if (inner[k] == '\\' && k + 1 < inner.Length && inner[k + 1] == '|') { cell.Append('|'); k++; }
            else if (inner[k] == '|') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(inner[k]);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>Code spans stay literal; elsewhere bold, italics and links.</summary>
    public static string Inline(string text)
    {
        var parts = text.Split('`');
        var html = new StringBuilder();
        for (var k = 0; k < parts.Length; k++)
        {
            var encoded = Escape(parts[k]);
            if (k % 2 == 1 && k < parts.Length - 1) html.Append("<code>").Append(encoded).Append("</code>");
            else
            {
                encoded = Bold().Replace(encoded, "<strong>$1</strong>");
                encoded = Italic().Replace(encoded, "<em>$1</em>");
                encoded = Link().Replace(encoded, m => $"<a href=\"{m.Groups[2].Value}\">{m.Groups[1].Value}</a>");
                html.Append(k % 2 == 1 ? "`" + encoded : encoded);
            }
        }
        return html.ToString();
    }

    /// <summary>Escapes what HTML needs (&amp; &lt; &gt; " '), leaving letters as letters.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    private static string Slug(string heading) =>
        string.Join('-', Regex.Split(heading.ToLowerInvariant(), "[^a-z0-9]+").Where(s => s.Length > 0));

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")] private static partial Regex Heading();
    [GeneratedRegex(@"\*\*(.+?)\*\*")] private static partial Regex Bold();
    [GeneratedRegex(@"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")] private static partial Regex Italic();
    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s]+|/[^)\s]*)\)")] private static partial Regex Link();
}
