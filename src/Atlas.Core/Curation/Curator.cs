using Atlas.Data;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Store;

namespace Atlas.Curation;

/// <summary>A refused change's problem with one field (<c>subject</c>, <c>locator.phrase</c>, <c>reason</c> …).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Why a change was not made; <see cref="Refusal.None"/> when it was.</summary>
public enum Refusal { None, Invalid, NotFound, PreconditionRequired, PreconditionFailed, OwnProposal, NotPending }

public sealed record CurationOutcome(Refusal Refusal, Proposal? Proposal = null, IReadOnlyList<FieldError>? Errors = null, string? Detail = null)
{
    public bool Done => Refusal == Refusal.None;
    public static CurationOutcome Invalid(params FieldError[] errors) => new(Refusal.Invalid, Errors: errors);
}

/// <summary>
/// Proposing and reviewing changes to facts and entities, by the rules of `atlas validate` (<see cref="Validator.Check"/>) against
/// the current data. Who may do what (roles, token scopes) is the web layer's; what a change must be is here.
/// </summary>
public sealed class Curator(AtlasSnapshots snapshots, ICurationStore store, string dataDir)
{
    public const int MaxReason = 2000;
    private const string ProposalFile = "proposal";

    public ICurationStore Store => store;

    /// <summary>A fact as an edit starts from it, with its ETag; null when there is no such fact.</summary>
    public (FactDraft Draft, string Etag)? Editable(string id) =>
        snapshots.Curated.Fact(id) is { } f ? (FactYaml.Draft(f), FactYaml.Etag(f)) : null;

    /// <summary>Proposes a new fact (<paramref name="factId"/> null) or an edit or retraction of one, based on the ETag <paramref name="ifMatch"/>.</summary>
    public CurationOutcome Propose(Account author, ProposalKind kind, string? factId, FactDraft? draft, string? reason, string? ifMatch)
    {
        var s = snapshots.Curated;
        var errors = new List<FieldError>();
        if (ReasonProblem(reason) is { } r) errors.Add(r);
        Fact? existing = null;
        if (kind == ProposalKind.New)
        {
            if (draft?.Id is { Length: > 0 } id && s.Fact(id) is not null)
                errors.Add(new("id", $"the fact id '{id}' is already used: choose another, or propose an edit of that fact"));
        }
        else
        {
            existing = factId is null ? null : s.Fact(factId);
            if (existing is null) return new(Refusal.NotFound, Detail: $"there is no fact '{factId}'");
            if (string.IsNullOrWhiteSpace(ifMatch))
                return new(Refusal.PreconditionRequired, Detail: "send If-Match with the fact's ETag (GET /api/curation/facts/{id}), so that no change made meanwhile is overwritten");
            if (ifMatch.Trim() != FactYaml.Etag(existing) && ifMatch.Trim() != "*")
                return new(Refusal.PreconditionFailed, Detail: $"the fact '{factId}' changed since you read it: read it again and propose your change over the new version");
            draft = kind == ProposalKind.Retract
                ? FactYaml.Draft(existing) with { Status = Slugs.Of(FactStatus.Retracted) }
                : (draft ?? new FactDraft()) with { Id = existing.Id };
        }
        if (draft is null) { errors.Add(new("fact", "give the fact: subject, predicate, statement, source and locator")); return CurationOutcome.Invalid([.. errors]); }
        var (_, yaml, factErrors) = Check(draft);
        errors.AddRange(factErrors);
        if (errors.Count > 0) return CurationOutcome.Invalid([.. errors]);
        var proposal = store.AddProposal(new Proposal
        {
            Kind = kind, TargetId = existing?.Id ?? draft.Id!, BaseEtag = existing is null ? null : FactYaml.Etag(existing), Yaml = yaml,
            Reason = reason!.Trim(), AuthorId = author.Id,
        });
        return new(Refusal.None, proposal);
    }

