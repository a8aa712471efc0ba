using System.Collections.Concurrent;

namespace Atlas.Snapshots;

/// <summary>
/// Data derived from one version of the data (an alias index, the counts of a NACE level, the complexity panel …):
/// computed once, on first use, and kept exactly as long as the snapshot of that version. This is the atlas's one
/// rule for caches: a new data version is a new snapshot, so nothing derived from the old one is ever served again.
/// </summary>
public sealed class Derived
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _values = new();

    /// <summary>The value for <paramref name="key"/> (a tuple naming what it is and its parameters), built once.</summary>
    public T Get<T>(object key, Func<T> build) where T : class =>
        (T)_values.GetOrAdd(key, _ => new Lazy<object>(() => build(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
