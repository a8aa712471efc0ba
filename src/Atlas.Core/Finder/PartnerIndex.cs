using Atlas.Geo;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Finder;

/// <summary>An enterprise within the distance of a point, with the activities that brought it there.</summary>
/// <param name="Unit">its unit (seat or establishment) nearest the point</param>
internal sealed record PartnerHit(int Enterprise, long Number, int Unit, double Km, int Locality, int Nis, List<(int Class, bool Main)> Classes);

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
    /// The enterprises active in any of the classes with a unit within <paramref name="km"/> of a point, given the
    /// distance of every locality from it; each with its nearest unit and its matching classes.
    /// </summary>
    public List<PartnerHit> Within(IEnumerable<int> classes, double[] localityKm, double km, long? except)
    {
        var hits = new Dictionary<int, PartnerHit?>();
        foreach (var cls in classes)
        {
            if (!_byClass.TryGetValue(cls, out var entries)) continue;
            foreach (var x in entries)
            {
                var e = x >> 1;
                if (!hits.TryGetValue(e, out var hit))
                {
                    hits[e] = hit = Nearest(e, localityKm) is var (unit, d) && d <= km && _enterprises[e] != except
                        ? new PartnerHit(e, _enterprises[e], unit, d, _unitLocality[unit], _unitNis[unit], [])
                        : null;
                }
                hit?.Classes.Add((cls, (x & 1) == 1));
            }
        }
        return hits.Values.OfType<PartnerHit>().ToList();
    }

    private (int Unit, double Km) Nearest(int e, double[] localityKm)
    {
        var (best, km) = (-1, double.PositiveInfinity);
        for (var u = _unitStart[e]; u < _unitStart[e + 1]; u++)
            if (localityKm[_unitLocality[u]] < km) (best, km) = (u, localityKm[_unitLocality[u]]);
        return (best, km);
    }
}
