using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;
using Atlas.Sources;

namespace Atlas.Specialisation;

/// <summary>One NACE code in one statistical unit: the figures of each unit kind the source counts (establishments, enterprises).</summary>
public sealed record SpecialisationRow(string Code, string? Label, SpecFigures? Establishments, SpecFigures? Enterprises)
{
    public SpecFigures Main(CountSource source) => (source.MainUnit == UnitKind.Establishments ? Establishments : Enterprises)!;
}

/// <summary>The specialisation of one statistical unit of a place (a city's municipality; for Brussels also the Region).</summary>
public sealed record UnitSpecialisation(StatisticalUnit Unit, int? Establishments, int? Enterprises, IReadOnlyList<string> Strong, IReadOnlyList<SpecialisationRow> Rows);

/// <summary>The specialisation of a place at a NACE level, from one source.</summary>
public sealed record PlaceSpecialisation(Place Place, NaceLevel Level, int NaceVersion, SpecialisationSort Sort, int Municipalities,
    int? BelgiumEstablishments, int? BelgiumEnterprises, CountSource Source, IReadOnlyList<UnitSpecialisation> Units);

/// <summary>How the codes of a specialisation are ordered: by LQ (highest first), by count, or by code.</summary>
public enum SpecialisationSort { Lq, Count, Code }

/// <summary>
/// Specialisation of places from a statistical source: counts by NACE code (the register: establishments and
/// enterprises under their main activity, see <see cref="MainActivity"/>; Statbel: enterprises by seat), shares,
/// location quotients against Belgium, ranks among the municipalities and the "strong" label
/// (<see cref="ActivityDistribution"/>). In the register, an establishment counts in the municipality of its
/// establishment address; an enterprise in every municipality where it has its seat or an establishment.
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

    private static LevelTable? Level(CountSource source, UnitKind unit, int version, NaceLevel level) =>
        source.Derived.Get((typeof(LevelTable), unit, version, level), () => new LevelHolder(Build(ClassCounts.Of(source, unit, version), level))).Table;

    private sealed record LevelHolder(LevelTable? Table);

    private static LevelTable? Build(ClassCounts? counts, NaceLevel level)
    {
        if (counts is null) return null;
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
    }

    /// <summary>
    /// The specialisation of a place at a NACE level, from a source (the default one when <paramref name="sourceId"/>
    /// is null): for each of its statistical units, every code present there with the figures of each unit kind.
    /// Null when no place has that id.
    /// </summary>
    /// <exception cref="NoRegisterException">the register is asked for, or no source at all is available.</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    /// <exception cref="MergedMunicipalityException">the place was merged away.</exception>
    /// <exception cref="ArgumentException">the source does not code activities in that NACE version.</exception>
    public PlaceSpecialisation? Of(string idOrAlias, NaceLevel level, int version, Lang lang, SpecialisationSort sort = SpecialisationSort.Lq, string? sourceId = null)
    {
        var s = snapshots.Curated;
        if (StatisticalUnits.Of(s, idOrAlias) is not { } units) return null;
        var place = s.Get<Place>(s.Resolve(idOrAlias, EntityType.Place)!)!;
        var source = snapshots.Source(sourceId);
        if (!source.NaceVersions.Contains(version))
            throw new ArgumentException($"{source.Id} codes activities in NACE-BEL {string.Join(" and ", source.NaceVersions)}, not {version}");
        var establishments = Level(source, UnitKind.Establishments, version, level);
        var enterprises = Level(source, UnitKind.Enterprises, version, level);
        var main = (source.MainUnit == UnitKind.Establishments ? establishments : enterprises)!;
        var labels = source.NaceLabels(version, lang);
        var result = units.Select(unit =>
        {
            var codes = (establishments?.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? [])
                .Union(enterprises?.ByArea.GetValueOrDefault(unit.Nis)?.Keys.AsEnumerable() ?? []);
            var rows = codes.Select(code => new SpecialisationRow(code, labels.GetValueOrDefault(code),
                establishments?.Figures(unit.Nis, code), enterprises?.Figures(unit.Nis, code))).ToList();
            IEnumerable<SpecialisationRow> ordered = sort switch
            {
                SpecialisationSort.Code => rows.OrderBy(r => r.Code, StringComparer.Ordinal),
                SpecialisationSort.Count => rows.OrderByDescending(r => r.Main(source).Count).ThenBy(r => r.Code, StringComparer.Ordinal),
                _ => rows.OrderByDescending(r => r.Main(source).Lq ?? 0).ThenBy(r => r.Code, StringComparer.Ordinal),
            };
            var list = ordered.ToList();
            return new UnitSpecialisation(unit, establishments?.Totals.GetValueOrDefault(unit.Nis), enterprises?.Totals.GetValueOrDefault(unit.Nis),
                list.Where(r => r.Main(source).Strong).Select(r => r.Code).ToList(), list);
        }).ToList();
        return new PlaceSpecialisation(place, level, version, sort, main.ByArea.Keys.Count(Areas.IsMunicipality),
            establishments?.Totals.GetValueOrDefault(ClassCounts.Belgium), enterprises?.Totals.GetValueOrDefault(ClassCounts.Belgium), source, result);
    }
}
