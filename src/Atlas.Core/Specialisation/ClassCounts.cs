using Atlas.Register;
using Atlas.Sources;

namespace Atlas.Specialisation;

/// <summary>
/// A source's counts of one unit kind under one NACE version, by area and NACE class: every municipality, the areas
/// above them and Belgium (<see cref="Belgium"/>). Read once per version of the source; every analysis starts here.
/// </summary>
public sealed class ClassCounts
{
    /// <summary>The NIS code under which the national counts are kept.</summary>
    public const int Belgium = RegisterSchema.Belgium;

    /// <summary>Area (NIS) → NACE class (6201) → units.</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> ByArea { get; }
    /// <summary>The section letter of each division.</summary>
    public IReadOnlyDictionary<int, string> SectionOfDivision { get; }

    /// <summary>Area (NIS) → units of every class.</summary>
    public IReadOnlyDictionary<int, int> TotalByArea { get; }
    /// <summary>Every class counted in some area, in order.</summary>
    public IReadOnlyList<int> Classes { get; }

    private ClassCounts(IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> byArea, IReadOnlyDictionary<int, string> sections)
    {
        ByArea = byArea;
        SectionOfDivision = sections;
        // once per version: every sector's table (claim evidence) needs them, and each is a pass over every count
        TotalByArea = byArea.ToDictionary(kv => kv.Key, kv => kv.Value.Values.Sum());
        Classes = [.. byArea.Values.SelectMany(c => c.Keys).Distinct().Order()];
    }

    public string? Section(int division) => SectionOfDivision.GetValueOrDefault(division);

    /// <summary>The municipalities (not the areas above them) with their counts, by NIS code.</summary>
    public IEnumerable<KeyValuePair<int, IReadOnlyDictionary<int, int>>> Municipalities => ByArea.Where(kv => Areas.IsMunicipality(kv.Key)).OrderBy(kv => kv.Key);

    /// <summary>The counts of a unit kind and NACE version; null when the source does not count them (Statbel has no establishments, no NACE 2025).</summary>
    public static ClassCounts? Of(CountSource source, UnitKind unit, int naceVersion) =>
        source.Derived.Get((typeof(ClassCounts), unit, naceVersion), () =>
            new Holder(source.ReadCounts(unit, naceVersion) is { } counts ? new ClassCounts(counts, source.Sections(naceVersion)) : null)).Counts;

    /// <summary>The counts the analyses use: the source's main unit, NACE-BEL 2008.</summary>
    public static ClassCounts Main(CountSource source) => Of(source, source.MainUnit, 2008)!;

    private sealed record Holder(ClassCounts? Counts);
}
