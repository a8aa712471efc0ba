using Atlas.Analytics.Composite;
using Atlas.Diagnostics;

namespace Atlas.Tests.Composite;

/// <summary>The index tree refuses what cannot be an index, and says why.</summary>
public class StructureTests
{
    private static Indicator Ind(string code, string? parent, double weight = 1) => new(code, code, parent, weight, Direction.Positive);
    private static Aggregate Agg(string code, int level, string? parent, double weight = 1) => new(code, code, level, parent, weight);

    private static string Problems(params IndexNode[] nodes)
    {
        var e = Assert.Throws<DataProblemsException>(() => IndexStructure.Create(nodes));
        return string.Join("\n", e.Problems);
    }

    [Fact]
    public void A_valid_tree_orders_aggregates_from_the_pillars_up()
    {
        var s = IndexStructure.Create([Agg("I", 3, null), Agg("P2", 2, "I"), Ind("a", "P1"), Ind("b", "P1"), Ind("c", "P2"), Agg("P1", 2, "I", 2)]);
        Assert.Equal("I", s.Root.Code);
        Assert.Equal(3, s.LevelCount);
        Assert.Equal(["P2", "P1", "I"], s.Aggregates.Select(a => a.Code));
        Assert.Equal(["a", "b"], s.ChildrenOf("P1").Select(c => c.Code));
        Assert.Equal(5.0, s.WithWeights(new Dictionary<string, double> { ["P1"] = 5 })["P1"].Weight);
    }

    [Fact]
    public void A_code_twice_a_missing_parent_and_a_bad_weight_are_each_reported()
    {
        var text = Problems(Agg("I", 3, null), Agg("P", 2, "I"), Ind("a", "P"), Ind("a", "P"), Ind("b", "Q"), Ind("c", "P", double.NaN), Ind("d", "P", -1));
        Assert.Contains("the code 'a' is used twice", text);
        Assert.Contains("the parent 'Q' of 'b' does not exist", text);
        Assert.Contains("the weight of 'c' is NaN: a weight must be a finite number ≥ 0", text);
        Assert.Contains("the weight of 'd' is -1", text);
    }

    [Fact]
    public void A_cycle_is_reported_as_a_cycle()
    {
        var text = Problems(Agg("I", 4, null), Agg("A", 3, "B"), Agg("B", 2, "A"), Ind("x", "B"));
        Assert.Contains("the tree has a cycle: ", text);
        Assert.Matches("(A → B → A|B → A → B)", text);
    }

    [Fact]
    public void Levels_roots_and_childless_aggregates_are_checked()
    {
        Assert.Contains("'P' is at level 2 but its parent 'I' is at level 4", Problems(Agg("I", 4, null), Agg("P", 2, "I"), Ind("a", "P")));
        Assert.Contains("the tree has 2 roots (I, J)", Problems(Agg("I", 3, null), Agg("J", 3, null), Agg("P", 2, "I"), Agg("Q", 2, "J"), Ind("a", "P"), Ind("b", "Q")));
        Assert.Contains("the aggregate 'Q' has no children", Problems(Agg("I", 3, null), Agg("P", 2, "I"), Agg("Q", 2, "I"), Ind("a", "P")));
        Assert.Contains("the indicator 'a' has no parent", Problems(Agg("I", 3, null), Agg("P", 2, "I"), Ind("a", null), Ind("b", "P")));
        Assert.Contains("every child of 'P' has weight 0", Problems(Agg("I", 3, null), Agg("P", 2, "I"), Ind("a", "P", 0)));
        Assert.Contains("the parent 'a' of 'b' is an indicator", Problems(Agg("I", 3, null), Agg("P", 2, "I"), Ind("a", "P"), Ind("b", "a")));
    }
}