    /// <summary>
    /// An entity as an edit starts from it (its YAML) with its ETag; null when there is no such entity. An entity read
    /// from the reference files (a municipality …) is not curated here: <c>Curated</c> is then false.
    /// </summary>
    public (string Yaml, string Etag, EntityType Type, bool Curated)? EditableEntity(string id) =>
        snapshots.Curated.Get(id) is { } e ? (EntityYaml.Of(e).Yaml, EntityYaml.Etag(e), e.Type, EntityYaml.IsCurated(e)) : null;

    /// <summary>
    /// Proposes a new entity of <paramref name="type"/>, or an edit of the entity <paramref name="entityId"/> based on the
    /// ETag <paramref name="ifMatch"/>; <paramref name="text"/> is the entity with the keys of its data file. An entity
    /// is not retracted (facts name it): the facts about it are.
    /// </summary>
    public CurationOutcome ProposeEntity(Account author, ProposalKind kind, EntityType? type, string? entityId, FactYaml.Text? text, string? reason, string? ifMatch)
    {
        var errors = new List<FieldError>();
        if (ReasonProblem(reason) is { } r) errors.Add(r);
        if (kind == ProposalKind.Retract)
            return CurationOutcome.Invalid([.. errors, new("kind", "an entity is not retracted, since facts name it: retract those facts, or propose an edit of the entity")]);
        Entity? existing = null;
        if (kind == ProposalKind.Edit)
        {
            existing = entityId is null ? null : snapshots.Curated.Get(entityId);
            if (existing is null) return new(Refusal.NotFound, Detail: $"there is no entity '{entityId}'");
            if (!EntityYaml.IsCurated(existing))
                return CurationOutcome.Invalid([.. errors, new("entity", $"'{existing.Id}' is read from the reference files ({existing.Position.File}), not from a curated data file: change its names in data/name-overrides.yaml")]);
            if (string.IsNullOrWhiteSpace(ifMatch))
                return new(Refusal.PreconditionRequired, Detail: "send If-Match with the entity's ETag (GET /api/curation/entities/{id}), so that no change made meanwhile is overwritten");
            if (ifMatch.Trim() != EntityYaml.Etag(existing) && ifMatch.Trim() != "*")
                return new(Refusal.PreconditionFailed, Detail: $"the entity '{existing.Id}' changed since you read it: read it again and propose your change over the new version");
            type = existing.Type;
        }
        if (type is null) return CurationOutcome.Invalid([.. errors, new("entityType", $"say which type of entity: {string.Join(", ", Slugs.All<EntityType>())}")]);
        if (text is null) return CurationOutcome.Invalid([.. errors, new("entity", "give the entity: an object with the keys of its data file (docs/data-format.md)")]);
        var (entity, entityErrors) = CheckEntity(type.Value, text, existing is null);
        errors.AddRange(entityErrors);
        if (existing is not null && entity is not null && entity.Id != existing.Id)
            errors.Add(new("id", $"an entity's id does not change (facts name it): keep '{existing.Id}', or propose a new entity"));
        if (errors.Count > 0 || entity is null) return CurationOutcome.Invalid([.. errors]);
        var proposal = store.AddProposal(new Proposal
        {
            Kind = kind, EntityType = type, TargetId = entity.Id, BaseEtag = existing is null ? null : EntityYaml.Etag(existing),
            Yaml = EntityYaml.Of(entity).Yaml, Reason = reason!.Trim(), AuthorId = author.Id,
        });
        return new(Refusal.None, proposal);
    }

    /// <summary>The entity a text makes and its problems by the rules of `atlas validate`, each with the key it is about.</summary>
    private (Entity? Entity, List<FieldError> Errors) CheckEntity(EntityType type, FactYaml.Text text, bool isNew)
    {
        var problems = new List<Problem>();
        var entity = EntityYaml.Read(type, text.Yaml, ProposalFile, problems);
        if (entity is not null)
            problems.AddRange(Validator.CheckProposedEntity(entity, isNew, snapshots.Curated.EntitiesById, dataDir).Where(p => p.File == ProposalFile));
        var errors = problems.Select(p => new FieldError(FieldOf(p, text, EntityMessageFields, "entity"), p.Message)).Distinct().ToList();
        return (errors.Count == 0 ? entity : null, errors);
    }

