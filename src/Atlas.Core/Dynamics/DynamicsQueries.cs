using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Statbel;

namespace Atlas.Dynamics;

/// <summary>One NACE code of a municipality: its enterprises, registrations and cessations, and its enterprises per 1,000 inhabitants.</summary>
public sealed record SectorDynamics(string Code, string? Label, VatFigures Figures, double? PerThousand);

/// <summary>
/// The business dynamics of a place's municipality from Statbel's VAT data: enterprises at the reference date,
/// registrations and cessations of the year, the creation and churn rates (<see cref="VatFigures"/>), and
/// enterprises per 1,000 inhabitants with the population of <see cref="PopulationYear"/> — in all and by NACE code.
/// </summary>
public sealed record PlaceDynamics(Place Place, StatisticalUnit Municipality, VatFigures Total, double? PerThousand, long? Population, int PopulationYear,
    NaceLevel Level, IReadOnlyList<SectorDynamics> Sectors, CountSource Source);

/// <summary>Business dynamics (creations, cessations, churn) and enterprises per inhabitant, for any place with a municipality.</summary>
public sealed class DynamicsQueries(AtlasSnapshots snapshots)
{
    /// <summary>The dynamics of a place's municipality at a NACE level, largest sectors first; null when no place has that id or it has no municipality.</summary>
    /// <exception cref="UnknownSourceException">the atlas holds no Statbel data.</exception>
    public PlaceDynamics? Of(string idOrAlias, NaceLevel level, Lang lang)
    {
        var s = snapshots.Curated;
        if (StatisticalUnits.Municipality(s, idOrAlias) is not { } unit) return null;
        var place = s.Get<Place>(s.Resolve(idOrAlias, EntityType.Place)!)!;
        var source = snapshots.Source(CountSource.StatbelId);
        // once per place, level and language for a version of the source: a city page asks for it at every render
        return source.Derived.Get((typeof(PlaceDynamics), s.SeedVersion, place.Id, level, lang), () => Of(source, place, unit, level, lang));
    }

    private static PlaceDynamics Of(CountSource source, Place place, StatisticalUnit unit, NaceLevel level, Lang lang)
    {
        var vat = source.Vat!;
        var nis = unit.Place.Nis!.Value;
        var year = VatEnterprises.PerCapitaYear;
        var people = vat.Population.Of(nis, year);
        double? PerThousand(int count) => people is > 0 ? 1000.0 * count / people.Value : null;
        var labels = source.NaceLabels(2008, lang);
        var sectors = vat.ByClass(nis)
            .GroupBy(kv => NaceCode.At(level, kv.Key, vat.SectionOfDivision.GetValueOrDefault))
            .Select(g => (Code: g.Key, Figures: g.Aggregate(new VatFigures(), (sum, kv) => sum + kv.Value)))
            .Where(x => x.Figures.Active > 0)
            .OrderByDescending(x => x.Figures.Enterprises).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new SectorDynamics(x.Code, labels.GetValueOrDefault(x.Code), x.Figures, PerThousand(x.Figures.Enterprises)))
            .ToList();
        var total = vat.Total(nis);
        return new PlaceDynamics(place, unit, total, PerThousand(total.Enterprises), people, year, level, sectors, source);
    }
}
