using System.Globalization;
using Atlas.Catalogue;
using Atlas.Complexity;
using Atlas.Data;
using Atlas.Model;
using Atlas.Series;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.AtlasIndex;

/// <summary>
/// The Atlas index over the data held now: the municipalities of a primary source (the default one, or the one asked
/// for) scored on every indicator some source at hand can measure — each from the primary source when it can, else
/// from another (Statbel's flows beside the register; the growth of the establishment units from the series) —
/// computed once per version of the data.
/// </summary>
public sealed class AtlasIndexQueries(AtlasSnapshots snapshots, SeriesQueries seriesQueries)
{
    /// <summary>The index definition the store holds, or null when the data has none.</summary>
    public AtlasIndexDefinition? Definition => snapshots.Curated.IndexDefinition;

    /// <summary>The index over a primary source (the default one when <paramref name="sourceId"/> is null).</summary>
    /// <exception cref="NoRegisterException">the register is asked for and none is loaded, or no source at all is available.</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    public AtlasIndexResult Index(string? sourceId = null)
    {
        var primary = snapshots.Source(sourceId);
        var definition = Definition ?? throw new InvalidOperationException("the atlas has no index definition: add data/index/atlas-index.yaml and restart");
        var sources = snapshots.Sources;
        // an index that reads the series is rebuilt when an import changes them; one that does not, is not
        var series = definition.Indicators.Any(i => i.Measure == IndexMeasure.EstablishmentGrowth) ? snapshots.Series.Version : -1;
        return primary.Derived.Get((typeof(AtlasIndexResult), snapshots.Curated.SeedVersion, string.Join("|", sources.Select(s => s.Id)), series), () =>
        {
            var growth = series < 0 ? [] : seriesQueries.Growth();
            var by = definition.Indicators.Select(i => (Indicator: i, Source: SourceOf(i.Measure, primary, sources, growth)))
                .ToDictionary(x => x.Indicator.Id, x => x.Source);
            var measured = definition.Only(i => by[i.Id] is not null);
            var result = AtlasIndexBuilder.Compute(measured, Counts(primary, measured, sources, growth), primary.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return result with
            {
                Primary = primary,
                IndicatorSources = by.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
                LeftOut = definition.Indicators.Where(i => by[i.Id] is null).ToList(),
            };
        });
    }

    /// <summary>The municipality a place is scored as: itself, or for a city the municipality it links to (Brussels: City, 21004); null when it has none.</summary>
    /// <exception cref="MergedMunicipalityException">the place was merged away.</exception>
    public int? ScoredNis(string idOrAlias) => StatisticalUnits.Municipality(snapshots.Curated, idOrAlias)?.Nis;

    /// <summary>
    /// The source that measures an indicator: the series for the growth of the establishment units (when they hold
    /// any), else the primary source when it can, else the first other that can; null when none can.
    /// </summary>
    private IIndicatorSource? SourceOf(IndexMeasure measure, CountSource primary, IReadOnlyList<CountSource> sources, IReadOnlyList<MunicipalGrowth> growth) =>
        measure == IndexMeasure.EstablishmentGrowth
            ? growth.Count == 0 ? null : new EstablishmentSeriesSource(growth.Min(g => g.From), growth.Max(g => g.To))
            : new[] { primary }.Concat(sources.Where(s => s != primary)).FirstOrDefault(s => Measures(s, measure));

    private bool Measures(CountSource source, IndexMeasure measure) => measure switch
    {
        IndexMeasure.YoungEnterprises => source.Register is not null,
        IndexMeasure.CreationRate or IndexMeasure.ChurnRate => source.Vat is not null,
        // the population is of 1 January 2020: it goes with the VAT counts of 31 December 2019, not with a later register
        IndexMeasure.EnterprisesPerThousand => source.Vat is not null && snapshots.Population is not null,
        IndexMeasure.EstablishmentGrowth => false, // a series, not a count
        _ => true,
    };

    /// <summary>Every current municipality with at least one unit in the primary source, with what each indicator needs.</summary>
    private List<MunicipalityCounts> Counts(CountSource primary, AtlasIndexDefinition definition, IReadOnlyList<CountSource> sources,
        IReadOnlyList<MunicipalGrowth> growth)
    {
        var growthByNis = growth.ToDictionary(g => g.Nis, g => g.Percent);
        var counts = ClassCounts.Main(primary);
        var measures = definition.Indicators.Select(i => i.Measure).ToHashSet();
        var seats = SeatCounts(primary, definition);
        var panel = measures.Contains(IndexMeasure.Eci) ? ComplexityQueries.Panel(primary) : null;
        var vat = sources.FirstOrDefault(s => s.Vat is not null)?.Vat;
        var population = snapshots.Population;
        var s = snapshots.Curated;
        var list = new List<MunicipalityCounts>();
        foreach (var (nis, classes) in counts.Municipalities)
        {
            if (classes.Values.Sum() == 0) continue;
            var code = NisCode.Parse(nis.ToString("D5"));
            var id = ReferenceGeo.IdOf(code);
            if (s.Get<Place>(id) is not { } place) continue;
            var (enterprises, young) = seats.GetValueOrDefault(nis);
            var flows = vat?.Total(code);
            var people = population?.Of(code, Statbel.VatEnterprises.PerCapitaYear);
            list.Add(new MunicipalityCounts(nis, id, place.Label(Lang.En), classes, enterprises, young,
                Eci: panel is not null && panel.RegionOfNis.TryGetValue(nis, out var r) ? panel.Result.Eci[r] : double.NaN,
                CreationRate: flows?.CreationRate ?? double.NaN, ChurnRate: flows?.ChurnRate ?? double.NaN,
                PerThousand: people is > 0 && flows is { } f ? 1000.0 * f.Enterprises / people.Value : double.NaN,
                EstablishmentGrowth: growthByNis.GetValueOrDefault(nis, double.NaN)));
        }
        return list;
    }

    /// <summary>Per municipality, the primary source's enterprises by seat and, for the register, the young ones among them.</summary>
    private static Dictionary<int, (int Enterprises, int Young)> SeatCounts(CountSource primary, AtlasIndexDefinition definition)
    {
        if (primary.Vat is { } vat)
            return vat.Municipalities.ToDictionary(m => m.Value, m => (vat.Total(m).Enterprises, 0));
        var years = definition.Indicators.Where(i => i.Measure == IndexMeasure.YoungEnterprises).Select(i => i.Years).DefaultIfEmpty(5).Max();
        var since = (primary.ReferenceDate ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddYears(-years).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return primary.SeatCounts(since).ToDictionary(x => x.Nis, x => (x.Enterprises, x.Young));
    }
}
