using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Tests.Curation;

/// <summary>
/// An accepted change is applied to the snapshot in memory, re-making only the lists that hold the fact: whatever the
/// change, the snapshot must answer exactly as one indexed from scratch with the same facts.
/// </summary>
public sealed class CuratedSnapshotTests
{
    private static readonly Atlas.Data.AtlasData Data = Atlas.Data.DataLoader.Load(TestPaths.DataDir).Data;

    public static TheoryData<string> Changes => ["new", "edit", "retraction", "new subject", "new object", "retraction undone"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_fact_applied_in_memory_answers_as_a_snapshot_indexed_from_scratch(string change)
    {
        var ghent = Data.Facts.First(f => f.Subject == "ghent" && f.Object is not null && f.Status != FactStatus.Retracted);
        var before = change == "retraction undone" ? Written(Data.Facts, Copy(ghent, status: FactStatus.Retracted)) : Data.Facts.ToList();
        var fact = change switch
        {
            "new" => Copy(ghent, id: "snapshot-test-new"),
            "edit" => Copy(ghent, statement: new LocalizedText([new(Lang.Fr, "Autre texte."), new(Lang.Nl, "Andere tekst."), new(Lang.En, "Other text.")])),
            "retraction" => Copy(ghent, status: FactStatus.Retracted),
            "new subject" => Copy(ghent, subject: "antwerp"),
            "new object" => Copy(ghent, obj: "bruges"),
            _ => ghent,
        };
        var snapshot = new CuratedSnapshot(Data).WithFacts(before, "v1");

        var applied = snapshot.WithFact(fact, "v2");
        var indexed = snapshot.WithFacts(Written(before, fact), "v2");

        Assert.Equal(Ids(indexed.Facts), Ids(applied.Facts));
        Assert.Same(fact, applied.Fact(fact.Id));
        foreach (var entity in new[] { "ghent", "antwerp", "bruges" }.Concat(ghent.Entities).Distinct())
        {
            Assert.Equal(Ids(indexed.FactsOf(entity)), Ids(applied.FactsOf(entity)));
            Assert.Equal(Ids(indexed.FactsAbout(entity)), Ids(applied.FactsAbout(entity)));
        }
        Assert.Equal("v2", applied.Version);
    }

    /// <summary>The facts with <paramref name="fact"/> written over the one of its id, or added after them.</summary>
    private static List<Fact> Written(IReadOnlyList<Fact> facts, Fact fact) =>
        facts.Any(f => f.Id == fact.Id) ? facts.Select(f => f.Id == fact.Id ? fact : f).ToList() : [.. facts, fact];

    private static Fact Copy(Fact f, string? id = null, string? subject = null, string? obj = null, LocalizedText? statement = null, FactStatus? status = null) => new()
    {
        Id = id ?? f.Id, Subject = subject ?? f.Subject, Predicate = f.Predicate, Object = obj ?? f.Object, Context = f.Context,
        Statement = statement ?? f.Statement, Quantity = f.Quantity, Indicator = f.Indicator, Source = f.Source, Locator = f.Locator,
        Status = status ?? f.Status, Evidence = f.Evidence, Role = f.Role, Note = f.Note, Position = f.Position,
    };

    private static List<string> Ids(IEnumerable<Fact> facts) => facts.Select(f => f.Id).ToList();
}
