using System.Buffers;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Finder;

/// <summary>A class a partners question looks for: its <see cref="PartnerTier"/> as a MAIN activity (SameMain or RelatedMain) and its proximity (1 for the activity's own).</summary>
internal readonly record struct SoughtClass(int Class, PartnerTier MainTier, double Proximity);

/// <summary>An enterprise within the distance of a point: its best reason (tier, then proximity), its unit nearest the point, and its matching classes.</summary>
internal sealed record PartnerHit(long Number, PartnerTier Tier, double Proximity, double Km, int Locality, int Nis, IReadOnlyList<(int Class, bool Main)> Classes);

/// <summary>
/// Who does what where, from one version of the register, kept in memory so that a question reads no table: every
/// enterprise with its located units (its seat, its establishment units — each at its postcode locality's point) and,
/// by NACE-BEL 2008 class, the enterprises with a MAIN or SECO activity in it, their own or one of their
/// establishments'. Built once per register version, on the first question that needs it (one pass over the
/// enterprises, establishments, addresses and activities).
/// </summary>
internal sealed class PartnerIndex
{
    private readonly long[] _enterprises;
    private readonly int[] _unitStart;
    private readonly short[] _unitLocality;
    private readonly int[] _unitNis;
    private readonly Dictionary<int, int[]> _byClass;

    public int Enterprises => _enterprises.Length;
    public int Units => _unitLocality.Length;

    private PartnerIndex(long[] enterprises, int[] unitStart, short[] unitLocality, int[] unitNis, Dictionary<int, int[]> byClass) =>
        (_enterprises, _unitStart, _unitLocality, _unitNis, _byClass) = (enterprises, unitStart, unitLocality, unitNis, byClass);

    public static PartnerIndex Build(IRegisterStore store, PostcodeLocalities localities)
    {
        var enterprises = store.EnterpriseNumbers().ToArray();
        var establishments = store.EstablishmentEnterprises().ToArray();
        var estNumbers = establishments.Select(e => e.Number).ToArray();
        var estEnterprise = establishments.Select(e => Array.BinarySearch(enterprises, e.Enterprise)).ToArray();
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

        // by class, each enterprise once: index × 2, + 1 when one of its activities in the class is a MAIN one
        var lists = new Dictionary<int, List<int>>();
        foreach (var a in store.UnitClasses(2008))
        {
            if (a.Class < 0 || EnterpriseOf(a.Entity) is not (var e and >= 0) || start[e] == start[e + 1]) continue;
            (lists.TryGetValue(a.Class, out var list) ? list : lists[a.Class] = []).Add(e * 2 + (a.Main ? 1 : 0));
        }
        var byClass = new Dictionary<int, int[]>(lists.Count);
        foreach (var (cls, list) in lists)
        {
            list.Sort();
            var kept = new List<int>(list.Count);
            foreach (var x in list)
            {
                if (kept.Count > 0 && kept[^1] / 2 == x / 2) kept[^1] |= x & 1;
                else kept.Add(x);
            }
            byClass[cls] = kept.ToArray();
        }
        return new PartnerIndex(enterprises, start, unitLocality, unitNis, byClass);
    }

    /// <summary>How many enterprises are active (MAIN or SECO) in a class, anywhere.</summary>
    public int InClass(int cls) => _byClass.GetValueOrDefault(cls)?.Length ?? 0;

    /// <summary>
    /// The enterprises active in any of the sought classes with a unit within <paramref name="km"/> of a point (given the
    /// distance of every locality from it): how many, and the first <paramref name="top"/> by reason (tier, then
    /// proximity, higher first), then distance, then number, each with its nearest unit and its matching classes.
    /// </summary>
    public (int Total, List<PartnerHit> Top) Within(IReadOnlyList<SoughtClass> sought, double[] localityKm, double km, long? except, int top)
    {
        // by enterprise: 0 not seen, −1 out of reach (or the company asked about), else 1 + its place in the lists below
        var slot = ArrayPool<int>.Shared.Rent(_enterprises.Length);
        Array.Clear(slot, 0, _enterprises.Length);
        var (who, tier, proximity, distance, unit) = (new List<int>(), new List<PartnerTier>(), new List<double>(), new List<double>(), new List<int>());
        try
        {
            foreach (var c in sought)
            {
                if (!_byClass.TryGetValue(c.Class, out var entries)) continue;
                foreach (var x in entries)
                {
                    var e = x >> 1;
                    var at = slot[e];
                    if (at < 0) continue;
                    if (at == 0)
                    {
                        var (u, d) = Nearest(e, localityKm);
                        if (d > km || _enterprises[e] == except) { slot[e] = -1; continue; }
                        who.Add(e);
                        tier.Add(PartnerTier.RelatedSecondary + 1);
                        proximity.Add(0);
                        distance.Add(d);
                        unit.Add(u);
                        at = slot[e] = who.Count;
                    }
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
        return (who.Count, best.Select(i => new PartnerHit(_enterprises[who[i]], tier[i], proximity[i], distance[i], _unitLocality[unit[i]], _unitNis[unit[i]],
            Classes(who[i], sought))).ToList());
    }

    /// <summary>The sought classes an enterprise is active in, and whether as a MAIN activity.</summary>
    private List<(int Class, bool Main)> Classes(int e, IReadOnlyList<SoughtClass> sought)
    {
        var found = new List<(int, bool)>();
        foreach (var c in sought)
            if (_byClass.TryGetValue(c.Class, out var entries))
            {
                if (Array.BinarySearch(entries, e * 2 + 1) >= 0) found.Add((c.Class, true));
                else if (Array.BinarySearch(entries, e * 2) >= 0) found.Add((c.Class, false));
            }
        return found;
    }

    private (int Unit, double Km) Nearest(int e, double[] localityKm)
    {
        var (best, km) = (-1, double.PositiveInfinity);
        for (var u = _unitStart[e]; u < _unitStart[e + 1]; u++)
            if (localityKm[_unitLocality[u]] < km) (best, km) = (u, localityKm[_unitLocality[u]]);
        return (best, km);
    }
}
