using Atlas.Curation;
using Atlas.Data;
using Atlas.Model;

namespace Atlas.Tests.Curation;

/// <summary>`atlas users`, `atlas tokens` and `atlas export facts --format yaml` as a curator runs them.</summary>
[Collection(CliTests.Name)]
public sealed class CurationCliTests
{
    private static Task<(int Code, string Out, string Err)> Run(string? input, params string[] args) => CliRunner.RunWithInput(input, args);

    [Fact]
    public async Task The_first_admin_and_every_account_are_made_on_the_command_line_with_their_history()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("atlas.db");
        var (code, _, err) = await Run("short\n", "users", "add", "root", "--role", "admin", "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("12", err);   // the password rule, said
        Assert.Equal(0, (await Run("a long enough passphrase\n", "users", "add", "root", "--role", "admin", "--db", db)).Code);
        Assert.Equal(1, (await Run("a long enough passphrase\n", "users", "add", "ROOT", "--db", db)).Code);
        Assert.Equal(0, (await Run("another long passphrase\n", "users", "add", "ann", "--db", db)).Code);
        Assert.Equal(0, (await Run(null, "users", "set-role", "ann", "editor", "--db", db)).Code);
        Assert.Equal(0, (await Run(null, "users", "disable", "ann", "--db", db)).Code);
        var (_, list, _) = await Run(null, "users", "list", "--db", db);
        Assert.Contains("ann\teditor\tdisabled", list);
        Assert.Contains("root\tadmin\tenabled", list);
        Assert.Equal(1, (await Run(null, "users", "disable", "nobody", "--db", db)).Code);

        var (tokenCode, secret, tokenErr) = await Run(null, "tokens", "add", "root", "--scope", "read,propose", "--days", "7", "--db", db);
        Assert.Equal(0, tokenCode);
        Assert.StartsWith("atlas_", secret.Trim());
        Assert.Contains("only time", tokenErr);
        Assert.Equal(1, (await Run(null, "tokens", "add", "root", "--scope", "write", "--db", db)).Code);
        var (_, tokens, _) = await Run(null, "tokens", "list", "root", "--db", db);
        Assert.DoesNotContain(secret.Trim(), tokens);   // kept hashed, never shown again
        var tokenId = tokens.Split('\t')[0];
        Assert.Equal(0, (await Run(null, "tokens", "revoke", "root", tokenId, "--db", db)).Code);
        Assert.Contains("revoked", (await Run(null, "tokens", "list", "root", "--db", db)).Out);

        var store = Store.SqliteCuratedStore.Open(db).Curation;
        var account = store.FindAccount("ANN")!;
        Assert.NotEqual("another long passphrase", account.PasswordHash);
        Assert.Equal([Actions.AccountAdded, Actions.RoleChanged, Actions.AccountDisabled], store.History("account:ann").Select(e => e.Action));
        Assert.Equal(("cli:" + Environment.UserName, "contributor", "editor"), store.History("account:ann")[1] is var e ? (e.Actor, e.Before, e.After) : default);
        Assert.Contains(store.History($"token:{tokenId}"), e => e.Action == Actions.TokenRevoked);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Exported_facts_and_entities_validate_and_seed_the_same_data_again()
    {
        using var dir = TestPaths.Temp();
        // a data folder of another name (as the shipped data's folder is): the export still knows the curated files
        var shipped = Path.Combine(dir.Path, "data-shipped");
        TestPaths.CopyData(shipped);
        var atlas = AtlasSetup.Prepare(shipped, dir.File("atlas.db"));
        var store = atlas.CuratedStore.Curation;
        Account Add(string name, Role role) => store.AddAccount(new Account { UserName = name, NormalizedName = name.ToUpperInvariant(), Role = role, PasswordHash = "-", SecurityStamp = "-" }, "test");
        var (ann, ben) = (Add("ann", Role.Contributor), Add("ben", Role.Editor));
        var added = atlas.Curation.Propose(ann, ProposalKind.New, null, CuratedAtlas.NewFact("ghent-export-test", "Ghent \"quoted\": a test, with # and: colons."), "new", null);
        Assert.True(atlas.Curation.Accept(ben, added.Proposal!.Id, "ok").Done);
        var (_, etag) = atlas.Curation.Editable("ghent-model-of-industry-4-0")!.Value;
        Assert.True(atlas.Curation.Accept(ben, atlas.Curation.Propose(ann, ProposalKind.Retract, "ghent-model-of-industry-4-0", null, "gone", etag).Proposal!.Id, "ok").Done);
        var imec = atlas.Curation.EditableEntity("imec")!.Value;
        var edited = atlas.Curation.ProposeEntity(ann, ProposalKind.Edit, null, "imec",
            EntityYaml.FromYaml(imec.Yaml.Replace("aliases: [", "aliases: [\"imec \\\"Leuven\\\": # test\", ")), "an alias", imec.Etag);
        Assert.True(atlas.Curation.Accept(ben, edited.Proposal!.Id, "ok").Done, string.Join("; ", edited.Errors?.Select(e => e.Message) ?? []));
        var programme = EntityYaml.FromYaml("id: \"export-test-programme\"\nnames: {fr: \"Essai\", nl: \"Test\", en: \"Trial\"}\nkind: \"label\"\n");
        Assert.True(atlas.Curation.Accept(ben, atlas.Curation.ProposeEntity(ann, ProposalKind.New, EntityType.Programme, null, programme, "new", null).Proposal!.Id, "ok").Done);

        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        Directory.Delete(Path.Combine(data, "facts"), recursive: true);
        var (code, _, err) = await Run(null, "export", "facts", "--format", "yaml", "--out", Path.Combine(data, "facts"), "--db", dir.File("atlas.db"), "--data", shipped);
        Assert.True(code == 0, err);
        (code, _, err) = await Run(null, "export", "entities", "--format", "yaml", "--out", data, "--db", dir.File("atlas.db"), "--data", shipped);
        Assert.True(code == 0, err);

        var report = Validator.Run(data);
        Assert.True(report.IsValid, string.Join("\n", report.Problems.Take(5)));
        var again = AtlasSetup.Prepare(data, dir.File("again.db"));
        var expected = atlas.CuratedStore.Load().Facts.Select(FactYaml.Of).ToList();
        var actual = again.CuratedStore.Load().Facts.Select(FactYaml.Of).ToList();
        Assert.Equal(expected, actual);
        static List<string> Entities(AtlasServices a) => a.CuratedStore.Load().Entities.Select(e => EntityYaml.Of(e).Yaml).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Entities(atlas), Entities(again));
        Assert.Contains("imec \"Leuven\": # test", again.Snapshots.Curated.Get("imec")!.Aliases);
        Assert.Equal(FactStatus.Retracted, again.Snapshots.Curated.Fact("ghent-model-of-industry-4-0")!.Status);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
