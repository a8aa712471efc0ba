using Atlas.AtlasIndex;
using Atlas.Data;
using Atlas.Diagnostics;
using Atlas.Series;
using Atlas.Store;

namespace Atlas.Tests.Series;

/// <summary>
/// The shipped series, loaded on first start: the NBB's index as published, Statbel's establishment units matched to
/// today's municipalities by name, and their growth as a measure the Atlas index may use.
/// </summary>
[Collection(AtlasCollection.Name)]
public class ShippedSeriesTests(AtlasFixture atlas)
{
    private ISeriesStore Store => atlas.Services.SeriesStore;
    private SeriesQueries Series => atlas.Services.Series;

    [Fact]
    public void The_atlas_holds_the_NBB_index_without_any_import()
    {
        var s = Store.Find(SeriesFiles.ShippedNbbId)!;
        Assert.Equal((Adjustment.SA, 2021, "B-D", "BE", 195), (s.Adjustment, s.Unit.BaseYear, s.Descriptor.Activity, s.Descriptor.Geo, s.Count));
        Assert.Equal(("2010-01", "2026-03"), (s.First.ToString(), s.Last.ToString()));
        Assert.Equal(new DateTimeOffset(2026, 8, 22, 5, 21, 27, TimeSpan.Zero), s.LastVintage.FetchedAt.AddTicks(-s.LastVintage.FetchedAt.Ticks % TimeSpan.TicksPerSecond));
        var may = Store.Observations(s.Id, SeriesPeriod.Month(2024, 5), SeriesPeriod.Month(2025, 5));
        Assert.Equal((95.4, 86.0), (may[0].Value!.Value, may[^1].Value!.Value));
    }

    [Fact]
    public void Every_Statbel_municipality_name_matches_a_municipality_of_2025()
    {
        var municipal = Store.List(new SeriesFilter(Concept: EstablishmentGrowth.Concept));
        Assert.Equal(565, municipal.Count);
        Assert.Equal(565, municipal.Select(s => s.Descriptor.Geo).Distinct().Count());
        var vintage = municipal[0].LastVintage;
        Assert.DoesNotContain(vintage.Notes, n => n.Contains("matches no municipality"));
        Assert.Contains(vintage.Notes, n => n.Contains("Onbepaalde locatie"));
        Assert.Contains(vintage.Notes, n => n.StartsWith("565 row(s) repeated a value given before, identically")); // Q4 2023, twice
        // Saint-Nicolas is the one in Liège (62093), not Sint-Niklaas (46021); Bastenaken is Bastogne since its 2025 merger
        Assert.Equal("Saint-Nicolas", Store.List(new SeriesFilter(Geo: "62093"))[0].Descriptor.Name);
        Assert.Equal("Sint-Niklaas", Store.List(new SeriesFilter(Geo: "46021"))[0].Descriptor.Name);
        Assert.Equal("Bastenaken", Store.List(new SeriesFilter(Geo: "82039"))[0].Descriptor.Name);
    }

    [Fact]
    public void A_name_that_matches_no_municipality_is_reported()
    {
        var names = ShippedSeries.Municipalities(atlas.Services.Snapshots.Curated);
        var match = StatbelEstablishmentsReader.Matcher(names);
        Assert.Equal(44021, match("Gent"));
        Assert.Equal(44021, match("GAND"));
        Assert.Equal(82039, match("Bastenaken"));
        Assert.Null(match("Atlantis"));

        using var dir = TestPaths.Temp();
        var text = File.ReadAllText(SeriesFiles.ShippedStatbel).Replace("\"Gemeente\": \"Aartselaar\"", "\"Gemeente\": \"Aartselaer\"");
        var path = Path.Combine(dir.Path, "statbel.json");
        File.WriteAllText(path, text);
        var report = SeriesImporter.Import(SeriesFiles.Store(dir), path, new SeriesImportOptions { Municipalities = () => names });
        Assert.Contains("the name 'Aartselaer' matches no municipality of 2025: its 7 row(s) were left out", report.Notes);
        Assert.Equal(564, report.Series);
    }

    [Fact]
    public void A_second_start_does_not_load_the_shipped_files_again()
    {
        Assert.Empty(ShippedSeries.Load(TestPaths.DataDir, Store, () => throw new InvalidOperationException("not needed")));
    }

    [Fact]
    public void Growth_of_establishment_units_from_2018_to_2023_per_municipality()
    {
        var growth = Series.Growth().ToDictionary(g => g.Nis);
        Assert.Equal(565, growth.Count);
        var ghent = growth[44021];
        Assert.Equal(("2018-Q4", 29760.0, "2023-Q4", 37518.0), (ghent.From.ToString(), ghent.FromValue, ghent.To.ToString(), ghent.ToValue));
        Assert.Equal((37518.0 / 29760 - 1) * 100, ghent.Percent, 9);
        Assert.Equal((2232.0 / 1885 - 1) * 100, growth[11001].Percent, 9);
    }

    [Fact]
    public void The_index_definition_may_use_the_growth_of_establishment_units()
    {
        const string yaml = """
            index: {id: atlas, names: {fr: I, nl: I, en: I}}
            pillars:
              - {id: dynamism, names: {fr: D, nl: D, en: D}, weight: 1, parent: atlas}
            indicators:
              - {id: growth, names: {fr: G, nl: G, en: G}, parent: dynamism, direction: 1, weight: 1, measure: establishment-growth}
              - {id: diversity, names: {fr: V, nl: V, en: V}, parent: dynamism, direction: 1, weight: 1, measure: diversity}
            """;
        var problems = new List<Problem>();
        var definition = AtlasIndexFile.Parse("index.yaml", yaml, problems);
        Assert.Empty(problems);
        Assert.Equal(IndexMeasure.EstablishmentGrowth, definition!.Indicator("growth").Measure);
        var growth = Series.Growth().ToDictionary(g => g.Nis, g => g.Percent);
        var units = new[] { 44021, 11001 }.Select(nis => new MunicipalityCounts(nis, $"nis-{nis}", $"{nis}",
            new Dictionary<int, int> { [6201] = 1 }, 1, 0, EstablishmentGrowth: growth[nis])).ToList();
        var raw = AtlasIndexBuilder.Input(definition, units).Raw;
        Assert.Equal(growth[44021], raw["nis-44021", "growth"], 9);
        Assert.Equal(growth[11001], raw["nis-11001", "growth"], 9);
    }
}
