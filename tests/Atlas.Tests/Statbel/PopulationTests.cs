using Atlas.Model;
using Atlas.Statbel;

namespace Atlas.Tests.Statbel;

/// <summary>Population by municipality from Statbel's three files, each with its own number format.</summary>
public sealed class PopulationTests(StatbelFixture f) : IClassFixture<StatbelFixture>
{
    private static NisCode Nis(string code) => NisCode.Parse(code);

    [Theory]
    [InlineData(2018, 11_376_070L)]
    [InlineData(2019, 11_431_406L)]
    [InlineData(2020, 11_492_641L)]
    public void National_totals_are_the_published_ones(int year, long total)
    {
        Assert.Equal(total, f.Model.Population.National(year));
        // the sum of today's 565 municipalities, nothing lost in the mergers of 2019 and 2025
        Assert.Equal(total, f.Model.Municipalities.Sum(m => f.Model.Population.Of(m, year) ?? 0));
        Assert.Equal(565, f.Model.Population.Municipalities.Count(m => m.Year == year));
    }

    [Theory]
    [InlineData("14,304", 14_304L)]   // 2018: comma thousands
    [InlineData("14 293", 14_293L)]   // 2019: space thousands
    [InlineData("14427", 14_427L)]    // 2020: digits only
    [InlineData("1 185 823", 1_185_823L)]
    [InlineData("14.304", null)]
    [InlineData("14,30", null)]
    [InlineData("", null)]
    [InlineData("-5", null)]
    public void Each_file_s_number_format_is_read_and_nothing_else(string text, long? expected) =>
        Assert.Equal(expected, PopulationReader.ParseCount(text));

    [Fact]
    public void Merged_municipalities_have_the_population_of_their_parts()
    {
        var rows2020 = RawPopulation(2020);
        Assert.Equal(rows2020["44040"] + rows2020["44043"], f.Model.Population.Of(Nis("44088"), 2020));   // Merelbeke-Melle
        Assert.Equal(rows2020["11002"] + rows2020["11007"], f.Model.Population.Of(Nis("11002"), 2020));   // Antwerp + Borsbeek
        // 2018 is before the 2019 mergers too: Neerpelt + Overpelt → Pelt (2019)
        var rows2018 = RawPopulation(2018);
        Assert.Equal(rows2018["72025"] + rows2018["72029"], f.Model.Population.Of(Nis("72043"), 2018));
        // … and before Hainaut's renumbering: La Louvière was 55022
        Assert.Equal(rows2018["55022"], f.Model.Population.Of(Nis("58001"), 2018));
    }

    [Fact]
    public void Enterprises_per_thousand_inhabitants_use_the_population_of_1_January_2020()
    {
        var ghent = Nis("44021");
        var people = RawPopulation(2020)["44021"];
        Assert.Equal(1000.0 * 26_273 / people, f.Model.PerThousandInhabitants(ghent)!.Value, 9);
        Assert.Equal(1000.0 * 41 / people, f.Model.PerThousandInhabitants(ghent, "13")!.Value, 9);
        Assert.Equal(1000.0 * 26_273 / RawPopulation(2019)["44021"], f.Model.PerThousandInhabitants(ghent, year: 2019)!.Value, 9);
        Assert.Null(f.Model.PerThousandInhabitants(ghent, year: 2017));
        var belgium = f.Model.PerThousandInhabitants(Population.Belgium)!.Value;
        Assert.Equal(1000.0 * 989_252 / 11_492_641, belgium, 9);
    }

    [Fact]
    public void The_2018_to_2019_code_table_agrees_with_the_population_files()
    {
        var names2018 = RawNames(2018);
        var names2019 = RawNames(2019);
        var table = File.ReadAllLines(Path.Combine(TestPaths.DataDir, StatbelLoader.ChangesFile)).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var row in table)
        {
            Assert.Contains(row[1], names2018[row[0]]);
            Assert.Contains(row[3], names2019[row[2]]);
        }
        // every code of 2018 that is gone in 2019 is in the table, and every new code of 2019 receives one
        Assert.Equal(names2018.Keys.Except(names2019.Keys).Order(), table.Select(r => r[0]).Order());
        Assert.Equal(names2019.Keys.Except(names2018.Keys).Order(), table.Select(r => r[2]).Distinct().Order());
    }

    private static Dictionary<string, long> RawPopulation(int year) =>
        RawLines(year).ToDictionary(f => f[0], f => long.Parse(f[9].Replace(",", "").Replace(" ", "")));

    private static Dictionary<string, string[]> RawNames(int year) => RawLines(year).ToDictionary(f => f[0], f => new[] { f[1], f[2] });

    // the published files quote every text field and no field holds a quote: split on "," outside quotes
    private static IEnumerable<string[]> RawLines(int year) =>
        File.ReadLines(Path.Combine(TestPaths.DataDir, StatbelLoader.PopulationFile(year))).Skip(1)
            .Select(line => System.Text.RegularExpressions.Regex.Split(line, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").Select(s => s.Trim('"')).ToArray());
}
