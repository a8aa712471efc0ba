using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Atlas.Text;

namespace Atlas.Web.Http;

/// <summary>
/// Turns typed rows into CSV, one line each, following their JSON contract: nested objects flattened
/// (<c>locator.phrase</c>, <c>names.fr</c>), lists of values joined with "; ", lists of objects left to their own
/// endpoints. A nested object's columns come from its type, so a table's columns do not depend on which rows it
/// holds; the keys of a dictionary (names by language) are those the rows have, in the order they first appear.
/// </summary>
public static class CsvRows
{
    /// <param name="constants">Columns with the same value on every line, after the rows' own (what the figures count and when).</param>
    public static string Write<TRow>(IEnumerable<TRow> rows, IReadOnlyList<(string Column, string Value)>? constants = null)
    {
        var info = ApiJson.Info<TRow>();
        var flat = rows.Select(r =>
        {
            var cells = new Dictionary<string, string>();
            Walk(cells, "", info, JsonSerializer.SerializeToElement(r, info));
            return cells;
        }).ToList();
        // the keys of each dictionary (names.fr, names.nl …) as the rows have them, in the order they first appear
        var keys = flat.SelectMany(r => r.Keys).Distinct().ToList();
        var columns = new List<string>();
        var seen = new HashSet<string>();
        foreach (var key in Columns("", info, keys).Concat(keys))
            if (seen.Add(key)) columns.Add(key);
        foreach (var (column, value) in constants ?? [])
        {
            columns.Add(column);
            foreach (var row in flat) row[column] = value;
        }
        var sb = new StringBuilder(Csv.Line(columns));
        foreach (var row in flat) sb.Append(Csv.Line(columns.Select(c => row.GetValueOrDefault(c) ?? "")));
        return sb.ToString();
    }

    /// <summary>The columns of a type in its order: its scalar, list-of-value and nested-object properties, and the keys its dictionaries have in <paramref name="keys"/>.</summary>
    private static IEnumerable<string> Columns(string prefix, JsonTypeInfo info, IReadOnlyList<string> keys)
    {
        foreach (var p in info.Properties)
        {
            var name = Join(prefix, p.Name);
            var nested = info.Options.GetTypeInfo(p.PropertyType);
            switch (nested.Kind)
            {
                case JsonTypeInfoKind.Object:
                    foreach (var c in Columns(name, nested, keys)) yield return c;
                    break;
                case JsonTypeInfoKind.Dictionary:
                    foreach (var k in keys.Where(k => k.StartsWith(name + ".", StringComparison.Ordinal))) yield return k;
                    break;
                case JsonTypeInfoKind.Enumerable when !IsObject(nested.ElementType, info.Options):
                case JsonTypeInfoKind.None:
                    yield return name;
                    break;
            }
        }
    }

    private static void Walk(Dictionary<string, string> cells, string prefix, JsonTypeInfo info, JsonElement node)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node.ValueKind == JsonValueKind.Object:
                foreach (var p in info.Properties)
                    if (node.TryGetProperty(p.Name, out var value))
                        Walk(cells, Join(prefix, p.Name), info.Options.GetTypeInfo(p.PropertyType), value);
                break;
            case JsonTypeInfoKind.Dictionary when node.ValueKind == JsonValueKind.Object:
                foreach (var p in node.EnumerateObject()) cells[Join(prefix, p.Name)] = Scalar(p.Value);
                break;
            case JsonTypeInfoKind.Enumerable when node.ValueKind == JsonValueKind.Array:
                if (!IsObject(info.ElementType, info.Options)) cells[prefix] = string.Join("; ", node.EnumerateArray().Select(Scalar));
                break;
            case JsonTypeInfoKind.None:
                cells[prefix] = Scalar(node);
                break;
        }
    }

    private static bool IsObject(Type? type, JsonSerializerOptions options) =>
        type is not null && options.GetTypeInfo(type).Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Enumerable;

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static string Scalar(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => node.GetString()!,
        _ => node.GetRawText(),
    };
}
