using System.Buffers;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Finder;

/// <summary>A class a partners question looks for: its <see cref="PartnerTier"/> as a MAIN activity (SameMain or RelatedMain) and its proximity (1 for the activity's own).</summary>
internal readonly record struct SoughtClass(int Class, PartnerTier MainTier, double Proximity);

/// <summary>An enterprise within the distance of a point: its best reason (tier, then proximity), its unit nearest the point, its number of establishment units and its matching classes.</summary>
internal sealed record PartnerHit(long Number, PartnerTier Tier, double Proximity, double Km, int Locality, int Nis, int Establishments,
    IReadOnlyList<(int Class, bool Main)> Classes);

/// <summary>
/// Who does what where, from one version of the register, kept in memory so that a question reads no table: every
/// enterprise with its located units (its seat, its establishment units — each at its postcode locality's point) and
/// its number of establishment units; and, by NACE-BEL 2008 class, the enterprises with a MAIN or SECO activity in it
/// (their own or one of their establishments'), listed under each locality where they have a unit — so that a
/// question within a distance reads only the localities within it. Built once per register version, on the first
/// question that needs it (one pass over the enterprises, establishments, addresses and activities).
/// </summary>
internal sealed class PartnerIndex
{
    /// <summary>A class's enterprises by locality: those of locality l are <c>Entries[Start[l]..Start[l + 1]]</c>, each enterprise index × 2, + 1 when it has a MAIN activity in the class, ascending.</summary>
    private sealed record ClassList(int[] Start, int[] Entries);

    private readonly long[] _enterprises;
    private readonly int[] _establishments;
    private readonly int[] _unitStart;
    private readonly short[] _unitLocality;
    private readonly int[] _unitNis;
    private readonly Dictionary<int, ClassList> _byClass;

    public int Enterprises => _enterprises.Length;
    public int Units => _unitLocality.Length;

    private PartnerIndex(long[] enterprises, int[] establishments, int[] unitStart, short[] unitLocality, int[] unitNis, Dictionary<int, ClassList> byClass) =>
        (_enterprises, _establishments, _unitStart, _unitLocality, _unitNis, _byClass) = (enterprises, establishments, unitStart, unitLocality, unitNis, byClass);

    public static PartnerIndex Build(IRegisterStore store, PostcodeLocalities localities)
    {
        var enterprises = store.EnterpriseNumbers().ToArray();
        var establishments = store.EstablishmentEnterprises().ToArray();
        var estNumbers = establishments.Select(e => e.Number).ToArray();
        var estEnterprise = establishments.Select(e => Array.BinarySearch(enterprises, e.Enterprise)).ToArray();
        var estCount = new int[enterprises.Length];
        foreach (var e in estEnterprise) if (e >= 0) estCount[e]++;
        int EnterpriseOf(long entity)
        {
            if (KboDigits.IsEnterprise(entity)) return Array.BinarySearch(enterprises, entity) is var e and >= 0 ? e : -1;
            return Array.BinarySearch(estNumbers, entity) is var s and >= 0 ? estEnterprise[s] : -1;
        }

        // located units, then grouped by enterprise (a counting sort)
        var owner = new List<int>();
        var locality = new List<short>();
        var nis = new List<int>();
        foreach (var a in store.UnitAddresses())
        {
            var e = EnterpriseOf(a.Entity);
            var l = localities.Find(a.Zipcode, a.LocalityNl, a.LocalityFr);
            if (e < 0 || l < 0) continue;
            owner.Add(e);
            locality.Add((short)l);
            nis.Add(a.Nis);
        }
        var start = new int[enterprises.Length + 1];
        foreach (var e in owner) start[e + 1]++;
        for (var e = 0; e < enterprises.Length; e++) start[e + 1] += start[e];
        var next = start[..^1].ToArray();
        var unitLocality = new short[owner.Count];
        var unitNis = new int[owner.Count];
        for (var u = 0; u < owner.Count; u++)
        {
            var at = next[owner[u]]++;
            (unitLocality[at], unitNis[at]) = (locality[u], nis[u]);
        }

        // by class, each located enterprise once (index × 2, + 1 when one of its activities in the class is a MAIN one) …
        var lists = new Dictionary<int, List<int>>();
        foreach (var a in store.UnitClasses(2008))
        {
            if (a.Class < 0 || EnterpriseOf(a.Entity) is not (var e and >= 0) || start[e] == start[e + 1]) continue;
            (lists.TryGetValue(a.Class, out var list) ? list : lists[a.Class] = []).Add(e * 2 + (a.Main ? 1 : 0));
        }
        // … then under each locality where it has a unit (counting sorts: each locality's entries stay ascending)
        var (placeStart, places) = DistinctLocalities(start, unitLocality);
        var byClass = new Dictionary<int, ClassList>(lists.Count);
        var cursor = new int[localities.All.Count];
        foreach (var (cls, list) in lists)
        {
            list.Sort();
            var kept = new List<int>(list.Count);
            foreach (var x in list)
            {
                if (kept.Count > 0 && kept[^1] / 2 == x / 2) kept[^1] |= x & 1;
                else kept.Add(x);
            }
            var classStart = new int[localities.All.Count + 1];
            foreach (var x in kept)
                for (var p = placeStart[x >> 1]; p < placeStart[(x >> 1) + 1]; p++) classStart[places[p] + 1]++;
            for (var l = 0; l < localities.All.Count; l++) classStart[l + 1] += classStart[l];
            Array.Copy(classStart, cursor, cursor.Length);
            var entries = new int[classStart[^1]];
            foreach (var x in kept)
                for (var p = placeStart[x >> 1]; p < placeStart[(x >> 1) + 1]; p++) entries[cursor[places[p]]++] = x;
            byClass[cls] = new ClassList(classStart, entries);
        }
        return new PartnerIndex(enterprises, estCount, start, unitLocality, unitNis, byClass);
    }

