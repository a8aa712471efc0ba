using Atlas.Data;
using System.IO.Compression;
using Atlas.Cli;
using Atlas.Register;
using Atlas.Register.Import;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Register;

/// <summary>
/// `atlas import kbo`: a generated full dump, then the real update extract 147, hold exactly what the Cookbook
/// implies; a bad input of any kind leaves the previous register as it was.
/// </summary>
[Collection(CliTests.Name)]
public class RegisterImportTests(GeneratedDump dump) : IClassFixture<GeneratedDump>
{
    private static string Update147 => KboParserTests.Extract147;

    private static ImportResult Import(string extract, string register, ImportOptions? options = null) =>
        RegisterImporter.Import(extract, register, TestPaths.DataDir, options);

    [Fact]
    public void A_full_dump_is_loaded_row_for_row()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        var result = Import(dump.Path, register);

        Assert.Equal(ExtractType.Full, result.Meta.Type);
        Assert.Equal(0, result.Malformed);
        foreach (var (file, rows) in dump.Result.Rows.Where(kv => kv.Key != "meta.csv"))
            Assert.Equal(rows, result.RowsByFile[file]);
        var expected = RegisterRows.Expected(dump.Path);
        var stored = RegisterRows.FromStore(register);
        foreach (var table in RegisterRows.Tables) Assert.Equal(expected[table], stored[table]);
        Assert.Equal(140, RegisterMeta.ReadExtractNumber(register));
        Assert.False(File.Exists(register + ".building-" + Environment.ProcessId));
    }

    [Fact]
    public void Progress_names_each_file_as_it_is_read_then_each_step_of_the_full_import()
    {
        using var dir = TestPaths.Temp();
        var seen = new List<ImportProgress>();
        var result = Import(dump.Path, dir.File("atlas.register.db"), new ImportOptions { Progress = seen.Add });

        var reading = seen.TakeWhile(p => p.Step == ImportStep.ReadingFile).ToList();
        // the last report of each file is at its end: every row of it counted
        var files = reading.GroupBy(p => p.File!).ToDictionary(g => g.Key, g => g.Last().FileRows);
        Assert.Equal(result.RowsByFile, files);
        Assert.Equal(result.Rows, reading.Last().TotalRows);
        Assert.Equal([ImportStep.CountingUnits, ImportStep.Indexing, ImportStep.BuildingSearchIndex, ImportStep.ReplacingRegister],
            seen.Skip(reading.Count).Select(p => p.Step));
        Assert.All(seen.Skip(reading.Count), p => Assert.Null(p.File));

        var update = new List<ImportProgress>();
        Import(Update147, dir.File("atlas.register.db"), new ImportOptions { Progress = update.Add });
        Assert.All(update, p => Assert.Equal(ImportStep.ReadingFile, p.Step));
        Assert.Contains(update, p => p.File == "activity_insert.csv");
    }

    [Fact]
    public void Addresses_are_placed_in_their_2025_municipality_and_the_rest_is_counted()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        var result = Import(dump.Path, register);
        Assert.True(result.AddressesResolved > 0.9 * (result.AddressesResolved + result.AddressesAbroad + result.AddressesUnresolved));
        Assert.True(result.AddressesAbroad > 0); // the generator puts 1 % of seats abroad

        using var c = new SqliteConnection($"Data Source={register};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        // 2000 Antwerpen → 11002; no address is placed in a municipality merged away in 2025 (Borsbeek 11007 → 11002)
        cmd.CommandText = "SELECT count(*) FROM address WHERE nis = 11007";
        Assert.Equal(0L, cmd.ExecuteScalar());
        cmd.CommandText = "SELECT count(*) FROM address WHERE country_nl IS NOT NULL AND nis IS NOT NULL";
        Assert.Equal(0L, cmd.ExecuteScalar());

        var resolver = PostcodeResolver.Load(TestPaths.DataDir);
        Assert.Equal(11002, resolver.Resolve("2000"));
        Assert.Equal(11002, resolver.Resolve("2150"));       // Borsbeek, merged into Antwerpen in 2025
        Assert.Equal(44021, resolver.Resolve("9000"));
        Assert.Equal(25121, resolver.Resolve("1348"));       // Louvain-la-Neuve
        Assert.Equal(0, resolver.Resolve("0999"));
        // the dictionary's codes from before 2019 are brought to today's municipalities
        Assert.Empty(resolver.UnmappedCodes);
        Assert.Equal(57096, resolver.Resolve("7700"));      // Mouscron, 54007 until 2019
        Assert.Equal(58001, resolver.Resolve("7100"));      // La Louvière, 55022 until 2019
        Assert.Equal(12041, resolver.Resolve("2890"));      // Puurs-Sint-Amands, merged in 2019
        Assert.Equal(72043, resolver.Resolve("3900"));      // Pelt (Overpelt)
        var current = new HashSet<int>(ReferenceGeo.MunicipalityNames(TestPaths.DataDir).Keys.Select(int.Parse)
            .Select(n => ReferenceGeo.MergerMap(TestPaths.DataDir).TryGetValue(n.ToString("D5"), out var m) ? int.Parse(m) : n));
        Assert.All(resolver.Table(), x => Assert.Contains(x.Nis, current));
        Assert.Equal(0, resolver.Resolve(null));
    }

    [Fact]
    public void Code_tables_are_loaded_with_nace_levels_sections_and_labels()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        using var c = new SqliteConnection($"Data Source={register};Mode=ReadOnly;Pooling=False");
        c.Open();
        string? One(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteScalar()?.ToString();
        }
        Assert.Equal("21500", One("SELECT count(*) FROM code"));
        Assert.Equal("division|J|Programmation, conseil et autres activités informatiques",
            One("SELECT level || '|' || section || '|' || label_fr FROM nace WHERE version = 2008 AND code = '62'"));
        Assert.Equal("class|K", One("SELECT level || '|' || section FROM nace WHERE version = 2025 AND code = '6210'"));
        Assert.Equal("subclass", One("SELECT level FROM nace WHERE version = 2008 AND code = '62010'"));
        Assert.Equal("section", One("SELECT level FROM nace WHERE version = 2003 AND code = 'A'"));
        Assert.Equal("Naamloze vennootschap", One("SELECT description FROM code WHERE category = 'JuridicalForm' AND code = '014' AND language = 'NL'"));
        Assert.Equal("3", One("SELECT count(DISTINCT version) FROM nace"));
    }

    [Fact]
    public void The_real_update_147_leaves_exactly_what_the_cookbook_implies_and_twice_changes_nothing()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        var before = RegisterRows.FromStore(register);

        var result = Import(Update147, register);
        Assert.Equal(ExtractType.Update, result.Meta.Type);
        Assert.Equal(140, result.PreviousExtract);
        Assert.Equal(0, result.Malformed);
        Assert.Equal(147, RegisterMeta.ReadExtractNumber(register));

        var expected = RegisterRows.Expected(dump.Path, Update147);
        var after = RegisterRows.FromStore(register, withDerived: true);
        foreach (var table in RegisterRows.Tables) Assert.Equal(expected[table], after[table]);
        // the update did delete rows of the dump (its deleted numbers are in the dump) and inserted new ones
        Assert.True(before["enterprise"].Count - 162 + 28 <= after["enterprise"].Count);
        Assert.Contains(before["enterprise"], row => row.StartsWith("502503253|"));         // 0502.503.253 is in enterprise_delete.csv
        Assert.DoesNotContain(after["enterprise"], row => row.StartsWith("502503253|"));
        Assert.Contains(after["enterprise"], row => row.StartsWith("552627113|"));          // 0552.627.113 is in enterprise_insert.csv
        Assert.Contains(after["establishment"], row => row.StartsWith("2190171611|"));

        // the specialisation counts kept by difference equal counts recomputed from scratch
        using (var c = new SqliteConnection($"Data Source={register};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            Assert.Equal(SpecCounts.RecomputeFromStore(c).Counts.OrderBy(kv => kv.Key).ToList(), SpecCounts.Read(c).OrderBy(kv => kv.Key).ToList());
        }

        // twice: refused as not newer, and nothing changes
        var hash = RegisterRows.Hash(register);
        var refused = Assert.Throws<RegisterImportException>(() => Import(Update147, register));
        Assert.Contains("update extract 147 is not newer than the register's extract 147", refused.Message);
        Assert.Equal(ImportRefusal.NotNewer, refused.Reason);
        Assert.Equal(hash, RegisterRows.Hash(register));

        // forced: applied again, the same content
        var again = Import(Update147, register, new ImportOptions { Force = true });
        Assert.Equal(0, again.Malformed);
        Assert.Equal(after, RegisterRows.FromStore(register, withDerived: true));
    }

    [Fact]
    public void The_streaming_table_from_the_csv_files_equals_what_the_import_counts()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        var fromCsv = CsvSpecialisation.EstablishmentsByDivision(dump.Path, PostcodeResolver.Load(TestPaths.DataDir));
        using var c = new SqliteConnection($"Data Source={register};Mode=ReadOnly;Pooling=False");
        c.Open();
        var fromStore = SpecCounts.Read(c)
            .Where(kv => kv.Key.Unit == RegisterSchema.Establishments && kv.Key.Version == 2008 && Areas.IsMunicipality(kv.Key.Nis))
            .GroupBy(kv => (kv.Key.Nis, kv.Key.Class / 100))
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        Assert.NotEmpty(fromCsv);
        Assert.Equal(fromStore.OrderBy(kv => kv.Key), fromCsv.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void An_older_update_is_refused_unless_forced()
    {
        using var dir = TestPaths.Temp();
        var full = dump.CopyTo(dir.File("full"));
        File.WriteAllText(Path.Combine(full, "meta.csv"), File.ReadAllText(Path.Combine(full, "meta.csv")).Replace("\"140\"", "\"150\""));
        var register = dir.File("atlas.register.db");
        Import(full, register);
        var e = Assert.Throws<RegisterImportException>(() => Import(Update147, register));
        Assert.Contains("update extract 147 is not newer than the register's extract 150", e.Message);
        Assert.Equal(147, Import(Update147, register, new ImportOptions { Force = true }).Meta.Number);
    }

    [Fact]
    public void An_update_replaces_the_code_tables_when_they_changed()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        var update = dir.File("update");
        Directory.CreateDirectory(update);
        foreach (var f in Directory.GetFiles(Update147)) File.Copy(f, Path.Combine(update, Path.GetFileName(f)));
        var codes = Path.Combine(update, "code.csv");
        File.SetAttributes(codes, FileAttributes.Normal);
        File.WriteAllText(codes, File.ReadAllText(codes).Replace("\"Naamloze vennootschap\"", "\"Naamloze vennootschap (NV)\""));
        Import(update, register);
        using var c = new SqliteConnection($"Data Source={register};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT description FROM code WHERE category = 'JuridicalForm' AND code = '014' AND language = 'NL'";
        Assert.Equal("Naamloze vennootschap (NV)", cmd.ExecuteScalar());
    }

    [Fact]
    public void An_update_without_a_register_says_to_import_a_full_dump_first()
    {
        using var dir = TestPaths.Temp();
        var e = Assert.Throws<RegisterImportException>(() => Import(Update147, dir.File("atlas.register.db")));
        Assert.Contains("import a full extract", e.Message);
        Assert.Equal(ImportRefusal.NoRegister, e.Reason);
        Assert.False(File.Exists(dir.File("atlas.register.db")));
    }

    /// <summary>Imports a good dump, then a broken one that must fail; the register must be byte for byte the same.</summary>
    private void AssertRefusedAndIntact(Action<string> breakIt, string expected, ImportOptions? options = null, bool zip = false)
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        var hash = RegisterRows.Hash(register);
        var broken = dump.CopyTo(dir.File("broken"));
        breakIt(broken);
        var path = broken;
        if (zip)
        {
            path = dir.File("broken.zip");
            ZipFile.CreateFromDirectory(broken, path);
        }
        var e = Assert.Throws<RegisterImportException>(() => Import(path, register, options));
        Assert.True(string.Join("\n", e.Problems.Append(e.Message)).Contains(expected), string.Join("\n", e.Problems.Append(e.Message)));
        Assert.Contains("The register was not changed", e.Message);
        Assert.Equal(hash, RegisterRows.Hash(register));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.building-*"));
        Assert.Equal(140, RegisterMeta.ReadExtractNumber(register));
    }

    [Fact]
    public void A_truncated_file_changes_nothing()
    {
        AssertRefusedAndIntact(folder =>
        {
            var file = Path.Combine(folder, "activity.csv");
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
        }, "activity.csv:");
        AssertRefusedAndIntact(folder =>
        {
            var file = Path.Combine(folder, "activity.csv");
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
        }, "it is truncated");
    }

    [Fact]
    public void Malformed_rows_past_the_threshold_change_nothing()
    {
        AssertRefusedAndIntact(folder =>
        {
            var file = Path.Combine(folder, "denomination.csv");
            var lines = File.ReadAllLines(file);
            lines[5] = lines[5].Replace("\",\"", "\";\"");       // one field fewer
            lines[9] = lines[9].Replace("\"0", "\"X");           // not a number
            File.WriteAllText(file, string.Join("\n", lines) + "\n");
        }, "denomination.csv:6: field 1 has text after its closing quote", new ImportOptions { MaxErrors = 1 });
    }

    [Fact]
    public void Malformed_rows_under_the_threshold_are_skipped_and_reported_with_file_and_line()
    {
        using var dir = TestPaths.Temp();
        var broken = dump.CopyTo(dir.File("broken"));
        var file = Path.Combine(broken, "activity.csv");
        var lines = File.ReadAllLines(file);
        lines[3] = lines[3].Replace("\"MAIN\"", "\"MAJOR\"").Replace("\"SECO\"", "\"MAJOR\"");
        File.WriteAllText(file, string.Join("\n", lines) + "\n");
        var result = Import(broken, dir.File("atlas.register.db"));
        Assert.Equal(1, result.Malformed);
        Assert.Equal($"{file}:4: Classification 'MAJOR' is not MAIN, SECO or ANCI", Assert.Single(result.Problems));
        Assert.Equal(dump.Result.Rows["activity.csv"] - 1, RegisterRows.FromStore(dir.File("atlas.register.db"))["activity"].Count);
    }

    [Fact]
    public void A_share_threshold_stops_the_import()
    {
        AssertRefusedAndIntact(folder =>
        {
            var file = Path.Combine(folder, "contact.csv");
            var lines = File.ReadAllLines(file);
            for (var i = 1; i < lines.Length; i += 10) lines[i] = lines[i].Replace("\"ENT\",", "");
            File.WriteAllText(file, string.Join("\n", lines) + "\n");
        }, "more than 0.1 %", ImportOptions.WithThreshold("0.1%"));
    }

    [Fact]
    public void A_wrong_header_changes_nothing() =>
        AssertRefusedAndIntact(folder =>
        {
            var file = Path.Combine(folder, "address.csv");
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"Zipcode\"", "\"PostalCode\""));
        }, "address.csv:1: the header is");

    [Fact]
    public void A_zip_with_a_missing_file_changes_nothing() =>
        AssertRefusedAndIntact(folder => File.Delete(Path.Combine(folder, "contact.csv")), "lacks contact.csv", zip: true);

    [Fact]
    public async Task A_disk_that_fills_up_midway_leaves_the_previous_register_as_it_was()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("atlas.db");
        var register = RegisterStore.PathFor(db);
        Import(dump.Path, register);
        var hash = RegisterRows.Hash(register);

        // the same import in a process that may write no file larger than 512 KB: the register being built aside
        // outgrows it midway and the write fails, as on a full disk (SIGXFSZ ignored, so the write returns EFBIG;
        // W^X off, because the runtime's double-mapped code pages are files too)
        var atlas = Path.Combine(AppContext.BaseDirectory, "atlas.dll");
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "trap '' XFSZ; ulimit -f 512 && exec dotnet \"$0\" import kbo \"$1\" --db \"$2\" --data \"$3\" --force -q", atlas, dump.Path, db, TestPaths.DataDir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_EnableWriteXorExecute"] = "0" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the import did not stop");

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("The previous register is unchanged", await stderr);
        Assert.True(new FileInfo(register).Length > 512 * 1024, "the register must be larger than the limit for the test to mean anything");
        Assert.Equal(hash, RegisterRows.Hash(register));
        Assert.Equal(140, RegisterMeta.ReadExtractNumber(register));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.building-*"));   // the half-built file is removed
    }

    [Fact]
    public void A_zip_is_imported_like_a_folder()
    {
        using var dir = TestPaths.Temp();
        var zip = dir.File("KboOpenData_0140_2025_10_Full.zip");
        ZipFile.CreateFromDirectory(dump.Path, zip);
        var register = dir.File("atlas.register.db");
        var result = Import(zip, register);
        Assert.Equal(dump.Result.Rows["activity.csv"], result.RowsByFile["activity.csv"]);
        Assert.Equal(RegisterRows.Expected(dump.Path)["address"], RegisterRows.FromStore(register)["address"]);
    }

    [Fact]
    public void A_broken_update_changes_nothing()
    {
        using var dir = TestPaths.Temp();
        var register = dir.File("atlas.register.db");
        Import(dump.Path, register);
        var hash = RegisterRows.Hash(register);
        var update = dir.File("update");
        Directory.CreateDirectory(update);
        foreach (var f in Directory.GetFiles(Update147)) File.Copy(f, Path.Combine(update, Path.GetFileName(f)));
        var file = Path.Combine(update, "activity_insert.csv");
        File.SetAttributes(file, FileAttributes.Normal);
        var lines = File.ReadAllLines(file);
        lines[400] = "\"0411.104.014\",\"006\"";
        File.WriteAllText(file, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<RegisterImportException>(() => Import(update, register, new ImportOptions { MaxErrors = 0 }));
        Assert.Contains("activity_insert.csv:401: expected 5 fields, found 2", e.Problems.Single());
        Assert.Equal(ImportRefusal.TooManyMalformedRows, e.Reason);
        Assert.Equal(hash, RegisterRows.Hash(register));

        File.WriteAllText(file, File.ReadAllText(file)[..^30]);      // truncated
        e = Assert.Throws<RegisterImportException>(() => Import(update, register));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(hash, RegisterRows.Hash(register));
    }

    [Fact]
    public async Task The_cli_imports_and_prints_a_summary_or_the_problems()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("cli.db");
        var (code, stdout, stderr) = await CliTests.Run("import", "kbo", dump.Path, "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("Imported full extract 140", stdout);
        Assert.Contains(dir.File("cli.register.db"), stdout);
        Assert.Contains("activity.csv", stdout);
        Assert.Contains("rows/s", stderr);          // the progress line
        Assert.True(File.Exists(dir.File("cli.register.db")));

        (code, stdout, _) = await CliTests.Run("import", "kbo", Update147, "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("Imported update extract 147", stdout);
        Assert.Contains("which held extract 140", stdout);

        (code, _, stderr) = await CliTests.Run("import", "kbo", Update147, "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(1, code);
        Assert.Contains("not newer", stderr);
        Assert.Contains("give --force", stderr);   // the command line says how to go on with its own option

        (code, _, stderr) = await CliTests.Run("import", "kbo", dir.File("nothing-here"), "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(1, code);
        Assert.Contains("no such file or folder", stderr);

        (code, _, stderr) = await CliTests.Run("import", "kbo", dump.Path, "--max-errors", "lots", "--db", db, "--data", TestPaths.DataDir);
        Assert.Equal(1, code);
        Assert.Contains("--max-errors", stderr);
        SqliteConnection.ClearAllPools();
    }
}
