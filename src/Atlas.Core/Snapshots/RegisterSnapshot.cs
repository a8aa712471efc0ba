using Atlas.Register;
using Atlas.Store;

namespace Atlas.Snapshots;

/// <summary>
/// One version of the enterprise register: what it is (its extract) and what the features derive from it (counts by
/// area and NACE class, the complexity panel, the Atlas index …), each computed once for this version.
/// </summary>
public sealed class RegisterSnapshot(IRegisterStore store, string version, RegisterInfo info)
{
    public IRegisterStore Store { get; } = store;
    public string Version { get; } = version;
    public RegisterInfo Info { get; } = info;
    public Derived Derived { get; } = new();
}
