using Atlas.Curation;
using Atlas.Model;
using Atlas.Store;

namespace Atlas.Tests.Curation;

/// <summary>Proposals, reviews and the audit history on the store: what is written together, and what a re-seed keeps.</summary>
public abstract class CurationStoreTests(CuratedAtlas curated)
{
    protected AtlasServices Atlas => curated.Atlas;
    private Curator Curator => Atlas.Curation;

    [SkippableFact]
    public void An_accepted_new_fact_is_served_with_its_event_and_a_new_data_version()
    {
        var alice = curated.Account("alice", Role.Contributor);
        var bob = curated.Account("bob", Role.Editor);
        var before = Atlas.CuratedStore.DataVersion;
        var events = Atlas.CuratedStore.Curation.EventCount();

        var proposed = Curator.Propose(alice, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-store-test-new"), "a second source says so", null);
        Assert.True(proposed.Done, string.Join("; ", proposed.Errors?.Select(e => e.Message) ?? []));
        Assert.Null(Atlas.Snapshots.Curated.Fact("ghent-store-test-new"));   // pending: not public

        var accepted = Curator.Accept(bob, proposed.Proposal!.Id, "checked against the article");
        Assert.True(accepted.Done, accepted.Detail);
        Assert.Equal(ProposalStatus.Accepted, accepted.Proposal!.Status);
        Assert.NotEqual(before, Atlas.CuratedStore.DataVersion);
        var fact = Atlas.Snapshots.Curated.Fact("ghent-store-test-new");
        Assert.NotNull(fact);
        Assert.Equal("Ghent hosts a test fact.", fact.Statement.Exact(Lang.En));
        Assert.Equal(events + 2, Atlas.CuratedStore.Curation.EventCount());
        var history = Atlas.CuratedStore.Curation.History("fact:ghent-store-test-new");
        Assert.Equal([Actions.Proposed, Actions.Accepted], history.Select(e => e.Action));
        Assert.Equal("bob", history[1].Actor);
        Assert.Equal("checked against the article", history[1].Reason);
        Assert.Null(history[1].Before);
        Assert.Contains("Ghent hosts a test fact.", history[1].After);
    }

    [SkippableFact]
    public void An_edit_based_on_an_old_version_is_refused_and_a_retraction_keeps_the_fact()
    {
        var alice = curated.Account("alice", Role.Contributor);
        var bob = curated.Account("bob", Role.Editor);
        const string id = "ghent-model-of-circular-economy";
        var (draft, etag) = Curator.Editable(id)!.Value;

        var first = Curator.Propose(alice, ProposalKind.Edit, id, draft with { Statement = new Dictionary<string, string>(draft.Statement!) { ["en"] = "Ghent is an example of the circular economy." } }, "clearer English", etag);
        var second = Curator.Propose(alice, ProposalKind.Edit, id, draft, "no change", etag);
        Assert.True(first.Done && second.Done);
        Assert.True(Curator.Accept(bob, first.Proposal!.Id, "better").Done);
        // the second was made on the version before the first: accepting it would lose the first
        Assert.Equal(Refusal.PreconditionFailed, Curator.Accept(bob, second.Proposal!.Id, "ok").Refusal);
        Assert.Equal(Refusal.PreconditionFailed, Curator.Propose(alice, ProposalKind.Edit, id, draft, "stale", etag).Refusal);
        Assert.Equal(Refusal.PreconditionRequired, Curator.Propose(alice, ProposalKind.Edit, id, draft, "no etag", null).Refusal);

        var (_, current) = Curator.Editable(id)!.Value;
        var retraction = Curator.Propose(alice, ProposalKind.Retract, id, null, "the source withdrew it", current);
        Assert.True(Curator.Accept(bob, retraction.Proposal!.Id, "agreed").Done);
        var fact = Atlas.Snapshots.Curated.Fact(id);
        Assert.Equal(FactStatus.Retracted, fact!.Status);
        Assert.DoesNotContain(Atlas.Snapshots.Curated.FactsOf("ghent"), f => f.Id == id);
        var last = Atlas.CuratedStore.Curation.History($"fact:{id}")[^1];
        Assert.Equal((Actions.Accepted, "the source withdrew it"), (last.Action, Atlas.CuratedStore.Curation.FindProposal(retraction.Proposal.Id)!.Reason));
        Assert.Contains("status: \"retracted\"", last.After);
    }

    [SkippableFact]
    public void Nobody_accepts_their_own_proposal_and_a_refused_change_names_its_fields()
    {
        var bob = curated.Account("bob", Role.Editor);
        var own = Curator.Propose(bob, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-store-test-own"), "mine", null);
        Assert.Equal(Refusal.OwnProposal, Curator.Accept(bob, own.Proposal!.Id, "looks good").Refusal);

        var noSource = Curator.Propose(bob, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-store-test-bad") with { Source = null }, "", null);
        Assert.Equal(["reason", "source"], noSource.Errors!.Select(e => e.Field).Order());

        var bad = CuratedAtlas.NewFact("ghent-store-test-bad") with { Subject = "gnet", Predicate = "innovates-in" };
        var refused = Curator.Propose(bob, ProposalKind.New, null, bad, "a reason", null);
        Assert.Equal(Refusal.Invalid, refused.Refusal);
        var fields = refused.Errors!.Select(e => e.Field).ToHashSet();
        Assert.Contains("subject", fields);
        Assert.Contains("object", fields);
        Assert.Contains(refused.Errors!, e => e.Field == "subject" && e.Message.Contains("did you mean 'ghent'"));
    }

    [SkippableFact]
    public async Task An_accepted_change_is_served_by_every_node_within_a_second()
    {
        var other = curated.Open();   // a second node on the same database
        var alice = curated.Account("alice", Role.Contributor);
        var bob = curated.Account("bob", Role.Editor);
        Assert.Null(other.Snapshots.Curated.Fact("ghent-store-test-node"));
        var p = Curator.Propose(alice, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-store-test-node"), "two nodes", null);
        Assert.True(Curator.Accept(bob, p.Proposal!.Id, "fine").Done);
        // the other node looks at the data version at most once a second: wait for it (generously, on a busy machine)
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (other.Snapshots.Curated.Fact("ghent-store-test-node") is null && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.NotNull(other.Snapshots.Curated.Fact("ghent-store-test-node"));
        Assert.Equal(Atlas.CuratedStore.DataVersion, other.Snapshots.Curated.Version);
    }

    [SkippableFact]
    public void The_audit_history_cannot_be_changed()
    {
        curated.Account("alice", Role.Contributor);
        var store = Atlas.CuratedStore;
        var error = Record.Exception(() =>
        {
            using var c = store is Store.SqliteCuratedStore s ? (System.Data.Common.DbConnection)s.Connect() : ((global::Atlas.Postgres.PostgresCuratedStore)store).Connect();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE curation_events SET actor = 'someone else'";
            cmd.ExecuteNonQuery();
        });
        Assert.NotNull(error);
        Assert.Contains("append-only", error.Message);
    }

    [SkippableFact]
    public void A_reseed_from_new_data_files_applies_the_accepted_changes_again()
    {
        var alice = curated.Account("alice", Role.Contributor);
        var bob = curated.Account("bob", Role.Editor);
        var p = Curator.Propose(alice, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-store-test-reseed"), "kept across seeds", null);
        Assert.True(Curator.Accept(bob, p.Proposal!.Id, "fine").Done);
        var data = Atlas.CuratedStore.Load();
        Assert.True(Atlas.CuratedStore.Seed(Atlas.CuratedStore.Load().WithFacts(data.Facts.Where(f => f.Id != "ghent-store-test-reseed").ToList()), force: true));
        Assert.NotNull(Atlas.CuratedStore.Load().Facts.SingleOrDefault(f => f.Id == "ghent-store-test-reseed"));
    }

    [SkippableFact]
    public void An_accepted_entity_is_served_at_once_and_kept_across_a_reseed()
    {
        var alice = curated.Account("alice", Role.Contributor);
        var bob = curated.Account("bob", Role.Editor);
        var yaml = "id: \"store-test-programme\"\nnames: {\"fr\": \"Programme d’essai\", \"nl\": \"Testprogramma\", \"en\": \"Test programme\"}\nkind: \"initiative\"\nscope: \"flanders\"\n";
        var p = Curator.ProposeEntity(alice, ProposalKind.New, EntityType.Programme, null, new FactYaml.Text(yaml, new Dictionary<int, string>()), "kept across seeds", null);
        Assert.True(p.Done, string.Join("; ", p.Errors?.Select(e => $"{e.Field}: {e.Message}") ?? []));
        var before = Atlas.Snapshots.Curated.Version;
        Assert.True(Curator.Accept(bob, p.Proposal!.Id, "fine").Done);
        // an entity's change is a new version of the entities: the snapshot is read again at once, on this node
        var snapshot = Atlas.Snapshots.Curated;
        Assert.True(CuratedRows.SeedOf(before) != snapshot.SeedVersion, $"{before} / {snapshot.Version} / {Atlas.CuratedStore.DataVersion}");
        Assert.Equal("Testprogramma", snapshot.Get<Programme>("store-test-programme")!.Label(Lang.Nl));
        Assert.Equal(EntityYaml.DataFile(EntityType.Programme), snapshot.Get("store-test-programme")!.Position.File);

        var data = Atlas.CuratedStore.Load();
        Assert.True(Atlas.CuratedStore.Seed(data.WithEntities(data.Entities.Where(e => e.Id != "store-test-programme").ToList()), force: true));
        var reseeded = Atlas.CuratedStore.Load();
        Assert.Equal("flanders", reseeded.Programmes.Single(e => e.Id == "store-test-programme").Scope);
        Assert.NotEmpty(reseeded.Localities);   // what the data files give beside the entities and facts is kept
    }
}

public sealed class CurationStoreTestsOnSqlite(CuratedAtlas curated) : CurationStoreTests(curated), IClassFixture<CuratedAtlas>;

public sealed class CurationStoreTestsOnPostgres : CurationStoreTests, IClassFixture<CuratedAtlas.OnPostgres>
{
    public CurationStoreTestsOnPostgres(CuratedAtlas.OnPostgres curated) : base(curated) => Requires.Postgres();
}
