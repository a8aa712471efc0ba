using System.Text.RegularExpressions;
using Atlas.Tests.Register;

namespace Atlas.Tests.Index;

/// <summary>The scoreboard, the index section of city pages and the methodology page, with a register.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class IndexPageTests(RegisterAtlasFixture atlas)
{
    [Fact]
    public async Task The_scoreboard_lists_every_municipality_with_its_interval_drawn_on_the_server()
    {
        var (status, html, type) = await atlas.Raw("/en/index");
        Assert.Equal(200, status);
        Assert.Equal("text/html", type);
        var index = atlas.Services.Index.Index();
        Assert.Equal(index.Entries.Count, Regex.Matches(html, "<svg class=\"rank-bar\"").Count);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("class=\"city\"", html);                     // the seven cities stand out
        Assert.Contains("href=\"/en/index?sort=name\"", html);      // sorting by links
        Assert.Contains("href=\"/en/methodology/index\"", html);
        Assert.Contains("Atlas index of Belgian municipalities", html);

        var (fr, frHtml, _) = await atlas.Raw("/fr/index?sort=name");
        Assert.Equal(200, fr);
        Assert.Contains("Indice de l’Atlas des communes belges", frHtml);
        var (bad, _, _) = await atlas.Raw("/en/index?sort=nonsense");
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task A_city_page_shows_its_municipality_in_the_index()
    {
        var index = atlas.Services.Index.Index();
        var ghent = index.ByNis(44021)!;
        var (status, html, _) = await atlas.Raw("/en/places/ghent");
        Assert.Equal(200, status);
        Assert.Contains("id=\"atlas-index\"", html);
        Assert.Contains($"{ghent.Rank} / {index.Entries.Count}", html);
        Assert.Contains("High-technology manufacturing", html);
        Assert.Contains("<svg class=\"rank-bar wide\"", html);
        // ECI is standardised, shown signed (with a real minus sign) rather than as a share
        Assert.Contains("Economic complexity (ECI)", html);
        var eci = ghent.Indicators["eci"];
        Assert.Contains((eci >= 0 ? "+" : "−") + Math.Abs(eci).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), System.Net.WebUtility.HtmlDecode(html));
        var (nl, nlHtml, _) = await atlas.Raw("/nl/places/nis-44021");
        Assert.Equal(200, nl);
        Assert.Contains("Atlas-index", nlHtml);
        Assert.Contains("Hoogtechnologische industrie", nlHtml);
    }

    [Theory]
    [InlineData("/en/methodology/index", "Eurostat")]
    [InlineData("/fr/methodology/index", "Méthodologie de l’indice")]
    [InlineData("/nl/methodology/index", "Methodologie van de index")]
    public async Task The_methodology_page_gives_the_definition(string path, string text)
    {
        var (status, html, _) = await atlas.Raw(path);
        Assert.Equal(200, status);
        Assert.Contains(text, html);
        Assert.Contains("25.4", html);
        Assert.Contains("30.1", html);
        Assert.Contains("log_CT_skew", html);
        Assert.DoesNotContain("style=", html);
    }
}

/// <summary>Without a register, the index pages show Statbel's index and say where each figure comes from.</summary>
[Collection(AtlasCollection.Name)]
public class IndexPageNoRegisterTests(AtlasFixture atlas)
{
    [Theory]
    [InlineData("/fr/index", "Entreprises assujetties à la TVA")]
    [InlineData("/nl/index", "btw-plichtige ondernemingen")]
    [InlineData("/en/index", "VAT-registered enterprises by seat, 31 December 2019")]
    [InlineData("/fr/places/ghent", "Statbel TVA 2019")]
    [InlineData("/nl/places/brussels", "Statbel btw 2019")]
    public async Task The_pages_show_the_index_from_statbels_data_and_name_the_source(string path, string text)
    {
        using var response = await atlas.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(text, html);
        Assert.Contains("<svg class=\"rank-bar", html);
    }

    [Fact]
    public async Task The_scoreboard_ranks_every_municipality_and_lists_the_indicator_left_out()
    {
        var html = await atlas.Client.GetStringAsync("/en/index");
        Assert.Contains("565 municipalities", html);
        Assert.Contains("Young enterprises — <em>left out: no source at hand measures it</em>", html);
        Assert.Contains("Enterprise creation rate — Statbel VAT 2019", html);
    }

    [Fact]
    public async Task The_methodology_says_which_source_measures_each_indicator()
    {
        var html = await atlas.Client.GetStringAsync("/en/methodology/index");
        Assert.Contains("Sources that measure it", html);
        Assert.Contains("— (left out)", html);
        Assert.Contains("Eurostat", html);
    }
}
