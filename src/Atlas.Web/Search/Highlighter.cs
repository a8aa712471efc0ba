using System.Text;
using Atlas.Text;

namespace Atlas.Web.Search;

/// <summary>Cuts a text into plain and matching parts, matching the search terms the way search does (no case, no accents).</summary>
public static class Highlighter
{
    public static IReadOnlyList<(string Text, bool Match)> Segments(string text, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || text.Length == 0) return [(text, false)];
        // fold character by character, remembering where each folded character came from
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in TextFolding.FoldChar(text[i]))
            {
                folded.Append(c);
                origin.Add(i);
            }
        }
        var marked = new bool[text.Length];
        var haystack = folded.ToString();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = haystack.IndexOf(term, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                // whole words only at the start: "port" marks "portuaire" but not "transport"
                if (at > 0 && char.IsLetterOrDigit(haystack[at - 1])) continue;
                for (var k = at; k < at + term.Length; k++) marked[origin[k]] = true;
            }
        }
        var segments = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                segments.Add((text[start..i], marked[start]));
                start = i;
            }
        }
        return segments;
    }
}
