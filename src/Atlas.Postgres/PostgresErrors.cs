using Atlas.Store;
using Npgsql;

namespace Atlas.Postgres;

/// <summary>What a failed connection to the server means for the atlas: the store is unavailable (a 503, tried again later).</summary>
internal static class PostgresErrors
{
    private static readonly List<WeakReference<NpgsqlDataSource>> Pools = [];

    /// <summary>Notes a data source of this process, to be emptied when the server is lost.</summary>
    public static NpgsqlDataSource Known(NpgsqlDataSource db)
    {
        lock (Pools) Pools.Add(new WeakReference<NpgsqlDataSource>(db));
        return db;
    }

    /// <summary>
    /// The error to throw when the server cannot be reached or dropped the connection. The pools are emptied too:
    /// after a server restart every idle connection in them is dead (the curated data's and the register's alike),
    /// and each would otherwise fail one more request once the server is back.
    /// </summary>
    public static StoreUnavailableException Unreachable(string location, NpgsqlException e)
    {
        lock (Pools)
        {
            Pools.RemoveAll(p => !p.TryGetTarget(out _));
            foreach (var p in Pools)
                if (p.TryGetTarget(out var db)) db.Clear();
        }
        return new StoreUnavailableException($"cannot reach the database {location} ({e.Message}). Check that the server runs and the store setting is right.", e);
    }
}
