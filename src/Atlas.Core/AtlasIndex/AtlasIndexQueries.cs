using System.Globalization;
using Atlas.Catalogue;
using Atlas.Complexity;
using Atlas.Data;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;
using Atlas.Specialisation;

namespace Atlas.AtlasIndex;

/// <summary>The Atlas index over the register held now, computed once per register version.</summary>
public sealed class AtlasIndexQueries(AtlasSnapshots snapshots)
{
    /// <summary>The index definition the store holds, or null when the data has none.</summary>
    public AtlasIndexDefinition? Definition => snapshots.Curated.IndexDefinition;

    /// <summary>The index of the register as it is now.</summary>
    /// <exception cref="NoRegisterException">no register is loaded.</exception>
    public AtlasIndexResult Index()
    {
        var register = snapshots.RequireRegister();
        var definition = Definition ?? throw new InvalidOperationException("the atlas has no index definition: add data/index/atlas-index.yaml and restart");
        return register.Derived.Get((typeof(AtlasIndexResult), snapshots.Curated.Version), () =>
            AtlasIndexBuilder.Compute(definition, Counts(register, definition), register.Info.SnapshotDate));
    }

    /// <summary>The municipality a place is scored as: itself, or for a city the municipality it links to (Brussels: City, 21004); null when it has none.</summary>
    /// <exception cref="MergedMunicipalityException">the place was merged away.</exception>
    public int? ScoredNis(string idOrAlias) => StatisticalUnits.Municipality(snapshots.Curated, idOrAlias)?.Nis;

    /// <summary>The register's counts of every current municipality that has at least one establishment unit.</summary>
    private List<MunicipalityCounts> Counts(RegisterSnapshot register, AtlasIndexDefinition definition)
    {
        var counts = ClassCounts.Of(register, ClassCounts.Establishments, 2008);
        var years = definition.Indicators.Where(i => i.Measure == IndexMeasure.YoungEnterprises).Select(i => i.Years).DefaultIfEmpty(5).Max();
        var snapshot = DateOnly.TryParseExact(register.Info.SnapshotDate ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : DateOnly.FromDateTime(DateTime.UtcNow);
        var since = snapshot.AddYears(-years).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var enterprises = register.Store.EnterprisesBySeat(since).ToDictionary(x => x.Nis);
        // the panel is computed once per register version and shared with the opportunities and /api/complexity
        var panel = definition.Indicators.Any(i => i.Measure == IndexMeasure.Eci) ? ComplexityQueries.Panel(register) : null;
        var s = snapshots.Curated;
        var list = new List<MunicipalityCounts>();
        foreach (var (nis, classes) in counts.Municipalities)
        {
            if (classes.Values.Sum() == 0) continue;
            var id = ReferenceGeo.IdOf(NisCode.Parse(nis.ToString("D5")));
            if (s.Get<Place>(id) is not { } place) continue;
            var seats = enterprises.GetValueOrDefault(nis);
            var eci = panel is not null && panel.RegionOfNis.TryGetValue(nis, out var r) ? panel.Result.Eci[r] : double.NaN;
            list.Add(new MunicipalityCounts(nis, id, place.Label(Lang.En), classes, seats.Enterprises, seats.Young, eci));
        }
        return list;
    }
}
