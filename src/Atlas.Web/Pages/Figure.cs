using System.Globalization;
using Atlas.Model;
using Atlas.Web.Catalogue;

namespace Atlas.Web.Pages;

/// <summary>Figures as a reader expects them in each language: "plus de 300", "−7,3 %", "more than 300".</summary>
public static class Figure
{
    public static string Format(Lang lang, FactJson f)
    {
        if (f.Value is not decimal value) return "";
        var culture = CultureInfo.GetCultureInfo(lang switch { Lang.Nl => "nl-BE", Lang.En => "en-GB", _ => "fr-BE" });
        var number = value.ToString("#,0.##", culture).Replace('-', '−');
        var unit = f.Unit == "percent" ? (lang == Lang.En ? "%" : "\u00a0%") : "";
        var words = Qualifiers.TryParse(f.Qualifier, out var q) ? q.Words(lang) : "";
        return (words.Length > 0 ? words + " " : "") + number + unit;
    }

    /// <summary>The unit in words, in the page's language where the interface knows it ("companies" → "entreprises").</summary>
    public static string Unit(Lang lang, FactJson f) =>
        f.Unit is null or "percent" ? "" : Ui.Has("unit-" + f.Unit) ? lang.T("unit-" + f.Unit) : f.Unit;
}
