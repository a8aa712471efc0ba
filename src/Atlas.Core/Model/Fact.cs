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

/// <summary>
/// How a fact stands against data: what its source says, or what data says of it; or retracted by the curators (a
/// fact is never deleted: it keeps its history and says that it was withdrawn).
/// </summary>
public enum FactStatus { Asserted, Confirmed, Contradicted, Retracted }

/// <summary>
/// What a fact is to the atlas: a <c>claim</c> of its source (the founding article's statements), or <c>context</c>
/// that the founding article leaves out, sourced elsewhere and shown apart ("not in the article").
/// </summary>
public enum FactRole { Claim, Context }

/// <summary>
/// Where a fact comes from in its source, with a short verbatim key phrase. Its other parts depend on the kind of
/// source: a document's section and passage, a web page's address, a data set's row.
/// </summary>
public sealed record Locator(string? Section, string? Passage, string Phrase)
{
    /// <summary>For a web page: the address the phrase was read at.</summary>
    public string? Url { get; init; }
    /// <summary>For a data set shipped as a file: the line number of the row (1 = the first line).</summary>
    public int? Row { get; init; }

    public override string ToString() =>
        Url is not null ? $"{Url} › « {Phrase} »"
        : Row is not null ? $"row {Row} › « {Phrase} »"
        : $"{Section} › {Passage} › « {Phrase} »";
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
    /// <summary>For a confirmed or contradicted fact: the ids of the facts (each with its own source) that show it.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public FactRole Role { get; init; } = FactRole.Claim;
    /// <summary>A curator's remark in French, Dutch and English (empty when there is none).</summary>
    public LocalizedText Note { get; init; } = new();
    public SourcePosition Position { get; init; }

    /// <summary>Every entity the fact is about: subject, object and context.</summary>
    public IEnumerable<string> Entities =>
        new[] { Subject }.Concat(Object is null ? [] : [Object]).Concat(Context).Distinct();
}
