using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
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
            return Read(c, null, "extract_number") is { } s && int.TryParse(s, out var n) ? n : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    internal static string? Read(DbConnection c, DbTransaction? tx, string key) =>
        c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key }, tx);

    /// <summary>What the register records of the extract just imported (and, for an update, of the extract the register held before), and how long the import has taken.</summary>
    internal static IReadOnlyDictionary<string, string> Values(KboExtract extract, string codeHash, ImportResult result, int? previous, TimeSpan elapsed)
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
        return values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
    }

    /// <summary>Writes meta values (on either store), replacing those of the same keys.</summary>
    public static void Write(DbConnection c, DbTransaction? tx, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
            c.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key, value }, tx);
    }
}
