using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Catalogue;

/// <summary>
/// An area that measures a place in the statistics: the place itself when it has a NIS code (a municipality, a
/// province …), or for a city each unit it links to (Ghent: the municipality it coincides with; Brussels: the City of
/// Brussels and the Region). <see cref="Relation"/> is null for the place itself.
/// </summary>
public sealed record StatisticalUnit(Place Place, PlaceRelation? Relation)
{
    public int Nis => Place.Nis!.Value.Value;
    public bool IsMunicipality => Place.Nis!.Value.IsMunicipality;
}

/// <summary>A municipality merged away on 1 January 2025: statistics count its addresses in the municipality it merged into.</summary>
public sealed class MergedMunicipalityException(Place place) : Exception($"{place.Names.Get(Lang.En)} ({place.Nis}) was merged into {place.MergedInto} on 1 January 2025")
{
    public Place Place { get; } = place;
}

/// <summary>The one place where a place is turned into the statistical units that measure it.</summary>
public static class StatisticalUnits
{
    /// <summary>The units of a place (empty when it has none); null when no place has that id or alias.</summary>
    /// <exception cref="MergedMunicipalityException">the place is a municipality merged away.</exception>
    public static IReadOnlyList<StatisticalUnit>? Of(CuratedSnapshot s, string idOrAlias)
    {
        if (s.Resolve(idOrAlias, EntityType.Place) is not { } id || s.Get<Place>(id) is not { } place) return null;
        if (place.PlaceKind == PlaceKind.City)
            return place.Links.Select(l => (Link: l, Target: s.Get<Place>(l.Place)))
                .Where(x => x.Target?.Nis is not null)
                .Select(x => new StatisticalUnit(x.Target!, x.Link.Relation)).ToList();
        if (place.Nis is null) return [];
        if (place.MergedInto is not null) throw new MergedMunicipalityException(place);
        return [new StatisticalUnit(place, null)];
    }

    /// <summary>The municipality that measures a place in the national panels: itself, or a city's first municipality (Brussels: the City, 21004).</summary>
    public static StatisticalUnit? Municipality(CuratedSnapshot s, string idOrAlias) =>
        Of(s, idOrAlias)?.FirstOrDefault(u => u.IsMunicipality);
}
