using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

/// <summary>
/// The series store of the embedded atlas: the series in their own SQLite file beside the atlas database
/// (<c>atlas.db</c> → <c>atlas.series.db</c>). Own file, like the register's, because the atlas database is a cache
/// that is dropped and rebuilt whenever the data files or its schema change, while imported series and their
/// revisions exist nowhere else. WAL mode: the server reads while an import writes; each import is one transaction.
/// </summary>
public sealed class SqliteSeriesStore : SqlSeriesStore
{
    private readonly string _connectionString;

    public override string Location { get; }

    private SqliteSeriesStore(string path)
    {
        Location = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>The series file that goes with an atlas database: the same name with <c>.series.db</c>.</summary>
    public static string PathFor(string atlasDbPath)
    {
        var full = Path.GetFullPath(atlasDbPath);
        return (full.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? full[..^3] : full) + ".series.db";
    }

    public static SqliteSeriesStore For(string atlasDbPath) => Open(PathFor(atlasDbPath));

    /// <summary>Opens the file, creating it and its tables if needed.</summary>
    /// <exception cref="StoreUnavailableException">the file cannot be created or read, or was made by a newer atlas.</exception>
    public static SqliteSeriesStore Open(string path)
    {
        var store = new SqliteSeriesStore(Path.GetFullPath(path));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(store.Location)!);
            using var c = store.Open();
            c.Execute("PRAGMA journal_mode=WAL;");
            var version = c.ExecuteScalar<int>("PRAGMA user_version;");
            if (version > SeriesSchema.Version)
                throw new StoreUnavailableException($"the series file {store.Location} was made by a newer atlas (version {version}; this one reads {SeriesSchema.Version}): update the atlas");
            using var tx = c.BeginTransaction();
            c.Execute(SeriesSchema.Create, transaction: tx);
            c.Execute($"PRAGMA user_version = {SeriesSchema.Version};", transaction: tx);
            tx.Commit();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot open the series file {store.Location} ({e.Message}). Check that its folder is writable, or choose another database.", e);
        }
        return store;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    protected override DbConnection Connect() => Open();

    protected override bool IsStoreError(Exception e) => e is SqliteException;

    protected override ValueWriter Values(DbConnection c, DbTransaction tx) => new FastValues((SqliteConnection)c);

    /// <summary>The values through SQLite's C interface: 100,000 of them bind without boxing.</summary>
    private sealed class FastValues(SqliteConnection c) : ValueWriter
    {
        private readonly FastStatement _insert = new(c, Positional(InsertValue)), _update = new(c, Positional(UpdateValue)),
            _delete = new(c, Positional(DeleteValue)), _history = new(c, Positional(HistoryValue));

        /// <summary>@p1 … @p6 as SQLite's ?1 … ?6, which FastStatement binds by position.</summary>
        private static string Positional(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, "@p([1-6])", "?$1");

        public override void Insert(long series, string period, double? value, string? status, string? attributes, long vintage) =>
            Run(Bind(_insert, series, period, value, status, attributes, vintage));

        public override void Update(long series, string period, double? value, string? status, string? attributes, long vintage) =>
            Run(Bind(_update, series, period, value, status, attributes, vintage));

        public override void Delete(long series, string period)
        {
            _delete.Int(1, series);
            _delete.Text(2, period);
            Run(_delete);
        }

        public override void History(long series, string period, double? value, string? status, long vintage, long replacedBy)
        {
            _history.Int(1, series);
            _history.Text(2, period);
            _history.Real(3, value);
            _history.Text(4, status);
            _history.Int(5, vintage);
            _history.Int(6, replacedBy);
            Run(_history);
        }

        private static FastStatement Bind(FastStatement st, long series, string period, double? value, string? status, string? attributes, long vintage)
        {
            st.Int(1, series);
            st.Text(2, period);
            st.Real(3, value);
            st.Text(4, status);
            st.Text(5, attributes);
            st.Int(6, vintage);
            return st;
        }

        private static void Run(FastStatement st)
        {
            if (!st.Run()) throw new SqliteException("a series value repeats a key", 19);
        }

        public override void Dispose()
        {
            foreach (var st in new[] { _insert, _update, _delete, _history }) st.Dispose();
        }
    }
}
