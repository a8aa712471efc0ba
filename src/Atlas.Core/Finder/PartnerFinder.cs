using Atlas.Catalogue;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Store;

namespace Atlas.Finder;

/// <summary>Why a company is a partner: the order of the list, best first.</summary>
public enum PartnerTier { SameMain, SameSecondary, RelatedMain, RelatedSecondary }

/// <summary>One activity that brought a company: its class, MAIN or SECO, in the activity itself or related to it (with φ).</summary>
public sealed record PartnerActivity(int Class, bool Main, bool Same, double Proximity, int? Via);

/// <summary>A register company within the distance, with only open register data: its name, number, municipality, establishment count and why it is here.</summary>
/// <param name="Locality">the postcode locality of its unit nearest the point, which <paramref name="Km"/> is measured to</param>
public sealed record CompanyPartner(int Rank, string EnterpriseNumber, string? Name, Place? Municipality, Locality Locality, double Km,
    int Establishments, PartnerTier Tier, IReadOnlyList<PartnerActivity> Activities);

/// <summary>A curated organisation (within the distance) or programme (whose scope holds the point) sharing a sector or technology with the activity.</summary>
public sealed record CuratedPartner(Entity Entity, Place? Place, double? Km, IReadOnlyList<Entity> Topics, Place? Scope);

/// <summary>Whom to partner with near a point: the companies (best first, <see cref="Total"/> in all) and the curated organisations and programmes.</summary>
public sealed record PartnerSearch(Activity Activity, IReadOnlyList<RelatedClass> Related, CountSource RelatednessSource, NearPoint Near,
    double DistanceKm, int Total, IReadOnlyList<CompanyPartner> Companies, IReadOnlyList<CuratedPartner> Curated, RegisterInfo Register);

/// <summary>
/// Whom to partner with: the register's enterprises active (MAIN or SECO, NACE-BEL 2008, their own or an establishment's
/// activity) in the activity's classes or the related ones, with a unit within the distance of a point; ordered by
/// why they are here (<see cref="PartnerTier"/>: the best of their activities), then by the proximity φ of that
/// activity's class, then by distance.
/// </summary>
internal static class PartnerFinder
{
    public static PartnerSearch Find(AtlasSnapshots snapshots, RegisterSnapshot register, Activity activity, IReadOnlyList<RelatedClass> related,
        CountSource relatedness, NearPoint near, double km, int top, Lang lang)
    {
        var curated = snapshots.Curated;
        var localities = curated.Localities;
        var index = register.Derived.Get((typeof(PartnerIndex), curated.SeedVersion), () => PartnerIndex.Build(register.Store, localities));
        var localityKm = localities.All.Select(l => PostcodeLocalities.DistanceKm(near.Latitude, near.Longitude, l.Latitude, l.Longitude)).ToArray();
        var sought = activity.Classes.Select(c => new SoughtClass(c, PartnerTier.SameMain, 1))
            .Concat(related.Select(r => new SoughtClass(r.Class, PartnerTier.RelatedMain, r.Proximity))).ToList();
        var relatedBy = related.ToDictionary(r => r.Class);
        var (total, hits) = index.Within(sought, localityKm, km, activity.Company?.Number, top);

        PartnerActivity Describe((int Class, bool Main) c) => activity.Contains(c.Class)
            ? new PartnerActivity(c.Class, c.Main, true, 1, null)
            : new PartnerActivity(c.Class, c.Main, false, relatedBy[c.Class].Proximity, relatedBy[c.Class].Via);
        var companies = new List<CompanyPartner>();
        using (var session = register.Store.Open())
            foreach (var (h, i) in hits.Select((h, i) => (h, i)))
                companies.Add(new CompanyPartner(i + 1, RegisterNumbers.Format(h.Number), NameOf(session.Names(h.Number), lang),
                    curated.Get<Place>("nis-" + h.Nis.ToString("D5")), localities.All[h.Locality], h.Km, h.Establishments, h.Tier,
                    [.. h.Classes.Select(Describe).OrderByDescending(a => a.Same).ThenByDescending(a => a.Main).ThenByDescending(a => a.Proximity).ThenBy(a => a.Class)]));
        return new PartnerSearch(activity, related, relatedness, near, km, total, companies, Curated(curated, activity, near, km), register.Info);
    }

