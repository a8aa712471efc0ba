using Atlas.Model;

namespace Atlas.Statbel;

/// <summary>
/// The 581 municipalities of Statbel's 2019 tables (the REFNIS list of 2019) and the one each belongs to since the
/// mergers of 1 January 2025 (565): Melle 44040 and Merelbeke 44043 → Merelbeke-Melle 44088, Borsbeek 11007 →
/// Antwerp 11002, a municipality that did not merge → itself.
/// </summary>
public sealed class MunicipalityMap
{
    private readonly Dictionary<NisCode, NisCode> _current;

    public MunicipalityMap(IReadOnlyDictionary<NisCode, NisCode> currentOf2019) => _current = new(currentOf2019);

    /// <summary>Built from the places the reference geography made (REFNIS 2019 and the 2025 merger list).</summary>
    public static MunicipalityMap Of(IEnumerable<Place> places)
    {
        var list = places.ToList();
        var nisById = new Dictionary<string, NisCode>();
        foreach (var p in list) if (p.Nis is { } nis) nisById.TryAdd(p.Id, nis); // a repeated id is the validator's to report
        var current = new Dictionary<NisCode, NisCode>();
        // municipalities created on 1 January 2025 have a ValidFrom: they are not in the 2019 tables
        foreach (var p in list.Where(p => p is { PlaceKind: PlaceKind.Municipality, ValidFrom: null, Nis: not null }))
            current.TryAdd(p.Nis!.Value, p.MergedInto is { } into && nisById.TryGetValue(into, out var nis) ? nis : p.Nis!.Value);
        return new(current);
    }

    public IReadOnlyCollection<NisCode> Municipalities2019 => _current.Keys;

    public bool Contains(NisCode nis2019) => _current.ContainsKey(nis2019);

    /// <summary>Today's municipality of a 2019 one.</summary>
    public NisCode Current(NisCode nis2019) => _current[nis2019];
}
