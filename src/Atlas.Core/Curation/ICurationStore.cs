using Atlas.Store;

namespace Atlas.Curation;

/// <summary>
/// Accounts, API tokens, proposals and the audit history, kept in the same database as the curated facts, so that an
/// accepted change, the fact it writes and its audit event commit together. Every method that changes something
/// appends its audit event in its own transaction; nothing here updates or deletes an event.
/// </summary>
public interface ICurationStore
{
    /// <summary>True when at least one account exists: only then does the atlas offer any write endpoint.</summary>
    bool HasAccounts { get; }

    /// <summary>
    /// Whether this connection may write the curation: always on a file; on a server, when its role may (a member of
    /// <c>atlas_curator</c>, or the owner). A node whose role only reads serves read-only, accounts or not.
    /// </summary>
    bool MayWrite { get; }

    Account? FindAccount(string normalizedName);
    Account? FindAccount(long id);
    IReadOnlyList<Account> Accounts();
    /// <summary>Adds an account (its name must be free); records <see cref="Actions.AccountAdded"/>.</summary>
    Account AddAccount(Account account, string actor);
    /// <summary>Saves what Identity keeps up to date by itself: password hash, security stamp, failed sign-ins, lockout.</summary>
    void SaveSecurity(Account account);
    void SetRole(long accountId, Role role, string actor);
    void SetDisabled(long accountId, bool disabled, string actor);

    ApiToken AddToken(ApiToken token, string actor);
    ApiToken? FindToken(string hash);
    IReadOnlyList<ApiToken> Tokens(long accountId);
    /// <summary>Revokes a token of the account; false when it has no such token or it was revoked already.</summary>
    bool RevokeToken(long accountId, long tokenId, string actor);

    /// <summary>Adds a passkey to its account (recording <see cref="Actions.PasskeyAdded"/>), or updates the one of that credential id (its counter after a sign-in).</summary>
    void SavePasskey(StoredPasskey passkey, string actor);
    IReadOnlyList<StoredPasskey> Passkeys(long accountId);
    StoredPasskey? FindPasskey(string credentialId);
    /// <summary>Removes a passkey of the account; false when it has none of that id.</summary>
    bool RemovePasskey(long accountId, string credentialId, string actor);

    /// <summary>Appends an event that goes with no other change (a sign-in, a failed one).</summary>
    void Record(string actor, string action, string target, string? reason = null);

    Proposal AddProposal(Proposal proposal);
    Proposal? FindProposal(long id);
    IReadOnlyList<Proposal> Proposals(ProposalStatus? status, long? authorId, int limit);

    /// <summary>
    /// Accepts a pending proposal: writes <paramref name="fact"/> (and its search document) over the fact of the same
    /// id, unless that fact's ETag is no longer <see cref="Proposal.BaseEtag"/>; bumps the curated data version; marks the
    /// proposal accepted; appends the event with the state before and after (<paramref name="yamlOf"/>: a stored fact as
    /// the history shows it). All in one transaction.
    /// </summary>
    Acceptance Accept(long proposalId, Account reviewer, string reason, FactRow fact, SearchRow search, Func<FactRow, string> yamlOf);
    /// <summary>
    /// Accepts a pending proposal about an entity as <see cref="Accept"/> does a fact's: writes the entity and its
    /// search document, and bumps the entities' revision too (the data version's seeded part), all in one transaction.
    /// <paramref name="yamlOf"/> gives the history's YAML of a stored entity document.
    /// </summary>
    Acceptance AcceptEntity(long proposalId, Account reviewer, string reason, EntityRow entity, SearchRow search, Func<string, string> yamlOf);
    ReviewOutcome Reject(long proposalId, Account reviewer, string reason);

    /// <summary>The accepted changes, oldest first: a re-seed from the data files applies them again, so none is lost.</summary>
    IReadOnlyList<AcceptedChange> AcceptedChanges();

    /// <summary>The events about one target (<c>fact:ID</c>, <c>entity:ID</c> …), oldest first.</summary>
    IReadOnlyList<AuditEvent> History(string target);
    /// <summary>Events of the given actions, newest first, from before <paramref name="beforeSeq"/> when given.</summary>
    IReadOnlyList<AuditEvent> Events(IReadOnlyCollection<string> actions, int limit, long? beforeSeq = null);
    long EventCount();
}
