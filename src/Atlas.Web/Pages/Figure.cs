using Atlas.Model;
using Atlas.Web.Catalogue;

namespace Atlas.Web.Pages;

/// <summary>A fact's figure as a reader expects it in each language (through <see cref="Formats"/>): "plus de 300", "−7,3 %", "more than 300".</summary>
public static class Figure
{
    public static string Format(Lang lang, FactJson f)
    {
        if (f.Value is not decimal value) return "";
        var number = lang.Number((double)value, 2);
        var unit = f.Unit == "percent" ? lang.PercentSign() : "";
        var words = Qualifiers.TryParse(f.Qualifier, out var q) ? q.Words(lang) : "";
        return (words.Length > 0 ? words + " " : "") + number + unit;
    }

    /// <summary>The unit in words, in the page's language where the interface knows it ("companies" → "entreprises").</summary>
    public static string Unit(Lang lang, FactJson f) =>
        f.Unit is null or "percent" ? "" : Ui.Has("unit-" + f.Unit) ? lang.T("unit-" + f.Unit) : f.Unit;
}
