using System.Globalization;
using System.Text;

namespace Atlas.Text;

/// <summary>
/// Folds text for matching the way users type: case, accents and typographic punctuation do not matter
/// ("Liège" = "liege", "l’innovation" = "l'innovation"). The search index folds the same way (FTS5 remove_diacritics).
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = Normalise(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC)
            .Replace('œ', 'o').Replace('æ', 'a').Replace('ß', 's');
    }

    /// <summary>One character folded as <see cref="Fold"/> folds it (possibly empty, as a lone combining accent).</summary>
    public static string FoldChar(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(2);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(d) switch { 'œ' => 'o', 'æ' => 'a', 'ß' => 's', var x => x });
        }
        return sb.ToString();
    }

    /// <summary>Unifies apostrophes, quotes, dashes and spaces so that a phrase typed with ASCII punctuation matches.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastSpace = false;
        foreach (var c in text)
        {
            var d = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' or '«' or '»' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u202F' or '\t' or '\r' or '\n' => ' ',
                _ => c,
            };
            if (d == ' ')
            {
                if (lastSpace) continue;
                lastSpace = true;
            }
            else lastSpace = false;
            sb.Append(d);
        }
        return sb.ToString().Trim();
    }
}
