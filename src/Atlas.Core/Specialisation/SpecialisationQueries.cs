using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;

namespace Atlas.Specialisation;

/// <summary>One NACE code in one statistical unit: the figures of establishments and of enterprises side by side.</summary>
public sealed record SpecialisationRow(string Code, string? Label, SpecFigures Establishments, SpecFigures Enterprises);

/// <summary>The specialisation of one statistical unit of a place (a city's municipality; for Brussels also the Region).</summary>
public sealed record UnitSpecialisation(StatisticalUnit Unit, int Establishments, int Enterprises, IReadOnlyList<SpecialisationRow> Rows)
{
    public IEnumerable<string> Strong => Rows.Where(r => r.Establishments.Strong).Select(r => r.Code);
}

/// <summary>The specialisation of a place at a NACE level, from the register.</summary>
public sealed record PlaceSpecialisation(Place Place, NaceLevel Level, int NaceVersion, SpecialisationSort Sort, int Municipalities,
    int BelgiumEstablishments, int BelgiumEnterprises, RegisterInfo Register, IReadOnlyList<UnitSpecialisation> Units);

/// <summary>How the codes of a specialisation are ordered: by LQ (highest first), by count, or by code.</summary>
public enum SpecialisationSort { Lq, Count, Code }

/// <summary>
/// Specialisation of places from the register: counts of establishments and of enterprises by NACE code (their main
/// activity, see <see cref="MainActivity"/>), shares, location quotients against Belgium, ranks among the
/// municipalities and the "strong" label (<see cref="ActivityDistribution"/>). An establishment counts in the
/// municipality of its establishment address; an enterprise in every municipality where it has its seat or an
/// establishment, once in each area.
/// </summary>
public sealed class SpecialisationQueries(AtlasSnapshots snapshots)
{
    /// <summary>Counts of every area by code at one level, with the distribution of each code over the municipalities.</summary>
    private sealed class LevelTable
    {
        public readonly Dictionary<int, Dictionary<string, int>> ByArea = [];
        public readonly Dictionary<int, int> Totals = [];
        public readonly Dictionary<string, ActivityDistribution> Codes = [];

        public SpecFigures Figures(int nis, string code)
        {
            var count = ByArea.GetValueOrDefault(nis)?.GetValueOrDefault(code) ?? 0;
            var total = Totals.GetValueOrDefault(nis);
            return Codes.TryGetValue(code, out var d) ? d.Figures(nis, count, total) : new SpecFigures(count, total == 0 ? 0 : (double)count / total, null, null, null, false);
        }
    }

    private static LevelTable Level(RegisterSnapshot register, int unit, int version, NaceLevel level) =>
        register.Derived.Get((typeof(LevelTable), unit, version, level), () =>
        {
            var counts = ClassCounts.Of(register, unit, version);
            var table = new LevelTable();
            foreach (var (nis, classes) in counts.ByArea)
            {
                var d = table.ByArea[nis] = [];
                foreach (var (cls, n) in classes)
                {
                    var code = NaceCode.At(level, cls, counts.Section);
                    d[code] = d.GetValueOrDefault(code) + n;
                }
                table.Totals[nis] = classes.Values.Sum();
            }
            var belgium = table.ByArea.GetValueOrDefault(ClassCounts.Belgium) ?? [];
            var municipalities = table.ByArea.Keys.Where(Areas.IsMunicipality).ToList();
            foreach (var code in belgium.Keys)
                table.Codes[code] = new ActivityDistribution(
                    municipalities.Select(m => (table.ByArea[m].GetValueOrDefault(code), table.Totals[m])),
                    (belgium[code], table.Totals.GetValueOrDefault(ClassCounts.Belgium)));
            return table;
        });

    /// <summary>The labels of the NACE codes of a version in a language (code → label), up to classes.</summary>
    public static IReadOnlyDictionary<string, string> NaceLabels(RegisterSnapshot register, int version, Lang lang) =>
        register.Derived.Get((typeof(Store.NaceLabel), version, lang), () =>
            register.Store.NaceLabels(version)
                .Select(l => (l.Code, Label: lang switch { Lang.Nl => l.Nl ?? l.Fr, Lang.En => l.En ?? l.Fr, _ => l.Fr ?? l.Nl }))
                .Where(x => x.Label is not null)
                .ToDictionary(x => x.Code, x => x.Label!));

    /// <summary>
    /// The specialisation of a place at a NACE level: for each of its statistical units, every code present there with
    /// the figures of establishments and of enterprises. Null when no place has that id.
    /// </summary>
    /// <exception cref="NoRegisterException">no register is loaded.</exception>
    /// <exception cref="MergedMunicipalityException">the place was merged away.</exception>
    public PlaceSpecialisation? Of(string idOrAlias, NaceLevel level, int version, Lang lang, SpecialisationSort sort = SpecialisationSort.Lq)
    {
        var s = snapshots.Curated;
        if (StatisticalUnits.Of(s, idOrAlias) is not { } units) return null;
        var place = s.Get<Place>(s.Resolve(idOrAlias, EntityType.Place)!)!;
        var register = snapshots.RequireRegister();
        var establishments = Level(register, ClassCounts.Establishments, version, level);
        var enterprises = Level(register, ClassCounts.Enterprises, version, level);
        var labels = NaceLabels(register, version, lang);
        var result = units.Select(unit =>
        {
            var codes = (establishments.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? [])
                .Union(enterprises.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? []);
            var rows = codes.Select(code => new SpecialisationRow(code, labels.GetValueOrDefault(code),
                establishments.Figures(unit.Nis, code), enterprises.Figures(unit.Nis, code)));
            rows = sort switch
            {
                SpecialisationSort.Code => rows.OrderBy(r => r.Code, StringComparer.Ordinal),
                SpecialisationSort.Count => rows.OrderByDescending(r => r.Establishments.Count).ThenBy(r => r.Code, StringComparer.Ordinal),
                _ => rows.OrderByDescending(r => r.Establishments.Lq ?? 0).ThenBy(r => r.Code, StringComparer.Ordinal),
            };
            return new UnitSpecialisation(unit, establishments.Totals.GetValueOrDefault(unit.Nis), enterprises.Totals.GetValueOrDefault(unit.Nis), rows.ToList());
        }).ToList();
        return new PlaceSpecialisation(place, level, version, sort, establishments.ByArea.Keys.Count(Areas.IsMunicipality),
            establishments.Totals.GetValueOrDefault(ClassCounts.Belgium), enterprises.Totals.GetValueOrDefault(ClassCounts.Belgium),
            register.Info, result);
    }
}
