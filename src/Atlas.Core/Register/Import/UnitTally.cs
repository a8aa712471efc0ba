using Atlas.Model;

namespace Atlas.Register.Import;

/// <summary>
/// What a full load notes of each enterprise and establishment as the files stream by — its municipality (seat or
/// establishment address) and its main activity of each version — so that the specialisation counts are made at the
/// end without reading the rows back. Units are kept by position in parallel lists of numbers rather than as an
/// object each: there are 3.6 million of them at the national size.
/// </summary>
internal sealed class UnitTally
{
    private readonly Dictionary<long, int> _enterprises = [];
    private readonly List<int> _enterpriseSeat = [], _enterpriseMain2008 = [], _enterpriseMain2025 = [];
    private readonly Dictionary<long, int> _establishments = [];
    private readonly List<long> _establishmentEnterprise = [];
    private readonly List<int> _establishmentNis = [], _establishmentMain2008 = [], _establishmentMain2025 = [];

    public void AddEnterprise(long number)
    {
        _enterprises[number] = _enterpriseSeat.Count;
        _enterpriseSeat.Add(0);
        _enterpriseMain2008.Add(MainActivity.None);
        _enterpriseMain2025.Add(MainActivity.None);
    }

    public void AddEstablishment(in EstablishmentRow e)
    {
        _establishments[e.Number] = _establishmentNis.Count;
        _establishmentEnterprise.Add(e.Enterprise);
        _establishmentNis.Add(0);
        _establishmentMain2008.Add(MainActivity.None);
        _establishmentMain2025.Add(MainActivity.None);
    }

    /// <summary>An address placed in <paramref name="nis"/>: the seat of an enterprise (REGO) or an establishment's (BAET).</summary>
    public void Place(AddressRow a, int nis)
    {
        // a unit with two such addresses is counted in the lower code, the same rule as SpecCounts.ProfileFromStore
        if (a.Type == "REGO" && _enterprises.TryGetValue(a.Entity, out var ei))
            _enterpriseSeat[ei] = _enterpriseSeat[ei] == 0 ? nis : Math.Min(_enterpriseSeat[ei], nis);
        else if (a.Type == "BAET" && _establishments.TryGetValue(a.Entity, out var si))
            _establishmentNis[si] = _establishmentNis[si] == 0 ? nis : Math.Min(_establishmentNis[si], nis);
    }

    /// <summary>An activity: a MAIN one of 2008 or 2025 may be its unit's main activity (<see cref="MainActivity"/>).</summary>
    public void Activity(in ActivityRow a)
    {
        if (a.Classification != Classification.Main || a.NaceVersion == 2003) return;
        var key = MainActivity.Key(a.Group, a.Nace);
        List<int> main;
        int i;
        if (KboDigits.IsEnterprise(a.Entity))
        {
            if (!_enterprises.TryGetValue(a.Entity, out i)) return;
            main = a.NaceVersion == 2008 ? _enterpriseMain2008 : _enterpriseMain2025;
        }
        else
        {
            if (!_establishments.TryGetValue(a.Entity, out i)) return;
            main = a.NaceVersion == 2008 ? _establishmentMain2008 : _establishmentMain2025;
        }
        if (key < main[i]) main[i] = key;
    }

    /// <summary>The counts of every unit noted: an establishment in its municipality, an enterprise in its seat's and its establishments'.</summary>
    public SpecCounts Count()
    {
        var counts = new SpecCounts();
        var extraPlaces = new Dictionary<int, List<int>>();
        for (var s = 0; s < _establishmentNis.Count; s++)
        {
            var nis = _establishmentNis[s];
            if (nis != 0)
            {
                counts.Add(new UnitProfile(RegisterSchema.Establishments, _establishmentMain2008[s], _establishmentMain2025[s], [nis]));
                if (_enterprises.TryGetValue(_establishmentEnterprise[s], out var ei))
                    (extraPlaces.TryGetValue(ei, out var l) ? l : extraPlaces[ei] = []).Add(nis);
            }
        }
        for (var e = 0; e < _enterpriseSeat.Count; e++)
        {
            IReadOnlyCollection<int> places;
            var seat = _enterpriseSeat[e];
            if (extraPlaces.TryGetValue(e, out var more))
            {
                var set = new HashSet<int>(more);
                if (seat != 0) set.Add(seat);
                places = set;
            }
            else places = seat == 0 ? [] : [seat];
            counts.Add(new UnitProfile(RegisterSchema.Enterprises, _enterpriseMain2008[e], _enterpriseMain2025[e], places));
        }
        return counts;
    }
}
