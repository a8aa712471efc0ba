using System.Text.RegularExpressions;
using Atlas.KboGenerator;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Tests.Register;
using Atlas.Web;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Tests.Complexity;

internal static class PageText
{
    public static async Task<string> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return body;
    }

    /// <summary>The opportunities section of a page.</summary>
    public static string Section(string html)
    {
        var start = html.IndexOf("<section class=\"opportunities\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no opportunities section");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + 10)];
    }
}

/// <summary>The growth opportunities section of the city page, with a register loaded.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class OpportunitiesPageTests(RegisterAtlasFixture atlas)
{
    [Theory]
    [InlineData("en", "brussels", "21004", "Strengths", "Opportunities", "Weaknesses", "Threats")]
    [InlineData("fr", "ghent", "44021", "Forces", "Opportunités", "Faiblesses", "Menaces")]
    [InlineData("nl", "antwerp", "11002", "Sterktes", "Kansen", "Zwaktes", "Bedreigingen")]
    public async Task A_city_page_shows_its_rank_opportunities_similar_places_and_the_chart(
        string lang, string city, string nis, params string[] quadrants)
    {
        var section = PageText.Section(await PageText.Get(atlas.Client, $"/{lang}/places/{city}"));
        var panel = atlas.Services.Complexity.Panel();
        var region = panel.Result.RegionIndex(nis);
        Assert.Contains($"<strong>{panel.EciRank[region]}</strong> / {panel.Result.Regions.Count}", section);
        var opportunities = panel.Result.GrowthOpportunities(region, 10, 3);
        foreach (var o in opportunities.ByDensity.Concat(opportunities.ByGain))
            Assert.Contains($"<span class=\"code\">{o.Name}</span>", section);
        Assert.Contains(opportunities.ByDensity[0].Related[0].Name, section);           // the reason
        var similar = atlas.Services.Complexity.SimilarTo(city, 8)!.Value.Similar;
        Assert.Equal(8, similar.Count);
        foreach (var s in similar) Assert.Contains($"/{lang}/places/{s.Municipality.Id}\"", section);
        Assert.Contains("<svg", section);
        Assert.Equal(panel.Result.Activities.Count, Regex.Matches(section, "<circle ").Count);
        foreach (var q in quadrants) Assert.Contains($">{q}</text>", section);
        Assert.DoesNotContain("style=", section);
        Assert.DoesNotContain("<script", section);
        Assert.Contains($"/{lang}/methodology/complexity", section);
    }

    [Fact]
    public async Task Only_cities_have_the_section()
    {
        var html = await PageText.Get(atlas.Client, "/en/places/nis-44021");
        Assert.DoesNotContain("class=\"opportunities\"", html);
    }
}

/// <summary>The section without a register (from Statbel's data), and the methodology page.</summary>
[Collection(AtlasCollection.Name)]
public class OpportunitiesWithoutRegisterTests(AtlasFixture atlas)
{
    [Theory]
    [InlineData("fr", "entreprises assujetties à la TVA, par siège, 31 décembre 2019")]
    [InlineData("nl", "btw-plichtige ondernemingen, per zetel, 31 december 2019")]
    [InlineData("en", "VAT-registered enterprises by seat, 31 December 2019")]
    public async Task Without_register_the_section_is_computed_from_statbels_data_and_says_so(string lang, string words)
    {
        var section = PageText.Section(await PageText.Get(atlas.Client, $"/{lang}/places/ghent"));
        Assert.Contains(words, section);
        var panel = atlas.Services.Complexity.Panel();
        Assert.Equal("statbel-vat-2019", panel.Source.Id);
        Assert.Contains($"<strong>{panel.EciRank[panel.Result.RegionIndex("44021")]}</strong> / {panel.Result.Regions.Count}", section);
        Assert.Contains("<svg", section);
        Assert.DoesNotContain("atlas import kbo", section);
    }

    [Theory]
    [InlineData("fr", "Méthodologie : parenté et complexité économique")]
    [InlineData("nl", "Methodologie: verwantschap en economische complexiteit")]
    [InlineData("en", "Methodology: relatedness and economic complexity")]
    public async Task The_methodology_page_renders_the_document(string lang, string title)
    {
        var html = await PageText.Get(atlas.Client, $"/{lang}/methodology/complexity");
        Assert.Contains($"<h1>{title}</h1>", html);
        var doc = Methodology.Text;
        foreach (Match h in Regex.Matches(doc, "^##+ (.*)$", RegexOptions.Multiline))
            Assert.Contains(Methodology.Escape(h.Groups[1].Value), html);
        Assert.Contains("<td>RCA_cp = (X_cp / x_c) / (x_p / x)</td>", html);
        Assert.Contains("<strong>Municipal data is noisy.</strong>", html);
        Assert.Contains("<code>atlas complexity trade.csv --region origin", html);
        Assert.Contains("<td><code>--proximity discrete|asymmetric|continuous</code></td>", html);
        Assert.Contains("<td class=\"num\">2.4e-13</td>", html);
        Assert.DoesNotContain("**", html);
        Assert.Equal(lang != "en", html.Contains("class=\"notice\""));
    }
}

/// <summary>A register imported while the atlas runs shows on the next page view: cached pages vary by its version.</summary>
public class OpportunitiesAfterImportTests
{
    [Fact]
    public async Task A_cached_city_page_is_not_stale_after_an_import()
    {
        using var dir = TestPaths.Temp();
        var queries = AtlasSetup.Prepare(TestPaths.DataDir, dir.File("atlas.db"));
        await using var app = AtlasWebApp.Create(queries, new WebOptions { InProcess = true });
        await app.StartAsync();
        var client = app.GetTestClient();
        const string statbel = "VAT-registered enterprises by seat, 31 December 2019";
        Assert.Contains(statbel, PageText.Section(await PageText.Get(client, "/en/places/ghent")));
        Assert.Contains(statbel, PageText.Section(await PageText.Get(client, "/en/places/ghent")));   // from the cache

        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = dir.File("full"), Scale = 0.001, Seed = 5, ExtractNumber = 146,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir,
        });
        RegisterImporter.Import(dir.File("full"), RegisterStore.PathFor(dir.File("atlas.db")), TestPaths.DataDir);
        await Task.Delay(1100); // the register's stamp is looked at no more than once a second

        // the register is now the default source, and Statbel's data is offered beside it
        var section = PageText.Section(await PageText.Get(client, "/en/places/ghent"));
        Assert.Contains("establishment units by main activity", section);
        Assert.Contains("see with Enterprises subject to VAT by legal form and NACE, 2019", section);
        Assert.Contains("<svg", section);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
