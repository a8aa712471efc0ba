using System.Net;
using Atlas.Series;

namespace Atlas.Tests.Series;

/// <summary>The series pages: the chart drawn on the server with what a reader needs printed on it, in three languages.</summary>
[Collection(AtlasCollection.Name)]
public class SeriesPageTests(AtlasFixture atlas)
{
    private async Task<string> Html(string path)
    {
        using var response = await atlas.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain(" style=", html); // the pages allow no inline style (CSP)
        return WebUtility.HtmlDecode(html);     // the text as a reader sees it (&#xA0; is a no-break space)
    }

    [Theory]
    [InlineData("en", "Seasonally adjusted", "index, 2021 = 100", "vintage of 22 August 2026", "Article: −7.3% (May 2025)")]
    [InlineData("fr", "Corrigée des variations saisonnières", "indice, 2021 = 100", "millésime du 22 août 2026", "Article : −7,3\u00a0% (mai 2025)")]
    [InlineData("nl", "Seizoengecorrigeerd", "index, 2021 = 100", "versie van 22 augustus 2026", "Artikel: −7,3\u00a0% (mei 2025)")]
    public async Task The_chart_prints_axis_base_year_adjustment_source_vintage_and_the_articles_claim(string lang, string adjustment,
        string unit, string vintage, string claim)
    {
        var html = await Html($"/{lang}/series/{SeriesFiles.ShippedNbbId}");
        var svg = html[html.IndexOf("<svg viewBox=\"0 0 760 380\"", StringComparison.Ordinal)..];
        svg = svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains(">2010</text>", svg);                 // time axis
        Assert.Contains(">2026</text>", svg);
        Assert.Contains(">100</text>", svg);                  // value axis
        Assert.Contains(">2021 = 100</text>", svg);           // the base year, on its reference line
        Assert.Contains(unit, svg);
        Assert.Contains(adjustment + " · ", svg);
        Assert.Contains("NBB (NBB:INDUSTRIAL_PROD, M.SA)", svg); // the source
        Assert.Contains(vintage, svg);
        Assert.Contains(claim, svg);                          // the claim, on its month
        Assert.Matches(@"<path d=""M64,[\d.]+ L", svg);
    }

    [Fact]
    public async Task The_year_on_year_chart_marks_the_claim_at_its_value_and_says_which_adjustment_it_is_computed_from()
    {
        var html = await Html($"/en/series/{SeriesFiles.ShippedNbbId}?measure=yoy&from=2023-01");
        Assert.Contains("computed from the seasonally adjusted series", html);
        Assert.Contains(">0 %</text>", html);
        Assert.Contains("−9.9%", html);            // May 2025 in the table
        Assert.Contains("class=\"claim-mark\"", html);
        Assert.Contains(">2023</text>", html);
        Assert.DoesNotContain(">2010</text>", html);
    }

    [Fact]
    public async Task Another_spelling_of_an_id_redirects_and_an_unknown_series_is_a_friendly_404()
    {
        using var redirect = await atlas.Client.GetAsync("/en/series/nbb.industrial_prod.m.sa?measure=yoy");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/en/series/{SeriesFiles.ShippedNbbId}?measure=yoy", redirect.Headers.Location!.ToString());
        using var missing = await atlas.Client.GetAsync("/en/series/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await atlas.Client.GetAsync($"/en/series/{SeriesFiles.ShippedNbbId}?measure=median");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("en", "no matching series (the available one is seasonally adjusted: −9.9%)")]
    [InlineData("fr", "aucune série correspondante (celle qui est disponible est corrigée des variations saisonnières : −9,9\u00a0%)")]
    [InlineData("nl", "geen overeenkomende reeks (de beschikbare is seizoengecorrigeerd: −9,9\u00a0%)")]
    public async Task The_check_page_gives_the_verdict_in_its_language(string lang, string verdict)
    {
        var html = await Html($"/{lang}/facts/{SeriesFiles.ClaimFact}/check");
        Assert.Contains(verdict, html);
        Assert.Contains("M.PRD.B-D.CA.I21.BE", html); // how to make it a check
        Assert.Contains("class=\"claim-mark\"", html);
    }

    [Fact]
    public async Task The_home_pages_figure_links_to_its_check()
    {
        var html = await Html("/en/");
        Assert.Contains($"href=\"/en/facts/{SeriesFiles.ClaimFact}/check\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"check-link\""));
    }

    [Theory]
    [InlineData("/en/places/ghent", "29,760 (Q4 2018) → 37,518 (Q4 2023)", "+26.1%")]
    [InlineData("/fr/places/nis-44021", "29\u202f760 (T4 2018) → 37\u202f518 (T4 2023)", "+26,1\u00a0%")]
    [InlineData("/en/places/louvain-la-neuve", "3,651 (Q4 2018) → 4,144 (Q4 2023)", "+13.5%")]
    public async Task City_and_municipality_pages_show_a_sparkline_of_their_establishment_units(string path, string values, string growth)
    {
        var html = await Html(path);
        Assert.Contains("<polyline points=", html);
        Assert.Contains(values, html);
        Assert.Contains(growth, html);
        Assert.Contains("/series/STATBEL.ESTABLISHMENT_UNITS.Q.", html);
    }

    [Fact]
    public async Task The_list_shows_the_national_series_the_check_and_every_municipality()
    {
        var html = await Html("/nl/series");
        Assert.Contains($"href=\"/nl/series/{SeriesFiles.ShippedNbbId}\"", html);
        Assert.Contains("geen overeenkomende reeks", html);
        Assert.Equal(565, System.Text.RegularExpressions.Regex.Matches(html, "href=\"/nl/series/STATBEL\\.").Count);
    }
}
