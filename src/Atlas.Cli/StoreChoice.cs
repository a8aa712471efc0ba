using System.CommandLine;
using Atlas.Diagnostics;
using Atlas.Postgres;
using Atlas.Store;

namespace Atlas.Cli;

/// <summary>
/// Which store a command works on: a PostgreSQL server (<c>--store</c> or <c>ATLAS_STORE</c>, a connection string or a
/// postgres:// URL) or, when none is given, the embedded SQLite database (<c>--db</c>). Every command that reads or
/// writes the atlas goes through here, so both stores serve every command.
/// </summary>
internal static class StoreChoice
{
    public const string StoreEnv = "ATLAS_STORE";

    internal static readonly Option<string?> Store = new("--store")
    {
        Description = $"a PostgreSQL server: a connection string (Host=…;Database=…;Username=…) or a postgres:// URL; the password from PGPASSWORD or a " +
                      $"password file, never the command line in production (default: ${StoreEnv}; none: the embedded SQLite database of --db)",
        Recursive = true,
    };

    /// <summary>The PostgreSQL spec given, or null for the embedded store.</summary>
    public static string? Server(ParseResult parse) =>
        parse.GetValue(Store) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(StoreEnv) is { Length: > 0 } env ? env : null;

    /// <summary>The atlas on the chosen store, validated and seeded if the data changed.</summary>
    /// <exception cref="DataProblemsException">the data files have problems.</exception>
    /// <exception cref="StoreUnavailableException">the store cannot be reached or written.</exception>
    /// <exception cref="StoreSpecException">the --store setting is malformed.</exception>
    /// <exception cref="SchemaException">the server's schema is newer, or behind and this role may not migrate it.</exception>
    public static AtlasServices Open(ParseResult parse, TextWriter? log)
    {
        var dataDir = AtlasSetup.FindDataDir(parse.GetValue(AtlasCommand.DataDir));
        return Server(parse) is { } server ? PostgresSetup.Prepare(dataDir, server, log)
            : AtlasSetup.Prepare(dataDir, AtlasSetup.DbPath(parse.GetValue(AtlasCommand.Db)), log);
    }

    /// <summary>The series store alone (imports of series need nothing else): the server's, migrated if needed, or the file beside the embedded database.</summary>
    public static ISeriesStore Series(ParseResult parse) =>
        Server(parse) is { } server ? PostgresSetup.Series(server) : SqliteSeriesStore.For(AtlasSetup.DbPath(parse.GetValue(AtlasCommand.Db)));

    /// <summary>Validates and seeds the chosen store if the data changed; prints what is wrong and returns null with an exit code if it cannot.</summary>
    public static (AtlasServices? Atlas, int ExitCode) Prepare(ParseResult parse, TextWriter log)
    {
        var server = Server(parse);
        try
        {
            return (Open(parse, log), 0);
        }
        catch (DataProblemsException e)
        {
            foreach (var p in e.Problems) Console.Error.WriteLine(p);
            Console.Error.WriteLine($"The data has {e.Problems.Count} problem(s); the database was not changed. Fix them (atlas validate lists them) and start again, or give another data folder with --data DIR.");
            return (null, 1);
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine(server is null ? $"{e.Message} (--db PATH or {AtlasSetup.DbEnv} chooses the database file)" : $"{e.Message} (--store or {StoreEnv} chooses the server)");
            return (null, 2);
        }
        catch (Exception e) when (e is StoreSpecException or SchemaException)
        {
            Console.Error.WriteLine($"{e.Message} (--store or {StoreEnv} chooses the server)");
            return (null, 2);
        }
    }

    /// <summary><c>atlas migrate</c>: the schema brought up to this build, then the data files seeded (the step a team server's import role runs).</summary>
    public static Command Migrate()
    {
        var command = new Command("migrate", "Bring the store's schema up to this version of the atlas and seed the data files into it (PostgreSQL: with the role that owns the database).");
        command.SetAction(parse =>
        {
            if (Server(parse) is not { } server)
            {
                var (sqlite, code) = Prepare(parse, Console.Out);
                if (sqlite is not null) Console.WriteLine($"The embedded database {sqlite.CuratedStore.Location} is up to date (it migrates itself when it opens).");
                return code;
            }
            try
            {
                var settings = PostgresDatabase.Settings(server);
                var applied = PostgresSetup.Migrate(settings, Console.Out);
                if (applied.Count == 0) Console.WriteLine($"The schema of {PostgresDatabase.Describe(settings)} is up to date ({SchemaMigrations.Known[^1]}).");
            }
            catch (Exception e) when (e is StoreSpecException or SchemaException or StoreUnavailableException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            var (atlas, exit) = Prepare(parse, Console.Out);
            if (atlas is not null) Console.WriteLine($"Data version {atlas.CuratedStore.DataVersion?[..12]} in {atlas.CuratedStore.Location}.");
            return exit;
        });
        return command;
    }
}
