using Atlas.Data;
using Atlas.Model;
using Atlas.Query;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The query layer without the HTTP response cache: what a request costs the first time it is asked
/// (the server keeps each answer afterwards, since the data cannot change while it runs).
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private AtlasQueries _queries = null!;
    private string _dir = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        _queries = AtlasSetup.Prepare(Paths.DataDir, Path.Combine(_dir, "atlas.db"));
        _queries.Resolve("ghent"); // load the alias index once, as the first request of a server does
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark] public object? PlaceWithFacts() => _queries.GetEntity("ghent", Lang.En);
    [Benchmark] public object SearchTextile() => _queries.Search("textile", Lang.En);
    [Benchmark] public object SearchTwoWordsNoAccent() => _queries.Search("reseaux intelligents", Lang.Fr);
    [Benchmark] public object SearchCityAlias() => _queries.Search("Gand", Lang.Nl);
    [Benchmark] public object CompareTwoCities() => _queries.Compare(["antwerp", "bruges"], Lang.En).Result!;
    [Benchmark] public object FactsOfACity() => _queries.Facts(new FactFilter(Subject: "liege"), Lang.En, new PageRequest());
    [Benchmark] public object ListMunicipalities() => _queries.ListEntities(EntityType.Place, Lang.Fr, new PageRequest(1, 1000), kind: "municipality");
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
    public bool Seed() => Atlas.Store.AtlasStore.Open(Path.Combine(_dir, "seed.db")).Seed(_data, force: true);
}

public static class Paths
{
    public static string DataDir { get; } = AtlasSetup.FindDataDir();
}
