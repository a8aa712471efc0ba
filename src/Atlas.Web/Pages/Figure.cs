using System.Globalization;
using Atlas.Model;
using Atlas.Web.Catalogue;

namespace Atlas.Web.Pages;

/// <summary>Figures as a reader expects them in each language: "plus de 300", "−7,3 %", "more than 300".</summary>
public static class Figure
{
    /// <summary>The culture whose digit grouping and decimal mark a reader of the language expects.</summary>
    public static CultureInfo Culture(Lang lang) =>
        CultureInfo.GetCultureInfo(lang switch { Lang.Nl => "nl-BE", Lang.En => "en-GB", _ => "fr-BE" });

    /// <summary>A count with the language's digit grouping: "12 345", "12.345", "12,345".</summary>
    public static string Count(Lang lang, long n) => n.ToString("#,0", Culture(lang));

    /// <summary>A number with at most <paramref name="decimals"/> decimals, with a true minus sign.</summary>
    public static string Number(Lang lang, double x, int decimals = 1) =>
        x.ToString("#,0." + new string('#', decimals), Culture(lang)).Replace('-', '−');

    /// <summary>A share (0.123) as a percentage with one decimal: "12,3 %", "12.3%".</summary>
    public static string Percent(Lang lang, double share) =>
        (100 * share).ToString("0.0", Culture(lang)).Replace('-', '−') + (lang == Lang.En ? "%" : "\u00a0%");

    public static string Format(Lang lang, FactJson f)
    {
        if (f.Value is not decimal value) return "";
        var number = value.ToString("#,0.##", Culture(lang)).Replace('-', '−');
        var unit = f.Unit == "percent" ? (lang == Lang.En ? "%" : "\u00a0%") : "";
        var words = Qualifiers.TryParse(f.Qualifier, out var q) ? q.Words(lang) : "";
        return (words.Length > 0 ? words + " " : "") + number + unit;
    }

    /// <summary>The unit in words, in the page's language where the interface knows it ("companies" → "entreprises").</summary>
    public static string Unit(Lang lang, FactJson f) =>
        f.Unit is null or "percent" ? "" : Ui.Has("unit-" + f.Unit) ? lang.T("unit-" + f.Unit) : f.Unit;
}
