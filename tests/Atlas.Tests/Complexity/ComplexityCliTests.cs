using System.Globalization;

namespace Atlas.Tests.Complexity;

/// <summary>`atlas complexity` as a user runs it on their own long-format CSV. Shares the console with <see cref="CliTests"/>.</summary>
[Collection(CliTests.Name)]
public class ComplexityCliTests
{
    private static string TradeSample => Path.Combine(TestPaths.FixturesDir, "oracles", "complexity", "trade_data_sample.csv");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    /// <summary>The rows of a CSV without quoted fields, keyed by the given columns joined with '|'.</summary>
    private static (string[] Header, Dictionary<string, Dictionary<string, string>> Rows) Parse(string csv, params string[] key)
    {
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = new Dictionary<string, Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var row = header.Zip(line.Split(',')).ToDictionary(x => x.First, x => x.Second);
            rows.Add(string.Join('|', key.Select(k => row[k])), row);
        }
        return (header, rows);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void Close(double expected, string actual) =>
        Assert.True(Math.Abs(Number(actual) - expected) <= 1e-6 * Math.Abs(expected), $"{actual} vs {expected}");

    [Fact]
    public async Task The_trade_sample_gives_the_reference_values_per_year()
    {
        using var dir = TestPaths.Temp();
        var output = dir.File("out.csv");
        var (code, stdout, stderr) = await Run("complexity", TradeSample, "--region", "origin", "--activity", "hs92", "--value", "export_val", "--time", "year", "--out", output);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("Wrote 600 rows over 2 periods", stderr);

        var (header, rows) = Parse(File.ReadAllText(output), "year", "origin", "hs92");
        Assert.Equal(["year", "origin", "hs92", "export_val", "rca", "M", "density", "cog", "eci", "pci", "diversity", "ubiquity", "coi"], header);
        Assert.Equal(600, rows.Count);
        var oracle = Path.Combine(TestPaths.FixturesDir, "oracles", "complexity");
        foreach (var line in File.ReadAllLines(Path.Combine(oracle, "stata_oracle_country.csv")).Skip(1).Select(l => l.Split(',')))
        {
            var row = rows[$"{line[0]}|{line[1]}|1704"];
            Assert.Equal(line[2], row["diversity"]);
            Close(Number(line[3]), row["eci"]);
            Close(Number(line[4]), row["coi"]);
        }
        foreach (var line in File.ReadAllLines(Path.Combine(oracle, "stata_oracle_cells_sample.csv")).Skip(1).Select(l => l.Split(',')))
        {
            var row = rows[$"{line[0]}|{line[1]}|{line[2]}"];
            Close(Number(line[3]), row["rca"]); // the file's values in double precision: within 1e-7 of the reference's
            Assert.Equal(line[4], row["M"]);
            Close(Number(line[5]), row["density"]);
            Close(Number(line[6]), row["cog"]);
        }
    }

    [Fact]
    public async Task Without_out_the_csv_goes_to_standard_output_and_options_change_the_result()
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("one-year.csv");
        File.WriteAllLines(file, File.ReadAllLines(TradeSample).Where(l => !l.StartsWith("1996")));
        var (code, stata, _) = await Run("complexity", file, "--region", "origin", "--activity", "hs92", "--value", "export_val");
        Assert.Equal(0, code);
        var (header, rows) = Parse(stata, "origin", "hs92");
        Assert.Equal("origin", header[0]);
        Assert.Equal(300, rows.Count);

        (code, var py, _) = await Run("complexity", file, "--region", "origin", "--activity", "hs92", "--value", "export_val", "--scaling", "py-ecomplexity");
        Assert.Equal(0, code);
        var pyRows = Parse(py, "origin", "hs92").Rows;
        // Population sd over 10 countries instead of sample sd over 300 rows: a factor √(300/299).
        Close(Number(rows["aut|1704"]["eci"]) * Math.Sqrt(300.0 / 299), pyRows["aut|1704"]["eci"]);

