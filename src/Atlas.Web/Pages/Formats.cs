using System.Globalization;
using Atlas.Model;
using Atlas.Series;

namespace Atlas.Web.Pages;

/// <summary>
/// The one place where a figure becomes text for a reader: numbers, percentages, signed values, ranks, dates and
/// periods as a reader of each language writes them (fr-BE, nl-BE, en-GB). Pages, chart labels and people-facing
/// text in JSON go through it; what programs read (JSON numbers, CSV for programs, SDMX) stays invariant and does not.
/// </summary>
public static class Formats
{
    /// <summary>A no-break space, so that "12,3 %" never wraps inside.</summary>
    private const string Nbsp = "\u00a0";

    /// <summary>The culture whose digit grouping, decimal mark and month names a reader of the language expects.</summary>
    public static CultureInfo Culture(this Lang lang) => lang switch { Lang.Nl => Dutch, Lang.En => English, _ => French };

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE"), Dutch = CultureInfo.GetCultureInfo("nl-BE"),
        English = CultureInfo.GetCultureInfo("en-GB");

    // the format strings of 0 to 6 decimals, made once: a chart formats hundreds of figures per page
    private static readonly string[] AtMost = [.. Enumerable.Range(0, 7).Select(d => "#,0." + new string('#', d))];
    private static readonly string[] Exactly = [.. Enumerable.Range(0, 7).Select(d => "#,0." + new string('0', d))];

    /// <summary>A count with the language's digit grouping: "12 345" (fr), "12.345" (nl), "12,345" (en).</summary>
    public static string Count(this Lang lang, long n) => Minus(n.ToString("#,0", lang.Culture()));

    /// <summary>A number with at most <paramref name="decimals"/> decimals and a true minus sign: "8,9", "−0,25", "1,234.5".</summary>
    public static string Number(this Lang lang, double x, int decimals = 1) =>
        Minus(x.ToString(decimals is >= 0 and < 7 ? AtMost[decimals] : "#,0." + new string('#', decimals), lang.Culture()));

    /// <summary>A number to <paramref name="digits"/> significant digits, never in exponent notation: "0,0123", "−1,85", "1,234".</summary>
    public static string Significant(this Lang lang, double x, int digits = 3)
    {
        if (x == 0 || !double.IsFinite(x)) return lang.Number(x, 0);
        var decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 15);
        return lang.Number(Math.Round(x, decimals), decimals);
    }

    /// <summary>A number with exactly <paramref name="decimals"/> decimals (tables whose column should align): "8,92", "34.20".</summary>
    public static string Fixed(this Lang lang, double x, int decimals) =>
        Minus(x.ToString(decimals is >= 0 and < 7 ? Exactly[decimals] : "#,0." + new string('0', decimals), lang.Culture()));

    /// <summary>A share (0.123) as a percentage: "12,3 %" (fr, nl), "12.3%" (en).</summary>
    public static string Percent(this Lang lang, double share, int decimals = 1) => lang.PercentOf(100 * share, decimals);

    /// <summary>A value already in percent (−7.3) as a percentage: "−7,3 %", "−7.3%".</summary>
    public static string PercentOf(this Lang lang, double percent, int decimals = 1) =>
        lang.Fixed(percent, decimals) + PercentSign(lang);

    /// <summary>The percent sign as the language writes it after a number: with a no-break space in French and Dutch.</summary>
    public static string PercentSign(this Lang lang) => lang == Lang.En ? "%" : Nbsp + "%";

    /// <summary>A change with its sign, plus or minus, never for zero: "+3,86", "−0,20", "0,00".</summary>
    public static string Signed(this Lang lang, double x, int decimals) =>
        (Math.Round(x, decimals) > 0 ? "+" : "") + lang.Fixed(x, decimals);

    /// <summary>A change in percent with its sign: "+1,5 %", "−9.9%".</summary>
    public static string SignedPercent(this Lang lang, double percent, int decimals = 1) =>
        lang.Signed(percent, decimals) + PercentSign(lang);

    /// <summary>A rank as an ordinal: "1er", "3e" (fr), "1ste", "3de" (nl), "1st", "3rd" (en).</summary>
    public static string Rank(this Lang lang, int rank) => lang.Count(rank) + lang switch
    {
        Lang.Fr => rank == 1 ? "er" : "e",
        Lang.Nl => (rank % 100) is 0 or 1 or 8 or >= 20 ? "ste" : "de",
        _ => (rank % 100) is 11 or 12 or 13 ? "th" : (rank % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    /// <summary>A range of ranks or numbers with an en dash: "12–31".</summary>
    public static string Range(this Lang lang, long from, long to) => lang.Count(from) + "–" + lang.Count(to);

    /// <summary>A day in words: "12 octobre 2025", "12 oktober 2025", "12 October 2025".</summary>
    public static string Date(this Lang lang, DateOnly day) =>
        day.ToString("d MMMM yyyy", lang.Culture());

    /// <summary>The day of an instant (in UTC), in words.</summary>
    public static string Date(this Lang lang, DateTimeOffset at) => lang.Date(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>An ISO date (2025-10-12, as the register and the data files write them) in words; anything else as it is.</summary>
    public static string Date(this Lang lang, string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? lang.Date(day) : iso;

    /// <summary>A period in words: "2025"; "T2 2025", "K2 2025", "Q2 2025"; "mai 2025", "mei 2025", "May 2025".</summary>
    public static string Period(this Lang lang, SeriesPeriod p) => p.Frequency switch
    {
        Frequency.Monthly => p.Start.ToString("MMMM yyyy", lang.Culture()),
        Frequency.Quarterly => (lang switch { Lang.Fr => "T", Lang.Nl => "K", _ => "Q" }) + p.Number + " " + p.Year,
        _ => p.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A true minus sign (U+2212) instead of the hyphen the cultures give.</summary>
    private static string Minus(string s) => s.Contains('-') ? s.Replace('-', '−') : s;
}
