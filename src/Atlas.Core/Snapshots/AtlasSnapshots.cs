using Atlas.Register;
using Atlas.Sources;
using Atlas.Store;

namespace Atlas.Snapshots;

/// <summary>No enterprise register is loaded (or it cannot be used): the caller should run <c>atlas import kbo</c>.</summary>
public sealed class NoRegisterException(string? problem = null) : Exception(
    (problem is null ? "This atlas has no enterprise register yet. " : $"The enterprise register cannot be used: {problem}. ") +
    "Load the KBO/BCE Open Data with `atlas import kbo PATH` (a full dump, folder or zip; then the daily updates the same way), and ask again.")
{
    public string? Problem { get; } = problem;
}

/// <summary>A statistical source that this atlas does not have (an unknown id).</summary>
public sealed class UnknownSourceException(string id, IEnumerable<string> known)
    : Exception($"there is no statistical source '{id}': the sources are {string.Join(", ", known)}")
{
    public string Id { get; } = id;
}

/// <summary>
/// The current snapshot of each kind of data: the curated data, the enterprise register and the official series.
/// Each is rebuilt when its store reports a new version (each store's version is looked at no more than once a
/// second, so an import or a change made elsewhere is seen within a second), and every feature reads the snapshot it
/// is given, never a cache of its own.
/// </summary>
public sealed class AtlasSnapshots(ICuratedStore curated, IRegisterStore register, ISeriesStore series)
{
    private static readonly long CheckEveryMs = 1000;

    public ICuratedStore CuratedStore { get; } = curated;
    public IRegisterStore RegisterStore { get; } = register;
    public ISeriesStore SeriesStore { get; } = series;

    private readonly Lock _gate = new();
    private CuratedSnapshot? _curated;
    private long _curatedCheckedAt = long.MinValue;
    private RegisterSnapshot? _register;
    private SeriesSnapshot? _series;

    /// <summary>Raised when a new version of the curated data, the register or the series replaces the one that was current.</summary>
    public event Action? Changed;

    /// <summary>The curated data as the store holds it now.</summary>
    public CuratedSnapshot Curated
    {
        get
        {
            var now = Environment.TickCount64;
            var current = _curated;
            if (current is not null && now - _curatedCheckedAt < CheckEveryMs) return current;
            lock (_gate)
            {
                // noted before the store is read, so that a CuratedChanged() made meanwhile still forces the next look
                _curatedCheckedAt = now;
                var version = CuratedStore.DataVersion ?? "";
                var changed = _curated is not null && _curated.Version != version;
                if (_curated is null || changed)
                    // after an accepted change (the same seed, a later count) only the facts are read again
                    _curated = changed && _curated!.SeedVersion == CuratedRows.SeedOf(version)
                        ? _curated.WithFacts(CuratedStore.LoadFacts(), version)
                        : new CuratedSnapshot(CuratedStore.Load());
                if (changed) Changed?.Invoke();
                return _curated;
            }
        }
    }

    /// <summary>Makes the next read of <see cref="Curated"/> look at the store's version: this node just changed it.</summary>
    public void CuratedChanged() => Interlocked.Exchange(ref _curatedCheckedAt, long.MinValue / 2);

    /// <summary>Held by this node's acceptances from their commit to their <see cref="CuratedApplied"/>, so that they apply in order.</summary>
    public Lock Acceptances { get; } = new();

    /// <summary>
    /// This node just wrote <paramref name="fact"/> as the store's version <paramref name="version"/>, one change after
    /// <paramref name="previous"/>: when the snapshot is still at that previous version, the fact is applied to it in
    /// memory instead of reading every fact back; otherwise (another node changed the data meanwhile) the next read
    /// looks at the store.
    /// </summary>
    public void CuratedApplied(string previous, Atlas.Model.Fact fact, string version)
    {
        lock (_gate)
        {
            if (_curated is null || _curated.Version != previous) { CuratedChanged(); return; }
            _curated = _curated.WithFact(fact, version);
        }
        Changed?.Invoke();
    }

    /// <summary>The register as the store holds it now, or null when none is loaded.</summary>
    public RegisterSnapshot? Register
    {
        get
        {
            var version = RegisterStore.Version;
            var current = _register;
            if (current is not null && current.Version == version) return current;
            if (RegisterStore.Info is not { } info) return null;
            RegisterSnapshot snapshot;
            var changed = false;
            lock (_gate)
            {
                if (_register is null || _register.Version != version)
                {
                    changed = _register is not null;
                    _register = new RegisterSnapshot(RegisterStore, version, info);
                }
                snapshot = _register;
            }
            if (changed) Changed?.Invoke();
            return snapshot;
        }
    }

    /// <summary>The series as the store holds them now.</summary>
    public SeriesSnapshot Series
    {
        get
        {
            var version = SeriesStore.Version;
            var current = _series;
            if (current is not null && current.Version == version) return current;
            SeriesSnapshot snapshot;
            var changed = false;
            lock (_gate)
            {
                if (_series is null || _series.Version != version)
                {
                    changed = _series is not null;
                    _series = new SeriesSnapshot(SeriesStore, version);
                }
                snapshot = _series;
            }
            if (changed) Changed?.Invoke();
            return snapshot;
        }
    }

    /// <summary>The register, or a <see cref="NoRegisterException"/> saying how to load one.</summary>
    public RegisterSnapshot RequireRegister() => Register ?? throw new NoRegisterException(RegisterStore.Problem);

    /// <summary>
    /// The statistical sources the analyses can run on, the default first: the register when one is imported (the
    /// fuller and more recent source), then Statbel's VAT-registered enterprises, which the atlas ships.
    /// </summary>
    public IReadOnlyList<CountSource> Sources =>
        [.. Register is { } register ? [CountSource.Of(register)] : Array.Empty<CountSource>(), .. Statbel is { } statbel ? [statbel] : Array.Empty<CountSource>()];

    /// <summary>Statbel's data, seeded with the curated data: one source object per curated version.</summary>
    private CountSource? Statbel =>
        Curated.Seeded.Get(typeof(CountSource), () => new StatbelSource(CuratedStore.LoadVatEnterprises() is { } vat ? CountSource.Of(vat) : null)).Source;

    private sealed record StatbelSource(CountSource? Source);

    /// <summary>The source of that id, or the default one (the first of <see cref="Sources"/>) when none is given.</summary>
    /// <exception cref="NoRegisterException">the register is asked for and none is loaded (nor any other source).</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    public CountSource Source(string? id = null)
    {
        var sources = Sources;
        if (id is null) return sources.FirstOrDefault() ?? throw new NoRegisterException(RegisterStore.Problem);
        if (sources.FirstOrDefault(s => s.Id == id) is { } source) return source;
        if (id == CountSource.KboId) throw new NoRegisterException(RegisterStore.Problem);
        throw new UnknownSourceException(id, [CountSource.KboId, CountSource.StatbelId]);
    }

    /// <summary>The population of the municipalities (Statbel, shipped with the data), or null when the data has none.</summary>
    public Atlas.Statbel.Population? Population => Statbel?.Vat!.Population;

    /// <summary>A token for everything a page or an answer may show: it changes when the curated data, the register or the series do.</summary>
    public string Version => $"{Curated.Version}|{RegisterStore.Version}|{Series.Version}";
}
