using System.Text.Json;

namespace Atlas.Geo;

/// <summary>A ring or line of (longitude, latitude) points.</summary>
public sealed record Ring(IReadOnlyList<(double Lon, double Lat)> Points);

/// <summary>A named shape of a TopoJSON object: its properties and its polygons (each an outer ring and holes).</summary>
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

    private static double SignedArea(Ring ring)
    {
        double s = 0;
        var pts = ring.Points;
        for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
            s += pts[j].Lon * pts[i].Lat - pts[i].Lon * pts[j].Lat;
        return s / 2;
    }
}

/// <summary>
/// Decodes a TopoJSON topology (quantised, delta-encoded arcs shared between neighbours) into shapes with absolute
/// coordinates. Only what Belgian boundaries use: Polygon and MultiPolygon geometries.
/// </summary>
public static class Topology
{
    public static IReadOnlyDictionary<string, IReadOnlyList<Shape>> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        double sx = 1, sy = 1, tx = 0, ty = 0;
        if (root.TryGetProperty("transform", out var transform))
        {
            sx = transform.GetProperty("scale")[0].GetDouble();
            sy = transform.GetProperty("scale")[1].GetDouble();
            tx = transform.GetProperty("translate")[0].GetDouble();
            ty = transform.GetProperty("translate")[1].GetDouble();
        }
        var arcs = new List<List<(double, double)>>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
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
        var result = new Dictionary<string, IReadOnlyList<Shape>>();
        foreach (var obj in root.GetProperty("objects").EnumerateObject())
        {
            var shapes = new List<Shape>();
            foreach (var g in obj.Value.GetProperty("geometries").EnumerateArray())
            {
                var props = g.TryGetProperty("properties", out var pe)
                    ? pe.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                    : new Dictionary<string, JsonElement>();
                var polygons = new List<IReadOnlyList<Ring>>();
                switch (g.GetProperty("type").GetString())
                {
                    case "Polygon":
                        polygons.Add(Rings(g.GetProperty("arcs"), arcs));
                        break;
                    case "MultiPolygon":
                        foreach (var poly in g.GetProperty("arcs").EnumerateArray()) polygons.Add(Rings(poly, arcs));
                        break;
                }
                shapes.Add(new Shape(props, polygons));
            }
            result[obj.Name] = shapes;
        }
        return result;
    }

    private static List<Ring> Rings(JsonElement polygon, List<List<(double, double)>> arcs)
    {
        var rings = new List<Ring>();
        foreach (var ring in polygon.EnumerateArray())
        {
            var pts = new List<(double Lon, double Lat)>();
            foreach (var index in ring.EnumerateArray())
            {
                var i = index.GetInt32();
                var arc = i >= 0 ? arcs[i] : Enumerable.Reverse(arcs[~i]).ToList();
                // consecutive arcs share their end point: skip it on all but the first
                pts.AddRange(pts.Count == 0 ? arc : arc.Skip(1));
            }
            rings.Add(new Ring(pts));
        }
        return rings;
    }
}