    // the rules that report at a whole entity, by the key their message names
    private static readonly (string[] Words, string Field)[] EntityMessageFields =
    [
        (["the id '", "no 'id'"], "id"), (["the parent"], "parent"), (["the linked place", "has no links"], "links"), (["the place '"], "places"),
        (["the sector '"], "sectors"), (["the technology '"], "technologies"), (["the scope"], "scope"), (["NACE code"], "nace2008"),
        (["has no 'file'", "outside the data folder"], "file"), (["the web page"], "url"),
    ];

    /// <summary>Accepts a pending proposal of someone else, checked again against the data as it is now.</summary>
    public CurationOutcome Accept(Account reviewer, long proposalId, string? reason)
    {
        if (store.FindProposal(proposalId) is not { } p) return new(Refusal.NotFound, Detail: $"there is no proposal {proposalId}");
        if (p.AuthorId == reviewer.Id) return new(Refusal.OwnProposal, p, Detail: "nobody accepts their own proposal: another editor reviews it");
        if (p.Status != ProposalStatus.Pending) return new(Refusal.NotPending, p, Detail: $"proposal {p.Id} was {Slugs.Of(p.Status)} already");
        if (ReasonProblem(reason) is { } r) return CurationOutcome.Invalid(r);
        var accepted = p.EntityType is { } type ? AcceptEntity(reviewer, p, type, reason!.Trim()) : AcceptFact(reviewer, p, reason!.Trim());
        if (accepted.Refusal is { } refusal) return refusal;
        return accepted.Acceptance!.Outcome switch
        {
            ReviewOutcome.Done => new(Refusal.None, store.FindProposal(p.Id)),
            ReviewOutcome.FactChanged => new(Refusal.PreconditionFailed, p, Detail: $"{What(p)} changed since this proposal was made: it must be proposed again over the new version"),
            ReviewOutcome.NotPending => new(Refusal.NotPending, p, Detail: $"proposal {p.Id} was reviewed meanwhile"),
            _ => new(Refusal.NotFound, Detail: $"there is no proposal {proposalId}"),
        };
    }

    private static string What(Proposal p) => p.EntityType is { } t ? $"the {Slugs.Of(t)} '{p.TargetId}'" : $"the fact '{p.TargetId}'";

    private (Acceptance? Acceptance, CurationOutcome? Refusal) AcceptFact(Account reviewer, Proposal p, string reason)
    {
        var s = snapshots.Curated;
        var (fact, _, errors) = Check(FactYaml.ReadStored(p.Yaml, new SourcePosition(ProposalFile, 0)) is { } stored ? FactYaml.Draft(stored) : new FactDraft());
        if (errors.Count > 0 || fact is null) return (null, new(Refusal.Invalid, p, errors, "the proposal no longer holds against the data as it is now"));
        var position = s.Fact(p.TargetId)?.Position ?? new SourcePosition(FactYaml.NewFactsFile, 0);
        var row = CuratedRows.Row(fact, 0) with { File = position.File, Line = position.Line };
        var search = CuratedRows.SearchOf(fact, s.Get);
        // one acceptance at a time on this node, applied to the snapshot in the order they commit: applied out of
        // order, each would find the snapshot at another version than its own previous one and read every fact again
        lock (snapshots.Acceptances)
        {
            var accepted = store.Accept(p.Id, reviewer, reason, row, search, r => FactYaml.Of(CuratedRows.ToFact(r)));
            if (accepted is { Outcome: ReviewOutcome.Done, Version: { } version, PreviousVersion: { } previous })
                snapshots.CuratedApplied(previous, CuratedRows.ToFact(row), version);
            else snapshots.CuratedChanged();
            return (accepted, null);
        }
    }

