namespace Atlas.Data;

/// <summary>One thing wrong with the data, where it is, and how to fix it: printed as <c>file:line: message</c>.</summary>
public sealed record Problem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when data cannot be used; carries every problem found, not only the first.</summary>
public sealed class InvalidDataException(IReadOnlyList<Problem> problems)
    : Exception($"the data files have {problems.Count} problem(s); first: {problems.FirstOrDefault()}")
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
