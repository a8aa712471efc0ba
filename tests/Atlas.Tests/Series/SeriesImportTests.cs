using Atlas.Series;
using Atlas.Store;

namespace Atlas.Tests.Series;

/// <summary>
/// Importing files of series: SDMX-CSV 1.0 and 2.0 as the offices serve them, every dimension and attribute kept,
/// vintages and revisions, the same file twice, and bad input (file:line, and past the threshold nothing imported).
/// </summary>
public class SeriesImportTests
{
    /// <summary>An empty series store of the test's own: the embedded file here, a server database in <see cref="SeriesImportTestsOnPostgres"/>.</summary>
    protected virtual ISeriesStore Store(TestPaths.TempDir dir) => SeriesFiles.Store(dir);

    [SkippableFact]
    public void Eurostat_SDMX_CSV_1_0_keeps_every_dimension_and_attribute_and_reads_what_the_series_is()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var report = SeriesImporter.Import(store, SeriesFiles.EurostatCa, new SeriesImportOptions());
        Assert.Equal(SeriesFileFormat.SdmxCsv, report.Format);
        Assert.Equal(2, report.NewSeries);
        Assert.Equal(36, report.Added);

        var be = store.Find(SeriesFiles.EurostatBeId)!;
        var d = be.Descriptor;
        Assert.Equal("ESTAT:STS_INPR_M(1.0)", d.Dataflow.ToString());
        Assert.Equal("M.PRD.B-D.CA.I21.BE", d.Key);
        Assert.Equal(["freq", "indic_bt", "nace_r2", "s_adj", "unit", "geo"], d.Dimensions.Select(x => x.Key));
        Assert.Equal("16/07/25 11:00:00", d.Attributes["LAST UPDATE"]);
        Assert.Equal((Frequency.Monthly, Adjustment.CA, UnitKind.Index, 2021), (d.Frequency, d.Adjustment, d.Unit.Kind, d.Unit.BaseYear));
        Assert.Equal(("industrial-production", "BE", "B-D"), (d.Concept, d.Geo, d.Activity));
        var may = store.Observations(be.Id, SeriesPeriod.Month(2025, 5), SeriesPeriod.Month(2025, 5)).Single();
        Assert.Equal((91.4, "p"), (may.Value!.Value, may.Status));
        Assert.Equal(18, store.Observations(be.Id).Count);
        Assert.Equal(6, store.Observations(be.Id, SeriesPeriod.OfYear(2025)).Count); // a year as a bound holds its months
    }

    [SkippableFact]
    public void NBB_SDMX_CSV_2_0_with_its_key_reads_working_day_adjusted_as_calendar_adjusted()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        SeriesImporter.Import(store, SeriesFiles.NbbW, new SeriesImportOptions());
        var s = store.Find(SeriesFiles.NbbWId)!;
        Assert.Equal("M.2021.INDPROD.W.B_C_D.BE", s.Descriptor.Key);
        Assert.Equal("BE2:DF_INDPROD(1.0)", s.Descriptor.Dataflow.ToString());
        Assert.Equal((Adjustment.CA, 2021, "B-D", "BE"), (s.Adjustment, s.Unit.BaseYear, s.Descriptor.Activity, s.Descriptor.Geo));
        Assert.Equal("0", s.Descriptor.Attributes["UNIT_MULT"]);
        Assert.Equal("A", store.Observations(s.Id)[0].Status);
    }

    [SkippableFact]
    public void Labelled_headers_and_values_and_semicolons_are_read_as_codes()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var path = SeriesFiles.Write(dir.Path, "labels.csv",
        [
            "STRUCTURE;STRUCTURE_ID;ACTION;FREQ: Frequency;REF_AREA: Reference area;TIME_PERIOD: Time;OBS_VALUE;UNIT_MEASURE: Unit",
            "dataflow;ESTAT:X(1.0);I;Q: Quarterly;BE: Belgium;2024-Q1;10;NUMBER: Number",
            "dataflow;ESTAT:X(1.0);I;Q: Quarterly;BE: Belgium;2024-Q2;11;NUMBER: Number",
        ]);
        SeriesImporter.Import(store, path, new SeriesImportOptions { Adjustment = Adjustment.NSA });
        var s = Assert.Single(store.List(new SeriesFilter()));
        Assert.Equal("ESTAT.X.Q.BE.NSA", s.Id);
        Assert.Equal((Frequency.Quarterly, "BE", "NUMBER"), (s.Frequency, s.Descriptor.Geo, s.Unit.Code));
    }

    [SkippableFact]
    public void The_same_file_imported_again_changes_nothing()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var first = SeriesImporter.Import(store, SeriesFiles.EurostatCa, new SeriesImportOptions());
        var version = store.Version;
        var again = SeriesImporter.Import(store, SeriesFiles.EurostatCa, new SeriesImportOptions());
        Assert.Equal(first.Vintage!.Id, again.AlreadyImported!.Id);
        Assert.Null(again.Vintage);
        Assert.Equal(version, store.Version);
        Assert.Single(store.Vintages());

        // the same values in another file (another fetch of the same data) add no vintage either
        var copy = Path.Combine(dir.Path, "copy.csv");
        File.WriteAllText(copy, File.ReadAllText(SeriesFiles.EurostatCa).Replace("16/07/25 11:00:00", "17/07/25 09:00:00"));
        var third = SeriesImporter.Import(store, copy, new SeriesImportOptions());
        Assert.Null(third.Vintage);
        Assert.Equal(36, third.Unchanged);
        Assert.Equal(version, store.Version);
    }

    /// <summary>The shipped NBB file as exported in April 2026, when May 2024 was 95.3 (it is 95.4 from May 2026).</summary>
    private static string AprilVintage(string dir) => SeriesFiles.Write(dir, "nbb-april.csv", File.ReadAllLines(SeriesFiles.ShippedNbb)
        .Where(l => !l.Contains("(Total),2026-"))
        .Select(l => l.Replace(",2024-05,95.4,", ",2024-05,95.3,").Replace("2026-08-22T05:21:27.761894+00:00", "2026-04-15T06:00:00+00:00")));

    private static readonly SeriesImportOptions Nbb = new() { Adjustment = Adjustment.SA, Geo = "BE", Activity = "B-D" };

    [SkippableFact]
    public void A_newer_vintage_keeps_the_older_value_as_history()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        SeriesImporter.Import(store, AprilVintage(dir.Path), Nbb);
        var august = SeriesImporter.Import(store, SeriesFiles.ShippedNbb, Nbb);
        Assert.Equal(1, august.Revised);
        Assert.Equal(3, august.Added); // 2026-01 … 2026-03
        var revision = Assert.Single(store.Revisions(SeriesFiles.ShippedNbbId));
        Assert.Equal(("2024-05", 95.3, 95.4), (revision.Period.ToString(), revision.Value!.Value, revision.Current!.Value));
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 6, 0, 0, TimeSpan.Zero), revision.Vintage.FetchedAt);
        Assert.Equal(august.Vintage!.Id, revision.ReplacedBy.Id);
        Assert.Equal(1, store.Find(SeriesFiles.ShippedNbbId)!.Revisions);
    }

    [SkippableFact]
    public void An_older_vintage_imported_late_becomes_history_and_the_newer_value_stays()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var august = SeriesImporter.Import(store, SeriesFiles.ShippedNbb, Nbb);
        SeriesImporter.Import(store, AprilVintage(dir.Path), Nbb);
        Assert.Equal(95.4, store.Observations(SeriesFiles.ShippedNbbId, SeriesPeriod.Month(2024, 5), SeriesPeriod.Month(2024, 5)).Single().Value);
        var revision = Assert.Single(store.Revisions(SeriesFiles.ShippedNbbId));
        Assert.Equal((95.3, august.Vintage!.Id), (revision.Value!.Value, revision.ReplacedBy.Id));
    }

    [SkippableFact]
    public void SDMX_CSV_2_0_delete_actions_remove_a_value_and_keep_it_as_history()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        SeriesImporter.Import(store, SeriesFiles.NbbW, new SeriesImportOptions());
        var delete = SeriesFiles.Write(dir.Path, "delete.csv",
        [
            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,BASE,INDICATOR,ADJUSTMENT,ACTIVITY,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT",
            "dataflow,BE2:DF_INDPROD(1.0),D,M,2021,INDPROD,W,B_C_D,BE,2025-06,,,",
        ]);
        var report = SeriesImporter.Import(store, delete, new SeriesImportOptions());
        Assert.Equal(1, report.Deleted);
        Assert.Equal(17, store.Observations(SeriesFiles.NbbWId).Count);
        Assert.Equal(90.1, Assert.Single(store.Revisions(SeriesFiles.NbbWId)).Value);
    }

    [SkippableFact]
    public void A_file_that_does_not_say_its_adjustment_needs_it_and_keeps_it_in_the_key()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var e = Assert.Throws<SeriesImportException>(() => SeriesImporter.Import(store, SeriesFiles.ShippedNbb, new SeriesImportOptions()));
        Assert.Equal(MetadataField.Adjustment, Assert.Single(e.Missing).Field);
        Assert.Empty(store.List(new SeriesFilter()));

        SeriesImporter.Import(store, SeriesFiles.ShippedNbb, Nbb);
        SeriesImporter.Import(store, SeriesFiles.ShippedNbb, Nbb with { Adjustment = Adjustment.SCA });
        Assert.Equal(["NBB.INDUSTRIAL_PROD.M.SA", "NBB.INDUSTRIAL_PROD.M.SCA"], store.List(new SeriesFilter()).Select(s => s.Id));
    }

    [SkippableFact]
    public void An_adjustment_given_against_the_file_is_refused_never_overridden()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var e = Assert.Throws<SeriesImportException>(() =>
            SeriesImporter.Import(store, SeriesFiles.EurostatCa, new SeriesImportOptions { Adjustment = Adjustment.SA }));
        Assert.Contains(e.Problems, p => p.Message.Contains("is CA by its file, but the import was told SA"));
        Assert.Empty(store.List(new SeriesFilter()));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "malformed row", "ESTAT:STS_INPR_M(1.0),M,PRD,B-D,CA,I21,BE,2024-03,97.0", "bad.csv:4: 9 field(s) where the header (line 1) has 10" },
        { "unknown frequency", SeriesFiles.Row("2024-03", "97.0", freq: "W"), "bad.csv:4: unknown frequency 'W' in freq: the atlas reads A (annual), Q (quarterly) and M (monthly) series" },
        { "period that does not fit the frequency", SeriesFiles.Row("2024-Q1", "97.0"), "bad.csv:4: the period '2024-Q1' is a quarter, but the frequency of the series is M: write a month as 2025-05" },
        { "duplicate observation", SeriesFiles.Row("2024-02", "97.0"), "bad.csv:4: a second value for M.PRD.B-D.CA.I21.BE in 2024-02: 97 here, 96.3 on line 3; keep one of them" },
        { "value that is not a number, without a status", SeriesFiles.Row("2024-03", "n/a"), "bad.csv:4: the value 'n/a' is not a number and no status flag says why" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_reported_at_its_line_and_past_the_threshold_nothing_is_imported(string what, string row, string expected)
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        SeriesImporter.Import(store, SeriesFiles.NbbW, new SeriesImportOptions());
        var (version, count) = (store.Version, store.Observations(SeriesFiles.NbbWId).Count);
        var rows = SeriesFiles.GoodRows();
        rows[2] = row; // line 4
        var path = SeriesFiles.Write(dir.Path, "bad.csv", [SeriesFiles.SdmxHeader, .. rows]);

        var e = Assert.Throws<SeriesImportException>(() => SeriesImporter.Import(store, path, new SeriesImportOptions()));
        Assert.True(e.Problems.Any(p => p.ToString().Contains(expected)),
            $"{what}: expected '{expected}' in: {string.Join(" | ", e.Problems)}");
        Assert.Contains("nothing was imported", e.Message);
        Assert.Equal(1, e.Rejected);
        Assert.Equal(version, store.Version);
        Assert.Equal(count, store.Observations(SeriesFiles.NbbWId).Count);
        Assert.Null(store.Find(SeriesFiles.EurostatBeId));

        // under the threshold the row is left out, said, and the others are imported
        var report = SeriesImporter.Import(store, path, new SeriesImportOptions { MaxErrors = 1 });
        Assert.Equal(1, report.Rejected);
        Assert.True(report.Problems.Any(p => p.ToString().Contains(expected)), what);
        Assert.Equal(5, store.Observations(SeriesFiles.EurostatBeId).Count);
    }

    [SkippableFact]
    public void A_missing_value_with_a_status_flag_is_kept_as_missing()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var rows = SeriesFiles.GoodRows();
        rows[2] = SeriesFiles.Row("2024-03", "", flag: "c");
        SeriesImporter.Import(store, SeriesFiles.Write(dir.Path, "confidential.csv", [SeriesFiles.SdmxHeader, .. rows]), new SeriesImportOptions());
        var march = store.Observations(SeriesFiles.EurostatBeId)[2];
        Assert.Equal((null, "c"), (march.Value, march.Status));
    }

    [SkippableFact]
    public void An_HTML_page_or_an_unknown_layout_is_refused_at_line_1()
    {
        using var dir = TestPaths.Temp();
        var store = Store(dir);
        var html = SeriesFiles.Write(dir.Path, "error.csv", ["<!DOCTYPE html>", "<html><head><title>NBB.Stat - Error</title></head><body>Bad query</body></html>"]);
        var e = Assert.Throws<SeriesImportException>(() => SeriesImporter.Import(store, html, new SeriesImportOptions()));
        Assert.Contains("error.csv:1: this is an HTML or XML page (\"NBB.Stat - Error\"), not SDMX-CSV", Assert.Single(e.Problems).ToString());
        var other = SeriesFiles.Write(dir.Path, "other.csv", ["a,b,c", "1,2,3"]);
        e = Assert.Throws<SeriesImportException>(() => SeriesImporter.Import(store, other, new SeriesImportOptions()));
        Assert.Contains("it reads SDMX-CSV 1.0 (first column DATAFLOW) and 2.0", Assert.Single(e.Problems).Message);
        Assert.Empty(store.Vintages());
    }
}

/// <summary>The same imports into the PostgreSQL series store (the same SQL; its values through prepared commands).</summary>
public sealed class SeriesImportTestsOnPostgres : SeriesImportTests, IDisposable
{
    private readonly List<Postgres.TestDatabase> _databases = [];

    public SeriesImportTestsOnPostgres() => Requires.Postgres();

    protected override ISeriesStore Store(TestPaths.TempDir dir)
    {
        var db = new Postgres.TestDatabase();
        _databases.Add(db);
        return Atlas.Postgres.PostgresSetup.Series(db.Spec);
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
    }
}
