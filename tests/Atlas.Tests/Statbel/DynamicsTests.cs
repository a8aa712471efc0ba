using System.Globalization;
using Atlas.Statbel;

namespace Atlas.Tests.Statbel;

/// <summary>
/// Business dynamics of a municipality (Statbel 2019): enterprises, registrations, cessations, creation and churn
/// rates and enterprises per 1,000 inhabitants, recomputed from the raw files by the test's own reading.
/// </summary>
[Collection(AtlasCollection.Name)]
public class DynamicsTests(AtlasFixture atlas)
{
    private static readonly IReadOnlyList<RawVatRow> Raw = StatbelFixture.ReadRaw(Path.Combine(TestPaths.DataDir, StatbelLoader.VatFile));

    /// <summary>The population of 1 January 2020 as the published file writes it (plain digits), read without the atlas's parser.</summary>
    private static long Population2020(string nis) => File.ReadLines(Path.Combine(TestPaths.DataDir, "reference/statbel/population-2020.csv"))
        .Skip(1).Select(l => l.Split(',')).Where(f => f[0] == nis).Sum(f => long.Parse(f[^2].Trim('"'), CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_citys_dynamics_are_its_municipalitys_raw_figures()
    {
        var rows = Raw.Where(r => r.Refnis == "44021").ToList();
        int enterprises = rows.Sum(r => r.Enterprises), registrations = rows.Sum(r => r.Registrations), cessations = rows.Sum(r => r.Cessations);
        var active = enterprises + cessations;

        var json = await atlas.Json("/api/places/ghent/dynamics?lang=en");
        Assert.Equal("nis-44021", json["municipality"]!["id"]!.GetValue<string>());
        Assert.Equal("2019", json["period"]!.GetValue<string>());
        Assert.Equal(2020, json["populationYear"]!.GetValue<int>());
        Assert.Equal(Population2020("44021"), json["population"]!.GetValue<long>());
        var total = json["total"]!;
        Assert.Equal(enterprises, total["enterprises"]!.GetValue<int>());
        Assert.Equal(registrations, total["registrations"]!.GetValue<int>());
        Assert.Equal(cessations, total["cessations"]!.GetValue<int>());
        Assert.Equal((double)registrations / active, total["creationRate"]!.GetValue<double>(), 6);
        Assert.Equal((double)(registrations + cessations) / active, total["churnRate"]!.GetValue<double>(), 6);
        Assert.Equal(1000.0 * enterprises / Population2020("44021"), total["perThousandInhabitants"]!.GetValue<double>(), 3);
        Assert.Equal("statbel-vat-2019", json["source"]!["id"]!.GetValue<string>());

        // by division: the largest first, and they add up to the known activities
        var sectors = json["sectors"]!.AsArray();
        Assert.Equal(Raw.Where(r => r.Refnis == "44021" && r.Nace.StartsWith("62")).Sum(r => r.Enterprises),
            sectors.Single(s => s!["code"]!.GetValue<string>() == "62")!["figures"]!["enterprises"]!.GetValue<int>());
        var counts = sectors.Select(s => s!["figures"]!["enterprises"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task A_merged_municipality_has_the_sum_of_its_parts_and_their_population()
    {
        // Merelbeke-Melle (44088) from Melle (44040) and Merelbeke (44043), merged on 1 January 2025
        var parts = Raw.Where(r => r.Refnis is "44040" or "44043").ToList();
        var json = await atlas.Json("/api/places/nis-44088/dynamics");
        Assert.Equal(parts.Sum(r => r.Enterprises), json["total"]!["enterprises"]!.GetValue<int>());
        Assert.Equal(parts.Sum(r => r.Registrations), json["total"]!["registrations"]!.GetValue<int>());
        Assert.Equal(Population2020("44040") + Population2020("44043"), json["population"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_page_of_a_municipality_merged_away_shows_no_dynamics_of_its_own()
    {
        // Merelbeke (44043) became part of Merelbeke-Melle: its page still answers, and the figures are its successor's
        using var response = await atlas.Client.GetAsync("/en/places/nis-44043");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Merelbeke", html);
        Assert.DoesNotContain("Business dynamics (Statbel, 2019)", html);
    }

    [Theory]
    [InlineData("en", "Business dynamics (Statbel, 2019)", "creation rate")]
    [InlineData("fr", "Dynamique des entreprises (Statbel, 2019)", "taux de création")]
    [InlineData("nl", "Dynamiek van de ondernemingen (Statbel, 2019)", "oprichtingsgraad")]
    public async Task The_city_page_shows_the_dynamics_with_the_population_year(string lang, string title, string rate)
    {
        var html = await atlas.Client.GetStringAsync($"/{lang}/places/ghent");
        Assert.Contains(title, html);
        Assert.Contains(rate, html);
        Assert.Contains(lang switch { "en" => "1 January 2020", "fr" => "1er janvier 2020", _ => "1 januari 2020" }, html);
        Assert.Contains("/api/places/ghent/dynamics?format=csv", html);
        Assert.DoesNotContain("&amp;amp;", html); // each link's query written once encoded, as a browser must read it
    }

    [Fact]
    public async Task The_csv_has_one_line_per_sector_with_its_source()
    {
        using var response = await atlas.Client.GetAsync("/api/places/ghent/dynamics?format=csv&level=section");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("place,nis,code,label,figures.enterprises,figures.registrations,figures.cessations", lines[0]);
        Assert.EndsWith("source,sourceUnit,referenceDate", lines[0]);
        Assert.True(lines.Length > 15, $"{lines.Length} lines");
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",2019-12-31", l));
    }
}
