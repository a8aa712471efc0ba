using Atlas.Model;
using Atlas.Series;
using Atlas.Web.Series;

namespace Atlas.Tests.Series;

/// <summary>The server-drawn chart's arithmetic: ticks a reader can use, a line broken where a value is missing, the mark on its month.</summary>
public class ChartGeometryTests
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3.9, 5)]
    [InlineData(11, 20)]
    [InlineData(0.023, 0.025)]
    public void Value_steps_are_1_2_2_5_or_5_times_a_power_of_ten(double rough, double step) =>
        Assert.Equal(step, ChartGeometry.NiceStep(rough), 9);

    private static ChartSpec Spec(IReadOnlyList<ChartPoint> points, params ChartMark[] marks) =>
        new("t", "d", points, "index", 100, "2021 = 100", ["note 1", "note 2"], marks);

    [Fact]
    public void The_axes_cover_the_values_and_the_reference_and_label_every_year_or_fewer()
    {
        var points = Enumerable.Range(0, 195).Select(i => new ChartPoint(SeriesPeriod.Month(2010, 1).Plus(i), 64 + i * 0.15)).ToList();
        var layout = ChartGeometry.Layout(Spec(points), Lang.En);
        Assert.Equal(["60", "70", "80", "90", "100"], layout.YTicks.Select(t => t.Label));
        Assert.Equal("2010", layout.XTicks[0].Label);
        Assert.Equal(layout.Left, layout.XTicks[0].Position);
        Assert.True(layout.XTicks.Count <= 11);
        Assert.Equal(layout.YTicks[^1].Position, layout.ReferenceY);   // 100 is the top tick
        Assert.Equal(2, layout.NoteLines.Count);
        Assert.True(layout.NoteLines.All(y => y > layout.Bottom + 18));  // the notes are under the axis labels
    }

    [Fact]
    public void A_missing_value_breaks_the_line()
    {
        var points = new double?[] { 1, 2, null, 4, 5 }.Select((v, i) => new ChartPoint(SeriesPeriod.Quarter(2020, 1).Plus(i), v)).ToList();
        var layout = ChartGeometry.Layout(Spec(points), Lang.En);
        Assert.Equal(2, layout.Path.Count(c => c == 'M'));
        Assert.Equal(2, layout.Path.Count(c => c == 'L'));
    }

    [Fact]
    public void A_mark_sits_on_its_period_at_its_value_or_on_the_line()
    {
        var points = new double?[] { 90, 95, 100 }.Select((v, i) => new ChartPoint(SeriesPeriod.Month(2025, 4).Plus(i), v)).ToList();
        var layout = ChartGeometry.Layout(Spec(points, new ChartMark(SeriesPeriod.Month(2025, 5), null, "on the line"),
            new ChartMark(SeriesPeriod.Month(2025, 6), 92, "at 92"), new ChartMark(SeriesPeriod.Month(2030, 1), 1, "outside")), Lang.En);
        Assert.Equal(2, layout.Marks.Count);
        var (middle, last) = (layout.Marks[0], layout.Marks[1]);
        Assert.Equal((layout.Left + layout.Right) / 2, middle.X, 6);
        Assert.Equal(layout.Right, last.X, 6);
        Assert.True(last.Y > middle.Y); // 92 is below 95
        Assert.Equal("end", last.Anchor);  // a label on the right half reads leftwards
    }
}
