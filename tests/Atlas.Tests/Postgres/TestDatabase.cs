using Atlas.Postgres;
using Npgsql;

namespace Atlas.Tests.Postgres;

/// <summary>
/// A database of its own on the test server (<see cref="Requires.Postgres"/>), created empty and dropped at the end,
/// so that tests on PostgreSQL never see each other's data.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server;

    public string Name { get; } = "atlas_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The connection string of the new database, as `--store` takes it.</summary>
    public string Spec { get; }

    public TestDatabase()
    {
        _server = PostgresDatabase.Settings(Requires.Postgres());
        Execute($"CREATE DATABASE {Name}");
        Spec = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = Name }.ConnectionString;
    }

    /// <summary>Runs SQL on the server's maintenance database (roles, databases).</summary>
    public void Execute(string sql)
    {
        using var c = new NpgsqlConnection(_server.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
