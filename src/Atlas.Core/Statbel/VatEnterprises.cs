using Atlas.Model;
using Atlas.Register;

namespace Atlas.Statbel;

/// <summary>
/// Statbel's VAT-registered enterprises by municipality of the seat × NACE-BEL 2008 class, with the registrations and
/// cessations of the year and the population: the statistical source beside the KBO register (see
/// docs/methodology-statbel.md). Municipalities are today's 565 (a municipality merged on 1 January 2025 has the sum
/// of its parts); every area above them (arrondissement, province, region, Belgium 01000) has the sum of its
/// municipalities, as in the register's counts. Enterprises with a seat abroad or unknown belong to no area: they are
/// kept apart (<see cref="Abroad"/>, <see cref="UnknownSeat"/>) and in <see cref="National"/>, the published total.
/// Immutable once built; safe to share between threads.
/// </summary>
public sealed class VatEnterprises
{
    /// <summary>The year of the population that goes with the stock of 31 December 2019: 1 January 2020, the day after.</summary>
    public const int PerCapitaYear = 2020;

    // the figures by area and class; seats abroad and unknown are kept under two keys that are no NIS code
    private const int AbroadKey = -1, UnknownSeatKey = -2;
    private readonly Dictionary<int, Dictionary<int, VatFigures>> _byArea = [];
    private readonly Dictionary<int, VatFigures> _unknownActivity = [];
    private readonly Dictionary<int, VatFigures> _totals = [];

    public VatEnterprises(StatisticalSource source, IEnumerable<VatRow> rows, NaceLabels labels, Population population)
    {
        (Source, Labels, Population) = (source, labels, population);
        var municipalities = new SortedSet<int>();
        foreach (var row in rows)
        {
            var cls = NaceLabels.ClassOf(row.Nace);
            IEnumerable<int> areas = row.Seat.Kind switch
            {
                SeatKind.Abroad => [AbroadKey],
                SeatKind.Unknown => [UnknownSeatKey],
                _ => [row.Seat.Municipality.Value, .. Areas.Above(row.Seat.Municipality.Value), Population.Belgium.Value],
            };
            if (row.Seat.Kind == SeatKind.Municipality) municipalities.Add(row.Seat.Municipality.Value);
            foreach (var area in areas)
            {
                _totals[area] = _totals.GetValueOrDefault(area) + row.Figures;
                if (cls is not { } c) _unknownActivity[area] = _unknownActivity.GetValueOrDefault(area) + row.Figures;
                else
                {
                    var classes = _byArea.TryGetValue(area, out var d) ? d : _byArea[area] = [];
                    classes[c] = classes.GetValueOrDefault(c) + row.Figures;
                }
            }
        }
        Municipalities = municipalities.Select(n => NisCode.Parse(n.ToString("D5"))).ToList();
        ClassCounts = _byArea.Where(a => a.Key > 0).ToDictionary(a => a.Key, a => (IReadOnlyDictionary<int, int>)a.Value
            .Where(c => c.Value.Enterprises > 0).ToDictionary(c => c.Key, c => c.Value.Enterprises));
    }

    public static VatEnterprises From(StatbelData data) => new(data.Source, data.Vat, data.Labels, data.Population);

    /// <summary>What is counted and as of when ("VAT-registered enterprises by seat, 31 December 2019"), and the credit line.</summary>
    public StatisticalSource Source { get; }
    public NaceLabels Labels { get; }
    public Population Population { get; }

    /// <summary>Today's municipalities that have a figure (all 565), in NIS order.</summary>
    public IReadOnlyList<NisCode> Municipalities { get; }

    /// <summary>
    /// The register's shape (<c>spec_counts</c>, <c>ClassCounts.ByArea</c>): area NIS (44021; Belgium 1000) → NACE class
    /// (6201; 111 for 01.11) → enterprises at the reference date, only counts above zero. Enterprises whose activity
    /// is unknown have no class and are not in it (<see cref="UnknownActivity"/>).
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> ClassCounts { get; }

    /// <summary>Division (13) → section letter (C), to go with <see cref="ClassCounts"/>.</summary>
    public IReadOnlyDictionary<int, string> SectionOfDivision => Labels.SectionOfDivision;

