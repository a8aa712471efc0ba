namespace Atlas.Diagnostics;

/// <summary>Where something was written: a file and a line (0 when the problem is with the whole file), for messages that point at it.</summary>
public readonly record struct SourcePosition(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>One thing wrong with input, where it is, and how to fix it: printed as <c>file:line: message</c>.</summary>
public sealed record Problem(string File, int Line, string Message)
{
    public Problem(SourcePosition at, string message) : this(at.File, at.Line, message) { }

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when input files cannot be used; carries every problem found, not only the first.</summary>
public sealed class DataProblemsException(IReadOnlyList<Problem> problems)
    : Exception($"the data files have {problems.Count} problem(s); first: {problems.FirstOrDefault()}")
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
