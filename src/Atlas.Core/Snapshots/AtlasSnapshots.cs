using Atlas.Register;
using Atlas.Store;

namespace Atlas.Snapshots;

/// <summary>No enterprise register is loaded (or it cannot be used): the caller should run <c>atlas import kbo</c>.</summary>
public sealed class NoRegisterException(string? problem = null) : Exception(
    (problem is null ? "This atlas has no enterprise register yet. " : $"The enterprise register cannot be used: {problem}. ") +
    "Load the KBO/BCE Open Data with `atlas import kbo PATH` (a full dump, folder or zip; then the daily updates the same way), and ask again.")
{
    public string? Problem { get; } = problem;
}

/// <summary>
/// The current snapshot of each kind of data: the curated data and the enterprise register. Each is rebuilt when
/// its store reports a new version (looked at no more than once a second, so an import or a change made elsewhere is
/// seen within a second), and every feature reads the snapshot it is given, never a cache of its own.
/// </summary>
public sealed class AtlasSnapshots(ICuratedStore curated, IRegisterStore register)
{
    private static readonly long CheckEveryMs = 1000;

    public ICuratedStore CuratedStore { get; } = curated;
    public IRegisterStore RegisterStore { get; } = register;

    private readonly Lock _gate = new();
    private CuratedSnapshot? _curated;
    private long _curatedCheckedAt = long.MinValue;
    private RegisterSnapshot? _register;

    /// <summary>Raised when a new version of the curated data or of the register replaces the one that was current.</summary>
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
                var version = CuratedStore.DataVersion ?? "";
                var changed = _curated is not null && _curated.Version != version;
                if (_curated is null || changed) _curated = new CuratedSnapshot(CuratedStore.Load());
                _curatedCheckedAt = now;
                if (changed) Changed?.Invoke();
                return _curated;
            }
        }
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

    /// <summary>The register, or a <see cref="NoRegisterException"/> saying how to load one.</summary>
    public RegisterSnapshot RequireRegister() => Register ?? throw new NoRegisterException(RegisterStore.Problem);

    /// <summary>A token for everything a page or an answer may show: it changes when either the curated data or the register does.</summary>
    public string Version => $"{Curated.Version}|{RegisterStore.Version}";
}
