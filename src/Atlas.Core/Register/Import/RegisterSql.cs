using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>The import's way into a register file: a connection of its own, and statements run for their effect.</summary>
internal static class RegisterSql
{
    /// <summary>Opens (or creates) a register file for writing; not pooled, so that the file can be renamed or deleted after.</summary>
    public static SqliteConnection OpenForWriting(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public static void Exec(this SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
