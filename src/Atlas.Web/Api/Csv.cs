using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Atlas.Web.Api;

/// <summary>
/// Writes JSON rows as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or line breaks quoted).
/// Nested values are flattened: <c>names.fr</c>, <c>locator.phrase</c>; lists are joined with "; ".
/// The columns are the union of the rows' fields, in the order they first appear.
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<JsonObject> rows)
    {
        var flat = rows.Select(Flatten).ToList();
        var columns = new List<string>();
        var seen = new HashSet<string>();
        foreach (var row in flat)
            foreach (var key in row.Keys)
                if (seen.Add(key)) columns.Add(key);

        var sb = new StringBuilder();
        sb.Append(string.Join(',', columns.Select(Field))).Append("\r\n");
        foreach (var row in flat)
            sb.Append(string.Join(',', columns.Select(c => Field(row.GetValueOrDefault(c) ?? "")))).Append("\r\n");
        return sb.ToString();
    }

    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static Dictionary<string, string> Flatten(JsonObject row)
    {
        var result = new Dictionary<string, string>();
        void Walk(string prefix, JsonNode? node)
        {
            switch (node)
            {
                case null:
                    result[prefix] = "";
                    break;
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(prefix.Length == 0 ? k : $"{prefix}.{k}", v);
                    break;
                case JsonArray a:
                    // lists of objects (facts of an entity) are left to their own endpoints
                    if (a.All(x => x is JsonValue)) result[prefix] = string.Join("; ", a.Select(Scalar));
                    break;
                default:
                    result[prefix] = Scalar(node);
                    break;
            }
        }
        Walk("", row);
        return result;
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
