using System.Globalization;
using Atlas.Catalogue;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Finder;

/// <summary>A point a question measures distances from: a place (its coordinates) or a postcode (its first locality's point).</summary>
public sealed record NearPoint(string Input, Place? Place, Locality? Locality, double Latitude, double Longitude, Place? Municipality);

/// <summary>
/// The municipalities the finder ranks — every current one of the curated data, with its centroid — and what it
/// needs of them: which places each measures (a city is measured by its municipality: Ghent by 44021, Brussels by the
/// City of Brussels, 21004), which lie within a distance of each, and where a point of a question is. Built once per
/// curated version.
/// </summary>
public sealed class FinderGeography
{
    public const double MaxDistanceKm = 100;

    public IReadOnlyList<Place> Municipalities { get; }
    public IReadOnlyDictionary<int, int> IndexOfNis { get; }
    /// <summary>By municipality index: the ids of the places it measures (itself, and the cities that are it).</summary>
    public IReadOnlyList<string[]> Measures { get; }

    private readonly CuratedSnapshot _curated;

    private FinderGeography(CuratedSnapshot curated)
    {
        _curated = curated;
        Municipalities = curated.All<Place>().Where(p => p is { PlaceKind: PlaceKind.Municipality, IsCurrent: true, Nis: not null })
            .OrderBy(p => p.Nis!.Value.Value).ToList();
        IndexOfNis = Municipalities.Select((p, i) => (p.Nis!.Value.Value, i)).ToDictionary(x => x.Item1, x => x.i);
        var measures = Municipalities.Select(p => new List<string> { p.Id }).ToList();
        foreach (var city in curated.All<Place>().Where(p => p.PlaceKind == PlaceKind.City))
            if (StatisticalUnits.Municipality(curated, city.Id) is { } unit && IndexOfNis.TryGetValue(unit.Nis, out var i)) measures[i].Add(city.Id);
        Measures = measures.Select(m => m.ToArray()).ToList();
    }

    public static FinderGeography Of(CuratedSnapshot curated) => curated.Seeded.Get(typeof(FinderGeography), () => new FinderGeography(curated));

    /// <summary>Kilometres between the centroids of every two municipalities (row-major), computed once per version.</summary>
    private float[] Distances => _curated.Seeded.Get((typeof(FinderGeography), "distances"), () =>
    {
        var n = Municipalities.Count;
        var d = new float[n * n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                d[i * n + j] = d[j * n + i] = (float)Distance(Municipalities[i], Municipalities[j]);
        return d;
    });

    /// <summary>By municipality index, the indices of the municipalities whose centroid lies within <paramref name="km"/> of its own (itself included).</summary>
    public int[][] Within(double km)
    {
        var (n, d) = (Municipalities.Count, Distances);
        var near = new int[n][];
        var row = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            row.Clear();
            for (var j = 0; j < n; j++)
                if (i == j || d[i * n + j] <= km) row.Add(j);
            near[i] = row.ToArray();
        }
        return near;
    }

    private static double Distance(Place a, Place b) =>
        a.Latitude is { } la && a.Longitude is { } oa && b.Latitude is { } lb && b.Longitude is { } ob ? PostcodeLocalities.DistanceKm(la, oa, lb, ob) : double.PositiveInfinity;

    /// <summary>A distance asked for, checked: from 0 to <see cref="MaxDistanceKm"/> km.</summary>
    public static double CheckDistance(double km) =>
        double.IsFinite(km) && km is >= 0 and <= MaxDistanceKm ? km
            : throw new FinderInputException("distance", FinderProblem.OutOfRange, km.ToString(CultureInfo.InvariantCulture), $"the distance is {km.ToString(CultureInfo.InvariantCulture)} km: give a distance from 0 to {MaxDistanceKm} km");

    /// <summary>The point of a place (any id or alias with coordinates) or of a four-digit postcode, with the municipality it lies in.</summary>
    public NearPoint Near(string text)
    {
        text = text.Trim();
        if (text.Length == 4 && text.All(char.IsAsciiDigit))
        {
            var i = _curated.Localities.Find(text);
            if (i < 0) throw new FinderInputException("near", FinderProblem.Unknown, text, $"there is no Belgian postcode {text}");
            var locality = _curated.Localities.All[i];
            return new NearPoint(text, null, locality, locality.Latitude, locality.Longitude, Closest(locality.Latitude, locality.Longitude));
        }
        if (_curated.Resolve(text, EntityType.Place) is not { } id || _curated.Get<Place>(id) is not { } place)
            throw new FinderInputException("near", FinderProblem.Unknown, text, $"there is no place '{(text.Length <= 40 ? text : text[..40] + "…")}': give a city, a municipality or a postcode");
        var municipality = StatisticalUnits.Of(_curated, id)?.FirstOrDefault(u => u.IsMunicipality)?.Place;
        var (lat, lon) = (place.Latitude ?? municipality?.Latitude, place.Longitude ?? municipality?.Longitude);
        if (lat is null || lon is null)
            throw new FinderInputException("near", FinderProblem.NoPoint, place.Label(Lang.En), $"{place.Label(Lang.En)} has no point to measure from: give a city, a municipality or a postcode");
        return new NearPoint(text, place, null, lat.Value, lon.Value, municipality ?? Closest(lat.Value, lon.Value));
    }

    /// <summary>The municipality whose centroid is closest to a point (for a postcode: which region it is in).</summary>
    private Place? Closest(double lat, double lon) =>
        Municipalities.Where(m => m.Latitude is not null).MinBy(m => PostcodeLocalities.DistanceKm(lat, lon, m.Latitude!.Value, m.Longitude!.Value));

    /// <summary>The current municipality a boundary of 2020 (its NIS code) lies in today: itself, or the one it merged into in 2025.</summary>
    public int? Today(string nis2020)
    {
        if (_curated.Get<Place>("nis-" + nis2020) is not { } place) return null;
        var current = place.MergedInto is { } into ? _curated.Get<Place>(into) : place;
        return current?.Nis?.Value;
    }
}
