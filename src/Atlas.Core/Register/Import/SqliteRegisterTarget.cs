using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>
/// The register's own SQLite file beside the atlas database. A full dump is built into a new file, written for speed
/// (journal off, one transaction, indexes and the search index made after the rows) since a crash costs only the
/// file being built, and renamed over the register once complete (<see cref="RegisterFileSwap"/>); an update is one
/// transaction on the file.
/// </summary>
public sealed class SqliteRegisterTarget(string registerPath) : IRegisterTarget
{
    public string Path { get; } = System.IO.Path.GetFullPath(registerPath);
    public string Location => Path;
    public bool Exists => File.Exists(Path);
    public string? Problem => new RegisterStore(Path).Problem;
    public int? ExtractNumber => RegisterMeta.ReadExtractNumber(Path);

    public IRegisterBuild BeginFull() => new Build(RegisterFileSwap.Begin(Path));

    public IRegisterUpdate BeginUpdate() => new Update(Path);

    private sealed class Build : IRegisterBuild
    {
        private readonly RegisterFileSwap _swap;
        private readonly SqliteConnection _c;
        private readonly SqliteRegisterRows _rows;

        public Build(RegisterFileSwap swap)
        {
            _swap = swap;
            _c = RegisterSql.OpenForWriting(swap.NewFile);
            _c.Exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
            _c.Exec(RegisterSchema.Tables);
            _c.Exec("BEGIN");
            _rows = new SqliteRegisterRows(_c);
        }

        public IRegisterRows Rows => _rows;

        public long Finish(SpecCounts counts, Func<IReadOnlyDictionary<string, string>> meta, Action<ImportStep> step)
        {
            _rows.Dispose();
            counts.AddTo(_c, null);
            step(ImportStep.Indexing);
            _c.Exec(RegisterSchema.Indexes);
            step(ImportStep.BuildingSearchIndex);
            _c.Exec(RegisterSchema.Search);
            RegisterMeta.Write(_c, null, meta());
            _c.Exec("COMMIT");
            _c.Exec($"PRAGMA user_version = {RegisterSchema.Version}");
            _c.Exec("PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE;");
            _c.Exec("ANALYZE");
            // repeated activity rows were dropped as they were inserted (INSERT OR IGNORE) and counted then
            return 0;
        }

        public void Replace()
        {
            _c.Dispose();
            SqliteConnection.ClearAllPools();
            _swap.Replace();
        }

        public void Dispose()
        {
            _rows.Dispose();
            _c.Dispose();
            _swap.Dispose();
        }
    }

    private sealed class Update : IRegisterUpdate
    {
        private readonly SqliteConnection _c;

        public Update(string path)
        {
            _c = RegisterSql.OpenForWriting(path);
            _c.Exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL;");
            // IMMEDIATE: the write lock is taken now, so that two updates at once wait rather than fail midway
            Transaction = _c.BeginTransaction(deferred: false);
            Rows = new SqliteRegisterRows(_c);
        }

        public DbConnection Connection => _c;
        public DbTransaction Transaction { get; }
        public IRegisterRows Rows { get; }

        public void Commit() => Transaction.Commit();

        public void Dispose()
        {
            Rows.Dispose();
            Transaction.Dispose();
            _c.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}
