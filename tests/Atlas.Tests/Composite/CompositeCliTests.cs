
namespace Atlas.Tests.Composite;

/// <summary><c>atlas composite</c> as a user runs it, on COINr's ASEM files and on broken copies of them.</summary>
[Collection(CliTests.Name)]
public class CompositeCliTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static Task<(int Code, string Out, string Err)> Asem(string data, string meta, string outDir, params string[] more) =>
        Run(["composite", data, meta, "--out", outDir, "--impute", "group-mean:EurAsia_group", .. more]);

    /// <summary>Copies of the ASEM files with one line changed (1 = the header).</summary>
    private static (string Data, string Meta) Broken(TestPaths.TempDir dir, Func<string[], string[]>? data = null, Func<string[], string[]>? meta = null)
    {
        var d = dir.File("ASEM_iData.csv");
        var m = dir.File("ASEM_iMeta.csv");
        File.WriteAllLines(d, (data ?? (l => l))(File.ReadAllLines(Oracle.AsemData)));
        File.WriteAllLines(m, (meta ?? (l => l))(File.ReadAllLines(Oracle.AsemMeta)));
        return (d, m);
    }

    private static string[] Replace(string[] lines, int line, string from, string to)
    {
        Assert.Contains(from, lines[line - 1]);
        lines[line - 1] = lines[line - 1].Replace(from, to);
        return lines;
    }

    [Fact]
    public async Task Builds_ASEM_from_COINr_files_and_writes_every_stage_and_COINr_ranks()
    {
        using var dir = TestPaths.Temp();
        var (code, stdout, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("Sustainable Connectivity: 51 of 51 units, 49 indicators, 4 levels", stdout);
        foreach (var f in new[] { "1_Raw", "2_Denominated", "3_Screened", "4_Imputed", "5_Treated", "6_Normalised", "7_Aggregated", "Structure", "Screening", "TreatSummary", "TreatFlags", "Results_Scores", "Results_Ranks" })
            Assert.True(File.Exists(dir.File(f + ".csv")), f);
        Assert.False(File.Exists(dir.File("Uncertainty_Ranks.csv")));

        // the ranks file holds COINr's ranks at every level
        var (header, oracle) = Oracle.Table("Results_Ranks.csv");
        var ours = File.ReadAllLines(dir.File("Results_Ranks.csv")).Select(l => l.Split(',')).ToList();
        var columns = ours[0];
        Assert.Equal(["uCode", "uName", "Rank", "Index", "Conn", "Sust"], columns.Take(6));
        foreach (var row in ours.Skip(1))
            foreach (var c in header.Skip(2))
                Assert.Equal(oracle[row[0]][c], row[Array.IndexOf(columns, c)]);
        Assert.StartsWith("CHE,Switzerland,1,", ours[1][0] + "," + ours[1][1] + "," + ours[1][2] + ",");
        Assert.Contains("Services,0,4,Winsorised 4 points", File.ReadAllText(dir.File("TreatSummary.csv")));
    }

    [Fact]
    public async Task Uncertainty_with_a_seed_writes_rank_intervals_and_sensitivity_reproducibly()
    {
        using var a = TestPaths.Temp();
        using var b = TestPaths.Temp();
        var (code, stdout, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, a.Path, "--uncertainty", "300", "--seed", "9", "--bootstrap", "200");
        Assert.True(code == 0, stderr);
        Assert.Contains("Monte Carlo: 300 replications (seed 9)", stdout);
        Assert.Contains("aggregation", stdout);
        (code, _, _) = await Asem(Oracle.AsemData, Oracle.AsemMeta, b.Path, "--uncertainty", "300", "--seed", "9", "--bootstrap", "200");
        Assert.Equal(0, code);
        foreach (var f in new[] { "Uncertainty_Ranks.csv", "Sensitivity.csv" })
            Assert.Equal(File.ReadAllText(a.File(f)), File.ReadAllText(b.File(f)));
        var lines = File.ReadAllLines(a.File("Uncertainty_Ranks.csv"));
        Assert.Equal("uCode,uName,NominalRank,MedianRank,Rank5,Rank95,MeanRank", lines[0]);
        Assert.Equal(52, lines.Length);
        Assert.Equal(["Factor", "weights", "normalisation", "aggregation", "winsorisation limit"], File.ReadAllLines(a.File("Sensitivity.csv")).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task A_unit_code_twice_is_reported_with_both_lines()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, data: l => [.. l, l[2]]); // BEL again, as line 53
        var (code, stdout, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{data}:53: the unit code 'BEL' appears twice (first at line 3)", stderr);
        Assert.Contains("nothing was written", stderr);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task A_parent_that_does_not_exist_is_reported_at_its_line()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, meta: l => Replace(l, 2, ",Physical,Indicator", ",Physicall,Indicator"));
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{meta}:2: the parent 'Physicall' of 'LPI' does not exist", stderr);
    }

    [Fact]
    public async Task A_cycle_in_the_tree_is_reported()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, meta: l => Replace(l, 61, "Index,Sustainable Connectivity,1.0,1.0,Score,NaN,NA,NA,", "Index,Sustainable Connectivity,1.0,1.0,Score,NaN,NA,Conn,"));
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains("the tree has a cycle: ", stderr);
        Assert.Matches(@"(Index → Conn → Index|Conn → Index → Conn)", stderr);
    }

    [Fact]
    public async Task A_weight_that_is_not_a_number_is_reported_at_its_line()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, meta: l => Replace(l, 2, "Logistics Performance Index,1.0,1.0,", "Logistics Performance Index,1.0,heavy,"));
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{meta}:2: the weight of 'LPI' is 'heavy', not a number", stderr);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_with_its_line()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, meta: l => Replace(Replace(l, 3, "International flights passenger capacity,1.0,", "International flights passenger capacity,2.0,"), 4, ",Physical,Indicator", ",Physical,Indicatr"));
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{meta}:3: the direction of 'Flights' is '2.0': use 1 (more is better) or -1 (less is better)", stderr);
        Assert.Contains($"{meta}:4: the type of 'Ship' is 'Indicatr'", stderr);
        Assert.Contains("2 problem(s)", stderr);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_and_an_unknown_column_are_reported()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, data: l => Replace(l, 4, ",2.807685,", ",2.8O7685,"));
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{data}:4: '2.8O7685' in column LPI (unit BGR) is not a number", stderr);

        (data, meta) = Broken(dir, data: l => l.Select((s, i) => s + (i == 0 ? ",Extra" : ",x")).ToArray());
        (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{data}:1: the column 'Extra' is not described in ASEM_iMeta.csv", stderr);
    }

    [Fact]
    public async Task Missing_metadata_columns_and_indicator_columns_are_reported()
    {
        using var dir = TestPaths.Temp();
        var (data, meta) = Broken(dir, meta: l => l.Select(s => s[..s.LastIndexOf(',')]).ToArray()); // drop Type
        var (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{meta}:1: missing column(s) Type", stderr);

        (data, meta) = Broken(dir, data: l => l.Select(s => string.Join(',', s.Split(',').Where((_, i) => i != 11))).ToArray()); // drop LPI
        (code, _, stderr) = await Asem(data, meta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains($"{meta}:2: the indicator 'LPI' has no column in ASEM_iData.csv", stderr);
    }

    [Fact]
    public async Task A_panel_needs_a_time_and_builds_with_one()
    {
        using var dir = TestPaths.Temp();
        var panel = Path.Combine(Oracle.InputDir, "ASEM_iData_p.csv");
        var (code, _, stderr) = await Asem(panel, Oracle.AsemMeta, dir.File("out"));
        Assert.Equal(1, code);
        Assert.Contains("the data holds several times", stderr);
        (code, var stdout, stderr) = await Asem(panel, Oracle.AsemMeta, dir.File("out"), "--time", "2018");
        Assert.True(code == 0, stderr);
        Assert.Contains("51 of 51 units", stdout);
    }

    [Fact]
    public async Task The_skew_corrected_log_is_chosen_with_an_option()
    {
        using var ct = TestPaths.Temp();
        using var skew = TestPaths.Temp();
        // no winsorising: every indicator that fails the skewness and kurtosis test is log-transformed
        var (code, _, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, ct.Path, "--winsor-limit", "0");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, skew.Path, "--winsor-limit", "0", "--log", "ct-skew");
        Assert.True(code == 0, stderr);
        // FemLab (skewness −2.01) is the one indicator with a long low tail: log_CT lengthens it (−4.88, still failing),
        // log_CT_skew shortens it (1.82, passes); every other line is the same
        var plain = File.ReadAllLines(ct.File("TreatSummary.csv"));
        var corrected = File.ReadAllLines(skew.File("TreatSummary.csv"));
        Assert.Equal(plain.Where(l => !l.StartsWith("FemLab,")), corrected.Where(l => !l.StartsWith("FemLab,")));
        var before = plain.Single(l => l.StartsWith("FemLab,")).Split(',');
        Assert.Equal(("Log (CT)", "-4.88", "FALSE"), (before[3], before[6][..5], before[8]));
        var after = corrected.Single(l => l.StartsWith("FemLab,"));
        Assert.Contains("\"Log (CT, skew)\",-2.0089", after);
        Assert.Contains(",1.8155", after);
        Assert.Contains(",TRUE,", after);
    }

    [Fact]
    public async Task A_method_that_cannot_apply_and_a_bad_option_get_clear_messages()
    {
        using var dir = TestPaths.Temp();
        var (code, _, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.File("out"), "--aggregate", "gmean");
        Assert.Equal(1, code);
        Assert.Contains("gmean cannot aggregate", stderr);
        Assert.Contains("a geometric mean needs positive values", stderr);
        Assert.Contains("minmax:1:100", stderr);

        (code, var stdout, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.File("out"), "--aggregate", "gmean", "--normalise", "minmax:1:100");
        Assert.True(code == 0, stderr);

        (code, _, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.File("out"), "--normalise", "softmax");
        Assert.Equal(1, code);
        Assert.Contains("'softmax' is not a normalisation", stderr);

        (code, _, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.File("out"), "--log", "ln");
        Assert.Equal(1, code);
        Assert.Contains("'ln' is not a log transform: use --log ct or --log ct-skew", stderr);

        (code, _, stderr) = await Run("composite", Oracle.AsemData, Oracle.AsemMeta, "--out", dir.File("out"), "--impute", "group-mean:Continent");
        Assert.Equal(1, code);
        Assert.Contains("there is no group column 'Continent'", stderr);
    }

    [Fact]
    public async Task Screening_drops_units_with_too_little_data()
    {
        using var dir = TestPaths.Temp();
        var (code, stdout, stderr) = await Asem(Oracle.AsemData, Oracle.AsemMeta, dir.Path, "--screen", "0.9");
        Assert.True(code == 0, stderr);
        Assert.Contains("46 of 51 units", stdout); // Bangladesh, Brunei, Cambodia, Laos and Myanmar miss more than 10 % of the indicators
        var screening = File.ReadAllText(dir.File("Screening.csv"));
        Assert.Contains("BRN,Brunei Darussalam,S,L,S,Asia,10,0.7959183673469388,FALSE", screening);
        Assert.DoesNotContain("BRN,", File.ReadAllText(dir.File("7_Aggregated.csv")));
    }
}