        (code, var continuous, _) = await Run("complexity", file, "--region", "origin", "--activity", "hs92", "--value", "export_val", "--proximity", "continuous", "--threshold", "1.5");
        Assert.Equal(0, code);
        var continuousRows = Parse(continuous, "origin", "hs92").Rows;
        Assert.NotEqual(rows["aut|1704"]["density"], continuousRows["aut|1704"]["density"]);
        Assert.True(continuousRows.Values.Count(r => r["M"] == "1") < rows.Values.Count(r => r["M"] == "1"));
    }

    [Fact]
    public async Task Left_out_regions_and_activities_are_reported()
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("zeros.csv");
        File.WriteAllText(file, "region,activity,jobs\nA,p1,5\nA,p2,3\nA,p3,2\nB,p1,6\nB,p2,4\nC,p1,5\nC,p3,1\nC,p4,4\nD,p2,1\nD,p3,1\nD,p4,8\nE,p1,0\nA,p5,0\n");
        var (code, stdout, stderr) = await Run("complexity", file, "--region", "region", "--activity", "activity", "--value", "jobs");
        Assert.Equal(0, code);
        Assert.Contains("left out region 'E': every value is zero", stderr);
        Assert.Contains("left out activity 'p5': every value is zero", stderr);
        Assert.Equal(16, Parse(stdout, "region", "activity").Rows.Count);
    }

    [Theory]
    [InlineData("region,activity,value\nA,p,1\nB,p,x\n", "bad.csv:3: the value 'x' is not a number")]
    [InlineData("region,activity,value\nA,p,\"1,5\"\n", "bad.csv:2: the value '1,5' is not a number (write decimals with a point: 1.5, not 1,5)")]
    [InlineData("region,activity,value\nA,p,1\nB,q,-2\n", "bad.csv:3: the value -2 is negative: values must be zero or more")]
    [InlineData("region,activity,value\nA,p,1\nB,q,2\nA,p,3\n", "bad.csv:4: duplicate row for region 'A', activity 'p' (first at line 2)")]
    [InlineData("region,activity,value\nA,p,1\nB,q,\n", "bad.csv:3: the value '' is not a number (write 0 for none)")]
    [InlineData("region,activity,value\n,p,1\n", "bad.csv:2: the region is empty")]
    [InlineData("region,activity,value\nA,p\n", "bad.csv:2: the row has 2 field(s) but the columns used need 3")]
    [InlineData("region,activity,value\n\"A\nB\",p,1\nB,p,x\n", "bad.csv:4: the value 'x' is not a number")] // a quoted line break
    [InlineData("", "bad.csv: the file is empty")]
    [InlineData("region,activity,value\n", "bad.csv: the file has a header but no data rows")]
    [InlineData("region,activity,worth\nA,p,1\n", "bad.csv:1: no column 'value' for the value (the columns are: region, activity, worth)")]
    public async Task Bad_input_is_a_clear_error_naming_the_file_and_line(string content, string expected)
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("bad.csv");
        File.WriteAllText(file, content);
        var output = dir.File("out.csv");
        var (code, _, stderr) = await Run("complexity", file, "--region", "region", "--activity", "activity", "--value", "value", "--out", output);
        Assert.Equal(1, code);
        Assert.False(File.Exists(output), "nothing is written on bad input");
        Assert.Contains(Path.Combine(dir.Path, expected), stderr);
        Assert.Contains("nothing was written", stderr);
    }

    [Fact]
    public async Task Duplicates_within_a_period_are_errors_but_the_same_cell_in_two_periods_is_not()
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("periods.csv");
        File.WriteAllText(file, "year,region,activity,value\n2020,A,p,1\n2021,A,p,1\n2021,A,p,2\n");
        var (code, _, stderr) = await Run("complexity", file, "--region", "region", "--activity", "activity", "--value", "value", "--time", "year");
        Assert.Equal(1, code);
        Assert.Contains("periods.csv:4: duplicate row for region 'A', activity 'p', year '2021' (first at line 3)", stderr);
    }

    [Fact]
    public async Task A_period_that_cannot_give_a_complexity_is_named()
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("small.csv");
        File.WriteAllText(file, "year,region,activity,value\n2020,A,p,1\n2020,B,q,1\n2020,A,q,1\n2021,A,p,1\n");
        var (code, _, stderr) = await Run("complexity", file, "--region", "region", "--activity", "activity", "--value", "value", "--time", "year");
        Assert.Equal(1, code);
        Assert.Contains("small.csv: year 2021: ", stderr);
        Assert.Contains("at least two", stderr);
    }

    [Fact]
    public async Task A_missing_file_bad_options_and_one_column_for_two_roles_exit_1()
    {
        var (code, _, stderr) = await Run("complexity", "no-such.csv", "--region", "r", "--activity", "a", "--value", "v");
        Assert.Equal(1, code);
        Assert.Contains("no-such.csv: no such file", stderr);

        (code, _, _) = await Run("complexity", TradeSample, "--region", "origin", "--activity", "hs92", "--value", "export_val", "--proximity", "cosine");
        Assert.Equal(1, code);
        (code, _, stderr) = await Run("complexity", TradeSample, "--region", "origin", "--activity", "hs92", "--value", "export_val", "--time", "year", "--threshold", "-1");
        Assert.Equal(1, code);
        Assert.Contains("--threshold -1", stderr);

        (code, _, stderr) = await Run("complexity", TradeSample, "--region", "origin", "--activity", "origin", "--value", "export_val");
        Assert.Equal(1, code);
        Assert.Contains("trade_data_sample.csv:1: the column 'origin' is given for both the region and the activity", stderr);
    }
}
