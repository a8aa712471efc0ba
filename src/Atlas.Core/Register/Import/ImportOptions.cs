using System.Globalization;

namespace Atlas.Register.Import;

/// <summary>How an import may go: when it stops on malformed rows, whether an old update may be applied, progress.</summary>
public sealed record ImportOptions
{
    /// <summary>Stop (and change nothing) when more rows than this are malformed; null for no count limit.</summary>
    public long? MaxErrors { get; init; } = 1000;
    /// <summary>Stop when more than this share of the rows read is malformed (0.001 = 0.1 %); null for no share limit.</summary>
    public double? MaxErrorShare { get; init; }
    /// <summary>Apply an update even when its extract number is not newer than the register's.</summary>
    public bool Force { get; init; }
    /// <summary>Called a few times a second during the import.</summary>
    public Action<ImportProgress>? Progress { get; init; }
    /// <summary>How many problems are kept to be shown (all are counted).</summary>
    public int ProblemsShown { get; init; } = 20;

    /// <summary>Reads a threshold as a count (1000) or a share (0.1%).</summary>
    public static ImportOptions WithThreshold(string text, ImportOptions? basis = null)
    {
        basis ??= new ImportOptions();
        var t = text.Trim();
        if (t.EndsWith('%') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) && pct is >= 0 and <= 100)
            return basis with { MaxErrors = null, MaxErrorShare = pct / 100 };
        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return basis with { MaxErrors = n, MaxErrorShare = null };
        throw new FormatException($"'{text}' is not a threshold: give a number of rows (1000) or a share (0.1%)");
    }
}
