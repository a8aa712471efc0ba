using System.Globalization;
using System.Text.Json.Nodes;
using Atlas.Analytics.Complexity;
using Atlas.Tests.Register;

namespace Atlas.Tests.Complexity;

/// <summary>Growth opportunities and similar municipalities over HTTP, on a generated register.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class ComplexityApiTests(RegisterAtlasFixture atlas)
{
    /// <summary>The library run directly on the same matrix the atlas builds from the register.</summary>
    private (ActivityMatrix Matrix, ComplexityResult Result) Direct()
    {
        var matrix = Atlas.Complexity.ComplexityQueries.Matrix(atlas.Services.Snapshots.Source(Atlas.Sources.CountSource.KboId));
        return (matrix, EconomicComplexity.Compute(matrix));
    }

    private static double D(JsonNode? n) => n!.GetValue<double>();

    [Fact]
    public void The_panel_holds_every_municipality_with_establishments_and_nace_2008_classes()
    {
        var (matrix, result) = Direct();
        Assert.True(matrix.Regions.Count > 300, $"{matrix.Regions.Count} municipalities");
        Assert.All(matrix.Regions, r => Assert.Matches("^[0-9]{5}$", r));
        Assert.All(matrix.Activities, a => Assert.Matches("^[0-9]{4}$", a));
        Assert.Contains("21004", matrix.Regions);
        Assert.Contains("44021", matrix.Regions);                       // Ghent
        Assert.Same(atlas.Services.Complexity.Panel(), atlas.Services.Complexity.Panel()); // computed once per register version
        Assert.Equal(result.Regions.Count, atlas.Services.Complexity.Panel().Result.Regions.Count);
    }

    [Fact]
    public async Task Every_nace_class_has_its_pci_and_every_municipality_its_eci_rank_among_all()
    {
        var (_, result) = Direct();
        var activities = await atlas.Json("/api/complexity/activities?lang=en");
        var items = activities["items"]!.AsArray();
        Assert.Equal(result.Activities.Count, items.Count);
        var pcis = items.Select(i => D(i!["pci"])).ToList();
        Assert.Equal(pcis.OrderByDescending(x => x), pcis);
        var first = items[0]!;
        var a = result.ActivityIndex(first["code"]!.GetValue<string>());
        Assert.Equal(Math.Round(result.Pci[a], 6), D(first["pci"]), 9);
        Assert.Equal(result.Ubiquity[a], first["ubiquity"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(first["label"]?.GetValue<string>()));

        var municipalities = await atlas.Json("/api/complexity/municipalities?lang=nl");
        var rows = municipalities["items"]!.AsArray();
        Assert.Equal(result.Regions.Count, rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r!["rank"]!.GetValue<int>()));
        var ghent = rows.Single(r => r!["nis"]!.GetValue<string>() == "44021")!;
        Assert.Equal("Gent", ghent["label"]!.GetValue<string>());
        Assert.Equal(Math.Round(result.Eci[result.RegionIndex("44021")], 6), D(ghent["eci"]), 9);
        var city = await atlas.Json("/api/places/ghent/opportunities?top=1");
        Assert.Equal(ghent["rank"]!.GetValue<int>(), city["eciRank"]!.GetValue<int>());

        var csv = await atlas.Client.GetStringAsync("/api/complexity/activities.csv");
        Assert.StartsWith("rank,code,label,ubiquity,pci", csv);
    }

    [Fact]
    public async Task Opportunities_of_a_city_are_those_of_its_municipality_as_the_library_computes_them()
    {
        var (_, result) = Direct();
        var json = await atlas.Json("/api/places/brussels/opportunities?top=15&lang=en");
        Assert.Equal("21004", json["municipality"]!["nis"]!.GetValue<string>());
        var region = result.RegionIndex("21004");
        Assert.Equal(result.Eci[region], D(json["eci"]), 1e-6);
        Assert.Equal(result.Regions.Count, json["municipalities"]!.GetValue<int>());
        var rank = 1 + Enumerable.Range(0, result.Regions.Count).Count(r => result.Eci[r] > result.Eci[region]);
        Assert.Equal(rank, json["eciRank"]!.GetValue<int>());

        var expected = result.GrowthOpportunities(region, 15, 3);
        foreach (var (key, list) in new[] { ("byDensity", expected.ByDensity), ("byGain", expected.ByGain) })
        {
            var got = json[key]!.AsArray();
            Assert.Equal(list.Count, got.Count);
            for (var i = 0; i < list.Count; i++)
            {
                Assert.Equal(list[i].Name, got[i]!["code"]!.GetValue<string>());
                Assert.Equal(list[i].Density, D(got[i]!["density"]), 1e-6);
                Assert.Equal(list[i].Cog, D(got[i]!["cog"]), 1e-6);
                Assert.Equal(list[i].Pci, D(got[i]!["pci"]), 1e-6);
                Assert.True(list[i].Rca <= 1);
                Assert.Equal(list[i].Related.Select(r => r.Name), got[i]!["related"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
                Assert.False(result.IsPresent(region, result.ActivityIndex(list[i].Name)));
            }
        }
        Assert.True(json["byDensity"]!.AsArray().Count == 15);
        Assert.NotNull(json["byDensity"]![0]!["label"]);            // NACE label
        Assert.NotEmpty(json["byDensity"]![0]!["related"]!.AsArray()); // the reason
    }

    [Fact]
    public async Task A_municipality_is_its_own_unit()
    {
        var (_, result) = Direct();
        var json = await atlas.Json("/api/places/nis-44021/opportunities?top=5");
        Assert.Equal("44021", json["municipality"]!["nis"]!.GetValue<string>());
        Assert.Equal(result.Eci[result.RegionIndex("44021")], D(json["eci"]), 1e-6);
        Assert.Equal(5, json["byGain"]!.AsArray().Count);
    }

    [Fact]
    public async Task Similar_municipalities_are_ranked_by_cosine_similarity_of_rca()
    {
        var (_, result) = Direct();
        var json = await atlas.Json("/api/places/ghent/similar?top=10");
        var self = result.RegionIndex("44021");
        double Cos(int a, int b)
        {
            double dot = 0, na = 0, nb = 0;
            for (var j = 0; j < result.Activities.Count; j++)
            {
                dot += result.Rca[a, j] * result.Rca[b, j];
                na += result.Rca[a, j] * result.Rca[a, j];
                nb += result.Rca[b, j] * result.Rca[b, j];
            }
            return dot / Math.Sqrt(na * nb);
        }
        var expected = Enumerable.Range(0, result.Regions.Count).Where(r => r != self)
            .Select(r => (Nis: result.Regions[r], Score: Cos(self, r)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Nis, StringComparer.Ordinal).Take(10).ToList();
        var got = json["similar"]!.AsArray();
        Assert.Equal(10, got.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i].Nis, got[i]!["nis"]!.GetValue<string>());
            Assert.Equal(expected[i].Score, D(got[i]!["similarity"]), 1e-6);
            Assert.Equal($"nis-{expected[i].Nis}", got[i]!["id"]!.GetValue<string>());
            Assert.DoesNotContain("44021", got[i]!["nis"]!.GetValue<string>());
        }
        Assert.False(string.IsNullOrEmpty(got[0]!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Both_answer_in_csv()
    {
        var (status, body, type) = await atlas.Raw("/api/places/ghent/opportunities?top=4&format=csv");
        Assert.Equal(200, status);
        Assert.Equal("text/csv", type);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("place,nis,ranking,rank,code,label,density,cog,pci,rca,related", lines[0]);
        Assert.Equal(1 + 8, lines.Length);
        (status, body, type) = await atlas.Raw("/api/places/ghent/similar?top=3&format=csv");
        Assert.Equal(200, status);
        Assert.Equal("text/csv", type);
        Assert.Equal(1 + 3, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("/api/places/atlantis/opportunities")]
    [InlineData("/api/places/atlantis/similar")]
    public async Task An_unknown_place_is_404(string path)
    {
        var (status, body, _) = await atlas.Raw(path);
        Assert.Equal(404, status);
        Assert.Contains("atlantis", body);
    }
}

/// <summary>Without a register, an unknown place is still an unknown place.</summary>
[Collection(AtlasCollection.Name)]
public class ComplexityNoRegisterTests(AtlasFixture atlas)
{
    // the 409 of every register question, these included, is asserted once in Register/NoRegisterTests

    [Fact]
    public async Task Without_register_an_unknown_place_is_still_404()
    {
        var (status, _, _) = await atlas.Raw("/api/places/atlantis/opportunities");
        Assert.Equal(404, status);
    }
}
