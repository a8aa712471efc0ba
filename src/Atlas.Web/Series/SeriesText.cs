using System.Globalization;
using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;

namespace Atlas.Web.Series;

/// <summary>
/// The series in words, in the page's language (the words themselves are in <see cref="Ui"/>): adjustments, measures
/// and units, a check's verdict, and the figures as a reader of each language writes them (−9,9 % / −9.9 %).
/// </summary>
public static class SeriesText
{
    public static string Adjustment(this Lang lang, Adjustment a) => lang.T("adj-" + a);
    public static string MeasureName(this Lang lang, Measure m) => lang.T("m-" + m);

    public static string Definition(this Lang lang, Measure m, int? baseYear) =>
        m == Measure.Rebased ? lang.T("d-Rebased", baseYear ?? 0) : lang.T("d-" + m);

    /// <summary>The unit in words: "index, 2021 = 100", "number", "%".</summary>
    public static string UnitLabel(this Lang lang, SeriesUnit unit) => unit.Kind switch
    {
        UnitKind.Index when unit.BaseYear is int y => lang.T("index-base", y),
        UnitKind.PercentChangeOnYear or UnitKind.PercentChangeOnPeriod => "%",
        UnitKind.Level when unit.Code == "NUMBER" => lang.T("count"),
        _ => unit.Code,
    };

    /// <summary>A value of a measure: percentages as such, indices with one decimal, counts whole.</summary>
    public static string Value(Lang lang, double? value, SeriesUnit unit) => value switch
    {
        null => "—",
        double v when unit.Kind is UnitKind.PercentChangeOnYear or UnitKind.PercentChangeOnPeriod => lang.SignedPercent(v),
        double v when unit.Kind == UnitKind.Level && Math.Abs(v - Math.Round(v)) < 1e-9 => lang.Fixed(v, 0),
        double v => lang.Fixed(v, 1),
    };

    /// <summary>What a series measures, where, and how adjusted: "Industrial production (B-D, BE) — seasonally adjusted".</summary>
    public static string Title(Lang lang, SeriesDescriptor d)
    {
        var what = Ui.Has(d.Concept) ? lang.T(d.Concept) : d.Name ?? d.Id;
        if (d.Concept == EstablishmentGrowth.Concept) return $"{what} — {d.Name ?? d.Geo}";
        var scope = string.Join(", ", new[] { d.Activity, d.Geo }.OfType<string>());
        return $"{what}{(scope.Length > 0 ? $" ({scope})" : "")} — {lang.Adjustment(d.Adjustment)}";
    }

    /// <summary>": " — with a no-break space before it in French.</summary>
    public static string Colon(Lang lang) => lang == Lang.Fr ? "\u00a0: " : ": ";

    /// <summary>The day of an instant for programs (JSON): 2026-08-22.</summary>
    public static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The provider behind an SDMX agency code.</summary>
    public static string Agency(string code) => code.ToUpperInvariant() switch
    {
        "ESTAT" => "Eurostat",
        "BE2" or "NBB" => "NBB",
        "STATBEL" => "Statbel",
        _ => code,
    };

    /// <summary>
    /// A check's verdict in one line: "confirmed within the stated rounding (−7.3 %)", or "no matching series (the
    /// available one is seasonally adjusted: −9.9 %)".
    /// </summary>
    public static string Summary(ClaimCheck check, Lang lang)
    {
        if (check.Match is { } m) return $"{lang.T("st-" + check.Status)} ({Percent(lang, m.Value)})";
        if (check.Closest is not { } closest) return lang.T("no-series-summary");
        var why = closest.Mismatches.FirstOrDefault(x => x.Kind != MismatchKind.NoValue) is { } first
            ? Explain(first, lang, whyOnly: true) : lang.T("mm-NoValue", check.Claim.Period);
        return lang.T("no-match-summary", why, Percent(lang, closest.Value));
    }

    /// <summary>Why a series does not measure a claim, in words: "it is seasonally adjusted, not calendar adjusted".</summary>
    public static string Explain(Mismatch m, Lang lang, bool whyOnly = false)
    {
        string Word(string? code) => m.Kind switch
        {
            MismatchKind.Adjustment when Enum.TryParse<Adjustment>(code, out var a) => lang.Adjustment(a),
            MismatchKind.Frequency when SeriesCodes.TryFrequency(code, out var f) => lang.T("freq-" + f),
            _ => code ?? "—",
        };
        // the summary says only what the series is ("seasonally adjusted"); the list says what it is not, too
        if (whyOnly && m.Kind == MismatchKind.Adjustment) return Word(m.Found);
        return lang.T("mm-" + m.Kind, Word(m.Expected), Word(m.Found));
    }

    private static string Percent(Lang lang, double? v) => v is { } x ? lang.SignedPercent(x) : "—";
}
