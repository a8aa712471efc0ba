using Atlas.Data;
using Atlas.Model;
using Atlas.Catalogue;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The feature services without the HTTP response cache: what a request costs the first time it is asked
/// (the server keeps each answer afterwards, until the data version changes).
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private AtlasServices _atlas = null!;
    private string _dir = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        _atlas = AtlasSetup.Prepare(Paths.DataDir, Path.Combine(_dir, "atlas.db"));
        _atlas.Entities.Resolve("ghent"); // load the snapshot once, as the first request of a server does
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark] public object? PlaceWithFacts() => _atlas.Entities.Get("ghent");
    [Benchmark] public object SearchTextile() => _atlas.Search.Search("textile", Lang.En);
    [Benchmark] public object SearchTwoWordsNoAccent() => _atlas.Search.Search("reseaux intelligents", Lang.Fr);
    [Benchmark] public object SearchCityAlias() => _atlas.Search.Search("Gand", Lang.Nl);
    [Benchmark] public object CompareTwoCities() => _atlas.Compare.Compare(["antwerp", "bruges"], Lang.En).Result!;
    [Benchmark] public object FactsOfACity() => _atlas.Entities.Facts(new FactFilter(Subject: "liege"), new PageRequest());
    [Benchmark] public object ListMunicipalities() => _atlas.Entities.List(EntityType.Place, new PageRequest(1, 1000), kind: "municipality");
}

/// <summary>Loading: reading and validating every data file, and seeding a database from them.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _dir = null!;
    private AtlasData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        _data = Validator.Run(Paths.DataDir).Data;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark] public object Validate() => Validator.Run(Paths.DataDir);

    [Benchmark]
    public bool Seed() => Atlas.Store.SqliteCuratedStore.Open(Path.Combine(_dir, "seed.db")).Seed(_data, force: true);
}

public static class Paths
{
    /// <summary>The repository the benchmarks run from (found by its Atlas.sln above the working folder).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The repository's data folder, so that the benchmarks measure the data as it is, not a build's copy.</summary>
    public static string DataDir => Path.Combine(RepoRoot, "data");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmarks from the repository: no Atlas.sln above " + Environment.CurrentDirectory);
    }
}
