using Atlas.Postgres;
using Npgsql;

namespace Atlas.Tests.Postgres;

/// <summary>The server store's schema: versioned scripts applied once, a newer database refused, a role without rights told who may migrate.</summary>
public class SchemaTests
{
    private static void Sql(string spec, string sql)
    {
        using var c = new NpgsqlConnection(spec);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    [SkippableFact]
    public void Migrations_apply_once_in_order_and_a_newer_schema_is_refused()
    {
        using var db = new TestDatabase();
        var settings = PostgresDatabase.Settings(db.Spec);
        Assert.Equal(SchemaMigrations.Known, SchemaMigrations.Apply(settings));
        Assert.Empty(SchemaMigrations.Apply(settings));
        var (applied, pending) = SchemaMigrations.State(settings);
        Assert.Equal(SchemaMigrations.Known, applied);
        Assert.Empty(pending);

        // a database migrated by a later version of the atlas: nothing is done, the message says to upgrade
        Sql(db.Spec, "INSERT INTO schemaversions (scriptname, applied) VALUES ('Atlas.Postgres.Migrations.9999_future.sql', now())");
        var e = Assert.Throws<SchemaException>(() => PostgresSetup.Prepare(TestPaths.DataDir, db.Spec));
        Assert.Contains("newer schema than this atlas knows", e.Message);
        Assert.Contains("9999_future", e.Message);
        Assert.DoesNotContain("Password", e.Message);
        NpgsqlConnection.ClearAllPools();
    }

    [SkippableFact]
    public void A_role_that_may_not_change_the_schema_is_told_to_run_atlas_migrate()
    {
        using var db = new TestDatabase();
        var role = "atlas_reader_" + db.Name[^8..];
        db.Execute($"CREATE ROLE {role} LOGIN PASSWORD 'secret-{role}'");
        try
        {
            db.Execute($"REVOKE CREATE ON DATABASE {db.Name} FROM PUBLIC");
            Sql(db.Spec, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            var spec = new NpgsqlConnectionStringBuilder(db.Spec) { Username = role, Password = $"secret-{role}" }.ConnectionString;
            var e = Assert.Throws<SchemaException>(() => PostgresSetup.Prepare(TestPaths.DataDir, spec));
            Assert.Contains("atlas migrate", e.Message);
            Assert.DoesNotContain("secret", e.Message);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            db.Dispose();
            db.Execute($"DROP ROLE IF EXISTS {role}");
        }
    }

    [Theory]
    [InlineData("postgres://web:p%40ss@db.example:6432/atlas?sslmode=require", "db.example", 6432, "atlas", "web", "p@ss")]
    [InlineData("postgresql://db.example/atlas", "db.example", 5432, "atlas", null, null)]
    [InlineData("Host=db.example;Database=atlas;Username=web", "db.example", 5432, "atlas", "web", null)]
    public void A_store_is_a_url_or_a_connection_string_and_its_description_has_no_password(string spec, string host, int port, string database, string? user, string? password)
    {
        var s = PostgresDatabase.Settings(spec);
        Assert.Equal((host, port, database, user, password), (s.Host, s.Port, s.Database, s.Username, s.Password));
        Assert.Equal(PostgresDatabase.DefaultCommandTimeout, s.CommandTimeout);
        Assert.DoesNotContain("ss", PostgresDatabase.Describe(s).Replace("postgres", ""));
    }

    [Theory]
    [InlineData("mysql://db/atlas")]
    [InlineData("Database=atlas")]
    [InlineData("postgres://db/atlas?no_such_setting=1")]
    public void A_malformed_store_says_how_to_write_one(string spec)
    {
        var e = Assert.Throws<StoreSpecException>(() => PostgresDatabase.Settings(spec));
        Assert.Contains("postgres://USER@HOST:5432/DB", e.Message);
    }
}
