using Atlas.Data;
using Atlas.Sources;

namespace Atlas.Tests.Series;

/// <summary>
/// An index definition with <c>measure: establishment-growth</c>, built whole from the data (the shipped one does not
/// use it): the series are its source, every scored municipality has its growth, and an import changes it.
/// </summary>
public class GrowthIndexTests
{
    private const string Indicator = """
          - id: growth
            names: {fr: Croissance des établissements, nl: Groei van de vestigingen, en: Growth of establishments}
            parent: dynamism
            direction: 1
            weight: 1
            measure: establishment-growth

        """;

    [Fact]
    public void A_full_index_build_measures_the_growth_of_establishment_units_from_the_series()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var yaml = Path.Combine(data, AtlasIndexFile.RelativePath);
        var text = File.ReadAllText(yaml);
        // the new indicator goes first in the dynamism pillar's list, before "young"
        File.WriteAllText(yaml, text.Replace("  - id: young\n", Indicator + "  - id: young\n"));
        var atlas = AtlasSetup.Prepare(data, Path.Combine(dir.Path, "atlas.db"));

        var index = atlas.Index.Index();
        Assert.Equal(EstablishmentSeriesSource.SourceId, index.IndicatorSources["growth"].Id);
        Assert.Equal("Statbel establishments 2018–2023", index.IndicatorSources["growth"].ShortTitle(Atlas.Model.Lang.En));
        Assert.DoesNotContain(index.LeftOut, i => i.Id == "growth");
        var growth = atlas.Series.Growth().ToDictionary(g => g.Nis, g => g.Percent);
        Assert.All(index.Entries, e => Assert.Equal(growth[e.Nis], e.Indicators["growth"], 9));
        var ghent = index.ByNis(44021)!;
        Assert.Equal((37518.0 / 29760 - 1) * 100, ghent.Indicators["growth"], 9);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Without_the_series_the_indicator_is_left_out()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        File.Delete(Path.Combine(data, "reference", "statbel", "establishments-by-municipality", "vestigingseenheden.json"));
        var yaml = Path.Combine(data, AtlasIndexFile.RelativePath);
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("  - id: young\n", Indicator + "  - id: young\n"));
        var atlas = AtlasSetup.Prepare(data, Path.Combine(dir.Path, "atlas.db"));

        var index = atlas.Index.Index();
        Assert.Contains(index.LeftOut, i => i.Id == "growth");
        Assert.False(index.IndicatorSources.ContainsKey("growth"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
