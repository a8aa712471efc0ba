using System.CommandLine;
using System.Globalization;
using Atlas.Register;
using Atlas.Register.Import;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas import kbo PATH</c>: loads a KBO/BCE Open Data extract (a folder or a zip; a full dump or a daily update,
/// as its meta.csv says) into the register file beside the database. Exit codes: 0 imported, 1 the extract cannot be
/// imported (nothing was changed), 2 the register file cannot be written.
/// </summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var import = new Command("import", "Import external data into the atlas.");
        import.Subcommands.Add(Kbo());
        import.Subcommands.Add(SeriesCommands.Import());
        return import;
    }

    private static Command Kbo()
    {
        var path = new Argument<string>("path") { Description = "the folder or zip file of a KBO Open Data extract (full or update)" };
        var maxErrors = new Option<string>("--max-errors")
        {
            Description = "stop, changing nothing, past this many malformed rows (1000) or this share of the rows (0.1%)",
            DefaultValueFactory = _ => "1000",
        };
        var force = new Option<bool>("--force") { Description = "apply an update even if its extract number is not newer than the register's" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "no progress line" };
        var command = new Command("kbo", "Import a KBO/BCE Open Data extract into the register (its own file beside the database: atlas.db → atlas.register.db).");
        command.Arguments.Add(path);
        command.Options.Add(maxErrors);
        command.Options.Add(force);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var dataDir = AtlasSetup.FindDataDir(parse.GetValue(AtlasCommand.DataDir));
            var registerPath = RegisterStore.PathFor(AtlasSetup.DbPath(parse.GetValue(AtlasCommand.Db)));
            ImportOptions options;
            try
            {
                options = ImportOptions.WithThreshold(parse.GetValue(maxErrors)!) with { Force = parse.GetValue(force) };
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"--max-errors: {e.Message}");
                return 1;
            }
            var progress = parse.GetValue(quiet) ? null : new ProgressLine(Console.Error);
            var metrics = new ImportMetrics();
            options = options with { Progress = p => { metrics.Progress(p); progress?.Show(p); } };
            var outcome = "failed";
            try
            {
                var result = RegisterImporter.Import(parse.GetValue(path)!, registerPath, dataDir, options);
                outcome = "imported";
                progress?.Done();
                Summary(result, Console.Out);
                return 0;
            }
            catch (RegisterImportException e)
            {
                outcome = "refused";
                progress?.Done();
                foreach (var p in e.Problems) Console.Error.WriteLine(p);
                if (e.Malformed > e.Problems.Count) Console.Error.WriteLine($"… and {e.Malformed - e.Problems.Count} more malformed row(s).");
                Console.Error.WriteLine(e.Message);
                if (Hint(e.Reason) is { } hint) Console.Error.WriteLine(hint);
                return 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                progress?.Done();
                Console.Error.WriteLine($"cannot write the register {registerPath}: {e.Message.TrimEnd('.')}. The previous register is unchanged; check the disk space and that the folder is writable, or choose another database with --db.");
                return 2;
            }
            finally
            {
                metrics.Done(outcome);
            }
        });
        return command;
    }

    /// <summary>How to go on after a refusal, with this command's options.</summary>
    private static string? Hint(ImportRefusal reason) => reason switch
    {
        ImportRefusal.TooManyMalformedRows => "Check the extract (the lines above), or raise the threshold with --max-errors (a count, 1000, or a share, 0.5%).",
        ImportRefusal.NoRegister => "Import the full extract first: atlas import kbo KboOpenData_NNNN_…_Full.zip",
        ImportRefusal.NotNewer => "To apply it anyway, give --force.",
        _ => null,
    };

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static void Summary(ImportResult r, TextWriter o)
    {
        var m = r.Meta;
        var rate = r.Rows / Math.Max(0.001, r.Elapsed.TotalSeconds);
        o.WriteLine($"Imported {m.TypeName} extract {m.Number}{(m.SnapshotDate is { } d ? $" (snapshot {d:yyyy-MM-dd})" : "")} into {r.RegisterPath}" +
                    $"{(r.PreviousExtract is { } p ? $", which held extract {p}" : "")}: {N(r.Rows)} rows in {r.Elapsed.TotalSeconds:0.0} s ({N((long)rate)} rows/s).");
        foreach (var (file, rows) in r.RowsByFile.Where(kv => kv.Key != "meta.csv"))
            o.WriteLine($"  {file,-26} {N(rows),14} rows");
        if (m.Type == ExtractType.Update) o.WriteLine($"  units whose specialisation counts were recomputed: {N(r.UnitsTouched)}");
        var addresses = r.AddressesResolved + r.AddressesAbroad + r.AddressesUnresolved;
        if (addresses > 0)
        {
            o.WriteLine($"Addresses: {N(r.AddressesResolved)} placed in a municipality, {N(r.AddressesAbroad)} abroad, {N(r.AddressesUnresolved)} Belgian addresses whose postcode is unknown (not placed).");
            if (r.UnresolvedPostcodes.Count > 0)
                o.WriteLine("  unplaced postcodes (most frequent): " + string.Join(", ", r.UnresolvedPostcodes.OrderByDescending(kv => kv.Value).Take(10).Select(kv => $"{kv.Key} ({N(kv.Value)})")));
        }
        if (r.Replaced > 0) o.WriteLine($"Update: {N(r.Replaced)} inserted rows replaced a row of the same number that the update did not list for deletion (an update applied again).");
        if (r.AlreadyPresent > 0) o.WriteLine($"Update: {N(r.AlreadyPresent)} inserted rows were in the register already, to the letter, and were not added twice.");
        if (r.DuplicateActivities > 0) o.WriteLine($"Activities: {N(r.DuplicateActivities)} rows repeated exactly were stored once.");
        if (r.Malformed > 0)
        {
            o.WriteLine($"Malformed rows skipped: {N(r.Malformed)} (under the --max-errors threshold):");
            foreach (var problem in r.Problems) o.WriteLine("  " + problem);
            if (r.Malformed > r.Problems.Count) o.WriteLine($"  … and {N(r.Malformed - r.Problems.Count)} more.");
        }
        else o.WriteLine("Malformed rows: none.");
    }

    /// <summary>A progress line on standard error: redrawn in place on a terminal, a line every few seconds otherwise.</summary>
    private sealed class ProgressLine(TextWriter error)
    {
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private (ImportStep, string?) _last;
        private TimeSpan _lastLine;
        private int _width;

        public void Show(ImportProgress p)
        {
            var text = p.Step == ImportStep.ReadingFile
                ? $"{p.File,-26} {N(p.FileRows),12} rows  {p.FileFraction * 100,5:0.0} %   total {N(p.TotalRows),12} rows  {N((long)p.RowsPerSecond),10} rows/s  {p.Elapsed:mm\\:ss}"
                : $"{Describe(p.Step)} … ({N(p.TotalRows)} rows read, {p.Elapsed:mm\\:ss})";
            if (_terminal)
            {
                error.Write("\r" + text.PadRight(_width));
                _width = text.Length;
            }
            else if ((p.Step, p.File) != _last || p.Elapsed - _lastLine >= TimeSpan.FromSeconds(5))
            {
                error.WriteLine(text);
                _lastLine = p.Elapsed;
            }
            _last = (p.Step, p.File);
        }

        private static string Describe(ImportStep step) => step switch
        {
            ImportStep.CountingUnits => "counting units by municipality and NACE",
            ImportStep.Indexing => "indexing",
            ImportStep.BuildingSearchIndex => "building the search index of denominations",
            ImportStep.ReplacingRegister => "replacing the register",
            _ => step.ToString(),
        };

        public void Done()
        {
            if (_terminal && _width > 0) error.WriteLine();
            _width = 0;
        }
    }
}