    private (Acceptance? Acceptance, CurationOutcome? Refusal) AcceptEntity(Account reviewer, Proposal p, EntityType type, string reason)
    {
        var s = snapshots.Curated;
        var position = s.Get(p.TargetId)?.Position ?? new SourcePosition(EntityYaml.DataFile(type), int.MaxValue);
        var (entity, errors) = CheckEntity(type, EntityYaml.FromYaml(p.Yaml), p.Kind == ProposalKind.New);
        if (errors.Count > 0 || entity is null) return (null, new(Refusal.Invalid, p, errors, "the proposal no longer holds against the data as it is now"));
        entity = EntityYaml.ReadStored(type, p.Yaml, position)!;
        var row = new EntityRow(entity.Id, Slugs.Of(type), entity.Kind, 0, EntityDocument.Write(entity));
        var accepted = store.AcceptEntity(p.Id, reviewer, reason, row, CuratedRows.SearchOf(entity), document => EntityYaml.Of(EntityDocument.Read(document)).Yaml);
        // the entities changed: every node (this one too) reads the data again at its next look
        snapshots.CuratedChanged();
        return (accepted, null);
    }

    public CurationOutcome Reject(Account reviewer, long proposalId, string? reason)
    {
        if (store.FindProposal(proposalId) is not { } p) return new(Refusal.NotFound, Detail: $"there is no proposal {proposalId}");
        if (p.Status != ProposalStatus.Pending) return new(Refusal.NotPending, p, Detail: $"proposal {p.Id} was {Slugs.Of(p.Status)} already");
        if (ReasonProblem(reason) is { } r) return CurationOutcome.Invalid(r);
        return store.Reject(p.Id, reviewer, reason!.Trim()) switch
        {
            ReviewOutcome.Done => new(Refusal.None, store.FindProposal(p.Id)),
            _ => new(Refusal.NotPending, p, Detail: $"proposal {p.Id} was reviewed meanwhile"),
        };
    }

    private static FieldError? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new("reason", "say why: a reason is kept in the history with the change")
        : reason.Length > MaxReason ? new("reason", $"the reason is longer than {MaxReason} characters: say it shorter") : null;

    /// <summary>The fact a draft makes, its YAML, and its problems by the rules of `atlas validate`, each with the field it is about.</summary>
    public (Fact? Fact, string Yaml, List<FieldError> Errors) Check(FactDraft draft)
    {
        var text = FactYaml.Write(draft);
        var problems = new List<Problem>();
        var fact = FactYaml.Read(text.Yaml, ProposalFile, problems);
        if (fact is not null)
        {
            var s = snapshots.Curated;
            var evidence = fact.Evidence.Select(s.Fact).OfType<Fact>();
            problems.AddRange(Validator.CheckProposed([fact, .. evidence], s.EntitiesById, dataDir).Where(p => p.File == ProposalFile));
        }
        var errors = problems.Select(p => new FieldError(FieldOf(p, text, MessageFields, "fact"), p.Message)).Distinct().ToList();
        return (errors.Count == 0 ? fact : null, text.Yaml, errors);
    }

    /// <summary>
    /// The field a problem is about: named by its message (<paramref name="byMessage"/>) when the rule reports at the
    /// whole fact or entity, else the line it is at; <paramref name="whole"/> when neither says.
    /// </summary>
    private static string FieldOf(Problem p, FactYaml.Text text, (string[] Words, string Field)[] byMessage, string whole)
    {
        foreach (var (words, field) in byMessage)
            if (words.Any(w => p.Message.Contains(w, StringComparison.Ordinal))) return field;
        return text.FieldAt.GetValueOrDefault(p.Line) ?? whole;
    }

    private static readonly (string[] Words, string Field)[] MessageFields =
    [
        (["the subject", "no 'subject'"], "subject"), (["the object", "needs an object", "takes no object"], "object"),
        (["the context entity"], "context"), (["the source", "has no source"], "source"), (["evidence"], "evidence"),
        (["needs a quantity", "carry a quantity"], "quantity"), (["indicator"], "indicator"),
        (["Dutch statement"], "statement.nl"), (["French statement"], "statement.fr"), (["no 'predicate'"], "predicate"),
        (["locator", "key phrase", "row "], "locator"), (["no 'statement'", "statement"], "statement"), (["no 'id'"], "id"),
    ];
}
