using System.Text.Json;

namespace Atlas.Geo;

/// <summary>A ring or line of (longitude, latitude) points.</summary>
public sealed record Ring(IReadOnlyList<(double Lon, double Lat)> Points);

/// <summary>A geometry of a TopoJSON object as arc indices: polygons of rings of arcs (negative = reversed, ~i).</summary>
public sealed record TopoGeometry(IReadOnlyDictionary<string, JsonElement> Properties, IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> Polygons)
{
    public string? Prop(string name) =>
        Properties.TryGetValue(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;
}

/// <summary>
/// A decoded TopoJSON topology: arcs in absolute (longitude, latitude), shared between neighbouring shapes, and the
/// objects whose geometries refer to them. Only Polygon and MultiPolygon geometries (all Belgian boundaries need).
/// </summary>
public sealed class Topology
{
    public IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Arcs { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<TopoGeometry>> Objects { get; }

    private Topology(IReadOnlyList<IReadOnlyList<(double, double)>> arcs, IReadOnlyDictionary<string, IReadOnlyList<TopoGeometry>> objects)
    {
        Arcs = arcs;
        Objects = objects;
    }

    public static Topology Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>A topology from its TopoJSON text (as the store keeps it).</summary>
    public static Topology Parse(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        double sx = 1, sy = 1, tx = 0, ty = 0;
        if (root.TryGetProperty("transform", out var transform))
        {
            sx = transform.GetProperty("scale")[0].GetDouble();
            sy = transform.GetProperty("scale")[1].GetDouble();
            tx = transform.GetProperty("translate")[0].GetDouble();
            ty = transform.GetProperty("translate")[1].GetDouble();
        }
        var arcs = new List<IReadOnlyList<(double, double)>>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            // quantised arcs are delta-encoded
            var points = new List<(double, double)>();
            double x = 0, y = 0;
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetDouble();
                y += p[1].GetDouble();
                points.Add((x * sx + tx, y * sy + ty));
            }
            arcs.Add(points);
        }
        var objects = new Dictionary<string, IReadOnlyList<TopoGeometry>>();
        foreach (var obj in root.GetProperty("objects").EnumerateObject())
        {
            var geometries = new List<TopoGeometry>();
            foreach (var g in obj.Value.GetProperty("geometries").EnumerateArray())
            {
                var props = g.TryGetProperty("properties", out var pe)
                    ? pe.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                    : new Dictionary<string, JsonElement>();
                var polygons = new List<IReadOnlyList<IReadOnlyList<int>>>();
                switch (g.GetProperty("type").GetString())
                {
                    case "Polygon":
                        polygons.Add(RingIndices(g.GetProperty("arcs")));
                        break;
                    case "MultiPolygon":
                        foreach (var poly in g.GetProperty("arcs").EnumerateArray()) polygons.Add(RingIndices(poly));
                        break;
                }
                geometries.Add(new TopoGeometry(props, polygons));
            }
            objects[obj.Name] = geometries;
        }
        return new Topology(arcs, objects);
    }

    private static List<IReadOnlyList<int>> RingIndices(JsonElement polygon) =>
        polygon.EnumerateArray().Select(ring => (IReadOnlyList<int>)ring.EnumerateArray().Select(i => i.GetInt32()).ToList()).ToList();

    /// <summary>The points of a ring given as arc indices, with the end point shared by consecutive arcs once.</summary>
    public IReadOnlyList<(double Lon, double Lat)> RingPoints(IReadOnlyList<int> ring, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>? arcs = null)
    {
        arcs ??= Arcs;
        var pts = new List<(double, double)>();
        foreach (var i in ring)
        {
            var arc = i >= 0 ? arcs[i] : arcs[~i].Reverse();
            pts.AddRange(pts.Count == 0 ? arc : arc.Skip(1));
        }
        return pts;
    }

    public Shape Shape(TopoGeometry g) =>
        new(g.Properties, g.Polygons.Select(p => (IReadOnlyList<Ring>)p.Select(r => new Ring(RingPoints(r))).ToList()).ToList());
}

/// <summary>A geometry decoded to absolute coordinates: polygons, each an outer ring and holes.</summary>
public sealed record Shape(IReadOnlyDictionary<string, JsonElement> Properties, IReadOnlyList<IReadOnlyList<Ring>> Polygons)
{
    public string? Prop(string name) =>
        Properties.TryGetValue(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    /// <summary>Planar area in square degrees (enough to weigh centroids; not a surface area).</summary>
    public double Area => Polygons.Sum(p => Math.Abs(SignedArea(p[0])) - p.Skip(1).Sum(h => Math.Abs(SignedArea(h))));

    /// <summary>Area-weighted centroid of the outer rings, as (latitude, longitude).</summary>
    public (double Lat, double Lon) Centroid()
    {
        double a = 0, cx = 0, cy = 0;
        foreach (var polygon in Polygons)
        {
            var pts = polygon[0].Points;
            for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
            {
                var cross = pts[j].Lon * pts[i].Lat - pts[i].Lon * pts[j].Lat;
                a += cross;
                cx += (pts[j].Lon + pts[i].Lon) * cross;
                cy += (pts[j].Lat + pts[i].Lat) * cross;
            }
        }
        if (Math.Abs(a) < 1e-12)
        {
            var all = Polygons.SelectMany(p => p[0].Points).ToList();
            return (all.Average(p => p.Lat), all.Average(p => p.Lon));
        }
        return (cy / (3 * a), cx / (3 * a));
    }

    private (double MinLon, double MinLat, double MaxLon, double MaxLat)? _bounds;

    /// <summary>The bounding box of the outer rings.</summary>
    public (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds => _bounds ??= (
        Polygons.Min(p => p[0].Points.Min(q => q.Lon)), Polygons.Min(p => p[0].Points.Min(q => q.Lat)),
        Polygons.Max(p => p[0].Points.Max(q => q.Lon)), Polygons.Max(p => p[0].Points.Max(q => q.Lat)));

    /// <summary>Whether a point lies inside, by the even-odd rule over every ring (so a hole is outside).</summary>
    public bool Contains(double lon, double lat)
    {
        var (minLon, minLat, maxLon, maxLat) = Bounds;
        if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
        var inside = false;
        foreach (var ring in Polygons.SelectMany(p => p))
        {
            var pts = ring.Points;
            for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
                if ((pts[i].Lat > lat) != (pts[j].Lat > lat)
                    && lon < (pts[j].Lon - pts[i].Lon) * (lat - pts[i].Lat) / (pts[j].Lat - pts[i].Lat) + pts[i].Lon)
                    inside = !inside;
        }
        return inside;
    }

    private static double SignedArea(Ring ring)
    {
        double s = 0;
        var pts = ring.Points;
        for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
            s += pts[j].Lon * pts[i].Lat - pts[i].Lon * pts[j].Lat;
        return s / 2;
    }
}
