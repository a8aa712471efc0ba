using Atlas.Store;

namespace Atlas.Snapshots;

/// <summary>
/// One version of the series store (it grows with every import that changed something) and what the features derive
/// from it (the growth of every municipality's establishment units …), each computed once for this version.
/// </summary>
public sealed class SeriesSnapshot(ISeriesStore store, long version)
{
    public ISeriesStore Store { get; } = store;
    public long Version { get; } = version;
    public Derived Derived { get; } = new();
}
