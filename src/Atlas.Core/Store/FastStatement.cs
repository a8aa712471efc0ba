using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Atlas.Store;

/// <summary>
/// A prepared statement driven through SQLite's C interface, for bulk loads: values are bound straight from
/// integers and UTF-8 bytes (no boxing, no string), and the statement is reset and reused for every row.
/// Microsoft.Data.Sqlite stays the way in for everything else; this is only the hot loop of a bulk load (the register import, the Statbel tables, the series).
/// </summary>
public sealed class FastStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public FastStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK) throw new SqliteException($"cannot prepare '{sql}': {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    public void Int(int index, long value) => raw.sqlite3_bind_int64(_stmt, index, value);

    public void Text(int index, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) raw.sqlite3_bind_null(_stmt, index);
        else raw.sqlite3_bind_text(_stmt, index, utf8);
    }

    public void Text(int index, string? value)
    {
        if (value is null) raw.sqlite3_bind_null(_stmt, index);
        else raw.sqlite3_bind_text(_stmt, index, value);
    }

    public void Real(int index, double? value)
    {
        if (value is { } v) raw.sqlite3_bind_double(_stmt, index, v);
        else raw.sqlite3_bind_null(_stmt, index);
    }

    public void Null(int index) => raw.sqlite3_bind_null(_stmt, index);

    /// <summary>Runs the statement once; returns false when a constraint refused the row (a duplicate key).</summary>
    public bool Run()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc == raw.SQLITE_DONE) return true;
        if (rc == raw.SQLITE_CONSTRAINT) return false;
        throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
    }

    /// <summary>Rows changed by the last run (0 when INSERT OR IGNORE skipped a duplicate).</summary>
    public int Changes => raw.sqlite3_changes(_db);

    public void Dispose() => _stmt.Dispose();
}
