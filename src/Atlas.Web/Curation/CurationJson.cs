using Atlas.Curation;
using Atlas.Model;

namespace Atlas.Web.Curation;

/// <summary>
/// A proposed change: <c>kind</c> new (with the whole <c>fact</c>), edit (the fact as it should be) or retract;
/// <c>factId</c> for an edit or a retraction; why. A change to an entity gives <c>entity</c> instead: an object with the
/// keys of its data file (as <c>GET /api/curation/entities/{id}</c> gives it), with <c>entityType</c> for a new one and
/// <c>entityId</c> for an edit.
/// </summary>
public sealed record ProposalRequestJson(string? Kind, string? FactId, FactDraft? Fact, string? Reason,
    string? EntityType = null, string? EntityId = null, System.Text.Json.JsonElement? Entity = null)
{
    public bool IsAboutEntity => Entity is not null || EntityType is not null || EntityId is not null;
}

/// <summary>An editor's decision on a proposal, with the reason kept in the history.</summary>
public sealed record ReviewRequestJson(string? Reason);

/// <summary>
/// A proposal as its author and the editors see it: the fact (<c>factId</c>, <c>fact</c>) or the entity (<c>entityType</c>,
/// <c>entityId</c>, <c>entity</c>) after the change in the data files' YAML, and its review.
/// </summary>
public sealed record ProposalJson(long Id, string Kind, string? FactId, string Status, string Author, string Reason, string? Fact, string? BaseEtag,
    string? Reviewer, string? ReviewReason, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? EntityType, string? EntityId, string? Entity)
{
    public static ProposalJson Of(Proposal p) => p.EntityType is { } type
        ? new(p.Id, Slugs.Of(p.Kind), null, Slugs.Of(p.Status), p.Author, p.Reason, null, p.BaseEtag, p.Reviewer, p.ReviewReason, p.CreatedAt,
            p.ReviewedAt, Slugs.Of(type), p.TargetId, p.Yaml)
        : new(p.Id, Slugs.Of(p.Kind), p.TargetId, Slugs.Of(p.Status), p.Author, p.Reason, p.Yaml, p.BaseEtag, p.Reviewer, p.ReviewReason, p.CreatedAt,
            p.ReviewedAt, null, null, null);
}

public sealed record ProposalListJson(IReadOnlyList<ProposalJson> Items);

/// <summary>A fact as an edit starts from it, with the ETag to send back in If-Match.</summary>
public sealed record EditableFactJson(string Id, string Etag, FactDraft Fact);

/// <summary>
/// An accepted change: who, when, why, and the fact (<c>fact</c>) or entity (<c>entity</c>) before (none for a new one)
/// and after, in the data files' YAML.
/// </summary>
public sealed record ChangeJson(long Seq, DateTimeOffset At, string Actor, string Action, string? Fact, string? Reason, string? Before, string? After,
    string? Entity = null)
{
    public static ChangeJson Of(AuditEvent e) => new(e.Seq, e.At, e.Actor, e.Action, IdIn(e.Target, "fact:"), e.Reason, e.Before, e.After, IdIn(e.Target, "entity:"));

    private static string? IdIn(string target, string prefix) => target.StartsWith(prefix, StringComparison.Ordinal) ? target[prefix.Length..] : null;
}

/// <summary>An entity as an edit starts from it: its keys as in its data file, with the ETag to send back in If-Match.</summary>
public sealed record EditableEntityJson(string Id, string EntityType, string Etag, System.Text.Json.JsonElement Entity);

/// <summary>The history of one entity: its accepted changes, oldest first.</summary>
public sealed record EntityHistoryJson(string Entity, string EntityType, IReadOnlyList<ChangeJson> Changes);

/// <summary>The history of one fact: its accepted changes, oldest first.</summary>
public sealed record FactHistoryJson(string Fact, string Status, IReadOnlyList<ChangeJson> Changes);

/// <summary>The feed of accepted changes, newest first; <c>next</c> leads to older ones.</summary>
public sealed record ChangesJson(IReadOnlyList<ChangeJson> Items, string? Next);
