using System.Collections.Frozen;
using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Search;

/// <summary>The regions, sectors and technologies an entity is connected with, for search facets.</summary>
public sealed record Facets(HashSet<string> Regions, HashSet<string> Sectors, HashSet<string> Technologies)
{
    /// <summary>
    /// Entity id → facets, derived once per data version. A place belongs to the region above it; every entity of a
    /// fact (subject, object, context) shares the fact's sectors and technologies, and a non-place its regions: IoT is
    /// in Flanders because Antwerp and Bruges use it, and Ghent is in the textile sector because a fact says so.
    /// </summary>
    public static FrozenDictionary<string, Facets> Of(CuratedSnapshot s) => s.Derived.Get(typeof(Facets), () => Build(s));

    private static FrozenDictionary<string, Facets> Build(CuratedSnapshot s)
    {
        string? RegionOf(string id)
        {
            for (var (cur, guard) = (id, 0); cur is not null && guard < 10; guard++)
            {
                if (s.Get(cur) is not Place p) return null;
                if (p.PlaceKind == PlaceKind.Region) return cur;
                cur = p.Parent!;
            }
            return null;
        }

        var result = new Dictionary<string, Facets>();
        Facets Of(string id) => result.TryGetValue(id, out var f) ? f : result[id] = new Facets([], [], []);
        void Add(Facets f, string id)
        {
            switch (s.Get(id))
            {
                case null: return;
                case Sector: f.Sectors.Add(id); break;
                case Technology: f.Technologies.Add(id); break;
                default:
                    if (RegionOf(id) is { } region) f.Regions.Add(region);
                    break;
            }
        }

        foreach (var e in s.Entities) Add(Of(e.Id), e.Id);
        bool IsPlace(string id) => s.Get(id) is Place;
        foreach (var fact in s.Facts)
        {
            var members = fact.Entities.ToList();
            foreach (var member in members)
                foreach (var other in members)
                    // a place lies in its own region only, whatever other places a fact names
                    if (!(IsPlace(member) && IsPlace(other))) Add(Of(member), other);
        }
        return result.ToFrozenDictionary();
    }
}
