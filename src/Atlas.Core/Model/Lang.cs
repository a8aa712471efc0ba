namespace Atlas.Model;

/// <summary>The languages of the atlas. French is the fallback: it is the language of the founding source.</summary>
public enum Lang { Fr, Nl, En, De }

public static class Langs
{
    public static readonly Lang[] Interface = [Lang.Fr, Lang.Nl, Lang.En];

    public static string Code(this Lang lang) => lang switch
    {
        Lang.Fr => "fr",
        Lang.Nl => "nl",
        Lang.En => "en",
        Lang.De => "de",
        _ => "fr",
    };

    public static bool TryParse(string? code, out Lang lang)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "fr": lang = Lang.Fr; return true;
            case "nl": lang = Lang.Nl; return true;
            case "en": lang = Lang.En; return true;
            case "de": lang = Lang.De; return true;
            default: lang = Lang.Fr; return false;
        }
    }
}

/// <summary>
/// A text in several languages ({fr, nl, en}). <see cref="Get"/> falls back to English, then French, then any
/// language, so a page never shows an empty label.
/// </summary>
public sealed class LocalizedText
{
    private readonly SortedDictionary<string, string> _byLang = new(StringComparer.Ordinal);

    public LocalizedText() { }

    public LocalizedText(IEnumerable<KeyValuePair<Lang, string>> values)
    {
        foreach (var (lang, text) in values) Set(lang, text);
    }

    public IReadOnlyDictionary<string, string> ByCode => _byLang;

    public bool IsEmpty => _byLang.Count == 0;

    public void Set(Lang lang, string text)
    {
        if (!string.IsNullOrWhiteSpace(text)) _byLang[lang.Code()] = text.Trim();
    }

    public string? Exact(Lang lang) => _byLang.GetValueOrDefault(lang.Code());

    public string Get(Lang lang) =>
        Exact(lang) ?? Exact(Lang.En) ?? Exact(Lang.Fr) ?? _byLang.Values.FirstOrDefault() ?? "";

    public IEnumerable<string> All => _byLang.Values;
}
