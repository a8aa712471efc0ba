using System.Globalization;
using System.Text.Json.Nodes;

namespace Atlas.Tests.Finder;

/// <summary>The finder on a generated register with planted activities (see <see cref="FinderAtlasFixture"/>): known truth.</summary>
[Collection(FinderAtlasFixture.Collection)]
public class FinderRegisterTests(FinderAtlasFixture atlas)
{
    private static double D(JsonNode? n) => n!.GetValue<double>();
    private static string S(JsonNode? n) => n!.GetValue<string>();

    private static IEnumerable<JsonObject> Items(JsonObject json, string list = "items") => json[list]!.AsArray().Select(x => x!.AsObject());

    [SkippableFact]
    public async Task The_planted_municipality_ranks_first_for_its_class()
    {
        var json = await atlas.Json("/api/finder/locations?nace=26.51&source=kbo&lang=en");
        Assert.Equal("kbo", S(json["source"]!["id"]));
        var first = Items(json).First();
        Assert.Equal(FinderAtlasFixture.Liege, S(first["id"]));
        Assert.Equal(1, first["rank"]!.GetValue<int>());
        Assert.True(first["count"]!.GetValue<int>() >= 30, first.ToJsonString());
        Assert.True(first["strong"]!.GetValue<bool>());
        Assert.Equal(1.0, D(first["components"]!["count"]!["percentile"]));       // the most units of all municipalities
        Assert.Equal(565, json["municipalities"]!.GetValue<int>());
        // every municipality is ranked: the CSV has them all, each line saying what it counts
        var (status, csv) = await atlas.Raw("/api/finder/locations.csv?nace=26.51&source=kbo");
        Assert.Equal(200, status);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(566, lines.Length);
        Assert.StartsWith("rank,id,label,nis,score,count,total,lq,strong,density", lines[0]);
        Assert.EndsWith("source,sourceUnit,referenceDate", lines[0].TrimEnd('\r'));
        Assert.StartsWith($"1,{FinderAtlasFixture.Liege},", lines[1]);
    }

    [SkippableFact]
    public async Task The_planted_companion_class_is_related_and_the_class_planted_apart_is_not()
    {
        var json = await atlas.Json("/api/finder/locations?nace=2651&source=kbo&related=50");
        var related = json["related"]!.AsArray().Select(r => S(r!["code"])).ToList();
        Assert.Equal("2670", related[0]);                                           // present in the same eight municipalities: φ near 1
        Assert.True(D(json["related"]![0]!["proximity"]) > 0.8, json["related"]!.ToJsonString());
        Assert.DoesNotContain("2420", related);
    }

