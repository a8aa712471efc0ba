namespace Atlas.Geo;

/// <summary>
/// The union of shapes of a topology, done on its arcs: an arc that two of the merged shapes share is an inner border
/// and is dropped; the arcs left are chained into rings. This is exact (no point moves), so a municipality merged in
/// 2025 gets the outline of its former municipalities, and a region the outline of its provinces. Rings that touch
/// themselves at a vertex are split there, and each ring is classed as an outer ring or a hole by how deeply other
/// rings enclose it, so that every polygon is valid (OGC simple features). Rings are oriented as RFC 7946 asks:
/// outer rings counterclockwise, holes clockwise.
/// </summary>
public static class TopologyMerge
{
    public static IReadOnlyList<IReadOnlyList<Ring>> Merge(Topology topology, IEnumerable<TopoGeometry> geometries)
    {
        // each arc with the direction it is used in, and how often the merged shapes use it
        var uses = new Dictionary<int, int>();
        var directed = new List<int>();
        foreach (var ring in geometries.SelectMany(g => g.Polygons).SelectMany(p => p))
            foreach (var i in ring)
            {
                var arc = i >= 0 ? i : ~i;
                uses[arc] = uses.GetValueOrDefault(arc) + 1;
                directed.Add(i);
            }
        var outline = directed.Where(i => uses[i >= 0 ? i : ~i] == 1).ToList();
        return Polygons(Chain(topology, outline).Select(WithoutSpikes).SelectMany(SplitAtRepeats).Where(r => r.Count >= 4).ToList());
    }

    private static IReadOnlyList<(double Lon, double Lat)> Points(Topology t, int i) =>
        i >= 0 ? t.Arcs[i] : t.Arcs[~i].Reverse().ToList();

    /// <summary>Joins directed arcs end to start into closed rings, closing a ring as soon as it comes back to its start.</summary>
    private static List<List<(double Lon, double Lat)>> Chain(Topology t, List<int> arcs)
    {
        var byStart = new Dictionary<(double, double), Queue<int>>();
        foreach (var i in arcs)
        {
            var start = Points(t, i)[0];
            (byStart.TryGetValue(start, out var q) ? q : byStart[start] = new Queue<int>()).Enqueue(i);
        }
        var rings = new List<List<(double Lon, double Lat)>>();
        foreach (var first in arcs)
        {
            var firstStart = Points(t, first)[0];
            if (!byStart.TryGetValue(firstStart, out var queue) || !queue.Contains(first)) continue;
            Remove(byStart, firstStart, first);
            var ring = new List<(double Lon, double Lat)>(Points(t, first));
            while (ring[^1] != ring[0] && byStart.TryGetValue(ring[^1], out var next) && next.Count > 0)
            {
                var end = ring[^1];
                ring.AddRange(Points(t, next.Dequeue()).Skip(1));
                if (next.Count == 0) byStart.Remove(end);
            }
            if (ring[^1] == ring[0]) rings.Add(ring);
        }
        return rings;
    }

    private static void Remove(Dictionary<(double, double), Queue<int>> byStart, (double, double) start, int arc)
    {
        var rest = new Queue<int>(byStart[start].Where(a => a != arc));
        if (rest.Count == 0) byStart.Remove(start); else byStart[start] = rest;
    }

    /// <summary>
    /// Drops what quantising the boundaries left behind — spikes (a line that goes out and comes straight back along
    /// itself) and tiny loops (an edge that crosses the edge after next) —: a ring that overlaps or crosses itself is
    /// not a valid polygon. In the shipped boundaries, one of each (Asse, Lo-Reninge).
    /// </summary>
    private static List<(double Lon, double Lat)> WithoutSpikes(List<(double Lon, double Lat)> ring)
    {
        var points = ring.Take(ring.Count - 1).ToList();
        for (var changed = true; changed && points.Count >= 3;)
        {
            changed = false;
            for (var i = 0; i < points.Count && points.Count >= 3; i++)
            {
                var (prev, next) = (points[(i + points.Count - 1) % points.Count], points[(i + 1) % points.Count]);
                if (points[i] == next || Backtracks(prev, points[i], next))
                {
                    points.RemoveAt(i--);
                    changed = true;
                }
                else if (points.Count >= 5 && Crossing(prev, points[i], next, points[(i + 2) % points.Count]) is { } x)
                {
                    // a tiny loop: the edge into this point crosses the edge after next; cut the loop at the crossing
                    points[i] = x;
                    points.RemoveAt((i + 1) % points.Count);
                    changed = true;
                }
            }
        }
        points.Add(points[0]);
        return points;
    }

