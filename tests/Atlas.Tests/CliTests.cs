namespace Atlas.Tests;

/// <summary>The `atlas` command as a user runs it. Console output is global, so these tests do not run in parallel.</summary>
[Collection(Name)]
public class CliTests
{
    public const string Name = "cli";

    public static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    [SkippableFact]
    public async Task Validate_passes_on_the_shipped_data_and_checks_the_key_phrases()
    {
        Requires.Article();
        var (code, stdout, _) = await Run("validate", "--data", TestPaths.DataDir, "--texts", TestPaths.SeedDir);
        Assert.Equal(0, code);
        Assert.Contains("OK:", stdout);
        Assert.Contains("key phrases checked against their source", stdout);
    }

    [Fact]
    public async Task Validate_prints_file_line_problems_and_exits_1()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var file = Path.Combine(data, "facts", "03-ghent.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("subject: ghent", "subject: gentt"));
        var (code, stdout, stderr) = await Run("validate", "--data", data);
        Assert.Equal(1, code);
        Assert.Matches(@"data/facts/03-ghent\.yaml:\d+: the subject 'gentt' does not exist", stdout);
        Assert.Contains("problem(s)", stderr);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gets_a_clear_message_and_is_left_untouched()
    {
        using var dir = TestPaths.Temp();
        var path = dir.File("notes.db");
        File.WriteAllText(path, "these are my notes, not a database\n");
        var (code, _, stderr) = await Run("get", "/api", "--db", path, "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.Contains(path, stderr);
        Assert.Contains("--db", stderr);
        Assert.Equal("these are my notes, not a database\n", File.ReadAllText(path));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_database_in_a_place_that_cannot_be_created_gets_a_clear_message()
    {
        using var dir = TestPaths.Temp();
        var blocker = dir.File("a-file");
        File.WriteAllText(blocker, "");
        var (code, _, stderr) = await Run("get", "/api", "--db", Path.Combine(blocker, "atlas.db"), "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.Contains("--db", stderr);
    }

    [Fact]
    public async Task Get_prints_the_body_and_exits_0_or_1_on_an_error_status()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        var (code, stdout, _) = await Run("get", "/api/places/Gand?lang=en", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("\"id\":\"ghent\"", stdout);

        (code, stdout, var stderr) = await Run("get", "/api/places/atlantis", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(1, code);
        Assert.Contains("atlantis", stdout);
        Assert.Contains("404", stderr);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_invalid_data_with_the_validator_messages()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var file = Path.Combine(data, "places.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("nis: \"44021\"", "nis: \"4402\""));
        var (code, _, stderr) = await Run("serve", "--db", dir.File("serve.db"), "--data", data, "--port", "5999");
        Assert.Equal(1, code);
        Assert.Matches(@"data/places\.yaml:\d+: '4402' is not a NIS code", stderr);
        Assert.Contains("the database was not changed", stderr);
    }

    [Fact]
    public async Task An_unusable_database_is_a_clear_message_and_exit_2()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("notes.txt");
        File.WriteAllText(db, "not a database");
        var (code, _, stderr) = await Run("get", "/api/places", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.Contains("cannot open the database", stderr);
        Assert.Equal("not a database", File.ReadAllText(db));
    }

    [Fact]
    public async Task Export_writes_a_whole_table_as_csv()
    {
        using var dir = TestPaths.Temp();
        var output = dir.File("facts.csv");
        var (code, _, _) = await Run("export", "facts", "--out", output, "--db", dir.File("x.db"), "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("id,subject,predicate", lines[0]);
        Assert.True(lines.Length > 100);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

[CollectionDefinition(CliTests.Name, DisableParallelization = true)]
public sealed class CliCollection;