    /// <summary>The official name (type 001) in the asked language, else in another; else any denomination.</summary>
    private static string? NameOf(IReadOnlyList<DenominationRow> names, Lang lang)
    {
        var wanted = lang switch { Lang.Fr => 1, Lang.Nl => 2, Lang.De => 3, _ => 4 };
        return names.OrderBy(n => n.Type == "001" ? 0 : 1).ThenBy(n => n.Language == wanted ? 0 : 1).ThenBy(n => n.Language).FirstOrDefault()?.Name;
    }

    /// <summary>
    /// The curated organisations that share one of the activity's sectors or technologies and have a place within the
    /// distance (nearest first), then the programmes that the sources link to one of them and whose scope holds the point.
    /// </summary>
    private static List<CuratedPartner> Curated(CuratedSnapshot curated, Activity activity, NearPoint near, double km)
    {
        var topics = activity.Topics.ToDictionary(t => t.Id);
        var result = new List<CuratedPartner>();
        foreach (var org in curated.All<Organisation>())
        {
            var shared = org.Sectors.Concat(org.Technologies).Where(topics.ContainsKey).Select(id => topics[id]).ToList();
            if (shared.Count == 0) continue;
            var nearest = org.Places.Select(p => curated.Get<Place>(p.Place)).OfType<Place>()
                .Select(p => (Place: p, Point: PointOf(curated, p)))
                .Where(x => x.Point is not null)
                .Select(x => (x.Place, Km: PostcodeLocalities.DistanceKm(near.Latitude, near.Longitude, x.Point!.Value.Lat, x.Point.Value.Lon)))
                .OrderBy(x => x.Km).FirstOrDefault();
            if (nearest.Place is not null && nearest.Km <= km) result.Add(new CuratedPartner(org, nearest.Place, nearest.Km, shared, null));
        }
        result.Sort((a, b) => a.Km!.Value.CompareTo(b.Km!.Value));
        foreach (var programme in curated.All<Programme>())
        {
            var shared = curated.FactsOf(programme.Id).SelectMany(f => f.Context.Prepend(f.Object ?? "")).Distinct()
                .Where(topics.ContainsKey).Select(id => topics[id]).ToList();
            var scope = programme.Scope is null ? null : curated.Get<Place>(programme.Scope);
            if (shared.Count > 0 && scope is not null && Holds(curated, scope, near.Municipality))
                result.Add(new CuratedPartner(programme, null, null, shared, scope));
        }
        return result;
    }

    private static (double Lat, double Lon)? PointOf(CuratedSnapshot curated, Place place)
    {
        if (place is { Latitude: { } lat, Longitude: { } lon }) return (lat, lon);
        return StatisticalUnits.Of(curated, place.Id)?.FirstOrDefault(u => u.IsMunicipality)?.Place is { Latitude: { } la, Longitude: { } lo } ? (la, lo) : null;
    }

    /// <summary>Whether a programme's scope (Belgium, a region, a city and its region) holds a municipality.</summary>
    private static bool Holds(CuratedSnapshot curated, Place scope, Place? municipality)
    {
        if (scope.PlaceKind == PlaceKind.Country) return true;
        if (municipality?.Nis is not { } nis) return false;
        var m = nis.Value;
        var units = scope.Nis is null ? StatisticalUnits.Of(curated, scope.Id) ?? [] : [new StatisticalUnit(scope, null)];
        return units.Any(u => u.Nis == m || Areas.Above(m).Contains(u.Nis));
    }
}
