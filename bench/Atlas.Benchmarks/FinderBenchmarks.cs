using System.Diagnostics;
using Atlas.Finder;
using Atlas.KboGenerator;
using Atlas.Register;
using Atlas.Register.Import;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The finder on a generated register (scale from ATLAS_BENCH_KBO_SCALE, default 0.05; the same dump and directory as
/// <see cref="RegisterComplexityBenchmarks"/>): a locations question (every municipality ranked) and a partners
/// question within 25 km, warm — the counts, the complexity panel, the Atlas index and the partners' in-memory index
/// built once per register version, as the atlas keeps them. The setup prints what the first (cold) questions cost.
/// </summary>
[MemoryDiagnoser]
public class FinderBenchmarks
{
    private AtlasServices _atlas = null!;
    private static readonly FinderStart Instruments = new(StartKind.Nace, "26.51");
    private static readonly FinderStart Retail = new(StartKind.Nace, "47.11");
    private static readonly FinderStart Textile = new(StartKind.Sector, "textile");
    private static readonly FinderStart Manufacturing = new(StartKind.Nace, "C");

    [GlobalSetup]
    public void Setup()
    {
        var scale = double.TryParse(Environment.GetEnvironmentVariable("ATLAS_BENCH_KBO_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0.05;
        var dir = Path.Combine(Path.GetTempPath(), $"atlas-bench-register-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var db = Path.Combine(dir, "atlas.db");
        if (!File.Exists(Path.Combine(dir, "ready")))
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
            var dump = Path.Combine(dir, "full");
            var codes = Path.Combine(Paths.RepoRoot, "tests", "fixtures", "kbo", "KboOpenData_0147_2025_10_12_Update", "code.csv");
            KboDumpGenerator.Write(new GeneratorSpec { OutDir = dump, Scale = scale, Seed = 2025, ExtractNumber = 146, CodesPath = codes, DataDir = Paths.DataDir });
            _atlas = AtlasSetup.Prepare(Paths.DataDir, db);
            RegisterImporter.Import(dump, RegisterStore.PathFor(db), Paths.DataDir);
            Directory.Delete(dump, recursive: true);
            File.WriteAllText(Path.Combine(dir, "ready"), "");
        }
        else _atlas = AtlasSetup.Prepare(Paths.DataDir, db);

        var watch = Stopwatch.StartNew();
        var first = Locations(Instruments);
        Console.WriteLine($"// register scale {scale}: first locations question (counts, complexity panel, Atlas index with its Monte Carlo) {watch.ElapsedMilliseconds} ms; " +
                          $"{first.Rows.Count} municipalities, {first.NationalCount} units of 26.51");
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        watch.Restart();
        var partners = Partners(Instruments);
        var built = watch.ElapsedMilliseconds;
        GC.Collect();
        Console.WriteLine($"// first partners question (reads the register into the in-memory index) {built} ms, index and caches hold {(GC.GetTotalMemory(true) - before) / 1e6:0} MB; " +
                          $"26.51 near Liège within 25 km: {partners.Total} companies");
        Console.WriteLine($"// 47.11 near Brussels within 25 km: {Partners(Retail, "brussels").Total} companies");
    }

    [GlobalCleanup]
    public void Cleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private LocationRanking Locations(FinderStart start) => _atlas.Finder.Locations(start, Weights.Default);

    private PartnerSearch Partners(FinderStart start, string near = "liege") => _atlas.Finder.Partners(start, near, 25, top: 50);

    /// <summary>Every municipality ranked for one NACE class (26.51, measuring instruments).</summary>
    [Benchmark] public LocationRanking LocationsOfOneClass() => Locations(Instruments);

    /// <summary>For a sector of 18 classes (textile: divisions 13 and 14).</summary>
    [Benchmark] public LocationRanking LocationsOfASector() => Locations(Textile);

    /// <summary>For a whole section (C, manufacturing: 230-odd classes), the widest question.</summary>
    [Benchmark] public LocationRanking LocationsOfASection() => Locations(Manufacturing);

    /// <summary>Companies in 26.51 or its related classes within 25 km of Liège, the first 50 with their names.</summary>
    [Benchmark] public PartnerSearch PartnersWithin25Km() => Partners(Instruments);

    /// <summary>The same for the largest retail class (47.11) around Brussels: the most candidates to place.</summary>
    [Benchmark] public PartnerSearch PartnersOfACommonClassWithin25Km() => Partners(Retail, "brussels");
}
