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
        Assert.Contains("<svg class=\"rank-bar\"", html);
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

/// <summary>Without a register, the index pages say so in the page's language and how to load one.</summary>
[Collection(AtlasCollection.Name)]
public class IndexPageNoRegisterTests(AtlasFixture atlas)
{
    [Theory]
    [InlineData("/fr/index", "pas encore chargé")]
    [InlineData("/nl/index", "nog niet is geladen")]
    [InlineData("/en/index", "not loaded yet")]
    [InlineData("/fr/places/ghent", "pas encore chargé")]
    [InlineData("/nl/places/brussels", "nog niet is geladen")]
    [InlineData("/en/methodology/index", "Eurostat")]
    public async Task The_pages_say_the_register_is_missing(string path, string text)
    {
        using var response = await atlas.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(text, html);
        if (!path.Contains("methodology")) Assert.Contains("atlas import kbo", html);
    }
}
