using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Geo;

/// <summary>
/// The geometry of a place: polygons in (longitude, latitude), WGS 84, or none when the place is a point (a town that
/// is not a municipality: Louvain-la-Neuve). <see cref="Basis"/> says where the outline comes from.
/// </summary>
public sealed record PlaceGeometry(Place Place, IReadOnlyList<IReadOnlyList<Ring>>? Polygons, string Basis);

/// <summary>
/// The outline of every place, from the municipal boundaries the data was seeded with (Statbel's 2020 municipalities,
/// with their arrondissements and provinces): a municipality has its own; a municipality formed on 1 January 2025
/// (Pajottegem) or enlarged then (Antwerp with Borsbeek) has the union of its former municipalities, merged on the
/// topology's shared arcs (<see cref="TopologyMerge"/>); a municipality merged away keeps its 2020 outline; a region
/// is the union of its provinces and Belgium the union of all; a city has the outline of the municipality it is
/// (Ghent) or whose core it is (Brussels: the City of Brussels). Computed once per data version, on first use.
/// </summary>
public sealed class PlaceGeometries(AtlasSnapshots snapshots)
{
    private sealed record Boundaries(Topology Topology, IReadOnlyDictionary<string, List<TopoGeometry>> ByObjectAndNis,
        IReadOnlyDictionary<string, List<TopoGeometry>> ProvincesByRegion);

    /// <summary>The geometry of a place, or null when the data has no boundaries or none for this place.</summary>
    public PlaceGeometry? Of(Place place)
    {
        var s = snapshots.Curated;
        return s.Seeded.Get((typeof(PlaceGeometry), place.Id), () => Compute(s, place) ?? new PlaceGeometry(place, null, "")) is { Basis.Length: > 0 } g ? g : null;
    }

    private static Boundaries? Read(CuratedSnapshot s) => s.Boundaries is not { } text ? null : s.Seeded.Get(typeof(Boundaries), () =>
    {
        var topology = Topology.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        var byNis = new Dictionary<string, List<TopoGeometry>>();
        foreach (var (name, geometries) in topology.Objects)
            foreach (var g in geometries.Where(g => g.Prop("nis") is not null))
                (byNis.TryGetValue($"{name}/{g.Prop("nis")}", out var list) ? list : byNis[$"{name}/{g.Prop("nis")}"] = []).Add(g);
        var byRegion = (topology.Objects.GetValueOrDefault("provinces") ?? []).GroupBy(g => g.Prop("reg_nis") ?? "")
            .ToDictionary(g => g.Key, g => g.ToList());
        return new Boundaries(topology, byNis, byRegion);
    });

    private static PlaceGeometry? Compute(CuratedSnapshot s, Place place)
    {
        if (Read(s) is not { } b) return null;
        var nis = place.Nis?.ToString();
        List<TopoGeometry> Of(string obj, string? code) => code is null ? [] : b.ByObjectAndNis.GetValueOrDefault($"{obj}/{code}") ?? [];
        PlaceGeometry? Merged(IReadOnlyCollection<TopoGeometry> parts, string basis) =>
            parts.Count == 0 ? null : new PlaceGeometry(place, TopologyMerge.Merge(b.Topology, parts), basis);

        switch (place.PlaceKind)
        {
            case PlaceKind.Municipality:
                var former = place.MergedFrom.Select(id => s.Get<Place>(id)?.Nis?.ToString()).OfType<string>().ToList();
                if (former.Count == 0) return Merged(Of("municipalities", nis), $"municipal boundaries of 2020 (NIS {nis})");
                var codes = Of("municipalities", nis).Count > 0 ? former.Prepend(nis!).ToList() : former;
                return Merged(codes.SelectMany(c => Of("municipalities", c)).ToList(),
                    $"merged on 1 January 2025 from the municipalities of 2020 {string.Join(", ", codes)}");
            case PlaceKind.Arrondissement:
                return Merged(Of("arrondissements", nis), $"arrondissement boundaries of 2020 (NIS {nis})");
            case PlaceKind.Province:
                return Merged(Of("provinces", nis), $"province boundaries of 2020 (NIS {nis})");
            case PlaceKind.Region:
                return Merged(b.ProvincesByRegion.GetValueOrDefault(nis ?? "") ?? [], $"the union of the region's provinces (NIS {nis})");
            case PlaceKind.Country:
                return Merged(b.ProvincesByRegion.Values.SelectMany(p => p).ToList(), "the union of every province and of the Brussels-Capital Region");
            case PlaceKind.City:
                var link = place.Links.FirstOrDefault(l => l.Relation is PlaceRelation.CoincidesWith or PlaceRelation.CityProper);
                if (link is not null && s.Get<Place>(link.Place) is { } municipality && Compute(s, municipality) is { } g)
                    return g with { Place = place, Basis = $"the municipality {municipality.Nis} ({Slugs.Of(link.Relation)}): {g.Basis}" };
                return place.Latitude is null ? null : new PlaceGeometry(place, null, "a town within a municipality: its coordinates");
            default:
                return null;
        }
    }
}
