using System.Text.Json;
using System.Text.Json.Serialization;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Text;
using Atlas.Web.Pages;

namespace Atlas.Web.StaticSite;

/// <summary>One entity in the in-browser index: its page, label, kind, the folded names and aliases it answers to, and its facts' words.</summary>
public sealed record SearchEntryJson(
    [property: JsonPropertyName("u")] string Url, [property: JsonPropertyName("l")] string Label, [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("n")] string Names, [property: JsonPropertyName("f")] string Facts);

public sealed record SearchIndexJson(string Lang, string Version, IReadOnlyList<SearchEntryJson> Entries);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchIndexJson))]
public sealed partial class SearchIndexContext : JsonSerializerContext;

/// <summary>
/// The search of a static export, answered in the browser by <c>assets/search.js</c> from one small file per language
/// (<c>/search/index-fr.json</c>, about 100 KB): every entity with its names in every language and its aliases folded
/// as the atlas folds them (case and accents do not matter: Gand, Gent, Ghent, Luik, Liege), and the words of the facts
/// about it in that language. The atlas's own search ranks names first and facts after; so does the script.
/// </summary>
public static class StaticSearchIndex
{
    public static string Address(Lang lang) => $"/search/index-{lang.Code()}.json";

    public static byte[] Build(CuratedSnapshot s, Lang lang)
    {
        var entries = s.Entities.Where(e => e is not Place { IsCurrent: false })
            .OrderBy(CuratedSnapshot.AliasRank).ThenBy(e => TextFolding.Fold(e.Label(lang)), StringComparer.Ordinal)
            .Select(e => new SearchEntryJson(Links.Entity(lang, e), e.Label(lang), lang.Kind(e.Kind),
                Words(e.Names.All.Concat(e.Aliases).Append(e.Id)),
                Words(s.FactsOf(e.Id).Concat(s.FactsAbout(e.Id)).Select(f => f.Statement.Get(lang)))))
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new SearchIndexJson(lang.Code(), s.Version, entries), SearchIndexContext.Default.SearchIndexJson);
    }

    /// <summary>The distinct folded words of some texts, space-separated.</summary>
    private static string Words(IEnumerable<string> texts) => string.Join(' ', texts
        .SelectMany(t => TextFolding.Fold(t).SplitWhere(c => !char.IsLetterOrDigit(c)))
        .Where(w => w.Length > 0).Distinct());
}

internal static class SplitExtensions
{
    public static string[] SplitWhere(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
            if (i == text.Length || separator(text[i])) { parts.Add(text[start..i]); start = i + 1; }
        return [.. parts];
    }
}
