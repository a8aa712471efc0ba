using Atlas.Register;
using Atlas.Snapshots;

namespace Atlas.Specialisation;

/// <summary>
/// The register's counts of one unit kind (establishments or enterprises) under one NACE version, by area and NACE
/// class: every municipality, the areas above them and Belgium (<see cref="RegisterSchema.Belgium"/>). Read once per
/// register version; every analysis of the register starts from here.
/// </summary>
public sealed class ClassCounts
{
    public const int Establishments = RegisterSchema.Establishments, Enterprises = RegisterSchema.Enterprises, Belgium = RegisterSchema.Belgium;

    /// <summary>Area (NIS) → NACE class (6201) → units.</summary>
    public IReadOnlyDictionary<int, Dictionary<int, int>> ByArea { get; }
    /// <summary>The section letter of each division.</summary>
    public IReadOnlyDictionary<int, string> SectionOfDivision { get; }

    private ClassCounts(Dictionary<int, Dictionary<int, int>> byArea, IReadOnlyDictionary<int, string> sections)
    {
        ByArea = byArea;
        SectionOfDivision = sections;
    }

    public string? Section(int division) => SectionOfDivision.GetValueOrDefault(division);

    /// <summary>The municipalities (not the areas above them) with their counts, by NIS code.</summary>
    public IEnumerable<KeyValuePair<int, Dictionary<int, int>>> Municipalities => ByArea.Where(kv => Areas.IsMunicipality(kv.Key)).OrderBy(kv => kv.Key);

    public static ClassCounts Of(RegisterSnapshot register, int unit, int naceVersion) =>
        register.Derived.Get((typeof(ClassCounts), unit, naceVersion), () =>
        {
            var byArea = new Dictionary<int, Dictionary<int, int>>();
            foreach (var row in register.Store.Counts(unit, naceVersion))
            {
                var classes = byArea.TryGetValue(row.Nis, out var d) ? d : byArea[row.Nis] = [];
                classes[row.Class] = row.Count;
            }
            return new ClassCounts(byArea, register.Store.SectionsOfDivisions(naceVersion));
        });
}