    /// <summary>Each enterprise's distinct unit localities: those of enterprise e are <c>Places[Start[e]..Start[e + 1]]</c>.</summary>
    private static (int[] Start, short[] Places) DistinctLocalities(int[] unitStart, short[] unitLocality)
    {
        var start = new int[unitStart.Length];
        var places = new List<short>(unitLocality.Length);
        for (var e = 0; e + 1 < unitStart.Length; e++)
        {
            var first = places.Count;
            for (var u = unitStart[e]; u < unitStart[e + 1]; u++)
                if (places.IndexOf(unitLocality[u], first) < 0) places.Add(unitLocality[u]);
            start[e + 1] = places.Count;
        }
        return (start, places.ToArray());
    }

    /// <summary>
    /// The enterprises active in any of the sought classes with a unit within <paramref name="km"/> of a point (given the
    /// distance of every locality from it): how many, and the first <paramref name="top"/> by reason (tier, then
    /// proximity, higher first), then distance, then number, each with its nearest unit and its matching classes.
    /// </summary>
    public (int Total, List<PartnerHit> Top) Within(IReadOnlyList<SoughtClass> sought, double[] localityKm, double km, long? except, int top)
    {
        var near = Enumerable.Range(0, localityKm.Length).Where(l => localityKm[l] <= km).ToArray();
        // by enterprise: 0 not seen, −1 the company asked about, else 1 + its place in the lists below
        var slot = ArrayPool<int>.Shared.Rent(_enterprises.Length);
        Array.Clear(slot, 0, _enterprises.Length);
        var (who, tier, proximity, distance) = (new List<int>(), new List<PartnerTier>(), new List<double>(), new List<double>());
        try
        {
            foreach (var c in sought)
            {
                if (!_byClass.TryGetValue(c.Class, out var list)) continue;
                foreach (var l in near)
                    for (var i = list.Start[l]; i < list.Start[l + 1]; i++)
                    {
                        var x = list.Entries[i];
                        var e = x >> 1;
                        var at = slot[e];
                        if (at < 0) continue;
                        if (at == 0)
                        {
                            if (_enterprises[e] == except) { slot[e] = -1; continue; }
                            who.Add(e);
                            tier.Add(PartnerTier.RelatedSecondary + 1);
                            proximity.Add(0);
                            distance.Add(double.PositiveInfinity);
                            at = slot[e] = who.Count;
                        }
                        if (localityKm[l] < distance[at - 1]) distance[at - 1] = localityKm[l];
                        // a SECO activity is one tier below the MAIN one; the best (lowest tier, then highest proximity) stands
                        var t = c.MainTier + ((x & 1) == 1 ? 0 : 1);
                        if (t < tier[at - 1] || (t == tier[at - 1] && c.Proximity > proximity[at - 1])) (tier[at - 1], proximity[at - 1]) = (t, c.Proximity);
                    }
            }
        }
        finally { ArrayPool<int>.Shared.Return(slot); }

        // the first `top` by their key, kept in order as the hits go by (top is small, the hits many)
        var best = new List<int>(top + 1);
        int Compare(int a, int b) => tier[a] != tier[b] ? tier[a].CompareTo(tier[b])
            : proximity[a] != proximity[b] ? proximity[b].CompareTo(proximity[a])
            : distance[a] != distance[b] ? distance[a].CompareTo(distance[b])
            : _enterprises[who[a]].CompareTo(_enterprises[who[b]]);
        for (var i = 0; i < who.Count; i++)
        {
            if (best.Count == top && Compare(i, best[^1]) >= 0) continue;
            var lo = 0;
            for (var hi = best.Count; lo < hi;)
            {
                var mid = (lo + hi) / 2;
                if (Compare(best[mid], i) < 0) lo = mid + 1; else hi = mid;
            }
            best.Insert(lo, i);
            if (best.Count > top) best.RemoveAt(top);
        }
        return (who.Count, best.Select(i =>
        {
            var e = who[i];
            var unit = Nearest(e, localityKm);
            return new PartnerHit(_enterprises[e], tier[i], proximity[i], distance[i], _unitLocality[unit], _unitNis[unit], _establishments[e], Classes(e, _unitLocality[unit], sought));
        }).ToList());
    }

    /// <summary>The sought classes an enterprise is active in, and whether as a MAIN activity (looked up under one of its localities: it is listed under each).</summary>
    private List<(int Class, bool Main)> Classes(int e, int locality, IReadOnlyList<SoughtClass> sought)
    {
        var found = new List<(int, bool)>();
        foreach (var c in sought)
            if (_byClass.TryGetValue(c.Class, out var list))
            {
                var (from, count) = (list.Start[locality], list.Start[locality + 1] - list.Start[locality]);
                if (Array.BinarySearch(list.Entries, from, count, e * 2 + 1) >= 0) found.Add((c.Class, true));
                else if (Array.BinarySearch(list.Entries, from, count, e * 2) >= 0) found.Add((c.Class, false));
            }
        return found;
    }

    /// <summary>The enterprise's unit nearest the point (the first of the nearest locality's).</summary>
    private int Nearest(int e, double[] localityKm)
    {
        var (best, km) = (-1, double.PositiveInfinity);
        for (var u = _unitStart[e]; u < _unitStart[e + 1]; u++)
            if (localityKm[_unitLocality[u]] < km) (best, km) = (u, localityKm[_unitLocality[u]]);
        return best;
    }
}
