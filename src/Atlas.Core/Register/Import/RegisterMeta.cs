using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>The register's <c>meta</c> table: which extract it holds, of which code tables, imported when and from where.</summary>
public static class RegisterMeta
{
    /// <summary>The extract number a register file holds, or null (no file, or not a complete register).</summary>
    public static int? ReadExtractNumber(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            return Read(c, "extract_number") is { } s && int.TryParse(s, out var n) ? n : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    internal static string? Read(SqliteConnection c, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Records the extract just imported (and, for an update, the extract the register held before), and how long the import has taken.</summary>
    internal static void Write(SqliteConnection c, KboExtract extract, string codeHash, ImportResult result, int? previous, TimeSpan elapsed)
    {
        var m = extract.Meta;
        var values = new Dictionary<string, string?>
        {
            ["code_hash"] = codeHash,
            ["extract_number"] = m.Number.ToString(CultureInfo.InvariantCulture),
            ["extract_type"] = m.TypeName,
            ["snapshot_date"] = m.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["extract_timestamp"] = m.Timestamp,
            ["imported_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["import_seconds"] = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            ["source"] = Path.GetFileName(extract.Path.TrimEnd('/', '\\')),
            ["schema_version"] = RegisterSchema.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (m.Type == ExtractType.Full)
        {
            values["full_extract_number"] = values["extract_number"];
            values["addresses"] = JsonSerializer.Serialize(new { resolved = result.AddressesResolved, abroad = result.AddressesAbroad, unresolved = result.AddressesUnresolved });
        }
        if (previous is not null) values["previous_extract_number"] = previous.Value.ToString(CultureInfo.InvariantCulture);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        var (k, v) = (cmd.Parameters.Add("$k", SqliteType.Text), cmd.Parameters.Add("$v", SqliteType.Text));
        foreach (var (key, value) in values)
        {
            if (value is null) continue;
            (k.Value, v.Value) = (key, value);
            cmd.ExecuteNonQuery();
        }
    }
}
