using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Query;

/// <summary>Cities × themes of one type: which facts link each city to each sector (or technology).</summary>
public sealed record ThemeMatrix(string Of, IReadOnlyList<EntityRef> Cities, IReadOnlyList<EntityRef> Themes,
    IReadOnlyDictionary<(string City, string Theme), IReadOnlyList<string>> Cells)
{
    public int Count(string city, string theme) => Cells.TryGetValue((city, theme), out var f) ? f.Count : 0;
    public int Max => Cells.Count == 0 ? 0 : Cells.Values.Max(f => f.Count);

    public IEnumerable<JsonObject> Rows() =>
        from city in Cities
        from theme in Themes
        where Count(city.Id, theme.Id) > 0
        select new JsonObject
        {
            ["city"] = city.Id, ["cityLabel"] = city.Label, ["theme"] = theme.Id, ["themeLabel"] = theme.Label,
            ["facts"] = Count(city.Id, theme.Id),
            ["factIds"] = new JsonArray(Cells[(city.Id, theme.Id)].Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        };

    public JsonObject ToJson() => new()
    {
        ["of"] = Of,
        ["cities"] = new JsonArray(Cities.Select(c => (JsonNode)c.ToJson()).ToArray()),
        ["themes"] = new JsonArray(Themes.Select(t => (JsonNode)t.ToJson()).ToArray()),
        ["cells"] = new JsonArray(Rows().Select(r => (JsonNode)r).ToArray()),
    };
}

public sealed partial class AtlasQueries
{
    public static readonly string[] MatrixTypes = ["sector", "technology"];

    /// <summary>The city × theme matrix; a fact counts for a cell when the city is its subject and the theme its object or context.</summary>
    public ThemeMatrix Matrix(string of, Lang lang)
    {
        if (!MatrixTypes.Contains(of)) throw new ArgumentException($"a matrix is of sector or technology, not '{of}'", nameof(of));
        using var c = Store.Connect();
        var cells = new Dictionary<(string, string), List<string>>();
        using (var cmd = AtlasStore.Command(c, null, """
            SELECT f.subject_id, fe.entity_id, f.id FROM facts f
            JOIN entities s ON s.id = f.subject_id AND s.kind = 'city'
            JOIN fact_entities fe ON fe.fact_id = f.id AND fe.role <> 'subject'
            JOIN entities t ON t.id = fe.entity_id AND t.type = $type
            ORDER BY f.seq
            """))
        {
            AtlasStore.Bind(cmd, ("$type", of));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                var list = cells.TryGetValue(key, out var l) ? l : cells[key] = [];
                if (!list.Contains(r.GetString(2))) list.Add(r.GetString(2));
            }
        }
        var cities = ListEntities(EntityType.Place, lang, PageRequest.All, kind: "city").Items.Select(e => e.Ref).ToList();
        var refs = Labels(c, cells.Keys.Select(k => k.Item2), lang);
        // the themes most cities share come first
        var themes = refs.Values
            .OrderByDescending(t => cells.Keys.Count(k => k.Item2 == t.Id))
            .ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
        return new ThemeMatrix(of, cities, themes, cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
    }
}
