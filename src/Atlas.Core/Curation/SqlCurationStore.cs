using System.Data;
using System.Data.Common;
using System.Globalization;
using Atlas.Model;
using Atlas.Store;
using Dapper;

namespace Atlas.Curation;

/// <summary>
/// The curation in SQL that SQLite and PostgreSQL both run (the tables of <see cref="CurationSchema"/> and of
/// <c>0005_curation.sql</c> hold the same columns). Every change and its audit event commit in one transaction; an
/// acceptance also writes the fact, its search document and the curated data version there, so every node's next
/// look at the data version (at most a second later) sees the accepted change.
/// </summary>
public sealed partial class SqlCurationStore(Func<DbConnection> connect, bool serverLocks, Lock? writeGate = null) : ICurationStore
{
    // serverLocks: the store is a PostgreSQL server, where several nodes write (reviews take an advisory lock) and
    // roles may differ; on SQLite, write transactions are serial already and the file's reader may write it.
    // writeGate: one per SQLite file, so that this process's writers queue for each other here; colliding in SQLite,
    // the one that finds the file locked sleeps and retries (Microsoft.Data.Sqlite's busy loop) with its thread held
    /// <summary>The key of the lock that serialises reviews on a server (SQLite's write transactions are serial already).</summary>
    private const long ReviewLock = 0x41746c6173526576;   // "AtlasRev"

    private DbConnection Open() => connect();

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    private T InTransaction<T>(Func<DbConnection, DbTransaction, T> work)
    {
        if (writeGate is null) return Commit(work);
        lock (writeGate) return Commit(work);
    }

