using System.Diagnostics;
using System.Globalization;
using Atlas.KboGenerator;

// kbo-generator --out DIR [--scale 1] [--seed 1] [--extract 140] [--codes code.csv] [--data data/] [--include UPDATE_DIR]
var options = new Dictionary<string, string>();
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--") || i + 1 >= args.Length)
    {
        Console.Error.WriteLine("usage: kbo-generator --out DIR [--scale 1] [--seed 1] [--extract 140] [--codes CODE.csv] [--data DATA_DIR] [--include UPDATE_EXTRACT_DIR]");
        return 1;
    }
    options[args[i][2..]] = args[++i];
}
if (!options.TryGetValue("out", out var outDir)) { Console.Error.WriteLine("--out DIR is required"); return 1; }
var root = FindRoot();
var spec = new GeneratorSpec
{
    OutDir = outDir,
    Scale = double.Parse(options.GetValueOrDefault("scale", "1"), CultureInfo.InvariantCulture),
    Seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture),
    ExtractNumber = int.Parse(options.GetValueOrDefault("extract", "140"), CultureInfo.InvariantCulture),
    CodesPath = options.GetValueOrDefault("codes") ?? Path.Combine(root, "tests", "fixtures", "kbo", "KboOpenData_0147_2025_10_12_Update", "code.csv"),
    DataDir = options.GetValueOrDefault("data") ?? Path.Combine(root, "data"),
    IncludeFrom = options.GetValueOrDefault("include"),
};
var watch = Stopwatch.StartNew();
var result = KboDumpGenerator.Write(spec, Console.Error);
Console.WriteLine($"Wrote a full dump (extract {spec.ExtractNumber}, scale {spec.Scale}, seed {spec.Seed}) to {Path.GetFullPath(outDir)} in {watch.Elapsed.TotalSeconds:0.0} s:");
foreach (var (file, rows) in result.Rows) Console.WriteLine($"  {file,-18} {rows,14:N0} rows");
Console.WriteLine($"  {"total",-18} {result.Rows.Values.Sum(),14:N0} rows, {result.Bytes / 1e9:0.00} GB");
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
