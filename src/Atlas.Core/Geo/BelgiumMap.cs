using System.Globalization;
using System.Text;

namespace Atlas.Geo;

/// <summary>A filled area of the map: a province (or the Brussels-Capital Region) with the region it lies in.</summary>
public sealed record MapArea(string Region, string Path);

/// <summary>A municipality of the boundaries (2020 NIS code) as its own path, for maps shaded by municipality.</summary>
public sealed record MapMunicipality(string Nis, string Path);

/// <summary>
/// Belgium as SVG path data, projected once on the server from the real municipal boundaries: province areas
/// filled by region, and the borders between municipalities as one thin path. The projection is equirectangular,
/// scaled by the cosine of the mean latitude: over Belgium's 2.5 degrees of latitude it is within 1 % of a conformal
/// projection, and it keeps the code to a line.
/// </summary>
public sealed record BelgiumMap(
    int Width, int Height, double MinLon, double MaxLat, double Scale, double CosLat,
    IReadOnlyList<MapArea> Areas, string MunicipalBorders, IReadOnlyList<MapMunicipality>? Municipalities = null)
{
    public const int DefaultWidth = 800;
    public const double Tolerance = 0.8; // map units (pixels at the default width) a simplified border may move

    public (double X, double Y) Project(double lat, double lon) =>
        ((lon - MinLon) * CosLat * Scale, (MaxLat - lat) * Scale);

    public static BelgiumMap From(Topology topology, int width = DefaultWidth)
    {
        var all = topology.Arcs.SelectMany(a => a).ToList();
        double minLon = all.Min(p => p.Lon), maxLon = all.Max(p => p.Lon);
        double minLat = all.Min(p => p.Lat), maxLat = all.Max(p => p.Lat);
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = width / ((maxLon - minLon) * cos);
        var height = (int)Math.Ceiling((maxLat - minLat) * scale);

        // simplify each arc once: shapes that share an arc keep sharing the same simplified line, so no gaps open
        var projected = topology.Arcs
            .Select(arc => Simplify(arc.Select(p => ((p.Lon - minLon) * cos * scale, (maxLat - p.Lat) * scale)).ToList(), Tolerance))
            .ToList();

        var areas = new List<MapArea>();
        var provinceArcs = new HashSet<int>();
        foreach (var g in topology.Objects.GetValueOrDefault("provinces") ?? [])
        {
            var sb = new StringBuilder();
            foreach (var ring in g.Polygons.SelectMany(p => p))
            {
                foreach (var i in ring) provinceArcs.Add(i >= 0 ? i : ~i);
                AppendRing(sb, RingPoints(ring, projected));
            }
            areas.Add(new MapArea(g.Prop("reg_nis") ?? "", sb.ToString()));
        }

        // borders between two municipalities that are not already province borders
        var uses = new Dictionary<int, int>();
        foreach (var g in topology.Objects.GetValueOrDefault("municipalities") ?? [])
            foreach (var i in g.Polygons.SelectMany(p => p).SelectMany(r => r))
                uses[i >= 0 ? i : ~i] = uses.GetValueOrDefault(i >= 0 ? i : ~i) + 1;
        var borders = new StringBuilder();
        foreach (var (arc, count) in uses.OrderBy(kv => kv.Key))
            if (count > 1 && !provinceArcs.Contains(arc)) AppendLine(borders, projected[arc]);

        // each municipality's outline from the same simplified arcs, so that shaded neighbours meet without gaps
        var municipalities = new List<MapMunicipality>();
        foreach (var g in topology.Objects.GetValueOrDefault("municipalities") ?? [])
        {
            if (g.Prop("nis") is not { } nis) continue;
            var sb = new StringBuilder();
            foreach (var ring in g.Polygons.SelectMany(p => p)) AppendRing(sb, RingPoints(ring, projected));
            municipalities.Add(new MapMunicipality(nis, sb.ToString()));
        }

        return new BelgiumMap(width, height, minLon, maxLat, scale, cos, areas, borders.ToString(), municipalities);
    }

    private static List<(double X, double Y)> RingPoints(IReadOnlyList<int> ring, List<List<(double X, double Y)>> arcs)
    {
        var pts = new List<(double, double)>();
        foreach (var i in ring)
        {
            IEnumerable<(double, double)> arc = i >= 0 ? arcs[i] : Enumerable.Reverse(arcs[~i]);
            pts.AddRange(pts.Count == 0 ? arc : arc.Skip(1));
        }
        return pts;
    }

    private static void AppendRing(StringBuilder sb, List<(double X, double Y)> points)
    {
        AppendLine(sb, points);
        sb.Append('z');
    }

    /// <summary>Writes "M x y l dx dy …" with whole units: deltas between rounded points, so rounding never drifts.</summary>
    private static void AppendLine(StringBuilder sb, List<(double X, double Y)> points)
    {
        if (points.Count == 0) return;
        var (px, py) = ((int)Math.Round(points[0].X), (int)Math.Round(points[0].Y));
        sb.Append('M').Append(px.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(py.ToString(CultureInfo.InvariantCulture)).Append('l');
        var first = true;
        foreach (var (x, y) in points.Skip(1))
        {
            var (rx, ry) = ((int)Math.Round(x), (int)Math.Round(y));
            if (rx == px && ry == py) continue;
            if (!first && rx - px >= 0) sb.Append(' ');
            sb.Append((rx - px).ToString(CultureInfo.InvariantCulture));
            if (ry - py >= 0) sb.Append(' ');
            sb.Append((ry - py).ToString(CultureInfo.InvariantCulture));
            (px, py, first) = (rx, ry, false);
        }
    }

    /// <summary>Douglas–Peucker: keeps the points that lie farther than the tolerance from the simplified line.</summary>
    public static List<(double X, double Y)> Simplify(List<(double X, double Y)> points, double tolerance)
    {
        if (points.Count < 3) return points;
        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int, int)>();
        stack.Push((0, points.Count - 1));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (best, index) = (-1.0, -1);
            for (var i = a + 1; i < b; i++)
            {
                var d = Distance(points[i], points[a], points[b]);
                if (d > best) (best, index) = (d, i);
            }
            if (index >= 0 && best > tolerance)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
        return points.Where((_, i) => keep[i]).ToList();
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0) return Math.Sqrt((p.X - a.X) * (p.X - a.X) + (p.Y - a.Y) * (p.Y - a.Y));
        return Math.Abs(dy * p.X - dx * p.Y + b.X * a.Y - b.Y * a.X) / length;
    }
}
