using System.Globalization;
using Atlas.Analytics.Composite;
using Sylvan.Data.Csv;

namespace Atlas.Tests.Composite;

/// <summary>The COINr reference files in tests/fixtures/oracles/composite, and the ASEM index built from COINr's own input.</summary>
public static class Oracle
{
    public static string Dir => Path.Combine(TestPaths.FixturesDir, "oracles", "composite");
    public static string InputDir => Path.Combine(Dir, "asem_v1_input");
    public static string PipelineDir => Path.Combine(Dir, "asem_coinr6_pipeline");
    public static string AsemData => Path.Combine(InputDir, "ASEM_iData.csv");
    public static string AsemMeta => Path.Combine(InputDir, "ASEM_iMeta.csv");

    /// <summary>COINr's choices for the stored pipeline (see the oracle README): group-mean imputation by EurAsia group, the rest default.</summary>
    public static readonly PipelineOptions AsemOptions = new() { Imputation = new GroupMeanImputation("EurAsia_group") };

    private static readonly Lazy<CompositeResult> Built = new(() => CompositePipeline.Run(CoinrFiles.Read(AsemData, AsemMeta), AsemOptions));

    /// <summary>The ASEM index built by the Atlas from asem_v1_input with COINr's choices (once per test run).</summary>
    public static CompositeResult Asem => Built.Value;

    /// <summary>A COINr output table: a row per unit (by its first column), the cells as text.</summary>
    public static (string[] Header, Dictionary<string, Dictionary<string, string>> Rows) Table(string file)
    {
        using var csv = CsvDataReader.Create(Path.Combine(PipelineDir, file));
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new Dictionary<string, Dictionary<string, string>>();
        var key = file == "TreatSummary.csv" ? 1 : 0;
        while (csv.Read())
        {
            var row = header.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v);
            rows[csv.GetString(key)] = row;
        }
        return (header, rows);
    }

    public static double Number(string text) =>
        text is "NaN" or "NA" or "" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
}
