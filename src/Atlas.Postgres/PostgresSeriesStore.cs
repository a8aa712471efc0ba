using System.Data.Common;
using Atlas.Store;
using Npgsql;
using NpgsqlTypes;

namespace Atlas.Postgres;

/// <summary>
/// The series on PostgreSQL: the tables of <c>Migrations/0003_series.sql</c>, read and written with the same SQL as
/// the embedded store (<see cref="SqlSeriesStore"/>); a vintage's values go through prepared commands in its one
/// transaction. Every node sees an import at its next request (the version is the last vintage's id).
/// </summary>
public sealed class PostgresSeriesStore(NpgsqlDataSource db, string location) : SqlSeriesStore
{
    public override string Location => location;

    protected override string MetaTable => "series_meta";

    protected override DbConnection Connect()
    {
        try { return db.OpenConnection(); }
        catch (NpgsqlException e) { throw PostgresErrors.Unreachable(location, e); }
    }

    protected override bool IsStoreError(Exception e) => e is NpgsqlException;

    protected override long ReadVersion()
    {
        try { return base.ReadVersion(); }
        catch (NpgsqlException e) when (e.IsTransient) { throw PostgresErrors.Unreachable(location, e); }
    }

    protected override ValueWriter Values(DbConnection c, DbTransaction tx) => new Prepared((NpgsqlConnection)c, (NpgsqlTransaction)tx);

    private sealed class Prepared : ValueWriter
    {
        private readonly NpgsqlCommand _insert, _update, _delete, _history;

        public Prepared(NpgsqlConnection c, NpgsqlTransaction tx)
        {
            NpgsqlCommand Make(string sql, params NpgsqlDbType[] types)
            {
                var cmd = new NpgsqlCommand(sql, c, tx);
                for (var i = 0; i < types.Length; i++) cmd.Parameters.Add(new NpgsqlParameter($"p{i + 1}", types[i]));
                cmd.Prepare();
                return cmd;
            }
            const NpgsqlDbType id = NpgsqlDbType.Bigint, text = NpgsqlDbType.Text, number = NpgsqlDbType.Double;
            _insert = Make(InsertValue, id, text, number, text, text, id);
            _update = Make(UpdateValue, id, text, number, text, text, id);
            _delete = Make(DeleteValue, id, text);
            // history's fifth and sixth values are vintages, not attributes
            _history = Make(HistoryValue, id, text, number, text, id, id);
        }

        public override void Insert(long series, string period, double? value, string? status, string? attributes, long vintage) =>
            Run(_insert, series, period, value, status, attributes, vintage);

        public override void Update(long series, string period, double? value, string? status, string? attributes, long vintage) =>
            Run(_update, series, period, value, status, attributes, vintage);

        public override void Delete(long series, string period) => Run(_delete, series, period);

        public override void History(long series, string period, double? value, string? status, long vintage, long replacedBy) =>
            Run(_history, series, period, value, status, vintage, replacedBy);

        private static void Run(NpgsqlCommand cmd, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }

        public override void Dispose()
        {
            foreach (var cmd in new[] { _insert, _update, _delete, _history }) cmd.Dispose();
        }
    }
}
