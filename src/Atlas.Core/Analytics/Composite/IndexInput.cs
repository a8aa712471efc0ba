namespace Atlas.Analytics.Composite;

/// <summary>
/// What an index is built from: its tree, its units, the raw indicator values (a column per indicator) and the
/// denominators that some indicators are divided by (a column per denominator, e.g. population).
/// </summary>
public sealed class IndexInput
{
    public IndexInput(IndexStructure structure, IReadOnlyList<Unit> units, StageTable raw, StageTable? denominators = null)
    {
        Structure = structure;
        Units = units;
        Raw = raw.Name == "Raw" ? raw : raw.Renamed("Raw");
        Denominators = denominators ?? new StageTable("Denominators", raw.Units, [], []);
        if (!units.Select(u => u.Code).SequenceEqual(raw.Units))
            throw new ArgumentException("the raw table must have one row per unit, in the order of the units");
        if (!Denominators.Units.SequenceEqual(raw.Units))
            throw new ArgumentException("the denominators table must have one row per unit, in the order of the units");
        var missing = structure.Indicators.Where(i => !raw.HasColumn(i.Code)).Select(i => i.Code).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"no data for the indicator(s) {string.Join(", ", missing)}");
        foreach (var i in structure.Indicators)
            if (i.Denominator is { } d && !Denominators.HasColumn(d))
                throw new ArgumentException($"the indicator {i.Code} is divided by '{d}', which is not a denominator column");
    }

    public IndexStructure Structure { get; }
    public IReadOnlyList<Unit> Units { get; }
    public StageTable Raw { get; }
    public StageTable Denominators { get; }
}
