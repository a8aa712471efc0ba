using Atlas.Postgres;
using Atlas.Register;
using Atlas.Register.Import;
using Atlas.Tests.Register;
using Dapper;
using Npgsql;

namespace Atlas.Tests.Postgres;

/// <summary>
/// `atlas import kbo --store`: the register in PostgreSQL holds exactly what it holds in SQLite (the generated dump,
/// then the real update 147); a failed or concurrent import leaves the served register as it was.
/// </summary>
[Collection(CliTests.Name)]
public sealed class RegisterImportTestsOnPostgres : IClassFixture<GeneratedDump>, IDisposable
{
    private readonly GeneratedDump _dump;
    private readonly TestDatabase _db;
    private readonly PostgresRegisterTarget _target;

    public RegisterImportTestsOnPostgres(GeneratedDump dump)
    {
        Requires.Postgres();
        _dump = dump;
        _db = new TestDatabase();
        _target = PostgresSetup.RegisterTarget(_db.Spec);
    }

    private ImportResult Import(string extract, ImportOptions? options = null) => RegisterImporter.Import(extract, _target, TestPaths.DataDir, options);

    private NpgsqlConnection Connect()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_db.Spec) { SearchPath = "register, public" }.ConnectionString);
        c.Open();
        return c;
    }

    private Dictionary<string, List<string>> Stored(bool withDerived = false)
    {
        using var c = Connect();
        return RegisterRows.FromStore(c, withDerived);
    }

    private List<string> Schemas()
    {
        using var c = Connect();
        return c.Query<string>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'register%' ORDER BY 1").ToList();
    }

    [SkippableFact]
    public void A_full_dump_then_the_real_update_147_hold_exactly_what_the_cookbook_implies()
    {
        var full = Import(_dump.Path);
        Assert.Equal(0, full.Malformed);
        var expected = RegisterRows.Expected(_dump.Path);
        var stored = Stored();
        foreach (var table in RegisterRows.Tables) Assert.Equal(expected[table], stored[table]);
        Assert.Equal(140, _target.ExtractNumber);
        Assert.Equal(["register"], Schemas());

        var update = Import(KboParserTests.Extract147);
        Assert.Equal(140, update.PreviousExtract);
        Assert.Equal(147, _target.ExtractNumber);
        var after = Stored(withDerived: true);
        expected = RegisterRows.Expected(_dump.Path, KboParserTests.Extract147);
        foreach (var table in RegisterRows.Tables) Assert.Equal(expected[table], after[table]);

        // the counts kept by difference equal counts recomputed from scratch
        using (var c = Connect())
            Assert.Equal(SpecCounts.RecomputeFromStore(c).Counts.OrderBy(kv => kv.Key).ToList(), SpecCounts.Read(c).OrderBy(kv => kv.Key).ToList());

        // twice: refused as not newer; forced, the same content
        Assert.Equal(ImportRefusal.NotNewer, Assert.Throws<RegisterImportException>(() => Import(KboParserTests.Extract147)).Reason);
        Import(KboParserTests.Extract147, new ImportOptions { Force = true });
        Assert.Equal(after, Stored(withDerived: true));
    }

    [SkippableFact]
    public void The_same_dump_gives_the_same_register_as_in_sqlite()
    {
        using var dir = TestPaths.Temp();
        var file = dir.File("atlas.register.db");
        RegisterImporter.Import(_dump.Path, file, TestPaths.DataDir);
        Import(_dump.Path);
        Assert.Equal(RegisterRows.FromStore(file, withDerived: true), Stored(withDerived: true));
    }

    [SkippableFact]
    public void A_full_import_that_fails_midway_leaves_the_previous_register_served()
    {
        Import(_dump.Path);
        var before = Stored(withDerived: true);
        using var dir = TestPaths.Temp();
        var broken = _dump.CopyTo(dir.File("broken"));
        var activities = Path.Combine(broken, "activity.csv");
        var bytes = File.ReadAllBytes(activities);
        File.WriteAllBytes(activities, bytes[..(bytes.Length * 2 / 3)]);     // truncated: the last file, after most rows are in

        var e = Assert.Throws<RegisterImportException>(() => Import(broken));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(before, Stored(withDerived: true));
        Assert.Equal(["register"], Schemas());          // the half-built register_next is gone
    }

    [SkippableFact]
    public void A_second_import_while_one_runs_is_refused_and_changes_nothing()
    {
        Import(_dump.Path);
        using var running = _target.BeginUpdate();     // an import holding the register
        var e = Assert.Throws<RegisterImportException>(() => Import(_dump.Path));
        Assert.Contains("another import is writing the register", e.Message);
        e = Assert.Throws<RegisterImportException>(() => Import(KboParserTests.Extract147));
        Assert.Contains("another import is writing the register", e.Message);
        Assert.Equal(140, _target.ExtractNumber);
    }

    [SkippableFact]
    public async Task The_cli_imports_into_the_server_and_the_atlas_serves_it()
    {
        using var dir = TestPaths.Temp();
        var (code, stdout, stderr) = await CliTests.Run("import", "kbo", _dump.Path, "--store", _db.Spec, "--data", TestPaths.DataDir, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("Imported full extract 140", stdout);
        Assert.Contains("(schema register)", stdout);
        Assert.DoesNotContain("Password", stdout, StringComparison.OrdinalIgnoreCase);

        (code, stdout, stderr) = await CliTests.Run("get", "/api/register", "--store", _db.Spec, "--data", TestPaths.DataDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("\"extract\":140", stdout);
    }

    public void Dispose() => _db.Dispose();
}
