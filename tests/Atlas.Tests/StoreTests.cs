using Atlas.Data;
using Atlas.Store;
using Microsoft.Data.Sqlite;
using Atlas.Diagnostics;

namespace Atlas.Tests;

/// <summary>The embedded store: created and seeded on start, re-seeded only when the data changes, never half-written.</summary>
public class StoreTests
{
    private static SqliteCuratedStore Store(AtlasServices atlas) => (SqliteCuratedStore)atlas.CuratedStore;

    private static int FactCount(SqliteCuratedStore store)
    {
        using var c = store.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM facts";
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    [Fact]
    public void Seeding_is_idempotent_and_follows_the_content_hash()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var db = dir.File("atlas.db");

        var queries = AtlasSetup.Prepare(data, db);
        var hash = Store(queries).DataVersion;
        var facts = FactCount(Store(queries));
        Assert.True(facts > 100);

        // same files: nothing to do
        Assert.False(Store(queries).Seed(Validator.Run(data).Data));
        Assert.Equal(hash, Store(AtlasSetup.Prepare(data, db)).DataVersion);
        Assert.Equal(facts, FactCount(Store(queries)));

        // a changed statement: a new hash, re-seeded, the new text served
        var ghent = Path.Combine(data, "facts", "03-ghent.yaml");
        File.WriteAllText(ghent, File.ReadAllText(ghent).Replace("Ghent has the reputation of a green city.", "Ghent is known as a green city."));
        var after = AtlasSetup.Prepare(data, db);
        Assert.NotEqual(hash, Store(after).DataVersion);
        Assert.Equal(facts, FactCount(Store(after)));
        var fact = after.Entities.Fact("ghent-green-city")!;
        Assert.Equal("Ghent is known as a green city.", fact.Statement.Get(Model.Lang.En));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Invalid_data_is_refused_and_the_previous_content_stays()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var db = dir.File("atlas.db");
        var before = AtlasSetup.Prepare(data, db);
        var hash = Store(before).DataVersion;
        var facts = FactCount(Store(before));

        var ghent = Path.Combine(data, "facts", "03-ghent.yaml");
        File.WriteAllText(ghent, File.ReadAllText(ghent).Replace("object: blockchain", "object: blokchain"));
        var error = Assert.Throws<DataProblemsException>(() => AtlasSetup.Prepare(data, db));
        Assert.Contains(error.Problems, p => p.ToString().StartsWith("data/facts/03-ghent.yaml:") && p.Message.Contains("'blokchain' does not exist"));

        var store = SqliteCuratedStore.Open(db);
        Assert.Equal(hash, store.DataVersion);
        Assert.Equal(facts, FactCount(store));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void A_failure_in_the_middle_of_a_seed_rolls_back_everything()
    {
        using var dir = TestPaths.Temp();
        var db = dir.File("atlas.db");
        var report = Validator.Run(TestPaths.DataDir);
        var store = SqliteCuratedStore.Open(db);
        store.Seed(report.Data);
        var facts = FactCount(store);

        // a fact id twice breaks the primary key half-way through the facts
        var broken = new AtlasData
        {
            Places = report.Data.Places, Sectors = report.Data.Sectors, Technologies = report.Data.Technologies,
            Organisations = report.Data.Organisations, Programmes = report.Data.Programmes, Sources = report.Data.Sources,
            Facts = [.. report.Data.Facts, report.Data.Facts[0]], ContentHash = "broken",
        };
        Assert.Throws<StoreUnavailableException>(() => store.Seed(broken));

        Assert.Equal(report.Data.ContentHash, store.DataVersion);
        Assert.Equal(facts, FactCount(store));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void The_search_index_ignores_accents_and_case()
    {
        using var dir = TestPaths.Temp();
        var queries = AtlasSetup.Prepare(TestPaths.DataDir, dir.File("atlas.db"));
        using var c = Store(queries).Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM search WHERE search MATCH '\"LIEGE\"'";
        Assert.True(Convert.ToInt32(cmd.ExecuteScalar()) > 0);
        SqliteConnection.ClearAllPools();
    }
}
