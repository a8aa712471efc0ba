using System.Data.Common;
using Atlas.Register;
using Atlas.Register.Import;
using Dapper;
using Npgsql;

namespace Atlas.Postgres;

/// <summary>
/// Where an import writes the register on PostgreSQL. A full dump is built in the schema <c>register_next</c> by
/// binary COPY, its keys and indexes made after the rows, then swapped for <c>register</c> in one transaction: readers
/// see the old register or the new one, and an import that dies midway (even by <c>kill -9</c>) leaves the old one
/// served and a <c>register_next</c> that the next import clears. An update is one transaction on <c>register</c>.
/// One import at a time: an advisory lock refuses a second one.
/// </summary>
public sealed class PostgresRegisterTarget : IRegisterTarget
{
    private const string Next = "register_next";
    private const long ImportLock = 0x41746c6173526567;   // "AtlasReg"

    private readonly NpgsqlConnectionStringBuilder _settings;

    public PostgresRegisterTarget(NpgsqlConnectionStringBuilder settings)
    {
        // an import's statements (a key over millions of rows) run as long as they need
        _settings = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { CommandTimeout = 0, Pooling = false };
        Location = PostgresDatabase.Describe(settings) + $" (schema {PostgresRegisterStore.Schema})";
    }

    public string Location { get; }

    public bool Exists
    {
        get
        {
            using var c = Open(PostgresRegisterStore.Schema);
            return c.ExecuteScalar<string?>($"SELECT to_regclass('{PostgresRegisterStore.Schema}.meta')::text") is not null;
        }
    }

    private (RegisterInfo? Info, string? Problem) Described()
    {
        if (!Exists) return (null, null);
        using var c = Open(PostgresRegisterStore.Schema);
        return RegisterReads.Describe(RegisterReads.Meta(c), Location);
    }

    public string? Problem => Described().Problem;
    public int? ExtractNumber => Described().Info?.ExtractNumber;

    private NpgsqlConnection Open(string schema)
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { SearchPath = $"{schema}, public" }.ConnectionString);
        c.Open();
        return c;
    }

    private RegisterImportException Busy() => new($"another import is writing the register {Location}: wait for it to end, then import again. Nothing was changed.");

    public IRegisterBuild BeginFull()
    {
        var c = Open(Next);
        try
        {
            if (!c.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@key)", new { key = ImportLock })) throw Busy();
            // what an import that died left behind
            c.Execute($"DROP SCHEMA IF EXISTS {Next} CASCADE; CREATE SCHEMA {Next};");
            c.Execute(PostgresRegisterSchema.Tables);
            return new Build(c);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    public IRegisterUpdate BeginUpdate()
    {
        var c = Open(PostgresRegisterStore.Schema);
        var tx = c.BeginTransaction();
        if (!c.ExecuteScalar<bool>("SELECT pg_try_advisory_xact_lock(@key)", new { key = ImportLock }, tx))
        {
            tx.Dispose();
            c.Dispose();
            throw Busy();
        }
        return new Update(c, tx);
    }

    private sealed class Build(NpgsqlConnection c) : IRegisterBuild
    {
        private readonly CopyRegisterRows _rows = new(c);
        private bool _replaced;

        public IRegisterRows Rows => _rows;

        public long Finish(SpecCounts counts, Func<IReadOnlyDictionary<string, string>> meta, Action<ImportStep> step)
        {
            _rows.Complete();
            _rows.Insert(counts);
            long repeated = c.Execute(PostgresRegisterSchema.DropRepeatedActivities);
            step(ImportStep.Indexing);
            c.Execute(PostgresRegisterSchema.Keys);
            step(ImportStep.BuildingSearchIndex);
            c.Execute(PostgresRegisterSchema.Search);
            RegisterMeta.Write(c, null, meta());
            // the web nodes' role reads the new tables as it read the old ones (see docs/deployment.md)
            c.Execute($"""
                DO $$ BEGIN
                    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{PostgresRoles.Reader}') THEN
                        GRANT USAGE ON SCHEMA {Next} TO {PostgresRoles.Reader};
                        GRANT SELECT ON ALL TABLES IN SCHEMA {Next} TO {PostgresRoles.Reader};
                    END IF;
                END $$;
                """);
            // the new tables' statistics, for the planner (one word: Dapper would take it for a procedure without the command type)
            c.Execute("ANALYZE", commandType: System.Data.CommandType.Text);
            return repeated;
        }

        public void Replace()
        {
            using var tx = c.BeginTransaction();
            c.Execute($"DROP SCHEMA IF EXISTS {PostgresRegisterStore.Schema} CASCADE; ALTER SCHEMA {Next} RENAME TO {PostgresRegisterStore.Schema};", transaction: tx);
            tx.Commit();
            _replaced = true;
        }

        public void Dispose()
        {
            _rows.Dispose();
            try
            {
                if (!_replaced && c.State == System.Data.ConnectionState.Open) c.Execute($"DROP SCHEMA IF EXISTS {Next} CASCADE");
            }
            catch (NpgsqlException)
            {
                // the next import clears it
            }
            c.Dispose();   // and with the session, its advisory lock
        }
    }

    private sealed class Update(NpgsqlConnection c, NpgsqlTransaction tx) : IRegisterUpdate
    {
        public DbConnection Connection => c;
        public DbTransaction Transaction => tx;
        public IRegisterRows Rows { get; } = new CommandRegisterRows(c, tx);

        public void Commit() => tx.Commit();

        public void Dispose()
        {
            Rows.Dispose();
            tx.Dispose();
            c.Dispose();
        }
    }
}
