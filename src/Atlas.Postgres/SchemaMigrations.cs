using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace Atlas.Postgres;

/// <summary>The database's schema is newer than this build knows, or older and cannot be brought up to date from here.</summary>
public sealed class SchemaException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The schema of the server store as versioned SQL scripts (<c>Migrations/NNNN_name.sql</c>, embedded), applied in
/// order by DbUp, which records each one it ran in <c>schemaversions</c>. DbUp rather than FluentMigrator: the
/// schema is PostgreSQL's own (text-search configurations, generated tsvector columns, GIN indexes), which plain SQL
/// says directly and a C# migration DSL would only wrap. A script, once released, is never edited: a change is a new
/// script.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>The key of the advisory lock held while migrating, so that two nodes starting together do not both migrate.</summary>
    private const long MigrationLock = 0x41746c61734d6967;   // "AtlasMig"

    private static readonly Assembly Scripts = typeof(SchemaMigrations).Assembly;

    /// <summary>The scripts this build knows, in order.</summary>
    public static IReadOnlyList<string> Known => Upgrader("Host=localhost").GetDiscoveredScripts().Select(s => Name(s.Name)).ToList();

    /// <summary>The scripts applied to the database and those still to apply.</summary>
    /// <exception cref="SchemaException">the database has scripts this build does not know: it is newer.</exception>
    public static (IReadOnlyList<string> Applied, IReadOnlyList<string> Pending) State(NpgsqlConnectionStringBuilder settings)
    {
        var upgrader = Upgrader(settings.ConnectionString);
        List<string> applied;
        try { applied = upgrader.GetExecutedScripts().Select(Name).ToList(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new SchemaException($"cannot read the schema version of {PostgresDatabase.Describe(settings)}: {e.Message}", e);
        }
        var known = Known;
        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
            throw new SchemaException($"the database {PostgresDatabase.Describe(settings)} has a newer schema than this atlas knows " +
                $"(applied: {string.Join(", ", unknown)}; this atlas knows up to {known[^1]}). Nothing was changed: run a newer version of the atlas.");
        return (applied, known.Except(applied).ToList());
    }

    /// <summary>Applies the pending scripts, each in its own transaction, under a lock; returns their names.</summary>
    /// <exception cref="SchemaException">the schema is newer than this build, or a script failed (its transaction rolled back).</exception>
    public static IReadOnlyList<string> Apply(NpgsqlConnectionStringBuilder settings)
    {
        // the lock is held by a session of its own, outside the pool, so that closing it surely ends the session (and the lock)
        using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        lockConnection.Open();
        Advisory(lockConnection, "pg_advisory_lock");
        try
        {
            var (_, pending) = State(settings);
            if (pending.Count == 0) return [];
            var result = Upgrader(settings.ConnectionString).PerformUpgrade();
            if (!result.Successful)
                throw new SchemaException($"the migration {Name(result.ErrorScript?.Name ?? "?")} failed on {PostgresDatabase.Describe(settings)}: {result.Error?.Message}. " +
                    "Its changes were rolled back; the scripts before it stay applied.", result.Error);
            return result.Scripts.Select(s => Name(s.Name)).ToList();
        }
        finally
        {
            Advisory(lockConnection, "pg_advisory_unlock");
        }
    }

    private static void Advisory(NpgsqlConnection c, string function)
    {
        using var cmd = new NpgsqlCommand($"SELECT {function}(@key)", c) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("key", MigrationLock);
        cmd.ExecuteNonQuery();
    }

    private static UpgradeEngine Upgrader(string connectionString) =>
        DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Scripts, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();

    /// <summary>"Atlas.Postgres.Migrations.0001_curated.sql" → "0001_curated".</summary>
    private static string Name(string resource)
    {
        var name = resource.EndsWith(".sql", StringComparison.Ordinal) ? resource[..^4] : resource;
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
