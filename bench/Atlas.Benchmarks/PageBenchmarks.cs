using Atlas.Web;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Atlas.Benchmarks;

/// <summary>
/// One page rendered through the whole in-process pipeline (routing, queries, Razor rendering), every request with a
/// new address so that the output cache never answers: the render cost without any load generator in the way.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private string _dir = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private int _n;

    [Params("/en/", "/en/places/ghent", "/en/search?q=textile", "/en/sources/article-7-cities")]
    public string Path { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        var queries = AtlasSetup.Prepare(Paths.DataDir, System.IO.Path.Combine(_dir, "atlas.db"));
        _app = AtlasWebApp.Create(queries, new WebOptions { InProcess = true });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = _app.GetTestClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public async Task<int> Render()
    {
        var separator = Path.Contains('?') ? '&' : '?';
        using var response = await _client.GetAsync($"{Path}{separator}_={++_n}");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
