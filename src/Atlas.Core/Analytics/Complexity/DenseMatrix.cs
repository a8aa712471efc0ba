namespace Atlas.Analytics.Complexity;

/// <summary>A read-only table of numbers, stored row by row.</summary>
public sealed class DenseMatrix
{
    private readonly double[] _values;

    internal DenseMatrix(int rows, int columns, double[] values)
    {
        if (values.Length != rows * columns) throw new ArgumentException($"{rows} × {columns} needs {rows * columns} values, not {values.Length}");
        Rows = rows;
        Columns = columns;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
            if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column));
            return _values[row * Columns + column];
        }
    }

    public ReadOnlySpan<double> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        return _values.AsSpan(row * Columns, Columns);
    }
}
