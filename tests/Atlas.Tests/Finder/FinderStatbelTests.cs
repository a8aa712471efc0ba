using System.Text.Json.Nodes;

namespace Atlas.Tests.Finder;

/// <summary>The finder on the atlas as shipped: Statbel's data, no register.</summary>
[Collection(AtlasCollection.Name)]
public class FinderStatbelTests(AtlasFixture atlas)
{
    [Fact]
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

    [Fact]
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

    [Fact]
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
