using Atlas.Data;
using Atlas.Diagnostics;

namespace Atlas.Analytics.Composite;

/// <summary>
/// The tree of an index: indicators (level 1) → pillars → sub-indices → the index (the single node without a parent).
/// Built only through <see cref="Create"/>, which refuses a code used twice, a parent that does not exist, a cycle,
/// a level that does not sit one below its parent, a weight that is not a finite number ≥ 0, an aggregate without
/// children and a tree with no root or several.
/// </summary>
public sealed class IndexStructure
{
    private readonly Dictionary<string, IndexNode> _byCode;
    private readonly Dictionary<string, IReadOnlyList<IndexNode>> _children;

    private IndexStructure(IReadOnlyList<IndexNode> nodes)
    {
        Nodes = nodes;
        _byCode = nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        _children = nodes.OfType<Aggregate>().ToDictionary(a => a.Code,
            a => (IReadOnlyList<IndexNode>)nodes.Where(n => n.Parent == a.Code).ToList(), StringComparer.Ordinal);
        Indicators = nodes.OfType<Indicator>().ToList();
        Aggregates = nodes.OfType<Aggregate>().OrderBy(a => a.Level).ToList();
        Root = Aggregates.Single(a => a.Parent is null);
        LevelCount = Root.Level;
    }

    /// <summary>Every node, in the order given.</summary>
    public IReadOnlyList<IndexNode> Nodes { get; }

    /// <summary>The indicators, in the order given.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The aggregates, lowest level first (each one after all of its children): the order to compute them.</summary>
    public IReadOnlyList<Aggregate> Aggregates { get; }

    /// <summary>The index: the one node without a parent.</summary>
    public Aggregate Root { get; }

    /// <summary>The number of levels, indicators included (the level of the root).</summary>
    public int LevelCount { get; }

    public IndexNode this[string code] => _byCode.TryGetValue(code, out var n) ? n : throw new KeyNotFoundException($"no node '{code}' in the index structure");

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public IReadOnlyList<IndexNode> ChildrenOf(string aggregateCode) => _children[aggregateCode];

    /// <summary>Every node of a level (1 = the indicators).</summary>
    public IEnumerable<IndexNode> AtLevel(int level) => Nodes.Where(n => n.Level == level);

    /// <summary>The same tree with other weights (by node code); codes not given keep their weight.</summary>
    public IndexStructure WithWeights(IReadOnlyDictionary<string, double> weights) =>
        Create(Nodes.Select(n => weights.TryGetValue(n.Code, out var w) ? n with { Weight = w } : n));

    /// <summary>Checks the nodes and builds the tree; throws <see cref="DataProblemsException"/> listing every problem.</summary>
    public static IndexStructure Create(IEnumerable<IndexNode> nodes)
    {
        var list = nodes.ToList();
        var problems = new List<Problem>();
        Problem At(IndexNode n, string message) => new(n.Origin?.File ?? "index structure", n.Origin?.Line ?? 0, message);

        var byCode = new Dictionary<string, IndexNode>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (string.IsNullOrWhiteSpace(n.Code)) { problems.Add(At(n, "a node has no code")); continue; }
            if (byCode.TryGetValue(n.Code, out var first))
                problems.Add(At(n, $"the code '{n.Code}' is used twice (first at {first.Origin?.ToString() ?? "an earlier node"}): every indicator and aggregate needs its own code"));
            else byCode[n.Code] = n;
        }

        foreach (var n in list)
        {
            if (n.Parent is not null && n.Parent == n.Code) { problems.Add(At(n, $"'{n.Code}' is its own parent")); continue; }
            if (n.Parent is not null && !byCode.ContainsKey(n.Parent))
                problems.Add(At(n, $"the parent '{n.Parent}' of '{n.Code}' does not exist: add it as an aggregate or correct the code"));
            else if (n.Parent is not null && byCode[n.Parent] is Indicator)
                problems.Add(At(n, $"the parent '{n.Parent}' of '{n.Code}' is an indicator: only an aggregate can have children"));
            if (n is Indicator && n.Parent is null)
                problems.Add(At(n, $"the indicator '{n.Code}' has no parent: give it the code of the pillar it belongs to"));
            if (!double.IsFinite(n.Weight) || n.Weight < 0)
                problems.Add(At(n, $"the weight of '{n.Code}' is {n.Weight}: a weight must be a finite number ≥ 0"));
            if (n is Indicator ind && ind.Direction is not (Direction.Positive or Direction.Negative))
                problems.Add(At(n, $"the direction of '{n.Code}' must be 1 or -1"));
            if (n is Aggregate && n.Level < 2)
                problems.Add(At(n, $"the aggregate '{n.Code}' is at level {n.Level}: aggregates start at level 2, above the indicators"));
        }

        // a cycle: following parents from a node comes back to it
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            var path = new List<string> { n.Code };
            var seen = new HashSet<string>(StringComparer.Ordinal) { n.Code };
            for (var p = n.Parent; p is not null && byCode.TryGetValue(p, out var parent); p = parent.Parent)
            {
                if (!seen.Add(p))
                {
                    var cycle = path.SkipWhile(c => c != p).Append(p).ToList();
                    if (cycle.Any(reported.Add))
                        problems.Add(At(n, $"the tree has a cycle: {string.Join(" → ", cycle)} (a node cannot be its own ancestor)"));
                    break;
                }
                path.Add(p);
            }
        }

        if (problems.Count == 0)
        {
            foreach (var n in list)
                if (n.Parent is not null && byCode[n.Parent].Level != n.Level + 1)
                    problems.Add(At(n, $"'{n.Code}' is at level {n.Level} but its parent '{n.Parent}' is at level {byCode[n.Parent].Level}: a parent sits one level above its children"));
            foreach (var a in list.OfType<Aggregate>())
            {
                var children = list.Where(c => c.Parent == a.Code).ToList();
                if (children.Count == 0)
                    problems.Add(At(a, $"the aggregate '{a.Code}' has no children: give some indicators or aggregates the parent '{a.Code}', or remove it"));
                else if (children.All(c => c.Weight == 0))
                    problems.Add(At(a, $"every child of '{a.Code}' has weight 0: at least one needs a positive weight"));
            }
            var roots = list.OfType<Aggregate>().Where(a => a.Parent is null).ToList();
            if (roots.Count == 0)
                problems.Add(new Problem(list.FirstOrDefault()?.Origin?.File ?? "index structure", 0, "the tree has no root: one aggregate (the index) must have no parent"));
            else if (roots.Count > 1)
                problems.Add(At(roots[1], $"the tree has {roots.Count} roots ({string.Join(", ", roots.Select(r => r.Code))}): only the index may have no parent"));
            if (!list.OfType<Indicator>().Any())
                problems.Add(new Problem(list.FirstOrDefault()?.Origin?.File ?? "index structure", 0, "the tree has no indicators"));
        }

        if (problems.Count > 0) throw new DataProblemsException(problems);
        return new IndexStructure(list);
    }
}
