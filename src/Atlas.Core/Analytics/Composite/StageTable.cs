namespace Atlas.Analytics.Composite;

/// <summary>
/// One stage of the pipeline as a table: a row per unit, a column per indicator (or aggregate), missing values as
/// <see cref="double.NaN"/>. Immutable; stored by column, since every step works on whole columns.
/// </summary>
public sealed class StageTable
{
    private readonly double[][] _columns;
    private readonly Dictionary<string, int> _unitIndex;
    private readonly Dictionary<string, int> _columnIndex;

    public StageTable(string name, IReadOnlyList<string> units, IReadOnlyList<string> columns, double[][] values)
    {
        if (values.Length != columns.Count) throw new ArgumentException($"{columns.Count} column names for {values.Length} columns");
        foreach (var c in values)
            if (c.Length != units.Count) throw new ArgumentException($"a column has {c.Length} values for {units.Count} units");
        Name = name;
        Units = units;
        Columns = columns;
        _columns = values;
        _unitIndex = Index(units, "unit");
        _columnIndex = Index(columns, "column");
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> codes, string what)
    {
        var index = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
            if (!index.TryAdd(codes[i], i)) throw new ArgumentException($"the {what} '{codes[i]}' appears twice");
        return index;
    }

    /// <summary>The stage's name: Raw, Denominated, Screened, Imputed, Treated, Normalised, Aggregated...</summary>
    public string Name { get; }

    /// <summary>The unit codes, one per row.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>The column codes (indicators, then aggregates where there are some).</summary>
    public IReadOnlyList<string> Columns { get; }

    public double this[int unit, int column] => _columns[column][unit];

    public double this[string unit, string column] => _columns[ColumnIndex(column)][UnitIndex(unit)];

    public int UnitIndex(string unit) => _unitIndex.TryGetValue(unit, out var i) ? i : throw new KeyNotFoundException($"no unit '{unit}' in {Name}");

    public int ColumnIndex(string column) => _columnIndex.TryGetValue(column, out var i) ? i : throw new KeyNotFoundException($"no column '{column}' in {Name}");

    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    public bool HasUnit(string unit) => _unitIndex.ContainsKey(unit);

    /// <summary>The values of one column, one per unit.</summary>
    public ReadOnlySpan<double> Column(string column) => _columns[ColumnIndex(column)];

    public ReadOnlySpan<double> Column(int column) => _columns[column];

    /// <summary>A copy of the columns, for a step that builds the next stage from this one.</summary>
    internal double[][] CopyColumns() => _columns.Select(c => (double[])c.Clone()).ToArray();

    /// <summary>The same values under another stage name.</summary>
    public StageTable Renamed(string name) => new(name, Units, Columns, _columns);

    /// <summary>The rows of the given units, in that order.</summary>
    public StageTable SelectUnits(string name, IReadOnlyList<string> units)
    {
        var rows = units.Select(UnitIndex).ToArray();
        return new StageTable(name, units, Columns, _columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray());
    }
}
