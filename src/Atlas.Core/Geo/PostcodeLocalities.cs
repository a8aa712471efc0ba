using System.Globalization;
using Atlas.Diagnostics;
using Atlas.Text;

namespace Atlas.Geo;

/// <summary>A bpost postcode locality with its point (data/reference/geo/postcodes-geocoded.csv).</summary>
public sealed record Locality(int Postcode, string Name, double Latitude, double Longitude);

/// <summary>
/// The postcode localities the atlas ships, with their points: where the finder places an address of the register
/// (by its postcode, and its locality's name where the postcode has several), and the distances it measures. An
/// address is placed at its locality's point, not at its street: Belgium's 1,100-odd postcodes cover 30,689 km², 27 km²
/// each on average (a disc of about 3 km radius), so a distance is good to a few kilometres.
/// </summary>
public sealed class PostcodeLocalities
{
    /// <summary>What a distance measured between localities is good to, in words, for every answer that gives one.</summary>
    public const string Precision =
        "Distances are great-circle distances between points of bpost postcode localities (an address is placed at the point of its postcode's locality, not at its street), good to a few kilometres: Belgium's postcodes cover 27 km² each on average.";

    public IReadOnlyList<Locality> All { get; }
    private readonly Dictionary<int, int[]> _byPostcode;

    public PostcodeLocalities(IReadOnlyList<Locality> all)
    {
        All = all;
        _byPostcode = Enumerable.Range(0, all.Count).GroupBy(i => all[i].Postcode).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The localities of a postcode (empty when it has none).</summary>
    public IReadOnlyList<int> Of(int postcode) => _byPostcode.GetValueOrDefault(postcode) ?? [];

    /// <summary>
    /// The locality of an address: among its postcode's localities, the one its locality name names (in Dutch or
    /// French, accents and case ignored), else the postcode's first; −1 when the postcode has none.
    /// </summary>
    public int Find(string? zipcode, string? nameNl = null, string? nameFr = null)
    {
        if (zipcode is not { Length: 4 } || !int.TryParse(zipcode, NumberStyles.None, CultureInfo.InvariantCulture, out var postcode)) return -1;
        if (!_byPostcode.TryGetValue(postcode, out var candidates)) return -1;
        if (candidates.Length > 1)
            foreach (var name in new[] { nameNl, nameFr })
            {
                if (string.IsNullOrEmpty(name)) continue;
                var folded = TextFolding.Fold(name);
                foreach (var i in candidates)
                    if (TextFolding.Fold(All[i].Name) == folded) return i;
            }
        return candidates[0];
    }

    /// <summary>The great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371.0088, rad = Math.PI / 180;
        var dLat = (lat2 - lat1) * rad;
        var dLon = (lon2 - lon1) * rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Reads the geocoded localities (postal, name, lat, lng); a row of several postcodes names a merged municipality, not a locality, and is skipped.</summary>
    public static IReadOnlyList<Locality> Read(string path, string display, List<Problem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Problem(display, 0, "the geocoded postcode localities are missing: copy them from the reference data (see data/reference/MANIFEST.md)"));
            return [];
        }
        var list = new List<Locality>();
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path);
        int postcodeCol = reader.GetOrdinal("postal"), nameCol = reader.GetOrdinal("name"), latCol = reader.GetOrdinal("lat"), lonCol = reader.GetOrdinal("lng");
        var line = 1;
        while (reader.Read())
        {
            line++;
            if (!int.TryParse(reader.GetString(postcodeCol), NumberStyles.None, CultureInfo.InvariantCulture, out var postcode) || postcode is < 1000 or > 9999) continue;
            if (!double.TryParse(reader.GetString(latCol), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(reader.GetString(lonCol), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < 49.4 or > 51.6 || lon is < 2.5 or > 6.5)
            {
                problems.Add(new Problem(display, line, $"postcode {postcode}: the point ({reader.GetString(latCol)}, {reader.GetString(lonCol)}) is not in Belgium"));
                continue;
            }
            list.Add(new Locality(postcode, reader.GetString(nameCol), lat, lon));
        }
        return list;
    }
}
