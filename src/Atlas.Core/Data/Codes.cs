using System.Text.RegularExpressions;

namespace Atlas.Data;

/// <summary>Entity ids: stable slugs of lowercase ASCII letters, digits and single hyphens.</summary>
public static partial class Ids
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => id.Length <= 80 && Pattern().IsMatch(id);

    /// <summary>A valid id made from any text: "Louvain-la-Neuve" → louvain-la-neuve, "Liège" → liege.</summary>
    public static string Suggest(string text)
    {
        var folded = Atlas.Text.TextFolding.Fold(text);
        var slug = Regex.Replace(folded, "[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "my-id" : slug;
    }
}

/// <summary>A programme's period: a year, a month, or a range of them (2014/2020).</summary>
public static class PeriodRange
{
    public static bool IsValid(string text)
    {
        var parts = text.Split('/');
        return parts.Length is 1 or 2 && parts.All(p => Atlas.Model.Period.TryParse(p, out _, out _));
    }
}

/// <summary>Passage labels of a locator: heading, paragraph N, bullet N, table row N.</summary>
public static partial class PassageLabel
{
    [GeneratedRegex(@"^(heading|(paragraph|bullet|table row) [1-9][0-9]*)$")]
    private static partial Regex Pattern();

    public static bool IsValid(string label) => Pattern().IsMatch(label);
}
