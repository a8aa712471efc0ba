using System.Text.Json.Nodes;
using Atlas.Tests.Client;

namespace Atlas.Tests;

/// <summary>
/// The OpenAPI document describes every operation with the type of its answer, so that a client generated from it
/// (here by NSwag at build time, from OpenApi/atlas-v1.json) calls the API and gets typed objects.
/// </summary>
[Collection(AtlasCollection.Name)]
public class OpenApiTests(AtlasFixture atlas)
{
    private static readonly string Committed = Path.Combine(TestPaths.RepoRoot, "tests", "Atlas.Tests", "OpenApi", "atlas-v1.json");

    [Fact]
    public async Task Every_operation_declares_the_schema_of_its_answer_and_its_problems()
    {
        var doc = await atlas.Json("/openapi/v1.json");
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(op => (Path: p.Key, Op: op.Value!))).ToList();
        Assert.Equal(48, operations.Count);
        Assert.Contains(operations, o => o.Path == "/api/places/{id}/dynamics");
        foreach (var (path, op) in operations)
        {
            // the open formats answer in their own JSON media types (issue 17)
            var media = path.EndsWith(".geojson") ? "application/geo+json" : path.EndsWith(".jsonld") || path == "/api/catalog" ? "application/ld+json" : "application/json";
            var ok = op["responses"]?["200"]?["content"]?[media]?["schema"];
            Assert.True(ok is not null, $"{path}: no schema for its 200 answer");
            Assert.False(string.IsNullOrEmpty(op["operationId"]?.GetValue<string>()), $"{path}: no operationId");
        }
        Assert.All(operations.Where(o => o.Path.Contains("{id}")), o => Assert.NotNull(o.Op["responses"]!["404"]));
    }

    [Fact]
    public async Task The_document_the_client_is_generated_from_is_the_one_the_atlas_serves()
    {
        var served = await atlas.Json("/openapi/v1.json");
        served.Remove("servers");
        var committed = JsonNode.Parse(File.ReadAllText(Committed))!;
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"the API changed: write the served document to {Committed} (atlas get /openapi/v1.json, without its \"servers\") so that the generated client follows");
    }

    [Fact]
    public async Task A_generated_client_gets_typed_places_and_search_results()
    {
        var client = new AtlasApiClient(atlas.Client);
        var ghent = await client.GetPlaceAsync("ghent", "en");
        Assert.Equal("Ghent", ghent.Label);
        Assert.Equal("city", ghent.Kind);
        Assert.Contains(ghent.Facts, f => f.Predicate == "innovates-in" && f.Object == "textile");

        var results = await client.SearchAsync("Gent", "nl", null, null, null, null, null, null);
        Assert.Equal("ghent", results.Results.First().Id);
        Assert.True(results.Total >= 1);
    }
}
