using System.Net;
using System.Text.RegularExpressions;

namespace Atlas.Tests;

/// <summary>The web pages over HTTP: every page type, three languages, sources shown, safe output, friendly errors.</summary>
[Collection(AtlasCollection.Name)]
public partial class PageTests(AtlasFixture atlas)
{
    private async Task<(HttpResponseMessage Response, string Html)> Get(string path, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await atlas.Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/fr/")]
    [InlineData("/en/places?kind=city")]
    [InlineData("/en/places?kind=municipality")]
    [InlineData("/nl/places/ghent")]
    [InlineData("/en/places/brussels")]
    [InlineData("/en/places/nis-44021")]
    [InlineData("/en/places/flanders")]
    [InlineData("/en/sectors")]
    [InlineData("/en/sectors/textile")]
    [InlineData("/en/technologies/blockchain")]
    [InlineData("/en/organisations/imec")]
    [InlineData("/en/programmes/factory-of-the-future")]
    [InlineData("/en/sources/article-7-cities")]
    [InlineData("/en/facts?subject=ghent")]
    [InlineData("/en/facts/ghent-agrifood-blockchain-traceability")]
    [InlineData("/en/search?q=port")]
    [InlineData("/en/search?q=port&region=flanders&kind=city")]
    [InlineData("/en/compare?places=ghent,liege,charleroi")]
    [InlineData("/en/matrix?of=technology")]
    public async Task Every_page_type_renders_in_its_language_with_links_to_its_data(string path)
    {
        var (response, html) = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<html lang=\"{path[1..3]}\">", html);
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("<h1>", html);
        Assert.Matches("href=\"/api/[^\"]*\" type=\"application/json\"", html);
        // no resource from another host (no CDN, no web font), and no script at all; links to websites are fine
        Assert.DoesNotMatch("src=\"(https?:)?//", html);
        Assert.DoesNotMatch("<link[^>]+href=\"(https?:)?//", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_home_page_has_the_map_the_cities_and_the_2025_figures_with_sources()
    {
        var (_, html) = await Get("/en/");
        Assert.Contains("<svg viewBox=\"0 0 800 ", html);
        foreach (var city in new[] { "brussels", "antwerp", "ghent", "charleroi", "liege", "louvain-la-neuve", "bruges" })
            Assert.Contains($"href=\"/en/places/{city}\" aria-label=", html);
        Assert.Contains("more than 300", html);
        Assert.Contains("21", html);
        Assert.Contains("−7.3%", html);
        Assert.Contains("Plus de 300 start-ups", html);
        Assert.Contains("/en/sources/article-7-cities#fact-", html);
    }

    [Fact]
    public async Task A_city_page_shows_its_sectors_examples_strengths_and_sourced_facts()
    {
        var (_, html) = await Get("/en/places/brussels");
        Assert.Contains("<h1>Brussels</h1>", html);
        Assert.Contains("Microelectronics", html);
        Assert.Contains("href=\"/en/organisations/imec\"", html);
        Assert.Contains("Biomarkers", html);
        Assert.Contains("1. Bruxelles, table row 1", html);
        Assert.Contains("city-proper", (await atlas.Json("/api/places/brussels")).ToJsonString());
        Assert.Contains("Shares themes with", html);
        // without a register, the claims are held against Statbel's data
        Assert.Contains("In Statbel’s VAT data (2019)", html);
    }

    [Fact]
    public async Task Names_of_places_follow_the_page_language()
    {
        Assert.Contains("<h1>Gand</h1>", (await Get("/fr/places/ghent")).Html);
        Assert.Contains("<h1>Gent</h1>", (await Get("/nl/places/ghent")).Html);
        Assert.Contains("<h1>Luik</h1>", (await Get("/nl/places/liege")).Html);
        Assert.Contains("Innovatiesectoren", (await Get("/nl/places/ghent")).Html);
    }

    [Theory]
    [InlineData("nl-BE,nl;q=0.9", "/nl/")]
    [InlineData("en-US,en;q=0.8", "/en/")]
    [InlineData("de-DE", "/fr/")]
    [InlineData(null, "/fr/")]
    [InlineData("fr;q=0.1, nl;q=0.9", "/nl/")]          // weights count, not the order
    [InlineData("de;q=1, en-GB;q=0.5, fr;q=0.3", "/en/")] // the best supported one
    public async Task The_root_sends_each_visitor_to_their_language(string? acceptLanguage, string expected)
    {
        var (response, _) = await Get("/", acceptLanguage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/en/places/Gand", "/en/places/ghent")]
    [InlineData("/nl/places/Luik", "/nl/places/liege")]
    [InlineData("/fr/places/44021", "/fr/places/nis-44021")]
    public async Task An_alias_in_a_page_address_leads_to_the_canonical_page(string path, string canonical)
    {
        var (response, _) = await Get(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task User_input_is_shown_as_text_never_as_markup()
    {
        var (response, html) = await Get("/en/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>\"><img src=x>"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy()
    {
        var (response, _) = await Get("/en/places/ghent");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/nl/places/atlantis", "Pagina niet gevonden", "nl")]
    [InlineData("/en/no/such/page", "Page not found", "en")]
    [InlineData("/fr/facts/nope", "Page introuvable", "fr")]
    public async Task A_missing_page_is_a_404_in_the_right_language_with_a_search_box(string path, string title, string lang)
    {
        var (response, html) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains("id=\"lost-q\"", html);
    }

    [Fact]
    public async Task A_query_over_200_characters_is_a_400_page_that_says_why()
    {
        var (response, html) = await Get("/en/search?q=" + new string('x', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Bad request</h1>", html);
        Assert.Contains("the limit is 200", html);
    }

    [Fact]
    public async Task A_path_without_language_gets_a_404_in_the_visitors_language()
    {
        var (response, html) = await Get("/nowhere", "nl");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"nl\">", html);
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_atlas_itself()
    {
        var (_, home) = await Get("/en/");
        var href = System.Text.RegularExpressions.Regex.Match(home, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Matches(@"^/assets/atlas\.[a-z0-9]+\.css$", href);   // fingerprinted: its address changes with its content
        var (response, css) = await Get(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("url(http", css);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/assets/nope.js")).Response.StatusCode);
    }

    [Fact]
    public async Task A_source_page_lists_every_fact_it_supports_with_an_anchor()
    {
        var (_, html) = await Get("/en/sources/article-7-cities");
        var facts = (await atlas.Json("/api/facts?source=article-7-cities&pageSize=1"))["total"]!.GetValue<int>();
        Assert.Equal(facts, AnchorPattern().Matches(html).Count);
    }

    [Fact]
    public async Task Search_facets_narrow_the_results()
    {
        var (_, all) = await Get("/en/search?q=port");
        var (_, flanders) = await Get("/en/search?q=port&region=flanders");
        Assert.Contains("/en/places/brussels", all);
        Assert.DoesNotContain("href=\"/en/places/brussels\"><strong>", flanders);
        Assert.Contains("href=\"/en/places/antwerp\"><strong>", flanders);
        Assert.Contains("<mark>", flanders);
    }

    [GeneratedRegex("<tr id=\"fact-[a-z0-9-]+\">")]
    private static partial Regex AnchorPattern();
}
