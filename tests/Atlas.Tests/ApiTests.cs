using System.Net;
using System.Text.Json.Nodes;

namespace Atlas.Tests;

/// <summary>The JSON API through the whole ASP.NET Core pipeline, in-process.</summary>
[Collection(AtlasCollection.Name)]
public class ApiTests(AtlasFixture atlas)
{
    private static List<string> Ids(JsonObject page, string list = "items") =>
        page[list]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    [SkippableFact]
    public async Task The_seven_cities_are_listed_with_names_in_three_languages()
    {
        var page = await atlas.Json("/api/places?kind=city&lang=en");
        Assert.Equal(["antwerp", "bruges", "brussels", "charleroi", "ghent", "liege", "louvain-la-neuve"], Ids(page).Order());
        var ghent = page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "ghent")!;
        Assert.Equal("Gand", ghent["names"]!["fr"]!.GetValue<string>());
        Assert.Equal("Gent", ghent["names"]!["nl"]!.GetValue<string>());
        Assert.Equal("Ghent", ghent["label"]!.GetValue<string>());
        Assert.Equal("place", ghent["type"]!.GetValue<string>());
        Assert.Equal("city", ghent["kind"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("ghent", "ghent")]
    [InlineData("Gand", "ghent")]
    [InlineData("GENT", "ghent")]
    [InlineData("Luik", "liege")]
    [InlineData("Liege", "liege")]
    [InlineData("Lüttich", "liege")]
    [InlineData("Anvers", "antwerp")]
    [InlineData("Brugge", "bruges")]
    [InlineData("LLN", "louvain-la-neuve")]
    [InlineData("44021", "nis-44021")]
    [InlineData("Ottignies-Louvain-la-Neuve", "nis-25121")]
    public async Task A_place_is_found_by_its_id_or_any_alias(string alias, string id)
    {
        var place = await atlas.Json($"/api/places/{Uri.EscapeDataString(alias)}");
        Assert.Equal(id, place["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Brussels_and_louvain_la_neuve_are_related_to_the_units_that_measure_them()
    {
        var brussels = await atlas.Json("/api/places/brussels");
        var links = brussels["links"]!.AsArray().Select(l => (l!["relation"]!.GetValue<string>(), l["place"]!.GetValue<string>())).ToList();
        Assert.Contains(("city-proper", "nis-21004"), links);
        Assert.Contains(("region", "brussels-capital"), links);
        Assert.Equal("04000", (await atlas.Json("/api/places/brussels-capital"))["nis"]!.GetValue<string>());
        Assert.Equal("21004", (await atlas.Json("/api/places/nis-21004"))["nis"]!.GetValue<string>());

        var lln = await atlas.Json("/api/places/louvain-la-neuve");
        Assert.Null(lln["nis"]);
        Assert.Equal("nis-25121", lln["parent"]!.GetValue<string>());
        Assert.Contains(lln["links"]!.AsArray(), l => l!["relation"]!.GetValue<string>() == "town-in" && l["place"]!.GetValue<string>() == "nis-25121");
    }

    [SkippableFact]
    public async Task A_city_page_carries_its_facts_with_sources_and_locators()
    {
        var ghent = await atlas.Json("/api/places/ghent?lang=en");
        var facts = ghent["facts"]!.AsArray();
        Assert.True(facts.Count >= 10);
        var blockchain = facts.Single(f => f!["id"]!.GetValue<string>() == "ghent-agrifood-blockchain-traceability")!;
        Assert.Equal("uses-technology", blockchain["predicate"]!.GetValue<string>());
        Assert.Equal("blockchain", blockchain["object"]!.GetValue<string>());
        Assert.Equal("article-7-cities", blockchain["source"]!.GetValue<string>());
        Assert.Equal("table row 3", blockchain["locator"]!["passage"]!.GetValue<string>());
        Assert.Contains("blockchain", blockchain["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_sector_shows_the_facts_about_it()
    {
        var textile = await atlas.Json("/api/sectors/textile");
        Assert.Contains("13", textile["nace2008"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(textile["factsAbout"]!.AsArray(), f => f!["subject"]!.GetValue<string>() == "ghent");
    }

    [SkippableFact]
    public async Task Municipalities_are_listed_as_they_are_today_unless_former_ones_are_asked_for()
    {
        var current = await atlas.Json("/api/places?kind=municipality&pageSize=1");
        Assert.Equal(565, current["total"]!.GetValue<int>());
        var all = await atlas.Json("/api/places?kind=municipality&pageSize=1&current=false");
        Assert.Equal(594, all["total"]!.GetValue<int>());
        var borsbeek = await atlas.Json("/api/places/11007");
        Assert.Equal("nis-11002", borsbeek["mergedInto"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Lists_are_paginated_with_links()
    {
        var first = await atlas.Json("/api/places?kind=city&pageSize=3");
        Assert.Equal(7, first["total"]!.GetValue<int>());
        Assert.Equal(3, first["pages"]!.GetValue<int>());
        Assert.Equal(3, first["items"]!.AsArray().Count);
        var next = first["links"]!["next"]!.GetValue<string>();
        var second = await atlas.Json(next);
        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        var last = await atlas.Json("/api/places?kind=city&pageSize=3&page=3");
        Assert.Single(last["items"]!.AsArray());
        Assert.Null(last["links"]!["next"]);
    }

    [SkippableTheory]
    [InlineData("/api/places?kind=city&format=csv")]
    [InlineData("/api/places.csv?kind=city")]
    public async Task Every_list_downloads_as_csv(string path)
    {
        var response = await atlas.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,label,type,kind,names.", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("ghent,"));
    }

    [SkippableFact]
    public async Task Facts_download_as_csv_with_quoted_fields()
    {
        var text = await atlas.Client.GetStringAsync("/api/facts.csv?subject=ghent");
        var header = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(',');
        Assert.Contains("locator.phrase", header);
        Assert.Contains("statement.en", header);
        Assert.Contains("\"", text); // statements with commas are quoted
        foreach (var list in new[] { "sectors", "technologies", "organisations", "programmes", "sources", "facts" })
        {
            var response = await atlas.Client.GetAsync($"/api/{list}?format=csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var search = await atlas.Client.GetAsync("/api/search?q=port&format=csv");
        Assert.Equal("text/csv", search.Content.Headers.ContentType!.MediaType);
    }

    [SkippableFact]
    public async Task Facts_filter_by_subject_predicate_and_source()
    {
        var page = await atlas.Json("/api/facts?subject=Gent&predicate=innovates-in&source=article-7-cities");
        var objects = page["items"]!.AsArray().Select(f => f!["object"]!.GetValue<string>()).ToList();
        Assert.Contains("textile", objects);
        Assert.Contains("agri-food", objects);
        Assert.All(page["items"]!.AsArray(), f => Assert.Equal("ghent", f!["subject"]!.GetValue<string>()));
        var none = await atlas.Json("/api/facts?source=no-such-source");
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Compare_says_what_antwerp_and_bruges_share_and_what_only_one_has()
    {
        var result = await atlas.Json("/api/compare?places=antwerp,bruges&lang=en");
        var shared = Ids(result, "shared");
        Assert.Contains("smart-port", shared);
        Assert.Contains("iot", shared);
        var onlyAntwerp = result["only"]!["antwerp"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        var onlyBruges = result["only"]!["bruges"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("green-chemistry", onlyAntwerp);
        Assert.Contains("sustainable-tourism", onlyBruges);
        Assert.Empty(onlyAntwerp.Intersect(shared));
        var smartPort = result["shared"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "smart-port")!;
        Assert.NotEmpty(smartPort["facts"]!["antwerp"]!.AsArray());
        Assert.NotEmpty(smartPort["facts"]!["bruges"]!.AsArray());
    }

    [SkippableFact]
    public async Task Compare_works_for_three_places_and_refuses_one_or_four()
    {
        var result = await atlas.Json("/api/compare?places=ghent,liege,charleroi");
        Assert.Equal(3, result["places"]!.AsArray().Count);
        Assert.NotNull(result["partlyShared"]);
        Assert.Equal(3, result["only"]!.AsObject().Count);
        Assert.Equal(400, (await atlas.Raw("/api/compare?places=ghent")).Status);
        Assert.Equal(400, (await atlas.Raw("/api/compare?places=ghent,liege,bruges,antwerp")).Status);
        var (status, body, _) = await atlas.Raw("/api/compare?places=ghent,atlantis");
        Assert.Equal(404, status);
        Assert.Contains("atlantis", body!["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_unknown_id_is_a_404_problem_naming_it()
    {
        var (status, body, response) = await atlas.Raw("/api/places/atlantis");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
        Assert.Contains("'atlantis'", body["detail"]!.GetValue<string>());
        Assert.Equal("atlantis", body["id"]!.GetValue<string>());
        foreach (var path in new[] { "/api/sectors/atlantis", "/api/facts/atlantis", "/api/no-such-endpoint" })
        {
            var (s, b, r) = await atlas.Raw(path);
            Assert.Equal(404, s);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(b!["title"]);
        }
    }

    [SkippableTheory]
    [InlineData("/api/places?page=0")]
    [InlineData("/api/places?pageSize=100000")]
    [InlineData("/api/places?page=abc")]
    [InlineData("/api/places?kind=planet")]
    [InlineData("/api/places?lang=xx")]
    [InlineData("/api/places?format=xml")]
    [InlineData("/api/facts?predicate=loves")]
    [InlineData("/api/search")]
    [InlineData("/api/places/ghent?format=csv")]
    public async Task A_bad_parameter_is_a_400_problem_that_says_what_to_change(string path)
    {
        var (status, body, response) = await atlas.Raw(path);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(body!["detail"]?.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_query_over_200_characters_is_refused()
    {
        var (status, body, _) = await atlas.Raw("/api/search?q=" + new string('a', 201));
        Assert.Equal(400, status);
        Assert.Contains("200", body!["detail"]!.GetValue<string>());
        Assert.Equal(200, (await atlas.Raw("/api/search?q=" + new string('a', 200))).Status);
    }

    [SkippableFact]
    public async Task Writes_are_refused()
    {
        var response = await atlas.Client.PostAsync("/api/places", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var delete = await atlas.Client.DeleteAsync("/api/places/ghent");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [SkippableFact]
    public async Task Responses_carry_an_etag_and_answer_304_when_unchanged()
    {
        var first = await atlas.Client.GetAsync("/api/places/ghent");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/places/ghent");
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await atlas.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        var other = await atlas.Client.GetAsync("/api/places/ghent?lang=nl");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [SkippableFact]
    public async Task The_language_comes_from_the_query_then_accept_language_then_french()
    {
        Assert.Equal("Gent", (await atlas.Json("/api/places/ghent?lang=nl"))["label"]!.GetValue<string>());
        Assert.Equal("Gand", (await atlas.Json("/api/places/ghent"))["label"]!.GetValue<string>());
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/places/ghent");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var response = await atlas.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Ghent", body["label"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Responses_carry_security_headers()
    {
        var response = await atlas.Client.GetAsync("/api/places/ghent");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [SkippableFact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var doc = await atlas.Json("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/places", "/api/places/{id}", "/api/sectors", "/api/technologies", "/api/organisations",
                     "/api/programmes", "/api/sources", "/api/sources/{id}", "/api/facts", "/api/search", "/api/compare" })
            Assert.Contains(path, paths);
        var search = doc["paths"]!["/api/search"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Contains("q", search);
    }

    [SkippableFact]
    public async Task A_source_lists_its_metadata_and_fact_count()
    {
        var source = await atlas.Json("/api/sources/article-7-cities");
        Assert.Equal("7 villes belges au cœur de l’innovation industrielle", source["title"]!.GetValue<string>());
        Assert.Equal("fr", source["language"]!.GetValue<string>());
        Assert.True(source["factCount"]!.GetValue<int>() >= 100);
    }

    [SkippableFact]
    public async Task Organisations_carry_a_checked_enterprise_number()
    {
        var proximus = await atlas.Json("/api/organisations/proximus");
        Assert.Equal("0202.239.951", proximus["enterpriseNumber"]!.GetValue<string>());
        Assert.Equal("company", proximus["kind"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the PostgreSQL store.</summary>
[Collection(Postgres.PostgresAtlasCollection.Name)]
public sealed class ApiTestsOnPostgres : ApiTests
{
    public ApiTestsOnPostgres(Postgres.PostgresAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
