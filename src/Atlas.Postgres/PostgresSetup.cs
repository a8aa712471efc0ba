using Atlas.Store;
using Npgsql;

namespace Atlas.Postgres;

/// <summary>
/// The atlas on a PostgreSQL server: the schema brought up to this build (or a refusal when the database is newer,
/// or behind and this role may not change it), the curated data seeded by the same content-hash rule as the embedded
/// store, and the register read from its schema.
/// </summary>
public static class PostgresSetup
{
    /// <summary>Migrates if needed, seeds if the data files changed, and composes the atlas over the server's stores.</summary>
    /// <exception cref="StoreSpecException">the store setting is malformed.</exception>
    /// <exception cref="SchemaException">the schema is newer than this build, or behind and cannot be migrated by this role.</exception>
    /// <exception cref="Atlas.Diagnostics.DataProblemsException">the data files have problems; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">the server cannot be reached or written.</exception>
    public static AtlasServices Prepare(string dataDir, string spec, TextWriter? log = null)
    {
        var settings = PostgresDatabase.Settings(spec);
        Migrate(settings, log);
        var db = NpgsqlDataSource.Create(settings);
        var location = PostgresDatabase.Describe(settings);
        return AtlasSetup.Prepare(dataDir, new PostgresCuratedStore(db, location), new PostgresRegisterStore(settings), new PostgresSeriesStore(db, location), log);
    }

    /// <summary>The series store of a server (migrated if needed), for the commands that import series and need nothing else.</summary>
    public static PostgresSeriesStore Series(string spec)
    {
        var settings = PostgresDatabase.Settings(spec);
        Migrate(settings, null);
        return new PostgresSeriesStore(NpgsqlDataSource.Create(settings), PostgresDatabase.Describe(settings));
    }

    /// <summary>Applies the pending schema scripts; a role that may not change the schema gets a message saying who may.</summary>
    public static IReadOnlyList<string> Migrate(NpgsqlConnectionStringBuilder settings, TextWriter? log)
    {
        try
        {
            var applied = SchemaMigrations.Apply(settings);
            if (applied.Count > 0) log?.WriteLine($"Migrated {PostgresDatabase.Describe(settings)}: {string.Join(", ", applied)}.");
            return applied;
        }
        catch (SchemaException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
        {
            throw new SchemaException($"{e.Message} This role may not change the schema: run `atlas migrate` with the role that owns the database, then start again.", e);
        }
        catch (NpgsqlException e)
        {
            throw new StoreUnavailableException($"cannot reach the database {PostgresDatabase.Describe(settings)} ({e.Message}). Check that the server runs and the store setting is right.", e);
        }
    }
}
