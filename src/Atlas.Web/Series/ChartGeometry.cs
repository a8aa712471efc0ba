using System.Globalization;
using System.Text;
using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Pages;

namespace Atlas.Web.Series;

/// <summary>A point of a line chart; a missing value breaks the line.</summary>
public readonly record struct ChartPoint(SeriesPeriod Period, double? Value);

/// <summary>A period marked on a chart (the article's claim): at <paramref name="Value"/> if given, else on the line.</summary>
public sealed record ChartMark(SeriesPeriod Period, double? Value, string Label);

/// <summary>What a chart shows. <paramref name="Reference"/> is a horizontal line (100 for an index, 0 for a change).</summary>
/// <param name="Notes">printed under the plot, on the chart itself: adjustment, unit and base, source, vintage</param>
public sealed record ChartSpec(string Title, string Description, IReadOnlyList<ChartPoint> Points, string Unit, double? Reference,
    string? ReferenceLabel, IReadOnlyList<string> Notes, IReadOnlyList<ChartMark> Marks, int Width = 760, int Height = 380);

public readonly record struct Tick(double Position, string Label);

public sealed record PlacedMark(double X, double Y, double LabelX, double LabelY, string Anchor, string Label);

/// <summary>A chart laid out in SVG user units, ready to draw.</summary>
public sealed record ChartLayout(ChartSpec Spec, double Left, double Top, double Right, double Bottom, string Path,
    IReadOnlyList<Tick> XTicks, IReadOnlyList<Tick> YTicks, double? ReferenceY, IReadOnlyList<PlacedMark> Marks, IReadOnlyList<double> NoteLines);

/// <summary>
/// Lays out a line chart on the server: linear scales, "nice" value ticks (1, 2, 2.5, 5 × 10ⁿ), a year on the time
/// axis every one, two, five or ten years, the line as one SVG path. Pure arithmetic, so it is tested without a browser.
/// </summary>
public static class ChartGeometry
{
    public static ChartLayout Layout(ChartSpec spec, Lang lang)
    {
        const double left = 64, top = 20, right = 20;
        var noteLines = spec.Notes.Select((_, i) => (double)(spec.Height - 10 - (spec.Notes.Count - 1 - i) * 16)).ToList();
        var bottom = spec.Height - 36 - spec.Notes.Count * 16;
        var (x0, x1) = (left, spec.Width - right);
        var (y0, y1) = (top, bottom);

        var points = spec.Points;
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value)
            .Concat(spec.Marks.Where(m => m.Value is not null).Select(m => m.Value!.Value))
            .Concat(spec.Reference is { } r ? [r] : []).ToList();
        var (lo, hi) = values.Count == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        var step = NiceStep((hi - lo) / 5);
        lo = Math.Floor(lo / step) * step;
        hi = Math.Ceiling(hi / step) * step;
        if (hi <= lo) hi = lo + step;
        double Y(double v) => y1 - (v - lo) / (hi - lo) * (y1 - y0);

        var first = points.Count > 0 ? points[0].Period.Ordinal : 0;
        var last = points.Count > 0 ? points[^1].Period.Ordinal : 1;
        var span = Math.Max(1, last - first);
        double X(SeriesPeriod p) => x0 + (double)(p.Ordinal - first) / span * (x1 - x0);

        var path = new StringBuilder();
        var pen = false;
        foreach (var p in points)
        {
            if (p.Value is not { } v) { pen = false; continue; }
            path.Append(pen ? 'L' : 'M').Append(N(X(p.Period))).Append(',').Append(N(Y(v))).Append(' ');
            pen = true;
        }

        var decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        var yTicks = new List<Tick>();
        for (var v = lo; v <= hi + step / 2; v += step)
            yTicks.Add(new Tick(Y(v), lang.Fixed(v, decimals)));

        var xTicks = new List<Tick>();
        if (points.Count > 0)
        {
            var (firstYear, lastYear) = (points[0].Period.Year, points[^1].Period.Year);
            var every = new[] { 1, 2, 5, 10, 20 }.First(e => (lastYear - firstYear) / e <= 10);
            var frequency = points[0].Period.Frequency;
            for (var year = firstYear; year <= lastYear; year++)
            {
                if (year % every != 0 && year != firstYear) continue;
                var start = SeriesPeriod.Containing(new DateOnly(year, 1, 1), frequency);
                if (start.Ordinal < first) continue;
                xTicks.Add(new Tick(X(start), year.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var marks = new List<PlacedMark>();
        foreach (var m in spec.Marks)
        {
            if (m.Period.Frequency != (points.Count > 0 ? points[0].Period.Frequency : m.Period.Frequency)) continue;
            if (m.Period.Ordinal < first || m.Period.Ordinal > last) continue;
            var onLine = points.FirstOrDefault(p => p.Period == m.Period).Value;
            if ((m.Value ?? onLine) is not { } value) continue;
            var (x, y) = (X(m.Period), Y(value));
            var toLeft = x > (x0 + x1) / 2;
            marks.Add(new PlacedMark(x, y, toLeft ? x - 8 : x + 8, Math.Max(y0 + 12, y - 10), toLeft ? "end" : "start", m.Label));
        }
        return new ChartLayout(spec, x0, y0, x1, y1, path.ToString().TrimEnd(), xTicks, yTicks,
            spec.Reference is { } reference ? Y(reference) : null, marks, noteLines);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
            if (f * power >= rough - 1e-12) return f * power;
        return 10 * power;
    }

    /// <summary>A coordinate with one decimal, invariant: short paths, stable output.</summary>
    public static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
