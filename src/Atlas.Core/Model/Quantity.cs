namespace Atlas.Model;

/// <summary>How a source states a number: "21" is exact, "plus de 300" is more-than, "environ" is about.</summary>
public enum Qualifier { Exact, AtLeast, MoreThan, About, AtMost, LessThan }

public static class Qualifiers
{
    private static readonly Dictionary<string, Qualifier> BySlug = new(StringComparer.Ordinal)
    {
        ["exact"] = Qualifier.Exact,
        ["at-least"] = Qualifier.AtLeast,
        ["more-than"] = Qualifier.MoreThan,
        ["about"] = Qualifier.About,
        ["at-most"] = Qualifier.AtMost,
        ["less-than"] = Qualifier.LessThan,
    };

    public static IEnumerable<string> Slugs => BySlug.Keys;

    public static string Slug(this Qualifier q) => BySlug.First(kv => kv.Value == q).Key;

    public static bool TryParse(string? slug, out Qualifier q) => BySlug.TryGetValue(slug ?? "", out q);

    /// <summary>A short reading of the qualifier in a language: "more than", "plus de", "meer dan".</summary>
    public static string Words(this Qualifier q, Lang lang) => (q, lang) switch
    {
        (Qualifier.Exact, _) => "",
        (Qualifier.AtLeast, Lang.Fr) => "au moins",
        (Qualifier.AtLeast, Lang.Nl) => "minstens",
        (Qualifier.AtLeast, _) => "at least",
        (Qualifier.MoreThan, Lang.Fr) => "plus de",
        (Qualifier.MoreThan, Lang.Nl) => "meer dan",
        (Qualifier.MoreThan, _) => "more than",
        (Qualifier.About, Lang.Fr) => "environ",
        (Qualifier.About, Lang.Nl) => "ongeveer",
        (Qualifier.About, _) => "about",
        (Qualifier.AtMost, Lang.Fr) => "au plus",
        (Qualifier.AtMost, Lang.Nl) => "hoogstens",
        (Qualifier.AtMost, _) => "at most",
        (Qualifier.LessThan, Lang.Fr) => "moins de",
        (Qualifier.LessThan, Lang.Nl) => "minder dan",
        (Qualifier.LessThan, _) => "less than",
        _ => "",
    };
}

/// <summary>A figure as a source states it: value, unit, how exact, and the period it refers to.</summary>
public sealed record Quantity(decimal Value, string Unit, Qualifier Qualifier, Period? Period);
