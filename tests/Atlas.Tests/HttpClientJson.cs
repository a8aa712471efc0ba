using System.Text.Json.Nodes;

namespace Atlas.Tests;

public static class HttpClientJson
{
    /// <summary>GETs a JSON object, failing the test with the status and body when the answer is not a success.</summary>
    public static async Task<JsonObject> GetJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
