using Atlas.Model;

namespace Atlas.Curation;

/// <summary>What an account may do: a contributor proposes, an editor also accepts and rejects, an admin also manages accounts.</summary>
public enum Role { Contributor, Editor, Admin }

/// <summary>What an API token may do: read the curation (proposals, editable facts), propose, or review (accept, reject).</summary>
public enum Scope { Read, Propose, Edit }

/// <summary>A new fact, an edit of one, or its retraction (a fact is never deleted: it says it was retracted).</summary>
public enum ProposalKind { New, Edit, Retract }

public enum ProposalStatus { Pending, Accepted, Rejected }

/// <summary>A person who may sign in. The password is kept only as ASP.NET Core Identity's hash.</summary>
public sealed class Account
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The name as Identity compares it (upper case), unique.</summary>
    public string NormalizedName { get; set; } = "";
    public Role Role { get; set; }
    public string PasswordHash { get; set; } = "";
    public string SecurityStamp { get; set; } = "";
    public int FailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool CanReview => Role is Role.Editor or Role.Admin;
}

/// <summary>An API token as kept: only the SHA-256 of its secret, its scopes, when it expires and whether it was revoked.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public IReadOnlySet<Scope> Scopes { get; set; } = new HashSet<Scope>();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>
/// A passkey of an account as kept: its WebAuthn credential id (base64url), the name its owner gave it, and what
/// Identity checks a sign-in against (the public key, the signature counter, flags) as <see cref="Data"/>.
/// </summary>
public sealed record StoredPasskey(string CredentialId, long AccountId, string Name, string Data, DateTimeOffset CreatedAt);

/// <summary>
/// A proposed change to a fact or an entity: what it would be after the change (in the data files' YAML form), the
/// ETag of the version it was based on (edits and retractions), who proposed it and why, and how it was reviewed.
/// </summary>
public sealed class Proposal
{
    public long Id { get; set; }
    public ProposalKind Kind { get; set; }
    /// <summary>Null for a change to a fact; the type of the entity for a change to an entity.</summary>
    public EntityType? EntityType { get; set; }
    /// <summary>The id of the fact or entity it changes or adds.</summary>
    public string TargetId { get; set; } = "";
    public string? BaseEtag { get; set; }
    /// <summary>The fact or entity after the change, in the data files' YAML.</summary>
    public string Yaml { get; set; } = "";
    public string Reason { get; set; } = "";
    public long AuthorId { get; set; }
    public string Author { get; set; } = "";
    public ProposalStatus Status { get; set; }
    public string? Reviewer { get; set; }
    public string? ReviewReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>What the audit history calls what it changes: <c>fact:ID</c> or <c>entity:ID</c>.</summary>
    public string Target => EntityType is null ? $"fact:{TargetId}" : $"entity:{TargetId}";
}

/// <summary>An accepted change as a re-seed applies it again: to a fact (no entity type) or to an entity of a type.</summary>
public sealed record AcceptedChange(EntityType? EntityType, string Yaml);

/// <summary>
/// One line of the audit history, append-only: who did what to which target, when and why, with the state before
/// and after (a fact's YAML, an account's role …). Written in the same transaction as the change it records.
/// </summary>
public sealed record AuditEvent(long Seq, DateTimeOffset At, string Actor, string Action, string Target, string? Reason, string? Before, string? After);

/// <summary>The actions the audit history records.</summary>
public static class Actions
{
    public const string AccountAdded = "account-added", RoleChanged = "role-changed", AccountDisabled = "account-disabled",
        AccountEnabled = "account-enabled", SignIn = "sign-in", SignInFailed = "sign-in-failed", TokenCreated = "token-created",
        TokenRevoked = "token-revoked", Proposed = "proposed", Accepted = "accepted", Rejected = "rejected",
        PasskeyAdded = "passkey-added", PasskeyRemoved = "passkey-removed";
}

/// <summary>Why a review could not be done: the proposal was reviewed already, or the fact changed since it was proposed.</summary>
public enum ReviewOutcome { Done, NotFound, NotPending, FactChanged }

/// <summary>What an acceptance did, and when it was done, the data version it wrote and the one it was made over.</summary>
public sealed record Acceptance(ReviewOutcome Outcome, string? Version = null, string? PreviousVersion = null);
