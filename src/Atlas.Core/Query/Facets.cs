using System.Collections.Frozen;
using Atlas.Store;

namespace Atlas.Query;

/// <summary>The regions, sectors and technologies an entity is connected with, for search facets.</summary>
public sealed record Facets(HashSet<string> Regions, HashSet<string> Sectors, HashSet<string> Technologies);

public sealed partial class AtlasQueries
{
    /// <summary>
    /// Entity id → facets, read once per data version. A place belongs to the region above it; every entity of a
    /// fact (subject, object, context) shares the fact's sectors and technologies, and a non-place its regions: IoT is in Flanders
    /// because Antwerp and Bruges use it, and Ghent is in the textile sector because a fact says so.
    /// </summary>
    private FrozenDictionary<string, Facets> FacetIndex => _facets ??= LoadFacets();
    private FrozenDictionary<string, Facets>? _facets;

    private FrozenDictionary<string, Facets> LoadFacets()
    {
        using var c = Store.Connect();
        var entities = new Dictionary<string, (string Type, string Kind, string? Parent)>();
        using (var cmd = AtlasStore.Command(c, null, "SELECT id, type, kind, parent_id FROM entities"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) entities[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));

        string? RegionOf(string id)
        {
            for (var (cur, guard) = (id, 0); cur is not null && guard < 10; guard++)
            {
                if (!entities.TryGetValue(cur, out var e) || e.Type != "place") return null;
                if (e.Kind == "region") return cur;
                cur = e.Parent!;
            }
            return null;
        }

        var result = new Dictionary<string, Facets>();
        Facets Of(string id) => result.TryGetValue(id, out var f) ? f : result[id] = new Facets([], [], []);
        void Add(Facets f, string id)
        {
            if (!entities.TryGetValue(id, out var e)) return;
            if (e.Type == "sector") f.Sectors.Add(id);
            else if (e.Type == "technology") f.Technologies.Add(id);
            else if (RegionOf(id) is { } region) f.Regions.Add(region);
        }

        foreach (var id in entities.Keys) Add(Of(id), id);
        var byFact = new Dictionary<string, List<string>>();
        using (var cmd = AtlasStore.Command(c, null, "SELECT fact_id, entity_id FROM fact_entities"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                (byFact.TryGetValue(r.GetString(0), out var l) ? l : byFact[r.GetString(0)] = []).Add(r.GetString(1));
        bool IsPlace(string id) => entities.TryGetValue(id, out var e) && e.Type == "place";
        foreach (var members in byFact.Values)
            foreach (var member in members)
                foreach (var other in members)
                    // a place lies in its own region only, whatever other places a fact names
                    if (!(IsPlace(member) && IsPlace(other))) Add(Of(member), other);
        return result.ToFrozenDictionary();
    }
}
