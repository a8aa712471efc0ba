using System.Net;
using Atlas.Tests.Register;
using Atlas.Web;

namespace Atlas.Tests.Operations;

/// <summary>With a register loaded, readiness names its extract and the metrics describe its last import.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class RegisterOperationsTests(RegisterAtlasFixture atlas)
{
    [Fact]
    public async Task Readiness_names_the_registers_extract()
    {
        var ready = await atlas.Client.GetJson("/readyz");
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
        Assert.Equal(147, ready["store"]!["registerExtract"]!.GetValue<int>());
    }

    [Fact]
    public async Task Metrics_give_the_extract_and_when_and_how_long_its_import_took()
    {
        await using var app = await TestApp.Start(atlas.Services, new WebOptions { Metrics = true });
        var text = await app.Client.GetStringAsync("/metrics");
        Assert.Contains("atlas_register_extract{otel_scope_name=\"Atlas\"} 147", text);
        Assert.Matches(@"atlas_register_last_import_duration_seconds\{otel_scope_name=""Atlas""\} [0-9.]+", text);
        var imported = DateTimeOffset.Parse(atlas.Services.RegisterStore.Info!.ImportedAt!).ToUnixTimeSeconds();
        Assert.Contains($"atlas_register_last_import_time_seconds{{otel_scope_name=\"Atlas\"}} {imported}", text);
        Assert.Contains("register=\"147\"", text);
        // and every answer is dated by the later of the curated data's seeding and the register's import
        var response = await atlas.Client.GetAsync("/api/register");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(imported, response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }
}
