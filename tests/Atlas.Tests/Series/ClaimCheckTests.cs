using Atlas.Series;
using Atlas.Store;

namespace Atlas.Tests.Series;

/// <summary>
/// The article's −7.3 % in May 2025 against the series: with only the shipped seasonally adjusted series there is no
/// matching series (it says −9.9%); a calendar-adjusted series turns it into a check. Adjustments are never mixed.
/// </summary>
public class ClaimCheckTests
{
    private static readonly ClaimRule Rule = ClaimChecker.RuleFor("industrial-production-change", "belgium")!;
    private static readonly Claim Claim = new(SeriesFiles.ClaimFact, "industrial-production-change", "belgium", -7.3m, "percent", SeriesPeriod.Month(2025, 5));
    private static readonly SeriesImportOptions ShippedNbb = new() { Adjustment = Adjustment.SA, Geo = "BE", Activity = "B-D" };

    [Fact]
    public void With_only_the_seasonally_adjusted_series_there_is_no_matching_series_and_the_closest_says_minus_9_9()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        SeriesImporter.Import(store, SeriesFiles.ShippedNbb, ShippedNbb);
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.NoMatchingSeries, check.Status);
        Assert.Null(check.Match);
        Assert.Equal(SeriesFiles.ShippedNbbId, check.Closest!.Series.Id);
        Assert.Equal((86.0 / 95.4 - 1) * 100, check.Closest.Value!.Value, 9);
        var mismatch = Assert.Single(check.Closest.Mismatches);
        Assert.Equal(new Mismatch(MismatchKind.Adjustment, "CA", "SA"), mismatch);
        Assert.Equal(0.05m, check.Tolerance);
    }

    [Fact]
    public void A_calendar_adjusted_series_turns_it_into_a_check_within_the_stated_rounding()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        SeriesImporter.Import(store, SeriesFiles.ShippedNbb, ShippedNbb);
        SeriesImporter.Import(store, SeriesFiles.EurostatCa, new SeriesImportOptions());
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.Confirmed, check.Status);
        Assert.Equal(SeriesFiles.EurostatBeId, check.Match!.Series.Id);
        Assert.Equal((91.4 / 98.6 - 1) * 100, check.Match.Value!.Value, 9);
        Assert.True(Math.Abs(check.Difference!.Value) < 0.05);
        // the German CA series and the SA one were examined and do not count
        Assert.Equal(3, check.Candidates.Count);
        Assert.Contains(check.Candidates, c => c.Mismatches.Contains(new Mismatch(MismatchKind.Geo, "BE", "DE")));
    }

    [Fact]
    public void A_calendar_adjusted_series_that_says_otherwise_does_not_confirm_it()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        var rows = SeriesFiles.GoodRows(); // May 2024 = 98.6
        rows.Add(SeriesFiles.Row("2025-05", "90.7")); // −8.0 %
        SeriesImporter.Import(store, SeriesFiles.Write(dir.Path, "ca.csv", [SeriesFiles.SdmxHeader, .. rows]), new SeriesImportOptions());
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.NotConfirmed, check.Status);
        Assert.Equal(-0.71, check.Difference!.Value, 2);
    }

    [Fact]
    public void A_seasonally_adjusted_series_never_confirms_a_figure_computed_from_calendar_adjusted_data_even_when_its_value_agrees()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        var rows = SeriesFiles.GoodRows().Select(r => r.Replace(",CA,", ",SA,")).Append(SeriesFiles.Row("2025-05", "91.4", adjustment: "SA"));
        SeriesImporter.Import(store, SeriesFiles.Write(dir.Path, "sa.csv", [SeriesFiles.SdmxHeader, .. rows]), new SeriesImportOptions());
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.NoMatchingSeries, check.Status);
        Assert.Equal(-7.30, check.Closest!.Value!.Value, 2);
        Assert.Equal(MismatchKind.Adjustment, Assert.Single(check.Closest.Mismatches).Kind);
    }

    [Fact]
    public void A_series_without_the_claims_month_is_named_with_the_reason()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        SeriesImporter.Import(store, SeriesFiles.Write(dir.Path, "short.csv", [SeriesFiles.SdmxHeader, .. SeriesFiles.GoodRows()]), new SeriesImportOptions());
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.NoMatchingSeries, check.Status);
        Assert.Equal(new Mismatch(MismatchKind.NoValue, "2025-05", null), Assert.Single(check.Closest!.Mismatches));
    }

    [Fact]
    public void A_year_on_year_rate_series_is_read_as_it_is()
    {
        using var dir = TestPaths.Temp();
        var store = SeriesFiles.Store(dir);
        var path = SeriesFiles.Write(dir.Path, "pch.csv", [SeriesFiles.SdmxHeader, SeriesFiles.Row("2025-05", "-7.3").Replace(",I21,", ",PCH_SM,")]);
        SeriesImporter.Import(store, path, new SeriesImportOptions());
        var check = ClaimChecker.Check(Claim, Rule, store);
        Assert.Equal(ClaimStatus.Confirmed, check.Status);
        Assert.Equal(-7.3, check.Match!.Value!.Value, 9);
    }

    [Fact]
    public void Imported_series_survive_the_rebuild_of_the_atlas_database()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("atlas.db");
        AtlasSetup.Prepare(TestPaths.DataDir, db);
        SeriesImporter.Import(SqliteSeriesStore.For(db), SeriesFiles.EurostatCa, new SeriesImportOptions());
        // the curated data is re-seeded (as when the data files or the schema change): the series file is not touched
        SqliteCuratedStore.Open(db).Seed(Atlas.Data.DataLoader.Load(TestPaths.DataDir).Data, force: true);
        AtlasSetup.Prepare(TestPaths.DataDir, db);
        var store = SqliteSeriesStore.For(db);
        Assert.NotNull(store.Find(SeriesFiles.EurostatBeId));
        Assert.NotNull(store.Find(SeriesFiles.ShippedNbbId));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
