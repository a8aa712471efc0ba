using System.Text.Json.Nodes;

namespace Atlas.Query;

/// <summary>One page of a list. Page numbers start at 1.</summary>
public sealed record Page(IReadOnlyList<JsonObject> Items, int Total, int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;
    public int Pages => Size == 0 ? 0 : (Total + Size - 1) / Size;
}

/// <summary>What a caller asks of a list: which page, how large, in which language.</summary>
public sealed record PageRequest(int Number = 1, int Size = Page.DefaultSize)
{
    public int Offset => (Number - 1) * Size;
    /// <summary>Every row at once (a CSV download).</summary>
    public static readonly PageRequest All = new(1, int.MaxValue);
}

public sealed record FactFilter(string? Subject = null, string? Predicate = null, string? Source = null, string? About = null, string? Status = null);
