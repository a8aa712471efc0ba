namespace Atlas.Query;

/// <summary>What a caller asks of a list: which page and how large.</summary>
public sealed record PageRequest(int Number = 1, int Size = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;
    public int Offset => (Number - 1) * Size;
    /// <summary>Every row at once (a CSV download).</summary>
    public static readonly PageRequest All = new(1, int.MaxValue);
}

public sealed record FactFilter(string? Subject = null, string? Predicate = null, string? Source = null, string? About = null, string? Status = null)
{
    /// <summary>claim or context (see FactRole), or null for both.</summary>
    public string? Role { get; init; }
}
