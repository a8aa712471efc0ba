using System.Data.Common;
using Atlas.Postgres;
using Atlas.Register.Import;
using Atlas.Tests.Register;
using Npgsql;

namespace Atlas.Tests.Postgres;

/// <summary>
/// The atlas of <see cref="RegisterAtlasFixture"/> on a PostgreSQL database of its own, the register imported into it
/// as `atlas import kbo --store` does. Without a test server it starts nothing (the tests skip, or fail in CI).
/// </summary>
public sealed class PostgresRegisterAtlasFixture : RegisterAtlasFixture
{
    public new const string Collection = "register-atlas-postgres";

    private TestDatabase? _db;

    protected override AtlasServices Prepare()
    {
        _db = new TestDatabase();
        return PostgresSetup.Prepare(TestPaths.DataDir, _db.Spec);
    }

    protected override IRegisterTarget Target => PostgresSetup.RegisterTarget(_db!.Spec);

    public override DbConnection ConnectRegister()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_db!.Spec) { SearchPath = $"{PostgresRegisterStore.Schema}, public" }.ConnectionString);
        c.Open();
        return c;
    }

    public override Task InitializeAsync() => PostgresAtlasFixture.Available ? base.InitializeAsync() : Task.CompletedTask;

    public override async Task DisposeAsync()
    {
        if (!PostgresAtlasFixture.Available) return;
        await base.DisposeAsync();
        _db?.Dispose();
    }
}

[CollectionDefinition(PostgresRegisterAtlasFixture.Collection)]
public sealed class PostgresRegisterAtlasCollection : ICollectionFixture<PostgresRegisterAtlasFixture>;
