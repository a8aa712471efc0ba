using System.Text.Json.Nodes;

namespace Atlas.Tests;

/// <summary>Search understands users: any spelling of a city, any language, accents optional, hostile input harmless.</summary>
[Collection(AtlasCollection.Name)]
public class SearchTests(AtlasFixture atlas)
{
    private async Task<List<JsonObject>> Search(string q, string lang = "en")
    {
        var result = await atlas.Json($"/api/search?q={Uri.EscapeDataString(q)}&lang={lang}");
        return result["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    [SkippableTheory]
    [InlineData("Gand", "ghent")]
    [InlineData("Gent", "ghent")]
    [InlineData("Ghent", "ghent")]
    [InlineData("Luik", "liege")]
    [InlineData("liege", "liege")]
    [InlineData("Bruxelles", "brussels")]
    [InlineData("Anvers", "antwerp")]
    public async Task A_city_is_found_first_by_any_of_its_names(string q, string id)
    {
        var results = await Search(q);
        Assert.Equal(id, results[0]["id"]!.GetValue<string>());
        Assert.Equal("city", results[0]["kind"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("blockchain", "ghent")]
    [InlineData("réseaux intelligents", "liege")]
    [InlineData("smart grids", "liege")]
    [InlineData("nanomateriaux", "charleroi")]
    [InlineData("nanomatériaux", "charleroi")]
    [InlineData("textile", "ghent")]
    [InlineData("IMEC", "brussels")]
    [InlineData("Internet des Objets", "antwerp")]
    public async Task A_theme_finds_the_cities_whose_facts_mention_it(string q, string city)
    {
        var results = await Search(q);
        var hit = results.FirstOrDefault(r => r["id"]!.GetValue<string>() == city);
        Assert.True(hit is not null, $"{q}: {string.Join(", ", results.Select(r => r["id"]))}");
        Assert.False(string.IsNullOrWhiteSpace(hit!["snippet"]!.GetValue<string>()));
        Assert.NotEmpty(hit["facts"]!.AsArray());
    }

    [SkippableFact]
    public async Task Results_are_ranked_and_labelled_in_the_requested_language()
    {
        var en = await Search("smart grids", "en");
        Assert.Equal("smart-grids", en[0]["id"]!.GetValue<string>());
        var scores = en.Select(r => r["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var nl = await Search("Gand", "nl");
        Assert.Equal("Gent", nl[0]["label"]!.GetValue<string>());
        var fr = await Search("blockchain", "fr");
        var ghent = fr.Single(r => r["id"]!.GetValue<string>() == "ghent");
        Assert.Equal("Gand", ghent["label"]!.GetValue<string>());
        Assert.Contains("blockchain", ghent["snippet"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Results_can_be_restricted_to_a_kind()
    {
        var result = await atlas.Json("/api/search?q=port&kind=city");
        Assert.NotEmpty(result["results"]!.AsArray());
        Assert.All(result["results"]!.AsArray(), r => Assert.Equal("city", r!["kind"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("textile NEAR( port")]
    [InlineData("OR")]
    [InlineData("AND OR NOT")]
    [InlineData("textile OR")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE facts; --")]
    [InlineData("Robert'); DELETE FROM entities;--")]
    [InlineData("^textile")]
    [InlineData("col:value")]
    [InlineData("{names}: ghent")]
    [InlineData("  ")]
    [InlineData("%00")]
    public async Task Hostile_input_gets_a_normal_answer(string q)
    {
        var (status, body, _) = await atlas.Raw($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.True(status is 200 or 400, $"{q}: {status}");
        if (status == 200) Assert.NotNull(body!["results"]);
        // the store is intact
        var page = await atlas.Json("/api/places?kind=city");
        Assert.Equal(7, page["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Html_in_a_query_comes_back_as_escaped_json_text()
    {
        using var response = await atlas.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", raw);
        var body = JsonNode.Parse(raw)!;
        Assert.Equal("<script>alert(1)</script>", body["query"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Without_a_register_the_search_page_shows_no_register_companies_and_has_no_company_pages()
    {
        var (status, _, response) = await atlas.Raw("/en/search?q=Proximus");
        Assert.Equal(200, status);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/en/organisations/proximus\"", html);   // the curated organisation is there
        Assert.DoesNotContain("/en/companies/", html);
        Assert.DoesNotContain("Register companies", html);
        var (missing, _, _) = await atlas.Raw("/en/companies/0202.239.951");
        Assert.Equal(404, missing);
    }

    [SkippableFact]
    public async Task A_snippet_in_another_language_says_which()
    {
        var (_, _, response) = await atlas.Raw("/en/search?q=Gentse");
        var html = await response.Content.ReadAsStringAsync();
        // a Dutch statement on an English page (which one comes first depends on the store's ranking)
        Assert.Matches("<span lang=\"nl\">[^<]*<mark>Gentse</mark>", html);
    }
}

/// <summary>The same tests on the PostgreSQL store.</summary>
[Collection(Postgres.PostgresAtlasCollection.Name)]
public sealed class SearchTestsOnPostgres : SearchTests
{
    public SearchTestsOnPostgres(Postgres.PostgresAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
