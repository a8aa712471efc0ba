using System.Collections.Frozen;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Query;

public sealed partial class AtlasQueries
{
    /// <summary>
    /// The other cities by the number of themes they share with this one, most first. The themes of every city are
    /// read once per data version: a city page asks for this on every render.
    /// </summary>
    public IReadOnlyList<(string City, int Shared)> CitiesSharingThemes(string city)
    {
        var themes = CityThemes;
        if (!themes.TryGetValue(city, out var mine)) return [];
        return themes.Where(t => t.Key != city)
            .Select(t => (City: t.Key, Shared: t.Value.Count(mine.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.City, StringComparer.Ordinal)
            .ToList();
    }

    private FrozenDictionary<string, FrozenSet<string>> CityThemes => _cityThemes ??= LoadCityThemes();
    private FrozenDictionary<string, FrozenSet<string>>? _cityThemes;

    private FrozenDictionary<string, FrozenSet<string>> LoadCityThemes()
    {
        using var c = Store.Connect();
        using var cmd = AtlasStore.Command(c, null, ThemesOfSubjects.Replace("$subjects", "SELECT id FROM entities WHERE kind = 'city'"));
        var result = new Dictionary<string, HashSet<string>>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            (result.TryGetValue(r.GetString(0), out var set) ? set : result[r.GetString(0)] = []).Add(r.GetString(1));
        return result.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet());
    }

    /// <summary>Subject, theme and fact of every fact whose subject is among $subjects: the themes are the sectors,
    /// technologies, organisations and programmes a fact names as object or context.</summary>
    private const string ThemesOfSubjects = """
        SELECT f.subject_id, fe.entity_id, f.id FROM facts f
        JOIN fact_entities fe ON fe.fact_id = f.id AND fe.role <> 'subject'
        JOIN entities e ON e.id = fe.entity_id AND e.type IN ('sector', 'technology', 'organisation', 'programme')
        WHERE f.subject_id IN ($subjects)
        ORDER BY f.seq
        """;

    /// <summary>
    /// What two or three places have in common and what only one has: the themes (sectors, technologies,
    /// organisations, programmes) of the facts whose subject they are, each with the facts behind it.
    /// </summary>
    /// <returns>null and the unknown ids when a place is not found.</returns>
    public (Comparison? Result, IReadOnlyList<string> Unknown) Compare(IReadOnlyList<string> places, Lang lang)
    {
        var ids = new List<string>();
        var unknown = new List<string>();
        foreach (var p in places)
        {
            if (Resolve(p, EntityType.Place) is { } id) ids.Add(id);
            else unknown.Add(p);
        }
        if (unknown.Count > 0) return (null, unknown);
        ids = ids.Distinct().ToList();

        using var c = Store.Connect();
        // theme id → place id → fact ids
        var themes = new Dictionary<string, Dictionary<string, List<string>>>();
        using (var cmd = AtlasStore.Command(c, null, ThemesOfSubjects.Replace("$subjects", "SELECT value FROM json_each($ids)")))
        {
            AtlasStore.Bind(cmd, ("$ids", System.Text.Json.JsonSerializer.Serialize(ids)));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var byPlace = themes.TryGetValue(r.GetString(1), out var bp) ? bp : themes[r.GetString(1)] = [];
                var list = byPlace.TryGetValue(r.GetString(0), out var l) ? l : byPlace[r.GetString(0)] = [];
                if (!list.Contains(r.GetString(2))) list.Add(r.GetString(2));
            }
        }
        var labels = Labels(c, themes.Keys.Concat(ids), lang);
        var typeOrder = new[] { "sector", "technology", "organisation", "programme" };
        var ordered = themes
            .OrderBy(t => Array.IndexOf(typeOrder, labels[t.Key].Type))
            .ThenBy(t => labels[t.Key].Label, StringComparer.Ordinal)
            .Select(t => new CompareTheme(labels[t.Key], ids.Where(t.Value.ContainsKey).ToList(),
                t.Value.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value)))
            .ToList();
        var shared = ids.Count > 1 ? ordered.Where(t => t.Places.Count == ids.Count).ToList() : [];
        var partly = ordered.Where(t => t.Places.Count > 1 && t.Places.Count < ids.Count).ToList();
        var only = ids.ToDictionary(id => id, id => (IReadOnlyList<CompareTheme>)ordered.Where(t => t.Places.Count == 1 && t.Places[0] == id).ToList());
        return (new Comparison(ids.Select(id => labels[id]).ToList(), shared, partly, only), []);
    }
}