    /// <summary>Where segment a–b crosses segment c–d (strictly inside both), or null.</summary>
    private static (double Lon, double Lat)? Crossing((double Lon, double Lat) a, (double Lon, double Lat) b, (double Lon, double Lat) c, (double Lon, double Lat) d)
    {
        var denominator = (b.Lon - a.Lon) * (d.Lat - c.Lat) - (b.Lat - a.Lat) * (d.Lon - c.Lon);
        if (denominator == 0) return null;
        var t = ((c.Lon - a.Lon) * (d.Lat - c.Lat) - (c.Lat - a.Lat) * (d.Lon - c.Lon)) / denominator;
        var u = ((c.Lon - a.Lon) * (b.Lat - a.Lat) - (c.Lat - a.Lat) * (b.Lon - a.Lon)) / denominator;
        return t is > 1e-9 and < 1 - 1e-9 && u is > 1e-9 and < 1 - 1e-9 ? (a.Lon + t * (b.Lon - a.Lon), a.Lat + t * (b.Lat - a.Lat)) : null;
    }

    /// <summary>b → c goes back along a → b: a, b, c on one line and c on the side of a.</summary>
    private static bool Backtracks((double Lon, double Lat) a, (double Lon, double Lat) b, (double Lon, double Lat) c)
    {
        var cross = (b.Lon - a.Lon) * (c.Lat - b.Lat) - (b.Lat - a.Lat) * (c.Lon - b.Lon);
        var dot = (b.Lon - a.Lon) * (c.Lon - b.Lon) + (b.Lat - a.Lat) * (c.Lat - b.Lat);
        return Math.Abs(cross) < 1e-14 && dot < 0;
    }

    /// <summary>A ring that passes a vertex twice (a pinch) becomes two rings that touch there.</summary>
    private static IEnumerable<List<(double Lon, double Lat)>> SplitAtRepeats(List<(double Lon, double Lat)> ring)
    {
        var path = new List<(double Lon, double Lat)>();
        var seen = new Dictionary<(double, double), int>();
        foreach (var p in ring.Take(ring.Count - 1))
        {
            if (path.Count > 0 && path[^1] == p) continue; // a repeated point adds nothing
            if (seen.TryGetValue(p, out var at))
            {
                var loop = path.GetRange(at, path.Count - at);
                loop.Add(p);
                yield return loop;
                foreach (var q in path.Skip(at + 1)) seen.Remove(q);
                path.RemoveRange(at + 1, path.Count - at - 1);
                continue;
            }
            seen[p] = path.Count;
            path.Add(p);
        }
        if (path.Count > 0) path.Add(path[0]);
        yield return path;
    }

    /// <summary>Outer rings (enclosed by an even number of others) with the holes directly inside them.</summary>
    private static IReadOnlyList<IReadOnlyList<Ring>> Polygons(List<List<(double Lon, double Lat)>> rings)
    {
        var probes = rings.Select(Probe).ToList();
        var parents = rings.Select((_, r) => Enumerable.Range(0, rings.Count).Where(o => o != r && Inside(probes[r], rings[o])).ToList()).ToList();
        var polygons = new List<(int Outer, List<Ring> Rings)>();
        for (var r = 0; r < rings.Count; r++)
            if (parents[r].Count % 2 == 0) polygons.Add((r, [new Ring(Oriented(rings[r], counterclockwise: true))]));
        for (var r = 0; r < rings.Count; r++)
        {
            if (parents[r].Count % 2 == 0) continue;
            // the hole belongs to the enclosing outer ring with the most enclosing rings itself (the nearest one)
            var owner = parents[r].Where(o => parents[o].Count % 2 == 0).MaxBy(o => parents[o].Count);
            polygons.First(p => p.Outer == owner).Rings.Add(new Ring(Oriented(rings[r], counterclockwise: false)));
        }
        return polygons.Select(p => (IReadOnlyList<Ring>)p.Rings).ToList();
    }

    /// <summary>A point inside the ring near its first edge: the midpoint of that edge, nudged inward.</summary>
    private static (double Lon, double Lat) Probe(List<(double Lon, double Lat)> ring)
    {
        var (a, b) = (ring[0], ring[1]);
        var (mx, my) = ((a.Lon + b.Lon) / 2, (a.Lat + b.Lat) / 2);
        var (dx, dy) = (b.Lon - a.Lon, b.Lat - a.Lat);
        var sign = SignedArea(ring) > 0 ? 1 : -1; // the inside is left of the edges of a counterclockwise ring
        return (mx - dy * 1e-6 * sign, my + dx * 1e-6 * sign);
    }

    private static bool Inside((double Lon, double Lat) p, List<(double Lon, double Lat)> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            if ((ring[i].Lat > p.Lat) != (ring[j].Lat > p.Lat)
                && p.Lon < (ring[j].Lon - ring[i].Lon) * (p.Lat - ring[i].Lat) / (ring[j].Lat - ring[i].Lat) + ring[i].Lon)
                inside = !inside;
        return inside;
    }

    private static double SignedArea(List<(double Lon, double Lat)> ring)
    {
        double s = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++) s += ring[j].Lon * ring[i].Lat - ring[i].Lon * ring[j].Lat;
        return s / 2;
    }

    private static List<(double Lon, double Lat)> Oriented(List<(double Lon, double Lat)> ring, bool counterclockwise)
    {
        if (SignedArea(ring) > 0 == counterclockwise) return ring;
        var reversed = new List<(double Lon, double Lat)>(ring);
        reversed.Reverse();
        return reversed;
    }
}