    private T Commit<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(IsolationLevel.ReadCommitted);
        var result = work(c, tx);
        tx.Commit();
        return result;
    }

    private static long Append(DbConnection c, DbTransaction tx, string actor, string action, string target, string? reason = null,
        string? before = null, string? after = null) =>
        c.ExecuteScalar<long>("""
            INSERT INTO curation_events (at, actor, action, target, reason, before, after)
            VALUES (@at, @actor, @action, @target, @reason, @before, @after) RETURNING seq
            """, new { at = Now(), actor, action, target, reason, before, after }, tx);

    public void Record(string actor, string action, string target, string? reason = null) =>
        InTransaction((c, tx) => Append(c, tx, actor, action, target, reason));

    // ---- proposals and reviews ----

    // fact_id and fact hold the id and the YAML of what the change is to: a fact, or an entity of entity_type
    private const string ProposalColumns = """
        p.id, p.kind, p.entity_type AS EntityType, p.fact_id AS TargetId, p.base_etag AS BaseEtag, p.fact AS Yaml, p.reason,
        p.author_id AS AuthorId, a.user_name AS Author, p.status, p.reviewer, p.review_reason AS ReviewReason,
        p.created_at AS CreatedAt, p.reviewed_at AS ReviewedAt
        """;

    private sealed record ProposalRow(long Id, string Kind, string? EntityType, string TargetId, string? BaseEtag, string Yaml, string Reason,
        long AuthorId, string Author, string Status, string? Reviewer, string? ReviewReason, string CreatedAt, string? ReviewedAt)
    {
        public Proposal ToProposal()
        {
            Slugs.TryParse<ProposalKind>(Kind, out var kind);
            Slugs.TryParse<ProposalStatus>(Status, out var status);
            return new Proposal
            {
                Id = Id, Kind = kind, EntityType = TypeOf(EntityType), TargetId = TargetId, BaseEtag = BaseEtag, Yaml = Yaml, Reason = Reason,
                AuthorId = AuthorId, Author = Author, Status = status, Reviewer = Reviewer, ReviewReason = ReviewReason,
                CreatedAt = Time(CreatedAt)!.Value, ReviewedAt = Time(ReviewedAt),
            };
        }
    }

    private static EntityType? TypeOf(string? slug) => Slugs.TryParse<EntityType>(slug, out var type) ? type : null;

    public Proposal AddProposal(Proposal p) => InTransaction((c, tx) =>
    {
        var author = c.ExecuteScalar<string>("SELECT user_name FROM curation_accounts WHERE id = @AuthorId", p, tx)
            ?? throw new InvalidOperationException($"there is no account {p.AuthorId} to propose as");
        var id = c.ExecuteScalar<long>("""
            INSERT INTO curation_proposals (kind, entity_type, fact_id, base_etag, fact, reason, author_id, status, created_at)
            VALUES (@kind, @type, @TargetId, @BaseEtag, @Yaml, @Reason, @AuthorId, 'pending', @at) RETURNING id
            """, new { kind = Slugs.Of(p.Kind), type = p.EntityType is { } t ? Slugs.Of(t) : null, p.TargetId, p.BaseEtag, p.Yaml, p.Reason, p.AuthorId, at = Now() }, tx);
        Append(c, tx, author, Actions.Proposed, p.Target, p.Reason, after: p.Yaml);
        return FindProposal(c, tx, id)!;
    });

    public Proposal? FindProposal(long id)
    {
        using var c = Open();
        return FindProposal(c, null, id);
    }

    private static Proposal? FindProposal(DbConnection c, DbTransaction? tx, long id) =>
        c.QuerySingleOrDefault<ProposalRow>($"SELECT {ProposalColumns} FROM curation_proposals p JOIN curation_accounts a ON a.id = p.author_id WHERE p.id = @id",
            new { id }, tx)?.ToProposal();

    public IReadOnlyList<Proposal> Proposals(ProposalStatus? status, long? authorId, int limit)
    {
        using var c = Open();
        return c.Query<ProposalRow>($"""
                SELECT {ProposalColumns} FROM curation_proposals p JOIN curation_accounts a ON a.id = p.author_id
                WHERE (CAST(@status AS TEXT) IS NULL OR p.status = @status) AND (CAST(@authorId AS BIGINT) IS NULL OR p.author_id = @authorId)
                ORDER BY p.id DESC LIMIT @limit
                """, new { status = status is { } s ? Slugs.Of(s) : null, authorId, limit })
            .Select(r => r.ToProposal()).ToList();
    }

    public Acceptance Accept(long proposalId, Account reviewer, string reason, FactRow fact, SearchRow search, Func<FactRow, string> yamlOf) =>
        Review(proposalId, reviewer, reason, EntityOrFact.Fact, (c, tx, p) =>
        {
            var current = c.QuerySingleOrDefault<FactRow>($"SELECT {CuratedRows.FactColumns} FROM facts WHERE id = @id", new { id = p.TargetId }, tx);
            return current is null ? null : yamlOf(current);
        }, (c, tx, p) =>
        {
            WriteFact(c, tx, fact);
            c.Execute("DELETE FROM search WHERE fact_id = @id", new { id = p.TargetId }, tx);
            WriteSearch(c, tx, search);
        });

    public Acceptance AcceptEntity(long proposalId, Account reviewer, string reason, EntityRow entity, SearchRow search, Func<string, string> yamlOf) =>
        Review(proposalId, reviewer, reason, EntityOrFact.Entity, (c, tx, p) =>
        {
            var document = c.QuerySingleOrDefault<string>("SELECT document FROM entities WHERE id = @id", new { id = p.TargetId }, tx);
            return document is null ? null : yamlOf(document);
        }, (c, tx, p) =>
        {
            c.Execute("""
                INSERT INTO entities (id, type, kind, seq, document)
                VALUES (@Id, @Type, @Kind, (SELECT coalesce(max(seq), -1) + 1 FROM entities), @Document)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, document = excluded.document
                """, entity, tx);
            c.Execute("DELETE FROM search WHERE entity_id = @id AND fact_id IS NULL", new { id = p.TargetId }, tx);
            WriteSearch(c, tx, search);
            // an entity's change is a new version of the entities: every node reads them again, not the facts alone
            NextRevision(c, tx, "entities_rev");
        });

    private enum EntityOrFact { Fact, Entity }

    /// <summary>
    /// Accepts a pending proposal in one transaction: checks that the fact or entity is still the version it was proposed
    /// over (<paramref name="currentYaml"/>), writes the change (<paramref name="write"/>), bumps the curated data version,
    /// appends the event with the state before and after, and marks the proposal accepted.
    /// </summary>
    private Acceptance Review(long proposalId, Account reviewer, string reason, EntityOrFact what,
        Func<DbConnection, DbTransaction, Proposal, string?> currentYaml, Action<DbConnection, DbTransaction, Proposal> write) =>
        InTransaction((c, tx) =>
        {
            if (serverLocks) c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = ReviewLock }, tx);
            var p = FindProposal(c, tx, proposalId);
            if (p is null || (p.EntityType is null) != (what == EntityOrFact.Fact)) return new Acceptance(ReviewOutcome.NotFound);
            if (p.Status != ProposalStatus.Pending) return new Acceptance(ReviewOutcome.NotPending);
            var before = currentYaml(c, tx, p);
            // a new fact or entity must still be new; an edit or a retraction must still find the version it was proposed on
            if (before is null ? p.Kind != ProposalKind.New : p.Kind == ProposalKind.New || FactYaml.EtagOf(before) != p.BaseEtag)
                return new Acceptance(ReviewOutcome.FactChanged);
            write(c, tx, p);
            var revision = NextRevision(c, tx, "curated_rev");
            var seeded = c.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'data_hash'", transaction: tx);
            var entities = c.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'entities_rev'", transaction: tx);
            var seq = Append(c, tx, reviewer.UserName, Actions.Accepted, p.Target, reason, before, p.Yaml);
            c.Execute("""
                UPDATE curation_proposals SET status = 'accepted', reviewer = @reviewer, review_reason = @reason, review_seq = @seq, reviewed_at = @at
                WHERE id = @id
                """, new { reviewer = reviewer.UserName, reason, seq, at = Now(), id = proposalId }, tx);
            // the version this change was made over: one change before, and for an entity, one revision of the entities before
            var entitiesBefore = what == EntityOrFact.Entity ? $"{long.Parse(entities!, CultureInfo.InvariantCulture) - 1}" : entities;
            return new Acceptance(ReviewOutcome.Done, CuratedRows.Version(seeded, entities, $"{revision}"), CuratedRows.Version(seeded, entitiesBefore, $"{revision - 1}"));
        });

    /// <summary>Adds one to a revision counter of the meta table and returns it.</summary>
    private static long NextRevision(DbConnection c, DbTransaction tx, string key) =>
        long.Parse(c.ExecuteScalar<string>("""
            INSERT INTO meta (key, value) VALUES (@key, '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)
            RETURNING value
            """, new { key }, tx)!, CultureInfo.InvariantCulture);

    private static void WriteSearch(DbConnection c, DbTransaction tx, SearchRow search) =>
        c.Execute("INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES (@EntityId, @FactId, @Names, @Aliases, @Body)", search, tx);

    /// <summary>Writes the fact over the one of the same id (keeping its place in the order), or adds it at the end.</summary>
    private static void WriteFact(DbConnection c, DbTransaction tx, FactRow f) =>
        c.Execute("""
            INSERT INTO facts (id, seq, subject_id, predicate, object_id, context, statement_fr, statement_nl, statement_en, value, unit,
                               qualifier, period, indicator, source_id, section, passage, url, "row", phrase, status, evidence, role,
                               note_fr, note_nl, note_en, file, line)
            VALUES (@Id, (SELECT coalesce(max(seq), -1) + 1 FROM facts), @Subject, @Predicate, @Object, @Context, @Fr, @Nl, @En, @Value, @Unit,
                    @Qualifier, @Period, @Indicator, @Source, @Section, @Passage, @Url, @Row, @Phrase, @Status, @Evidence, @Role,
                    @NoteFr, @NoteNl, @NoteEn, @File, @Line)
            ON CONFLICT (id) DO UPDATE SET subject_id = excluded.subject_id, predicate = excluded.predicate, object_id = excluded.object_id,
                context = excluded.context, statement_fr = excluded.statement_fr, statement_nl = excluded.statement_nl,
                statement_en = excluded.statement_en, value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
                period = excluded.period, indicator = excluded.indicator, source_id = excluded.source_id, section = excluded.section,
                passage = excluded.passage, url = excluded.url, "row" = excluded."row", phrase = excluded.phrase, status = excluded.status,
                evidence = excluded.evidence, role = excluded.role, note_fr = excluded.note_fr, note_nl = excluded.note_nl,
                note_en = excluded.note_en
            """, f, tx);

    public ReviewOutcome Reject(long proposalId, Account reviewer, string reason) => InTransaction((c, tx) =>
    {
        if (serverLocks) c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = ReviewLock }, tx);
        var p = FindProposal(c, tx, proposalId);
        if (p is null) return ReviewOutcome.NotFound;
        if (p.Status != ProposalStatus.Pending) return ReviewOutcome.NotPending;
        var seq = Append(c, tx, reviewer.UserName, Actions.Rejected, p.Target, reason, after: p.Yaml);
        c.Execute("""
            UPDATE curation_proposals SET status = 'rejected', reviewer = @reviewer, review_reason = @reason, review_seq = @seq, reviewed_at = @at
            WHERE id = @id
            """, new { reviewer = reviewer.UserName, reason, seq, at = Now(), id = proposalId }, tx);
        return ReviewOutcome.Done;
    });

    public IReadOnlyList<AcceptedChange> AcceptedChanges()
    {
        using var c = Open();
        return AcceptedChanges(c, null);
    }

    /// <summary>The accepted changes (facts and entities) in the order they were accepted, read in a seed's own transaction.</summary>
    public static IReadOnlyList<AcceptedChange> AcceptedChanges(DbConnection c, DbTransaction? tx) =>
        c.Query<(string? Type, string Yaml)>("SELECT entity_type, fact FROM curation_proposals WHERE status = 'accepted' ORDER BY review_seq", transaction: tx)
            .Select(r => new AcceptedChange(TypeOf(r.Type), r.Yaml)).ToList();

    // ---- the history ----

    private const string EventColumns = "seq, at, actor, action, target, reason, before, after";

    private sealed record EventRow(long Seq, string At, string Actor, string Action, string Target, string? Reason, string? Before, string? After)
    {
        public AuditEvent ToEvent() => new(Seq, Time(At)!.Value, Actor, Action, Target, Reason, Before, After);
    }

    public IReadOnlyList<AuditEvent> History(string target)
    {
        using var c = Open();
        return c.Query<EventRow>($"SELECT {EventColumns} FROM curation_events WHERE target = @target ORDER BY seq", new { target })
            .Select(e => e.ToEvent()).ToList();
    }

    public IReadOnlyList<AuditEvent> Events(IReadOnlyCollection<string> actions, int limit, long? beforeSeq = null)
    {
        using var c = Open();
        var names = actions.ToArray();
        var parameters = new DynamicParameters(new { limit, before = beforeSeq ?? long.MaxValue });
        var list = string.Join(", ", names.Select((a, i) => { parameters.Add($"a{i}", a); return $"@a{i}"; }));
        return c.Query<EventRow>($"SELECT {EventColumns} FROM curation_events WHERE action IN ({list}) AND seq < @before ORDER BY seq DESC LIMIT @limit", parameters)
            .Select(e => e.ToEvent()).ToList();
    }

    public long EventCount()
    {
        using var c = Open();
        return c.ExecuteScalar<long>("SELECT count(*) FROM curation_events");
    }
}