    /// <summary>Enterprises with a seat abroad (Statbel's -----): foreign enterprises registered for VAT in Belgium.</summary>
    public VatFigures Abroad => _totals.GetValueOrDefault(AbroadKey);
    /// <summary>Enterprises whose seat Statbel does not know (XXXXX).</summary>
    public VatFigures UnknownSeat => _totals.GetValueOrDefault(UnknownSeatKey);

    /// <summary>Every enterprise of the table, seats abroad and unknown included: Statbel's published national total.</summary>
    public VatFigures National => Total(Population.Belgium) + Abroad + UnknownSeat;

    /// <summary>The national figures of a sector, seats abroad and unknown included (manufacturing, C: 51,822 enterprises).</summary>
    public VatFigures NationalSector(string nace) =>
        Sector(Population.Belgium.Value, nace) + Sector(AbroadKey, nace) + Sector(UnknownSeatKey, nace);

    /// <summary>Every enterprise with its seat in a municipality or an area, whatever its activity; zero for an unknown area.</summary>
    public VatFigures Total(NisCode area) => _totals.GetValueOrDefault(area.Value);

    /// <summary>The enterprises of an area whose activity Statbel does not know (NACE XXXXX).</summary>
    public VatFigures UnknownActivity(NisCode area) => _unknownActivity.GetValueOrDefault(area.Value);

    /// <summary>
    /// The figures of an area in a sector: a NACE code at any level down to the class, as data files write it
    /// (C, 13, 13.9, 13.92) or digits only (139, 1392).
    /// </summary>
    /// <exception cref="ArgumentException">the code is not a section letter, division, group or class.</exception>
    public VatFigures Sector(NisCode area, string nace) => Sector(area.Value, nace);

    private VatFigures Sector(int area, string nace)
    {
        var match = Matcher(nace);
        var sum = new VatFigures();
        if (_byArea.TryGetValue(area, out var classes))
            foreach (var (cls, figures) in classes)
                if (match(cls)) sum += figures;
        return sum;
    }

    /// <summary>Every NACE class of an area (6201 → its figures, flows included); empty for an unknown area.</summary>
    public IReadOnlyDictionary<int, VatFigures> ByClass(NisCode area) =>
        _byArea.TryGetValue(area.Value, out var classes) ? classes : new Dictionary<int, VatFigures>();

    /// <summary>Enterprises of an area in one NACE class (6201).</summary>
    public int Enterprises(NisCode area, int naceClass) =>
        _byArea.TryGetValue(area.Value, out var d) && d.TryGetValue(naceClass, out var f) ? f.Enterprises : 0;

    /// <summary>
    /// Location quotient of an area in a sector against Belgium, as the register's specialisation computes it:
    /// (count(area, sector) / count(area)) / (count(BE, sector) / count(BE)), where count(x) is the enterprises of x
    /// with a known activity and BE the seats in Belgium. Null when the area or the sector is empty.
    /// </summary>
    public double? LocationQuotient(NisCode area, string nace)
    {
        double Known(NisCode a) => Total(a).Enterprises - UnknownActivity(a).Enterprises;
        var (here, belgium) = (Known(area), Known(Population.Belgium));
        var national = Sector(Population.Belgium, nace).Enterprises;
        return here == 0 || national == 0 ? null : Sector(area, nace).Enterprises / here / (national / belgium);
    }

    /// <summary>
    /// Enterprises (of a sector, or all) per 1,000 inhabitants of an area, with the population on 1 January of
    /// <paramref name="year"/> (default <see cref="PerCapitaYear"/>); null when the population is unknown.
    /// </summary>
    public double? PerThousandInhabitants(NisCode area, string? nace = null, int year = PerCapitaYear)
    {
        if (Population.Of(area, year) is not { } people || people == 0) return null;
        var count = nace is null ? Total(area).Enterprises : Sector(area, nace).Enterprises;
        return 1000.0 * count / people;
    }

    /// <summary>Which classes a code holds, by the atlas's one prefix rule (<see cref="NaceCode.Covers"/>).</summary>
    private Func<int, bool> Matcher(string nace)
    {
        var code = nace.Trim();
        var digits = code.Replace(".", "");
        if (!NaceCode.IsWellFormed(code) && !(digits.Length is >= 2 and <= 4 && digits.All(char.IsAsciiDigit)))
            throw new ArgumentException($"'{nace}' is not a NACE section, division, group or class (C, 13, 13.9, 13.92)", nameof(nace));
        return cls => NaceCode.Covers(digits, cls, SectionOfDivision.GetValueOrDefault);
    }
}
