using Atlas.Series;

namespace Atlas.Tests.Series;

/// <summary>Periods in SDMX's formats and the derived measures, computed by hand on small series.</summary>
public class SeriesModelTests
{
    [Theory]
    [InlineData("2025", Frequency.Annual, "2025")]
    [InlineData("2025-A1", Frequency.Annual, "2025")]
    [InlineData("2025-Q2", Frequency.Quarterly, "2025-Q2")]
    [InlineData("2025Q2", Frequency.Quarterly, "2025-Q2")]
    [InlineData("2025-05", Frequency.Monthly, "2025-05")]
    [InlineData("2025-M05", Frequency.Monthly, "2025-05")]
    [InlineData("2025M05", Frequency.Monthly, "2025-05")]
    public void Periods_are_read_in_every_SDMX_form_and_written_in_one(string text, Frequency frequency, string written)
    {
        var p = SeriesPeriod.Parse(text);
        Assert.Equal(frequency, p.Frequency);
        Assert.Equal(written, p.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-W01")]
    [InlineData("2025-S1")]
    [InlineData("2025-05-01")]
    [InlineData("May 2025")]
    public void A_period_the_atlas_does_not_read_says_how_to_write_one(string text)
    {
        Assert.False(SeriesPeriod.TryParse(text, null, out _, out var error));
        Assert.Contains("write a year (2025), a quarter (2025-Q2) or a month (2025-05)", error);
    }

    [Fact]
    public void A_period_of_another_frequency_than_the_series_is_refused()
    {
        Assert.False(SeriesPeriod.TryParse("2025-Q2", Frequency.Monthly, out _, out var error));
        Assert.Equal("the period '2025-Q2' is a quarter, but the frequency of the series is M: write a month as 2025-05", error);
    }

    [Theory]
    [InlineData("2025", Frequency.Annual)]
    [InlineData("2025-Q3", Frequency.Quarterly)]
    [InlineData("2025-11", Frequency.Monthly)]
    public void A_period_as_the_store_keeps_it_reads_back_the_same(string text, Frequency frequency) =>
        Assert.Equal(SeriesPeriod.Parse(text, frequency), SeriesPeriod.FromStored(text, frequency));

    [Fact]
    public void Periods_count_across_years()
    {
        Assert.Equal("2024-05", SeriesPeriod.Month(2025, 5).Plus(-12).ToString());
        Assert.Equal("2025-01", SeriesPeriod.Month(2024, 12).Plus(1).ToString());
        Assert.Equal("2024-Q4", SeriesPeriod.Quarter(2025, 1).Plus(-1).ToString());
        Assert.Equal("2025-Q2", SeriesPeriod.Containing(new DateOnly(2025, 5, 17), Frequency.Quarterly).ToString());
        Assert.True(SeriesPeriod.Month(2025, 4) < SeriesPeriod.Month(2025, 5));
    }

    private static SeriesInfo Series(Frequency f, SeriesUnit unit, Adjustment a = Adjustment.SA)
    {
        var v = new Vintage(1, "test", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        var d = new SeriesDescriptor("T.X.K", new Dataflow("T", "X", null), "K", null, f, a, unit, "x", "BE", null, [], new Dictionary<string, string>());
        return new SeriesInfo(d, null, null, 0, 0, v, v);
    }

    private static List<Observation> Months(int year, int month, params double?[] values) =>
        values.Select((v, i) => new Observation(SeriesPeriod.Month(year, month).Plus(i), v, null)).ToList();

    [Fact]
    public void Year_on_year_change_is_computed_on_the_same_month_a_year_before_and_says_its_adjustment()
    {
        var s = Series(Frequency.Monthly, SeriesUnit.Index(2021));
        var values = Months(2024, 5, [95.4, .. Enumerable.Repeat<double?>(90, 11), 86.0]);
        var yoy = DerivedMeasures.Compute(s, values, Measure.YearOnYear);
        Assert.Equal(Adjustment.SA, yoy.ComputedFrom);
        Assert.Equal(UnitKind.PercentChangeOnYear, yoy.Unit.Kind);
        Assert.Equal((86.0 / 95.4 - 1) * 100, yoy.Values[^1].Value!.Value, 9);
        Assert.Null(yoy.Values[0].Value); // no May 2023
    }

    [Fact]
    public void Period_on_period_change_and_the_three_month_average()
    {
        var s = Series(Frequency.Monthly, SeriesUnit.Index(2021));
        var values = Months(2025, 1, 100, 110, null, 90, 96);
        var pop = DerivedMeasures.Compute(s, values, Measure.PeriodOnPeriod).Values;
        Assert.Equal(10, pop[1].Value!.Value, 9);
        Assert.Null(pop[2].Value);
        Assert.Null(pop[3].Value); // the month before is missing
        Assert.Equal(96.0 / 90 * 100 - 100, pop[4].Value!.Value, 9);
        var avg = DerivedMeasures.Compute(s, values, Measure.ThreeMonthAverage).Values;
        Assert.Null(avg[1].Value);
        Assert.Null(avg[4].Value); // March is missing
        Assert.Equal(100, DerivedMeasures.Compute(s, Months(2025, 1, 100, 110, 90), Measure.ThreeMonthAverage).Values[2].Value!.Value, 9);
    }

    [Fact]
    public void Rebasing_divides_by_the_mean_of_the_base_year_and_needs_all_of_it()
    {
        var s = Series(Frequency.Quarterly, SeriesUnit.Index(2021));
        var values = new[] { 90.0, 95, 105, 110, 120 }.Select((v, i) => new Observation(SeriesPeriod.Quarter(2015, 1).Plus(i), v, null)).ToList();
        var rebased = DerivedMeasures.Compute(s, values, Measure.Rebased, 2015);
        Assert.Equal(2015, rebased.Unit.BaseYear);
        Assert.Equal(120 * 100 / 100.0, rebased.Values[4].Value!.Value, 9);
        var e = Assert.Throws<MeasureException>(() => DerivedMeasures.Compute(s, values, Measure.Rebased, 2016));
        Assert.Equal(MeasureProblem.BaseYearIncomplete, e.Problem);
    }

    [Fact]
    public void A_series_that_is_already_a_rate_has_no_derived_measure_and_a_quarterly_one_no_three_month_average()
    {
        var rate = Series(Frequency.Monthly, new SeriesUnit("PCH_SM", UnitKind.PercentChangeOnYear, null));
        Assert.Equal(MeasureProblem.NotALevel, Assert.Throws<MeasureException>(() => DerivedMeasures.Compute(rate, [], Measure.YearOnYear)).Problem);
        var quarterly = Series(Frequency.Quarterly, SeriesUnit.Count());
        Assert.Equal(MeasureProblem.NotMonthly, Assert.Throws<MeasureException>(() => DerivedMeasures.Compute(quarterly, [], Measure.ThreeMonthAverage)).Problem);
    }

    [Theory]
    [InlineData("I21", UnitKind.Index, 2021)]
    [InlineData("I15", UnitKind.Index, 2015)]
    [InlineData("index_2021", UnitKind.Index, 2021)]
    [InlineData("2021=100", UnitKind.Index, 2021)]
    [InlineData("PCH_SM", UnitKind.PercentChangeOnYear, null)]
    [InlineData("PCH_PRE", UnitKind.PercentChangeOnPeriod, null)]
    [InlineData("NUMBER", UnitKind.Level, null)]
    public void Units_say_their_kind_and_base_year(string code, UnitKind kind, int? baseYear)
    {
        var unit = SeriesDescriber.Unit(code, null, null)!;
        Assert.Equal(kind, unit.Kind);
        Assert.Equal(baseYear, unit.BaseYear);
    }

    [Theory]
    [InlineData("B_C_D", "B-D")]
    [InlineData("B+C+D", "B-D")]
    [InlineData("B-D", "B-D")]
    [InlineData("C", "C")]
    [InlineData("C10-C12", "C10-C12")]
    public void Activity_aggregates_written_three_ways_are_one(string code, string expected) =>
        Assert.Equal(expected, SeriesDescriber.Activity(code));

    [Theory]
    [InlineData("NSA", Adjustment.NSA)]
    [InlineData("CA", Adjustment.CA)]
    [InlineData("W", Adjustment.CA)]
    [InlineData("SA", Adjustment.SA)]
    [InlineData("S", Adjustment.SA)]
    [InlineData("SCA", Adjustment.SCA)]
    [InlineData("Y", Adjustment.SCA)]
    [InlineData("N", Adjustment.NSA)]
    public void Adjustment_codes_of_Eurostat_the_ECB_and_the_NBB(string code, Adjustment expected)
    {
        Assert.True(SeriesCodes.TryAdjustment(code, out var a));
        Assert.Equal(expected, a);
    }
}