    [SkippableFact]
    public async Task A_company_s_partners_include_the_planted_related_class_and_exclude_the_unrelated_one()
    {
        var json = await atlas.Json($"/api/finder/partners?company={atlas.LiegeFirm}&near=liege&distance=25&top=500&lang=fr");
        Assert.Equal("company", S(json["activity"]!["kind"]));
        Assert.Equal(["2651"], json["activity"]!["classes"]!.AsArray().Select(c => S(c!["code"])));
        var companies = Items(json, "companies").ToList();
        Assert.Equal(json["total"]!.GetValue<int>(), companies.Count);
        var codes = companies.SelectMany(c => c["activities"]!.AsArray().Select(a => S(a!["code"]))).ToHashSet();
        // the optical firms of Liège, Herstal and Seraing are there, as related; the steel-tube firms of Flémalle,
        // Chaudfontaine and Ans, as near, are not
        var optical = companies.Where(c => S(c["name"]).StartsWith("Optique ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Optique Herstal", "Optique Liège", "Optique Seraing"], optical.Select(c => S(c["name"])).Order());
        Assert.All(optical, c => Assert.Equal("related-main", S(c["reason"])));
        Assert.All(optical, c => Assert.Contains(c["activities"]!.AsArray(), a => S(a!["code"]) == "2670" && S(a["match"]) == "related" && S(a["via"]) == "2651"));
        Assert.DoesNotContain("2420", codes);
        Assert.DoesNotContain(companies, c => S(c["name"]).StartsWith("Tubes ", StringComparison.Ordinal));
        // the company itself is not its own partner; the same class comes first; all lie within the distance
        Assert.DoesNotContain(companies, c => S(c["enterpriseNumber"]) == atlas.LiegeFirm);
        Assert.Contains(companies, c => S(c["name"]) == "Instruments Herstal");
        // ordered by reason, then by the proximity of the class that gives the reason, then by distance
        string[] order = ["same-main", "same-secondary", "related-main", "related-secondary"];
        var keys = companies.Select(c =>
        {
            var reason = S(c["reason"]);
            var classification = reason.EndsWith("main", StringComparison.Ordinal) ? "MAIN" : "SECO";
            var proximity = reason.StartsWith("same", StringComparison.Ordinal) ? 1 : c["activities"]!.AsArray()
                .Where(a => S(a!["match"]) == "related" && S(a["classification"]) == classification).Max(a => D(a!["proximity"]));
            return (Reason: Array.IndexOf(order, reason), Proximity: -proximity, Km: D(c["distanceKm"]));
        }).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.All(companies, c => Assert.InRange(D(c["distanceKm"]), 0, 25));
        // open register data only
        Assert.All(companies, c => Assert.Null(c["contacts"]));
        Assert.DoesNotContain("@", json.ToJsonString().Replace("\"@", ""));
    }

    [SkippableFact]
    public async Task Every_score_is_the_weighted_sum_of_its_components_and_all_weight_on_one_orders_by_it()
    {
        var json = await atlas.Json("/api/finder/locations?nace=26.51&source=kbo&top=600");
        foreach (var item in Items(json))
        {
            var components = item["components"]!.AsObject();
            var points = components.Sum(c => D(c.Value!["points"]));
            Assert.Equal(D(item["score"]), points, 0.001);                           // rounded to 4 decimals each
            Assert.All(components, c => Assert.Equal(D(c.Value!["weight"]) * D(c.Value!["percentile"]), D(c.Value!["points"]), 0.0001));
        }
        var scores = Items(json).Select(i => D(i["score"])).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // all the weight on the index: the order is the Atlas index's, as the formula says
        var byIndex = await atlas.Json("/api/finder/locations?nace=26.51&source=kbo&wCount=0&wLq=0&wDensity=0&wRelated=0&wClaims=0&wIndex=100");
        var index = await atlas.Json("/api/index?source=kbo");
        Assert.Equal(S(index["items"]![0]!["id"]), S(byIndex["items"]![0]!["id"]));
        Assert.Equal(100, D(byIndex["items"]![0]!["score"]), 6);
        // all on LQ: the municipality with the highest LQ first
        var byLq = await atlas.Json("/api/finder/locations?nace=26.51&source=kbo&wCount=0&wLq=100&wDensity=0&wRelated=0&wClaims=0&wIndex=0&top=600");
        var highest = Items(byLq).MaxBy(i => i["lq"] is null ? 0 : D(i["lq"]))!;
        Assert.Equal(D(highest["lq"]), D(byLq["items"]![0]!["lq"]));
    }

