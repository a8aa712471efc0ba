using Atlas.Diagnostics;

namespace Atlas.Analytics.Composite;

/// <summary>Whether more of an indicator is better (<see cref="Positive"/>) or worse (<see cref="Negative"/>).</summary>
public enum Direction { Negative = -1, Positive = 1 }

/// <summary>
/// One node of the index tree: an indicator (level 1) or an aggregate (pillar, sub-index, index) above it.
/// <see cref="Weight"/> is relative to the node's siblings (the weights of one parent's children are rescaled to
/// sum to 1 when aggregating), as in COINr.
/// </summary>
public abstract record IndexNode(string Code, string Name, int Level, string? Parent, double Weight)
{
    public SourcePosition? Origin { get; init; }
}

/// <summary>An indicator: a column of data, with its direction and, optionally, the denominator that divides it.</summary>
public sealed record Indicator(string Code, string Name, string? Parent, double Weight, Direction Direction)
    : IndexNode(Code, Name, 1, Parent, Weight)
{
    /// <summary>The code of the denominator column that divides this indicator (e.g. population), if any.</summary>
    public string? Denominator { get; init; }

    /// <summary>The target for distance-to-target normalisation, in the indicator's own units.</summary>
    public double? Target { get; init; }

    /// <summary>The goalposts for goalpost normalisation, in the indicator's own units.</summary>
    public Goalposts? Goalposts { get; init; }
}

/// <summary>An aggregate of the level below: a pillar, a sub-index or the index itself.</summary>
public sealed record Aggregate(string Code, string Name, int Level, string? Parent, double Weight)
    : IndexNode(Code, Name, Level, Parent, Weight);

/// <summary>
/// Goalposts of one indicator, in its own units: <see cref="Lower"/> and <see cref="Upper"/> map to 0 and
/// <see cref="Scale"/> (reversed for a negative indicator); values beyond them are cut when <see cref="Truncate"/>.
/// </summary>
public sealed record Goalposts(double Lower, double Upper, double Scale = 1, bool Truncate = true);

/// <summary>A unit of the index (a country, a municipality): its code, its name and the groups it belongs to.</summary>
public sealed record Unit(string Code, string Name)
{
    /// <summary>Group memberships by group column (e.g. <c>EurAsia_group → Europe</c>); null where unknown.</summary>
    public IReadOnlyDictionary<string, string?> Groups { get; init; } = new Dictionary<string, string?>();

    public SourcePosition? Origin { get; init; }
}

/// <summary>Thrown when a step of the pipeline cannot be applied to the data (e.g. a geometric mean of a zero).</summary>
public sealed class CompositeException(string message) : Exception(message);
