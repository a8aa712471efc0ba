using Atlas.Postgres;

namespace Atlas.Tests.Postgres;

/// <summary>
/// The atlas of <see cref="AtlasFixture"/> on a PostgreSQL database of its own: migrated and seeded as `atlas serve
/// --store` does. Without a test server (<see cref="TestPostgres"/>) it starts nothing; the tests then skip (fail in CI) through
/// <see cref="Requires.Postgres"/>, called by each test class on PostgreSQL.
/// </summary>
public sealed class PostgresAtlasFixture : AtlasFixture
{
    private TestDatabase? _db;

    public static bool Available => TestPostgres.Spec is not null;

    public override Task InitializeAsync() => Available ? base.InitializeAsync() : Task.CompletedTask;

    protected override AtlasServices Prepare()
    {
        _db = new TestDatabase();
        return PostgresSetup.Prepare(TestPaths.DataDir, _db.Spec);
    }

    public override async Task DisposeAsync()
    {
        if (!Available) return;
        await base.DisposeAsync();
        _db?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresAtlasCollection : ICollectionFixture<PostgresAtlasFixture>
{
    public const string Name = "atlas-postgres";
}
