using System.Text.Json.Nodes;

namespace Atlas.Tests.Finder;

/// <summary>The finder on the atlas as shipped: Statbel's data, no register (on the PostgreSQL store too: <see cref="FinderStatbelTestsOnPostgres"/>).</summary>
[Collection(AtlasCollection.Name)]
public class FinderStatbelTests(AtlasFixture atlas)
{
    [SkippableFact]
    public async Task Locations_work_on_statbel_and_say_so()
    {
        var json = await atlas.Json("/api/finder/locations?sector=textile&lang=en");
        Assert.Equal("statbel-vat-2019", json["source"]!["id"]!.GetValue<string>());
        Assert.Equal("VAT-registered enterprises by seat", json["source"]!["unit"]!.GetValue<string>());
        Assert.Equal(565, json["municipalities"]!.GetValue<int>());
        var items = json["items"]!.AsArray();
        Assert.Equal(50, items.Count);
        // Ghent's textile claim (the article's) counts for Ghent's municipality
        var ghent = (await atlas.Json("/api/finder/locations?sector=textile&top=600"))["items"]!.AsArray()
            .Single(i => i!["id"]!.GetValue<string>() == "nis-44021")!;
        Assert.Contains("ghent", ghent["places"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(ghent["claims"]!.GetValue<int>() >= 1, ghent.ToJsonString());
        Assert.Contains(ghent["claimFacts"]!.AsArray(), f => f!["subject"]!.GetValue<string>() == "ghent");
    }

    [SkippableFact]
    public async Task Partners_and_companies_need_the_register_409_with_how_to_load_it()
    {
        foreach (var path in new[] { "/api/finder/partners?nace=26.51&near=liege", "/api/finder/locations?company=0202.239.951" })
        {
            var (status, body, _) = await atlas.Raw(path);
            Assert.Equal(409, status);
            Assert.Equal("atlas import kbo PATH", body!["command"]!.GetValue<string>());
        }
        var (kbo, _, _) = await atlas.Raw("/api/finder/locations?nace=26.51&source=kbo");
        Assert.Equal(409, kbo);
        var (pageStatus, _, response) = await atlas.Raw("/fr/finder/partners?nace=26.51&near=liege");
        Assert.Equal(409, pageStatus);
        Assert.Contains("atlas import kbo CHEMIN", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var (empty, _, _) = await atlas.Raw("/en/finder/partners");
        Assert.Equal(200, empty);
    }

    [SkippableFact]
    public async Task Postcodes_are_places_to_search_near_and_the_map_is_shaded_by_rank()
    {
        // the store's postcode localities: a known postcode is a point (the answer then asks for the register), an unknown one a 400
        var (known, _, _) = await atlas.Raw("/api/finder/partners?nace=26.51&near=4000");
        Assert.Equal(409, known);
        var (unknown, problem, _) = await atlas.Raw("/api/finder/partners?nace=26.51&near=9999");
        Assert.Equal(400, unknown);
        Assert.Equal("near", problem!["field"]!.GetValue<string>());
        Assert.Contains("no Belgian postcode 9999", problem["detail"]!.GetValue<string>());
        // the store's municipal outlines: every municipality of 2020 shaded by the rank band of the one it lies in today
        var (status, _, response) = await atlas.Raw("/nl/finder?sector=textile");
        Assert.Equal(200, status);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(581, System.Text.RegularExpressions.Regex.Count(html, "<path class=\"m b[1-5]\""));
        Assert.InRange(System.Text.RegularExpressions.Regex.Count(html, "<path class=\"m b1\""), 10, 20);   // ranks 1–10, some merged since 2020
    }

    [SkippableFact]
    public async Task The_methodology_page_gives_the_default_weights_in_each_language()
    {
        foreach (var lang in new[] { "fr", "nl", "en" })
        {
            var (status, _, response) = await atlas.Raw($"/{lang}/methodology/finder");
            Assert.Equal(200, status);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h3 id=\"default-weights\">Default weights</h3>", html);
            Assert.Contains($"<html lang=\"{lang}\">", html);
            Assert.DoesNotContain("style=", html);
        }
    }
}

/// <summary>The same tests on the PostgreSQL store.</summary>
[Collection(Postgres.PostgresAtlasCollection.Name)]
public sealed class FinderStatbelTestsOnPostgres : FinderStatbelTests
{
    public FinderStatbelTestsOnPostgres(Postgres.PostgresAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
