using System.IO.Compression;
using Atlas.Data;
using Atlas.Statbel;
using Atlas.Diagnostics;
using Atlas.Store;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Statbel;

/// <summary>Broken Statbel files: each problem named at its file and line, and the database in use left as it was.</summary>
public sealed class StatbelInputTests
{
    private static readonly Lazy<MunicipalityMap> Map = new(() =>
        MunicipalityMap.Of(ReferenceGeo.Load(TestPaths.DataDir, p => p, []).Places));

    private const string Vat = "data/" + StatbelLoader.VatFile;

    /// <summary>Copies the Statbel folder, lets <paramref name="breakIt"/> change it, and loads it.</summary>
    private static List<Problem> LoadBroken(Action<string> breakIt)
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        var folder = Path.Combine(data, StatbelLoader.Folder);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.DataDir, StatbelLoader.Folder)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        breakIt(data);
        var problems = new List<Problem>();
        StatbelLoader.Load(data, Map.Value, p => Path.GetRelativePath(dir.Path, p), problems);
        return problems;
    }

    /// <summary>Lets <paramref name="edit"/> change the lines of a gzip-compressed file (lines[0] is the header, line 1).</summary>
    private static void EditGz(string path, Action<string[]> edit)
    {
        string[] lines;
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
            lines = reader.ReadToEnd().Split('\n');
        edit(lines);
        using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        writer.Write(string.Join('\n', lines));
    }

    private static void EditGz(string path, int lineNo, Func<string, string> edit) => EditGz(path, lines => lines[lineNo - 1] = edit(lines[lineNo - 1]));

    /// <summary>Sets one field of a CSV line whose fields may be quoted (none holds a quote or a comma in these files' numbers and codes).</summary>
    private static string Field(string line, int index, string value)
    {
        var f = System.Text.RegularExpressions.Regex.Split(line, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        f[index] = value;
        return string.Join(',', f);
    }

    public static TheoryData<int, int, string, string> BrokenVatRows => new()
    {
        { 1000, 3, "12a", "'12a' is not a number of enterprises" },
        { 2000, 5, "", "'' is not a number of cessations" },
        { 3000, 0, "99999", "unknown NIS code 99999: not a municipality of the REFNIS 2019 list" },
        { 4000, 0, "4402", "'4402' is not a NIS code" },
        { 5000, 2, "99999", "unknown NACE code '99999'" },
        { 6000, 1, "Z", "unknown legal form 'Z'" },
    };

    [Theory]
    [MemberData(nameof(BrokenVatRows))]
    public void A_bad_row_of_the_VAT_table_is_reported_at_its_line(int line, int field, string value, string expected)
    {
        var problems = LoadBroken(data => EditGz(Path.Combine(data, StatbelLoader.VatFile), line, l => Field(l, field, value)));
        var problem = Assert.Single(problems);
        Assert.Equal((Vat, line), (problem.File, problem.Line));
        Assert.Contains(expected, problem.Message);
        Assert.StartsWith($"{Vat}:{line}: ", problem.ToString());
    }

    [Fact]
    public void A_wrong_header_is_reported_at_line_1_and_no_row_is_read()
    {
        var problems = LoadBroken(data => EditGz(Path.Combine(data, StatbelLoader.VatFile), 1, l => l.Replace("enterprises", "units")));
        var problem = Assert.Single(problems);
        Assert.Equal($"{Vat}:1: the header is 'refnis,legal_form,nace,units,registrations,cessations', expected '{StatbelLoader.VatHeader}': is this the right file?", problem.ToString());
    }

    [Fact]
    public void A_file_full_of_bad_rows_reports_the_first_twenty_and_how_many_more()
    {
        var problems = LoadBroken(data =>
        {
            EditGz(Path.Combine(data, StatbelLoader.VatFile), lines =>
            {
                for (var i = 1; i <= 100; i++) lines[i] = Field(lines[i], 4, "x");
            });
        });
        Assert.Equal(21, problems.Count);
        Assert.Equal("80 more problems like the ones above", problems[^1].Message);
    }

    [Fact]
    public void A_repeated_row_is_refused_it_would_count_twice()
    {
        var problems = LoadBroken(data =>
        {
            EditGz(Path.Combine(data, StatbelLoader.VatFile), lines => lines[2] = lines[1]);
        });
        Assert.Equal("this row repeats line 2", Assert.Single(problems).Message);
    }

    [Theory]
    [InlineData(2018, 10, 9, "\"14.304\"", "'14.304' is not a number of inhabitants")]
    [InlineData(2019, 20, 0, "99998", "unknown NIS code 99998")]
    [InlineData(2020, 1, 9, "\"population\"", "the header is")]
    public void A_bad_population_row_is_reported_at_its_line(int year, int line, int field, string value, string expected)
    {
        var file = StatbelLoader.PopulationFile(year);
        var problems = LoadBroken(data =>
        {
            var path = Path.Combine(data, file);
            var lines = File.ReadAllLines(path);
            lines[line - 1] = Field(lines[line - 1], field, value);
            File.WriteAllLines(path, lines);
        });
        var problem = problems.First();
        Assert.Equal(("data/" + file, line), (problem.File, problem.Line));
        Assert.Contains(expected, problem.Message);
        // a municipality without a row would lose its inhabitants: that is reported too
        if (field == 0) Assert.Contains(problems, p => p.Message.Contains("has no row"));
    }

    [Fact]
    public void A_bad_file_stops_the_seed_and_the_previous_database_stays_in_use()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var db = dir.File("atlas.db");
        var before = AtlasSetup.Prepare(data, db);
        var hash = before.CuratedStore.DataVersion;

        EditGz(Path.Combine(data, StatbelLoader.VatFile), 4242, l => Field(l, 2, "00000"));
        var error = Assert.Throws<DataProblemsException>(() => AtlasSetup.Prepare(data, db));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"{Vat}:4242: unknown NACE code '00000'", problem.ToString());

        var store = SqliteCuratedStore.Open(db);
        Assert.Equal(hash, store.DataVersion);
        Assert.Equal(1_010_635, store.LoadVatEnterprises()!.National.Enterprises);
        SqliteConnection.ClearAllPools();
    }
}
