using Atlas.Model;

namespace Atlas.Catalogue;

/// <summary>What a caller asks of a list: which page and how large. Page numbers start at 1.</summary>
public sealed record PageRequest(int Number = 1, int Size = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;
    public int Offset => (Number - 1) * Size;
    /// <summary>Every row at once (a CSV download).</summary>
    public static readonly PageRequest All = new(1, int.MaxValue);
}

/// <summary>One page of a list. Page numbers start at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Pages => Size == 0 ? 0 : (int)Math.Min(int.MaxValue, ((long)Total + Size - 1) / Size);

    public static Page<T> Of(IEnumerable<T> all, PageRequest request)
    {
        var list = all as IReadOnlyList<T> ?? all.ToList();
        var items = list.Skip(request.Offset).Take(request.Size).ToList();
        return new Page<T>(items, list.Count, request.Number, request.Size);
    }
}

/// <summary>Which facts: of a subject, with a predicate, from a source, naming an entity (in any role), with a status, a claim or context.</summary>
public sealed record FactFilter(string? Subject = null, Predicate? Predicate = null, string? Source = null, string? About = null, FactStatus? Status = null,
    FactRole? Role = null);
