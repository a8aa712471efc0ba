using Atlas.Curation;
using Atlas.Model;

namespace Atlas.Web.Curation;

/// <summary>A proposed change: <c>kind</c> new (with the whole <c>fact</c>), edit (the fact as it should be) or retract; <c>factId</c> for an edit or a retraction; why.</summary>
public sealed record ProposalRequestJson(string? Kind, string? FactId, FactDraft? Fact, string? Reason);

/// <summary>An editor's decision on a proposal, with the reason kept in the history.</summary>
public sealed record ReviewRequestJson(string? Reason);

/// <summary>A proposal as its author and the editors see it: the fact after the change in the data files' YAML, and its review.</summary>
public sealed record ProposalJson(long Id, string Kind, string FactId, string Status, string Author, string Reason, string Fact, string? BaseEtag,
    string? Reviewer, string? ReviewReason, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt)
{
    public static ProposalJson Of(Proposal p) => new(p.Id, Slugs.Of(p.Kind), p.FactId, Slugs.Of(p.Status), p.Author, p.Reason, p.Fact, p.BaseEtag,
        p.Reviewer, p.ReviewReason, p.CreatedAt, p.ReviewedAt);
}

public sealed record ProposalListJson(IReadOnlyList<ProposalJson> Items);

/// <summary>A fact as an edit starts from it, with the ETag to send back in If-Match.</summary>
public sealed record EditableFactJson(string Id, string Etag, FactDraft Fact);

/// <summary>An accepted change: who, when, why, and the fact before (none for a new fact) and after, in the data files' YAML.</summary>
public sealed record ChangeJson(long Seq, DateTimeOffset At, string Actor, string Action, string Fact, string? Reason, string? Before, string? After)
{
    public static ChangeJson Of(AuditEvent e) => new(e.Seq, e.At, e.Actor, e.Action, e.Target.StartsWith("fact:", StringComparison.Ordinal) ? e.Target[5..] : e.Target,
        e.Reason, e.Before, e.After);
}

/// <summary>The history of one fact: its accepted changes, oldest first.</summary>
public sealed record FactHistoryJson(string Fact, string Status, IReadOnlyList<ChangeJson> Changes);

/// <summary>The feed of accepted changes, newest first; <c>next</c> leads to older ones.</summary>
public sealed record ChangesJson(IReadOnlyList<ChangeJson> Items, string? Next);
