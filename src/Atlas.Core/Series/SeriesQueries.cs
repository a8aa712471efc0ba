using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Store;

namespace Atlas.Series;

/// <summary>A fact of the atlas that states a figure a series can measure, with the claim read from it and the rule that measures it.</summary>
public sealed record CheckableFact(Fact Fact, Claim Claim, ClaimRule Rule);

/// <summary>A fact and its check against the series held now.</summary>
public sealed record CheckedFact(Fact Fact, ClaimCheck Check);

/// <summary>A municipality's establishment units: the series, its values and their growth from the first to the last period.</summary>
public sealed record PlaceSeries(SeriesInfo Series, IReadOnlyList<Observation> Values, MunicipalGrowth? Growth);

/// <summary>
/// The official series as the pages, the API and the index use them: the series and their values, the article's
/// figures held against them, every municipality's establishment units and their growth. What is derived from the
/// series (the municipal series and their growth) is computed once per version of the series store.
/// </summary>
public sealed class SeriesQueries(AtlasSnapshots snapshots)
{
    public ISeriesStore Store => snapshots.SeriesStore;

    public IReadOnlyList<SeriesInfo> List(SeriesFilter filter) => Store.List(filter);

    /// <summary>One series by id, in any case; null when there is none (or the id is longer than any id).</summary>
    public SeriesInfo? Find(string id) => id.Length > 300 ? null : Store.Find(id);

    public IReadOnlyList<Observation> Observations(SeriesInfo series) => Store.Observations(series.Id);

    public IReadOnlyList<Revision> Revisions(SeriesInfo series) => Store.Revisions(series.Id);

    public IReadOnlyList<Vintage> Vintages() => Store.Vintages();

    /// <summary>
    /// The article's figures a claim rule knows how to measure: facts of the article (role claim) with an indicator,
    /// a value and a period. Context facts that state the same figure from another source are checkable too
    /// (<see cref="Check"/>), but they are not the article's and are not marked on the charts.
    /// </summary>
    public IReadOnlyList<CheckableFact> ArticleClaims() => snapshots.Curated.Derived.Get(typeof(CheckableFact), () =>
        snapshots.Curated.Facts.Where(f => f.Role == FactRole.Claim).Select(Checkable).OfType<CheckableFact>().ToList());

    /// <summary>The fact and its check, or null when no fact has that id or it states no figure a rule can measure.</summary>
    public CheckedFact? Check(string factId)
    {
        if (factId.Length > 300 || snapshots.Curated.Fact(factId) is not { } fact || Checkable(fact) is not { } c) return null;
        return new CheckedFact(fact, ClaimChecker.Check(c.Claim, c.Rule, Store));
    }

    /// <summary>Whether a fact states a figure the series can check (a link to its check is worth showing).</summary>
    public static bool IsCheckable(Fact fact) => Checkable(fact) is not null;

    /// <summary>The article's figures measured by series of the same concept, place, activity and frequency as this one, whatever its adjustment.</summary>
    public IReadOnlyList<CheckableFact> ClaimsOn(SeriesInfo series) => ArticleClaims()
        .Where(c => c.Rule.Concept == series.Descriptor.Concept
                    && string.Equals(c.Rule.Geo, series.Descriptor.Geo, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(c.Rule.Activity, series.Descriptor.Activity, StringComparison.OrdinalIgnoreCase)
                    && c.Claim.Period.Frequency == series.Frequency)
        .ToList();

    /// <summary>Every municipality's establishment units (Statbel), by NIS code: read once per version of the series.</summary>
    public IReadOnlyDictionary<int, PlaceSeries> Establishments() => snapshots.Series.Derived.Get(typeof(PlaceSeries), () =>
    {
        var filter = new SeriesFilter(Concept: EstablishmentGrowth.Concept);
        var values = Store.ObservationsOf(filter);
        var byNis = new Dictionary<int, PlaceSeries>();
        foreach (var s in Store.List(filter))
        {
            if (s.Descriptor.Geo is not { Length: 5 } geo || !int.TryParse(geo, out var nis)) continue;
            var v = values.GetValueOrDefault(s.Id) ?? [];
            byNis[nis] = new PlaceSeries(s, v, EstablishmentGrowth.Of(s, v) is { } g ? g with { Nis = nis } : null);
        }
        return (IReadOnlyDictionary<int, PlaceSeries>)byNis;
    });

    /// <summary>The growth of every municipality's establishment units, by NIS code (the index's measure <c>establishment-growth</c>).</summary>
    public IReadOnlyList<MunicipalGrowth> Growth() => Establishments().Values.Select(p => p.Growth).OfType<MunicipalGrowth>().OrderBy(g => g.Nis).ToList();

    /// <summary>The establishment units of a place's municipality (a city's: Ghent → 44021), or null when it has none.</summary>
    public PlaceSeries? OfPlace(string placeId)
    {
        try
        {
            return StatisticalUnits.Municipality(snapshots.Curated, placeId) is { } unit ? Establishments().GetValueOrDefault(unit.Nis) : null;
        }
        catch (MergedMunicipalityException)
        {
            return null; // a municipality merged away: its page points to the one it is part of
        }
    }

    private static CheckableFact? Checkable(Fact f) =>
        f is { Predicate: Predicate.HasIndicatorValue, Quantity: { Period: { } p } q }
        && ClaimChecker.RuleFor(f.Indicator, f.Subject) is { } rule
        && SeriesPeriod.TryParse(p.ToString(), null, out var period, out _)
            ? new CheckableFact(f, new Claim(f.Id, f.Indicator, f.Subject, q.Value, q.Unit, period), rule)
            : null;
}
