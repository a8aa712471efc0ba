using Atlas.Series;

namespace Atlas.Store;

/// <summary>One import about to be written: where it comes from, when it was fetched and imported, and its content hash.</summary>
public sealed record VintageInput(string Source, DateTimeOffset FetchedAt, DateTimeOffset ImportedAt, string ContentHash, IReadOnlyList<string> Notes);

/// <summary>A series to write: what it is and the observations of this vintage.</summary>
public sealed record SeriesWrite(SeriesDescriptor Descriptor, IReadOnlyList<ParsedObservation> Observations);

/// <summary>
/// What a write changed. <see cref="Vintage"/> is null when nothing changed (every value was already there), in
/// which case nothing was written at all.
/// </summary>
public sealed record WriteOutcome(Vintage? Vintage, int NewSeries, int Added, int Revised, int Unchanged, int Deleted);

/// <summary>Which series to list: by concept (industrial-production), place (BE, 44021), adjustment; all when empty.</summary>
public sealed record SeriesFilter(string? Concept = null, string? Geo = null, Adjustment? Adjustment = null);

/// <summary>
/// The official time series as a store holds them: every vintage (import) with its source and dates, the current
/// value of each period and the values later vintages replaced. Written by <c>atlas import series</c>, <c>atlas fetch
/// series</c> and the shipped series on first start; read by the series feature, the claim checks and the index.
/// Writes are transactional: a write stores the whole vintage or nothing. SQLite keeps the series in their own file
/// beside the atlas database (<see cref="SqliteSeriesStore"/>); a server store implements the same interface.
/// </summary>
public interface ISeriesStore
{
    /// <summary>Where the store is, for messages (a file path, a server).</summary>
    string Location { get; }

    /// <summary>A number that grows with every write that changed something; cheap enough for every request (the snapshots and the output cache key on it).</summary>
    long Version { get; }

    /// <summary>The vintage that imported exactly this content, if any: importing it again changes nothing.</summary>
    Vintage? VintageWithHash(string contentHash);

    /// <summary>
    /// Writes a vintage in one transaction: new series, new values, revised values (the old one kept as history, or
    /// the incoming one when it was fetched before the current one), deletions. Writes nothing when nothing changes.
    /// </summary>
    WriteOutcome Write(IReadOnlyList<SeriesWrite> series, VintageInput vintage);

    IReadOnlyList<SeriesInfo> List(SeriesFilter filter);

    /// <summary>One series by id, in any case.</summary>
    SeriesInfo? Find(string id);

    /// <summary>The current values of a series, in time order, from and to the given periods (both included).</summary>
    IReadOnlyList<Observation> Observations(string id, SeriesPeriod? from = null, SeriesPeriod? to = null);

    /// <summary>The current values of every series the filter selects, by series id, in one read.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<Observation>> ObservationsOf(SeriesFilter filter);

    /// <summary>Every value a later vintage replaced, by period then vintage.</summary>
    IReadOnlyList<Revision> Revisions(string id);

    IReadOnlyList<Vintage> Vintages();

    /// <summary>A value kept beside the series (the hash of the shipped files).</summary>
    string? Meta(string key);

    void SetMeta(string key, string value);
}
