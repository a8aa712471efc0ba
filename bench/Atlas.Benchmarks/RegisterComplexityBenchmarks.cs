using Atlas.Analytics.Complexity;
using Atlas.KboGenerator;
using Atlas.Complexity;
using Atlas.Register;
using Atlas.Register.Import;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// Complexity of the Belgian municipalities from a register: a generated full dump (scale from
/// ATLAS_BENCH_KBO_SCALE, default 0.05) imported as <c>atlas import kbo</c> does, then the national panel of every
/// municipality × NACE-BEL 2008 class (establishments by main activity) that the atlas computes once per register
/// version, and the growth opportunities of one city (Brussels, 21004) in it.
/// </summary>
[MemoryDiagnoser]
public class RegisterComplexityBenchmarks
{
    private string _dir = null!;
    private AtlasServices _atlas = null!;
    private ActivityMatrix _matrix = null!;
    private ComplexityResult _result = null!;
    private int _brussels;

    [GlobalSetup]
    public void Setup()
    {
        var scale = double.TryParse(Environment.GetEnvironmentVariable("ATLAS_BENCH_KBO_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0.05;
        // BenchmarkDotNet runs each benchmark in its own process: the register is generated and imported once per
        // scale, in a directory kept between them (remove it afterwards)
        _dir = Path.Combine(Path.GetTempPath(), $"atlas-bench-register-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var db = Path.Combine(_dir, "atlas.db");
        var ready = Path.Combine(_dir, "ready");
        if (!File.Exists(ready))
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
            Directory.CreateDirectory(_dir);
            var dump = Path.Combine(_dir, "full");
            var codes = Path.Combine(Paths.RepoRoot, "tests", "fixtures", "kbo", "KboOpenData_0147_2025_10_12_Update", "code.csv");
            KboDumpGenerator.Write(new GeneratorSpec { OutDir = dump, Scale = scale, Seed = 2025, ExtractNumber = 146, CodesPath = codes, DataDir = Paths.DataDir });
            _atlas = AtlasSetup.Prepare(Paths.DataDir, db);
            RegisterImporter.Import(dump, RegisterStore.PathFor(db), Paths.DataDir);
            Directory.Delete(dump, recursive: true);
            File.WriteAllText(ready, "");
        }
        else _atlas = AtlasSetup.Prepare(Paths.DataDir, db);
        _matrix = ComplexityQueries.Matrix(_atlas.Snapshots.Source(Atlas.Sources.CountSource.KboId));
        _result = EconomicComplexity.Compute(_matrix);
        _brussels = _result.RegionIndex("21004");
        Console.WriteLine($"// register scale {scale}: panel {_matrix.Regions.Count} municipalities × {_matrix.Activities.Count} NACE 2008 classes, " +
                          $"{_result.Regions.Count} × {_result.Activities.Count} kept, {_result.Eigen.Steps} Lanczos steps");
    }

    [GlobalCleanup]
    public void Cleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    /// <summary>The matrix from the register's counts (the counts table is read once per register version and kept).</summary>
    [Benchmark] public ActivityMatrix PanelMatrixFromRegisterCounts() => ComplexityQueries.Matrix(_atlas.Snapshots.Source(Atlas.Sources.CountSource.KboId));

    /// <summary>Every measure on the national panel, as the atlas computes it once per register version.</summary>
    [Benchmark] public ComplexityResult AllMeasuresFromRegister() => EconomicComplexity.Compute(_matrix);

    [Benchmark] public GrowthOpportunities OpportunitiesOfBrussels() => _result.GrowthOpportunities(_brussels, top: 20, related: 3);
}
