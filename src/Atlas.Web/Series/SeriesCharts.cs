using System.Globalization;
using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;

namespace Atlas.Web.Series;

/// <summary>The chart of a series' measure, with what a reader needs printed on it: adjustment, unit and base, source, vintage.</summary>
public static class SeriesCharts
{
    public static ChartLayout Of(SeriesInfo s, MeasureResult m, IReadOnlyList<Observation> shown, IReadOnlyList<CheckableFact> claims, Lang lang)
    {
        var d = s.Descriptor;
        var percent = m.Unit.Kind is UnitKind.PercentChangeOnYear or UnitKind.PercentChangeOnPeriod;
        var (reference, referenceLabel) = m.Unit.Kind switch
        {
            UnitKind.Index when m.Unit.BaseYear is int y => ((double?)100, $"{y} = 100"),
            _ when percent => (0, "0 %"),
            _ => (null, null),
        };
        var measure = m.Measure == Measure.Level ? lang.MeasureName(m.Measure) : $"{lang.MeasureName(m.Measure)}, {lang.T("computed-from", lang.Adjustment(m.ComputedFrom))}";
        var notes = new List<string>
        {
            $"{Capital(lang.Adjustment(d.Adjustment))} · {measure} · {lang.UnitLabel(m.Unit)}",
            $"{lang.T("source")}: {SeriesText.Agency(d.Dataflow.Agency)} ({d.Dataflow.Agency}:{d.Dataflow.Id}, {d.Key}) · " +
            lang.T("vintage-of", lang.Date(s.LastVintage.FetchedAt)),
        };
        // the claim sits at its value when the chart shows its measure (or a series that is that rate), else on the line
        bool SameMeasure(ClaimRule r) => m.Measure == r.Measure
            || (m.Measure == Measure.Level && (r.Measure, m.Unit.Kind) is (Measure.YearOnYear, UnitKind.PercentChangeOnYear) or (Measure.PeriodOnPeriod, UnitKind.PercentChangeOnPeriod));
        var marks = claims.Select(c => new ChartMark(c.Claim.Period,
            SameMeasure(c.Rule) ? (double)c.Claim.Value : null,
            lang.T("claim-on-chart", lang.SignedPercent((double)c.Claim.Value), lang.Period(c.Claim.Period)))).ToList();
        var title = $"{SeriesText.Title(lang, d)} — {lang.MeasureName(m.Measure)}";
        var description = shown.Count == 0 ? title
            : $"{title}: {shown[0].Period} {SeriesText.Value(lang, shown[0].Value, m.Unit)} … {shown[^1].Period} {SeriesText.Value(lang, shown[^1].Value, m.Unit)}";
        var spec = new ChartSpec(title, description, shown.Select(o => new ChartPoint(o.Period, o.Value)).ToList(),
            percent ? "%" : lang.UnitLabel(m.Unit), reference, referenceLabel, notes, marks);
        return ChartGeometry.Layout(spec, lang);
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
}
