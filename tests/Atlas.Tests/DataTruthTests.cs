using System.Net;
using System.Text.Json.Nodes;

namespace Atlas.Tests;

/// <summary>
/// What a Belgian analyst and a Flemish reader rely on: every fact in Dutch, the article's errors shown with the
/// evidence that shows them, the context the article leaves out marked as such and findable, and the corrected
/// entities, aliases and programmes.
/// </summary>
[Collection(AtlasCollection.Name)]
public class DataTruthTests(AtlasFixture atlas)
{
    private async Task<List<JsonObject>> Facts(string query)
    {
        var page = await atlas.Json("/api/facts?pageSize=1000&" + query);
        return page["items"]!.AsArray().Select(f => f!.AsObject()).ToList();
    }

    [Fact]
    public async Task Every_fact_answers_in_dutch_with_a_dutch_statement_that_differs_from_the_english_one()
    {
        var facts = await Facts("lang=nl");
        Assert.True(facts.Count >= 180, $"only {facts.Count} facts");
        Assert.All(facts, f =>
        {
            var nl = f["statement"]!["nl"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(nl), f["id"]!.ToString());
            Assert.Equal(nl, f["text"]!.GetValue<string>());
            Assert.NotEqual(f["statement"]!["en"]!.GetValue<string>(), nl);
            Assert.NotEqual(f["statement"]!["fr"]!.GetValue<string>(), nl);
        });
        var ghent = facts.Single(f => f["id"]!.GetValue<string>() == "ghent-model-of-industry-4-0");
        Assert.Contains("Gent", ghent["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("contradicted", "brussels-hosts-imec", "leuven-hosts-imec")]
    [InlineData("contradicted", "brussels-microelectronics-example-imec", "leuven-hosts-imec")]
    [InlineData("contradicted", "brussels-biotechnology-example-gsk", "gsk-belgian-vaccine-sites")]
    [InlineData("confirmed", "brussels-digital-example-proximus", "proximus-seat-schaerbeek")]
    [InlineData("confirmed", "brussels-digital-example-proximus", "postcode-1030-schaerbeek")]
    [InlineData("confirmed", "antwerp-one-of-europes-largest-ports", "port-of-antwerp-bruges-merger-2022")]
    [InlineData("confirmed", "bruges-innovates-in-port-logistics", "zeebrugge-in-port-of-antwerp-bruges")]
    [InlineData("confirmed", "belgium-industrial-production-change-2025-05", "eurostat-belgium-industrial-production-2025-05")]
    public async Task A_status_lists_its_facts_each_with_evidence_from_another_source(string status, string id, string evidence)
    {
        var facts = await Facts($"status={status}&lang=en");
        Assert.All(facts, f => Assert.Equal(status, f["status"]!.GetValue<string>()));
        var fact = facts.Single(f => f["id"]!.GetValue<string>() == id);
        var shown = fact["statusEvidence"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var e = shown.Single(x => x["id"]!.GetValue<string>() == evidence);
        Assert.NotEqual(fact["source"]!.GetValue<string>(), e["source"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(e["text"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(e["sourceLabel"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(e["locator"]!["phrase"]!.GetValue<string>()));
        Assert.True(e["locator"]!["url"] is not null || e["locator"]!["row"] is not null);
        // every listed fact carries evidence
        Assert.All(facts, f => Assert.NotEmpty(f["statusEvidence"]!.AsArray()));
    }

    [Fact]
    public async Task The_evidence_speaks_the_language_asked_for()
    {
        var fact = (await atlas.Json("/api/facts/brussels-hosts-imec?lang=nl"));
        var e = fact["statusEvidence"]![0]!;
        Assert.Contains("Heverlee", e["text"]!.GetValue<string>());
        Assert.Contains("Leuven", e["text"]!.GetValue<string>());
        Assert.Equal("contradicted", fact["status"]!.GetValue<string>());
        Assert.NotNull(fact["note"]!["nl"]);
    }

    [Fact]
    public async Task An_unknown_role_is_a_bad_request()
    {
        var (status, body, _) = await atlas.Raw("/api/facts?role=opinion");
        Assert.Equal(400, status);
        Assert.Contains("claim, context", body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Antwerp-Bruges", "port-of-antwerp-bruges")]
    [InlineData("Antwerp-Bruges", "antwerp")]
    [InlineData("North Sea Port", "north-sea-port")]
    [InlineData("North Sea Port", "ghent")]
    [InlineData("Bastenaken", "nis-82039")]
    [InlineData("Genepiën", "nis-25031")]
    public async Task A_search_finds_the_context_and_the_corrected_names(string q, string id)
    {
        var result = await atlas.Json($"/api/search?q={Uri.EscapeDataString(q)}&lang=nl&limit=20");
        Assert.Contains(result["results"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_city_page_shows_the_context_apart_and_the_status_in_words()
    {
        var html = await atlas.Client.GetStringAsync("/nl/places/ghent");
        var context = html.IndexOf("Niet in het artikel", StringComparison.Ordinal);
        Assert.True(context > 0, "no context section on the Dutch Ghent page");
        Assert.Contains("North Sea Port", html[context..]);
        Assert.Contains("Gent wordt voorgesteld als voorbeeldstad voor industrie 4.0.", html);
        // the article's claims are listed before, apart from the context
        Assert.True(html.IndexOf("Gent staat bekend als een groene stad.", StringComparison.Ordinal) < context);

        var brussels = await atlas.Client.GetStringAsync("/en/places/brussels");
        var claim = brussels.IndexOf("The article cites IMEC", StringComparison.Ordinal);
        Assert.True(claim > 0);
        var row = brussels[claim..brussels.IndexOf("</tr>", claim, StringComparison.Ordinal)];
        Assert.Contains("contradicted by data", row);
        Assert.Contains("Heverlee", row);
        Assert.Contains("datanews.knack.be", row);

        var liege = await atlas.Client.GetStringAsync("/fr/places/liege");
        Assert.Contains("Hors de l’article", System.Net.WebUtility.HtmlDecode(liege));
        Assert.Contains("Safran Aero Boosters", liege);
    }

    [Fact]
    public async Task A_fact_page_shows_its_status_and_evidence()
    {
        var html = WebUtility.HtmlDecode(await atlas.Client.GetStringAsync("/fr/facts/brussels-biotechnology-example-gsk"));
        Assert.Contains("contredit par les données", html);
        Assert.Contains("Wavre, Rixensart et Gembloux", html);
        Assert.Contains("be.gsk.com", html);
    }

    [Fact]
    public async Task Programmes_have_their_real_scope_and_their_published_names()
    {
        var idf = await atlas.Json("/api/programmes/industrie-du-futur");
        Assert.Equal("wallonia", idf["scope"]!.GetValue<string>());
        Assert.Equal("Industrie du Futur", idf["names"]!["nl"]!.GetValue<string>());
        var fof = await atlas.Json("/api/programmes/factory-of-the-future");
        Assert.Equal("belgium", fof["scope"]!.GetValue<string>());
        // the article's 21 stands beside the counts other sources publish
        var counts = await Facts("about=factory-of-the-future&predicate=has-indicator-value");
        Assert.Contains(counts, f => f["value"]!.GetValue<decimal>() == 21 && f["role"]!.GetValue<string>() == "claim");
        Assert.Contains(counts, f => f["value"]!.GetValue<decimal>() == 12 && f["period"]!.GetValue<string>() == "2023" && f["role"]!.GetValue<string>() == "context");
        Assert.Contains(counts, f => f["value"]!.GetValue<decimal>() == 65 && f["subject"]!.GetValue<string>() == "belgium");
    }

    [Theory]
    [InlineData("proximus", "nis-21015", "seat")]
    [InlineData("vub", "nis-21009", "seat")]
    [InlineData("gsk", "nis-25112", "site")]
    [InlineData("imec", "nis-24062", "seat")]
    public async Task Organisations_sit_where_their_sources_put_them(string id, string place, string role)
    {
        var org = await atlas.Json($"/api/organisations/{id}");
        Assert.Contains(org["places"]!.AsArray(), p => p!["place"]!.GetValue<string>() == place && p["role"]!.GetValue<string>() == role);
        Assert.DoesNotContain(org["places"]!.AsArray(), p => id is "gsk" or "imec" && p!["place"]!.GetValue<string>() == "brussels");
    }

    [Theory]
    [InlineData("windkracht", "wind-energy")]   // wind force, not wind power
    [InlineData("biomatériaux", "bio-based-materials")]   // medical biomaterials
    [InlineData("UCL", "uclouvain")]   // also University College London
    public async Task A_misleading_alias_no_longer_leads_to_the_entity(string alias, string id)
    {
        var (status, body, _) = await atlas.Raw($"/api/technologies/{Uri.EscapeDataString(alias)}");
        Assert.False(status == 200 && body!["id"]!.GetValue<string>() == id);
        var (status2, body2, _) = await atlas.Raw($"/api/organisations/{Uri.EscapeDataString(alias)}");
        Assert.False(status2 == 200 && body2!["id"]!.GetValue<string>() == id);
    }
}
