using Atlas.Diagnostics;

namespace Atlas.Model;

/// <summary>The closed vocabulary of what a fact can say about its subject.</summary>
public enum Predicate
{
    DescribedAs,
    InnovatesIn,
    UsesTechnology,
    HasExampleOrganisation,
    HostsOrganisation,
    HasKeyStrength,
    RunsInitiative,
    HasIndicatorValue,
    HasTrend,
}

public static class Predicates
{
    /// <summary>The entity type a predicate's object must have; null where the object is optional and of any type.</summary>
    public static EntityType? RequiredObjectType(this Predicate p) => p switch
    {
        Predicate.InnovatesIn => EntityType.Sector,
        Predicate.UsesTechnology => EntityType.Technology,
        Predicate.HasExampleOrganisation or Predicate.HostsOrganisation => EntityType.Organisation,
        _ => null,
    };

    /// <summary>Predicates whose object is allowed to be a programme only, if given.</summary>
    public static bool ObjectMustBeProgramme(this Predicate p) => p == Predicate.RunsInitiative;

    public static bool TakesNoObject(this Predicate p) => p == Predicate.DescribedAs;

    public static string Slug(this Predicate p) => Slugs.Of(p);
}

/// <summary>How a fact stands against data: what its source says, or what data says of it.</summary>
public enum FactStatus { Asserted, Confirmed, Contradicted }

/// <summary>Where a fact comes from in its source: section, passage and a short verbatim key phrase.</summary>
public sealed record Locator(string Section, string Passage, string Phrase)
{
    public override string ToString() => $"{Section} › {Passage} › « {Phrase} »";
}

/// <summary>
/// The unit of knowledge: a subject, a predicate from a closed vocabulary, an object (an entity, or nothing when the
/// statement says it all), an optional quantity, and where it comes from. Facts are never overwritten: a new source
/// adds a new fact.
/// </summary>
public sealed class Fact
{
    public required string Id { get; init; }
    public required string Subject { get; init; }
    public required Predicate Predicate { get; init; }
    public string? Object { get; init; }
    public IReadOnlyList<string> Context { get; init; } = [];
    public required LocalizedText Statement { get; init; }
    public Quantity? Quantity { get; init; }
    public string? Indicator { get; init; }
    public required string Source { get; init; }
    public required Locator Locator { get; init; }
    public FactStatus Status { get; init; } = FactStatus.Asserted;
    public string? Note { get; init; }
    public SourcePosition Position { get; init; }

    /// <summary>Every entity the fact is about: subject, object and context.</summary>
    public IEnumerable<string> Entities =>
        new[] { Subject }.Concat(Object is null ? [] : [Object]).Concat(Context).Distinct();
}