    [SkippableTheory]
    [InlineData("/api/finder/locations?nace=26.99", "nace", "no NACE-BEL 2008 code 26.99")]
    [InlineData("/api/finder/locations?nace=26.5x", "nace", "not a NACE-BEL 2008 code")]
    [InlineData("/api/finder/locations?company=0999.999.922", "company", "the register has no enterprise")]
    [InlineData("/api/finder/locations?company=Nobody%20Zzyzx%20Qwv", "company", "no company of the register")]
    [InlineData("/api/finder/partners?nace=26.51&near=liege&distance=101", "distance", "from 0 to 100 km")]
    [InlineData("/api/finder/partners?nace=26.51&near=Atlantis", "near", "there is no place")]
    [InlineData("/api/finder/partners?nace=26.51", "near", "say near where")]
    [InlineData("/api/finder/locations?nace=26.51&wCount=30", "weights", "add up to 105, not 100")]
    [InlineData("/api/finder/locations?nace=26.51&wIndex=ten", "weights", "is not a number")]
    [InlineData("/api/finder/locations?technology=blockchain", "technology", "no NACE class captures Blockchain well")]
    [InlineData("/api/finder/locations?sector=textile&nace=13", "sector", "give one starting point")]
    [InlineData("/api/finder/partners?nace=26.51&near=liege&top=0", "top", "from 1 to 500")]
    public async Task Bad_input_is_a_400_naming_the_field(string path, string field, string detail)
    {
        using var response = await atlas.Client.GetAsync(path);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, S(body["field"]));
        Assert.Equal($"Invalid {field}", S(body["title"]));
        Assert.Contains(detail, S(body["detail"]));
    }

    [SkippableTheory]
    [InlineData("fr", "Les poids doivent faire 100 au total ; ils font 105.")]
    [InlineData("nl", "De gewichten moeten samen 100 zijn; ze zijn samen 105.")]
    [InlineData("en", "The weights must add up to 100; they add up to 105.")]
    public async Task On_the_page_bad_input_is_said_in_the_page_s_language(string lang, string message)
    {
        var (status, html) = await atlas.Raw($"/{lang}/finder?nace=26.51&wCount=30");
        Assert.Equal(400, status);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("name=\"wCount\"", html);                                   // the form stays, as asked
        Assert.Contains("value=\"30\"", html);
    }

    [SkippableFact]
    public async Task The_page_ranks_the_municipalities_shades_the_map_and_links_its_data()
    {
        var (status, html) = await atlas.Raw("/fr/finder?nace=26.51&source=kbo");
        Assert.Equal(200, status);
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("<h1>Où s’implanter ?</h1>", text);
        Assert.Matches(@"<td class=""num"">1</td>\s*<th scope=""row""><a href=""/fr/places/nis-62063"">Liège</a>", text);
        Assert.Contains("class=\"m b1\"", html);                                     // the map, shaded by rank band
        Assert.Contains("href=\"/api/finder/locations?nace=26.51&amp;source=kbo&amp;lang=fr\"", html);
        Assert.Contains("format=csv", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
        // the partners page of the same question: companies with their reasons, never contact data
        var (pStatus, partners) = await atlas.Raw($"/nl/finder/partners?company={atlas.LiegeFirm}&near=4000&distance=10");
        Assert.Equal(200, pStatus);
        var p = System.Net.WebUtility.HtmlDecode(partners);
        Assert.Contains("Optique Liège", p);
        Assert.Contains("verwante activiteit, hoofdactiviteit", p);
        Assert.Contains("nooit contactgegevens", p);
        Assert.DoesNotContain("mailto:", p);
    }

    [SkippableFact]
    public async Task A_sector_brings_its_codes_and_the_note_on_how_rough_they_are()
    {
        var json = await atlas.Json("/api/finder/locations?sector=microelectronics&lang=en&top=3");
        var activity = json["activity"]!;
        Assert.Equal(["26.11", "26.12", "72.19"], activity["codes"]!.AsArray().Select(c => S(c)));
        Assert.Equal(["2611", "2612", "7219"], activity["classes"]!.AsArray().Select(c => S(c!["code"])));
        Assert.Contains("72.19", S(activity["note"]));
        Assert.Equal("microelectronics", S(activity["entity"]!["id"]));
        // a technology with codes works the same way
        var robotics = await atlas.Json("/api/finder/locations?technology=robots&top=1");
        Assert.Equal(["2899"], robotics["activity"]!["classes"]!.AsArray().Select(c => S(c!["code"])));
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, "{0}", 25), robotics["weights"]!["count"]!.ToString());
    }
}

/// <summary>The same tests with the register in PostgreSQL.</summary>
[Collection(PostgresFinderAtlasFixture.Collection)]
public sealed class FinderRegisterTestsOnPostgres : FinderRegisterTests
{
    public FinderRegisterTestsOnPostgres(PostgresFinderAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
