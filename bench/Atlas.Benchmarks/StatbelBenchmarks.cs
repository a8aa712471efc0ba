using Atlas.Analytics.Complexity;
using Atlas.Complexity;
using Atlas.Data;
using Atlas.Sources;
using Atlas.Statbel;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Atlas.Benchmarks;

/// <summary>
/// The Statbel source: what seeding adds (read and check the shipped files, write the tables) and what a later
/// start pays to get the model back from the database.
/// </summary>
[MemoryDiagnoser, MinColumn]
public class StatbelBenchmarks
{
    private string _dir = null!;
    private MunicipalityMap _map = null!;
    private StatbelData _data = null!;
    private SqliteConnection _db = null!;
    private VatEnterprises _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("atlas-bench-").FullName;
        _map = MunicipalityMap.Of(ReferenceGeo.Load(Paths.DataDir, p => p, []).Places);
        _data = StatbelLoader.Load(Paths.DataDir, _map, p => p, []);
        var store = Atlas.Store.SqliteCuratedStore.Open(Path.Combine(_dir, "atlas.db"));
        store.Seed(Validator.Run(Paths.DataDir).Data);
        _db = store.Connect();
        _model = VatEnterprises.From(_data);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Read, check and map the shipped files (304,245 rows, three population files, labels).</summary>
    [Benchmark] public object LoadFiles() => StatbelLoader.Load(Paths.DataDir, _map, p => p, []);

    /// <summary>Write the three tables in one transaction, as the seed does.</summary>
    [Benchmark]
    public void WriteTables()
    {
        using var tx = _db.BeginTransaction();
        using (var cmd = _db.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = StatbelSchema.Clear;
            cmd.ExecuteNonQuery();
        }
        StatbelStore.Write(_db, tx, _data);
        tx.Commit();
    }

    /// <summary>A later start: the model back from the database.</summary>
    [Benchmark] public object ReadModel() => StatbelStore.Read(_db)!;

    /// <summary>The model from rows already in memory (aggregation to classes and areas).</summary>
    [Benchmark] public object BuildModel() => VatEnterprises.From(_data);

    /// <summary>
    /// The national complexity panel from Statbel's counts, as the atlas computes it once per data version: the
    /// 565 municipalities × NACE 2008 classes matrix, then every measure (RCA, ECI/PCI, proximity, density, COG).
    /// </summary>
    [Benchmark] public ComplexityResult ComplexityPanel() => EconomicComplexity.Compute(ComplexityQueries.Matrix(CountSource.Of(_model)));
}
