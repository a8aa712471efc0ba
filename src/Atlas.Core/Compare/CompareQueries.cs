using System.Collections.Frozen;
using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Compare;

/// <summary>A theme of a comparison and, per place that has it, the facts behind it.</summary>
public sealed record CompareTheme(Entity Theme, IReadOnlyList<string> Places, IReadOnlyDictionary<string, IReadOnlyList<string>> Facts);

/// <summary>What two or three places share, what two of three share, and what only one has.</summary>
public sealed record Comparison(IReadOnlyList<Place> Places, IReadOnlyList<CompareTheme> Shared, IReadOnlyList<CompareTheme> PartlyShared,
    IReadOnlyDictionary<string, IReadOnlyList<CompareTheme>> Only);

/// <summary>Cities × themes of one type: which facts link each city to each sector (or technology).</summary>
public sealed record ThemeMatrix(EntityType Of, IReadOnlyList<Place> Cities, IReadOnlyList<Entity> Themes,
    IReadOnlyDictionary<(string City, string Theme), IReadOnlyList<string>> Cells)
{
    public int Count(string city, string theme) => Cells.TryGetValue((city, theme), out var f) ? f.Count : 0;
    public int Max => Cells.Count == 0 ? 0 : Cells.Values.Max(f => f.Count);
}

/// <summary>
/// The themes of places — the sectors, technologies, organisations and programmes a fact about them names as object
/// or context — compared between places, and laid out as the cities × sectors (or technologies) matrix.
/// </summary>
public sealed class CompareQueries(AtlasSnapshots snapshots)
{
    private static readonly EntityType[] ThemeTypes = [EntityType.Sector, EntityType.Technology, EntityType.Organisation, EntityType.Programme];

    /// <summary>The types a matrix can be of.</summary>
    public static readonly EntityType[] MatrixTypes = [EntityType.Sector, EntityType.Technology];

    /// <summary>The other cities by the number of themes they share with this one, most first (a city page asks on every render).</summary>
    public IReadOnlyList<(string City, int Shared)> CitiesSharingThemes(string city)
    {
        var themes = snapshots.Curated.Derived.Get(typeof(CityThemes), () => new CityThemes(LoadCityThemes(snapshots.Curated))).Of;
        if (!themes.TryGetValue(city, out var mine)) return [];
        return themes.Where(t => t.Key != city)
            .Select(t => (City: t.Key, Shared: t.Value.Count(mine.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.City, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record CityThemes(FrozenDictionary<string, FrozenSet<string>> Of);

    private static FrozenDictionary<string, FrozenSet<string>> LoadCityThemes(CuratedSnapshot s) =>
        s.All<Place>().Where(p => p.PlaceKind == PlaceKind.City)
            .Select(city => (city.Id, Themes: Themes(s, city.Id).Select(t => t.Theme).ToFrozenSet()))
            .Where(x => x.Themes.Count > 0)
            .ToFrozenDictionary(x => x.Id, x => x.Themes);

    /// <summary>(theme, fact) of every fact whose subject is the place, in source order.</summary>
    private static IEnumerable<(string Theme, string Fact)> Themes(CuratedSnapshot s, string subject, params EntityType[] types) =>
        from f in s.FactsOf(subject)
        from e in f.Entities
        where e != f.Subject && s.Get(e) is { } theme && (types.Length == 0 ? ThemeTypes : types).Contains(theme.Type)
        select (e, f.Id);

    /// <summary>What two or three places have in common and what only one has; null and the unknown names when a place is not found.</summary>
    public (Comparison? Result, IReadOnlyList<string> Unknown) Compare(IReadOnlyList<string> places, Lang lang)
    {
        var s = snapshots.Curated;
        var ids = new List<string>();
        var unknown = new List<string>();
        foreach (var p in places)
        {
            if (s.Resolve(p, EntityType.Place) is { } id) ids.Add(id);
            else unknown.Add(p);
        }
        if (unknown.Count > 0) return (null, unknown);
        ids = ids.Distinct().ToList();

        // theme id → place id → fact ids
        var themes = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var id in ids)
            foreach (var (theme, fact) in Themes(s, id))
            {
                var byPlace = themes.TryGetValue(theme, out var bp) ? bp : themes[theme] = [];
                var list = byPlace.TryGetValue(id, out var l) ? l : byPlace[id] = [];
                if (!list.Contains(fact)) list.Add(fact);
            }
        var ordered = themes
            .Select(t => (Theme: s.Get(t.Key)!, Places: t.Value))
            .OrderBy(t => Array.IndexOf(ThemeTypes, t.Theme.Type))
            .ThenBy(t => t.Theme.Label(lang), StringComparer.Ordinal)
            .Select(t => new CompareTheme(t.Theme, ids.Where(t.Places.ContainsKey).ToList(),
                t.Places.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value)))
            .ToList();
        var shared = ids.Count > 1 ? ordered.Where(t => t.Places.Count == ids.Count).ToList() : [];
        var partly = ordered.Where(t => t.Places.Count > 1 && t.Places.Count < ids.Count).ToList();
        var only = ids.ToDictionary(id => id, id => (IReadOnlyList<CompareTheme>)ordered.Where(t => t.Places.Count == 1 && t.Places[0] == id).ToList());
        return (new Comparison(ids.Select(id => s.Get<Place>(id)!).ToList(), shared, partly, only), []);
    }

    /// <summary>The city × theme matrix; a fact counts for a cell when the city is its subject and the theme its object or context.</summary>
    public ThemeMatrix Matrix(EntityType of, Lang lang)
    {
        if (!MatrixTypes.Contains(of)) throw new ArgumentException($"a matrix is of sectors or technologies, not of {of}", nameof(of));
        var s = snapshots.Curated;
        var cities = s.All<Place>().Where(p => p.PlaceKind == PlaceKind.City).ToList();
        var cells = new Dictionary<(string, string), List<string>>();
        foreach (var city in cities)
            foreach (var (theme, fact) in Themes(s, city.Id, of))
            {
                var list = cells.TryGetValue((city.Id, theme), out var l) ? l : cells[(city.Id, theme)] = [];
                if (!list.Contains(fact)) list.Add(fact);
            }
        // the themes most cities share come first
        var themes = cells.Keys.Select(k => k.Item2).Distinct().Select(id => s.Get(id)!)
            .OrderByDescending(t => cells.Keys.Count(k => k.Item2 == t.Id))
            .ThenBy(t => t.Label(lang), StringComparer.Ordinal).ToList();
        return new ThemeMatrix(of, cities, themes, cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
    }
}
