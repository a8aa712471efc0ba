using System.Globalization;
using Atlas.Analytics.Composite;
using Atlas.Model;
using YamlDotNet.RepresentationModel;
using Atlas.Diagnostics;

namespace Atlas.Data;

/// <summary>
/// How an indicator of the Atlas index is computed, and from which statistical source: a share of the units (the
/// register's establishments, Statbel's enterprises), young enterprises (the register's start dates), the diversity
/// and the complexity of activities (either source), creation and churn rates (Statbel's registrations and
/// cessations), enterprises per 1,000 inhabitants (Statbel's enterprises by seat and population), the growth of the
/// establishment units (Statbel's quarterly series per municipality, in the series store).
/// </summary>
public enum IndexMeasure { EstablishmentShare, YoungEnterprises, Diversity, Eci, CreationRate, ChurnRate, EnterprisesPerThousand, EstablishmentGrowth }

/// <summary>One indicator of the Atlas index: its node in the tree, its names and how it is measured.</summary>
public sealed record AtlasIndicator(string Id, LocalizedText Names, IndexMeasure Measure, IReadOnlyList<string> Nace,
    IReadOnlyList<string> Exclude, int Years)
{
    /// <summary>Whether a NACE class (four digits, 6201) falls under the indicator's codes and not under its exclusions.</summary>
    public bool Covers(int cls) => Nace.Any(c => AtlasIndexFile.Matches(c, cls)) && !Exclude.Any(c => AtlasIndexFile.Matches(c, cls));
}

/// <summary>A pillar or the index itself: an aggregate with its names.</summary>
public sealed record AtlasAggregate(string Id, LocalizedText Names);

/// <summary>The Atlas index as <c>data/index/atlas-index.yaml</c> defines it: the tree and the indicators' measures.</summary>
public sealed record AtlasIndexDefinition(IndexStructure Structure, AtlasAggregate Index, IReadOnlyList<AtlasAggregate> Pillars,
    IReadOnlyList<AtlasIndicator> Indicators)
{
    public AtlasIndicator Indicator(string id) => Indicators.First(i => i.Id == id);

    public LocalizedText NamesOf(string code) =>
        Indicators.FirstOrDefault(i => i.Id == code)?.Names ?? Pillars.FirstOrDefault(p => p.Id == code)?.Names ?? Index.Names;

    /// <summary>
    /// The same index with only the indicators <paramref name="keep"/> accepts (those the data at hand can measure); a
    /// pillar left without indicators goes too, and the weights of the others are kept (aggregation rescales them).
    /// </summary>
    public AtlasIndexDefinition Only(Func<AtlasIndicator, bool> keep)
    {
        var indicators = Indicators.Where(keep).ToList();
        if (indicators.Count == Indicators.Count) return this;
        var ids = indicators.Select(i => i.Id).ToHashSet();
        var pillars = Pillars.Where(p => Structure.ChildrenOf(p.Id).Any(c => ids.Contains(c.Code))).ToList();
        var codes = ids.Concat(pillars.Select(p => p.Id)).Append(Index.Id).ToHashSet();
        return new AtlasIndexDefinition(IndexStructure.Create(Structure.Nodes.Where(n => codes.Contains(n.Code))), Index, pillars, indicators);
    }
}

/// <summary>Reads and checks <c>data/index/atlas-index.yaml</c>; every problem is reported as <c>file:line</c>.</summary>
public static class AtlasIndexFile
{
    public const string RelativePath = "index/atlas-index.yaml";

    private static readonly Dictionary<string, IndexMeasure> Measures = new(StringComparer.Ordinal)
    {
        ["establishment-share"] = IndexMeasure.EstablishmentShare,
        ["young-enterprises"] = IndexMeasure.YoungEnterprises,
        ["diversity"] = IndexMeasure.Diversity,
        ["eci"] = IndexMeasure.Eci,
        ["creation-rate"] = IndexMeasure.CreationRate,
        ["churn-rate"] = IndexMeasure.ChurnRate,
        ["enterprises-per-1000"] = IndexMeasure.EnterprisesPerThousand,
        ["establishment-growth"] = IndexMeasure.EstablishmentGrowth,
    };

    /// <summary>Whether a NACE code as the file writes it ("21", "25.4", "62.01") holds a class (2110 is under "21").</summary>
    public static bool Matches(string code, int cls) => NaceCode.Covers(code, cls);

    private static bool ValidNace(string code) =>
        code.Length is >= 2 and <= 5 && code.Replace(".", "") is { Length: >= 2 and <= 4 } d && d.All(char.IsAsciiDigit)
        && (code.Length == 2 || code[2] == '.') && code.Count(ch => ch == '.') <= 1;

    /// <summary>Reads the definition; returns null and adds to <paramref name="problems"/> when anything is wrong.</summary>
    public static AtlasIndexDefinition? Parse(string name, string text, List<Problem> problems)
    {
        var before = problems.Count;
        var file = YamlFile.Parse(name, text, problems);
        if (file.Root is null) return null;
        if (file.AsMap(file.Root, "the index definition") is not { } root) return null;
        file.CheckKeys(root, "the index definition", "index", "pillars", "indicators");
        var nodes = new List<IndexNode>();
        var langs = new[] { Lang.Fr, Lang.Nl, Lang.En };

        AtlasAggregate? index = null;
        if (YamlFile.Get(root, "index") is not { } indexNode) file.Report(root, "the index definition has no 'index:' (its id and names)");
        else if (file.AsMap(indexNode, "'index'") is { } im)
        {
            file.CheckKeys(im, "'index'", "id", "names");
            var id = file.Str(im, "id", "'index'", required: true);
            var names = file.Texts(im, "names", "'index'", langs);
            if (id is not null)
            {
                index = new AtlasAggregate(id, names);
                nodes.Add(new Aggregate(id, names.Get(Lang.En), 3, null, 1) { Origin = new SourcePosition(name, YamlFile.LineOf(im)) });
            }
        }

        var pillars = new List<AtlasAggregate>();
        if (YamlFile.Get(root, "pillars") is not { } pillarNode) file.Report(root, "the index definition has no 'pillars:'");
        else if (file.AsList(pillarNode, "'pillars'") is { } list)
            foreach (var item in list)
            {
                if (file.AsMap(item, "a pillar") is not { } m) continue;
                file.CheckKeys(m, "a pillar", "id", "names", "weight", "parent");
                var id = file.Str(m, "id", "a pillar", required: true);
                var what = id is null ? "a pillar" : $"the pillar '{id}'";
                var names = file.Texts(m, "names", what, langs);
                var weight = Weight(file, m, what);
                var parent = file.Str(m, "parent", what, required: true);
                if (id is null || weight is null || parent is null) continue;
                pillars.Add(new AtlasAggregate(id, names));
                nodes.Add(new Aggregate(id, names.Get(Lang.En), 2, parent, weight.Value) { Origin = new SourcePosition(name, YamlFile.LineOf(m)) });
            }

        var indicators = new List<AtlasIndicator>();
        if (YamlFile.Get(root, "indicators") is not { } indicatorNode) file.Report(root, "the index definition has no 'indicators:'");
        else if (file.AsList(indicatorNode, "'indicators'") is { } list)
            foreach (var item in list)
            {
                if (file.AsMap(item, "an indicator") is not { } m) continue;
                file.CheckKeys(m, "an indicator", "id", "names", "direction", "weight", "parent", "measure", "nace", "exclude", "years");
                var id = file.Str(m, "id", "an indicator", required: true);
                var what = id is null ? "an indicator" : $"the indicator '{id}'";
                var names = file.Texts(m, "names", what, langs);
                var weight = Weight(file, m, what);
                var parent = file.Str(m, "parent", what, required: true);
                Direction? direction = file.Str(m, "direction", what, required: true) switch
                {
                    null => null,
                    "1" => Direction.Positive,
                    "-1" => Direction.Negative,
                    var other => Fail(file, YamlFile.Get(m, "direction"), $"the direction of {what} is '{other}': write 1 (more is better) or -1 (less is better)"),
                };
                IndexMeasure? measure = null;
                if (file.Str(m, "measure", what, required: true) is { } mt)
                {
                    if (Measures.TryGetValue(mt, out var x)) measure = x;
                    else file.Report(YamlFile.Get(m, "measure"), $"the measure of {what} is '{mt}': use one of {string.Join(", ", Measures.Keys)}");
                }
                var nace = file.StrList(m, "nace", what);
                var exclude = file.StrList(m, "exclude", what);
                foreach (var code in nace.Concat(exclude).Where(c => !ValidNace(c)))
                    file.Report(YamlFile.Get(m, nace.Contains(code) ? "nace" : "exclude"), $"'{code}' in {what} is not a NACE Rev. 2 code: write a division (\"21\"), a group (\"25.4\") or a class (\"62.01\"), quoted");
                if (measure == IndexMeasure.EstablishmentShare && nace.Count == 0)
                    file.Report(m, $"{what} measures an establishment share but lists no NACE codes: add 'nace: [\"21\", ...]'");
                if (measure != IndexMeasure.EstablishmentShare && (nace.Count > 0 || exclude.Count > 0))
                    file.Report(YamlFile.Get(m, nace.Count > 0 ? "nace" : "exclude"), $"{what} is not an establishment share: 'nace' and 'exclude' apply only to measure: establishment-share");
                var years = 0;
                if (file.Str(m, "years", what, required: measure == IndexMeasure.YoungEnterprises) is { } y)
                {
                    if (measure != IndexMeasure.YoungEnterprises)
                        file.Report(YamlFile.Get(m, "years"), $"'years' of {what} applies only to measure: young-enterprises");
                    else if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out years) || years is < 1 or > 50)
                        file.Report(YamlFile.Get(m, "years"), $"'years' of {what} is '{y}': give a whole number of years from 1 to 50");
                }
                if (id is null || weight is null || parent is null || direction is null || measure is null) continue;
                indicators.Add(new AtlasIndicator(id, names, measure.Value, nace, exclude, years));
                nodes.Add(new Indicator(id, names.Get(Lang.En), parent, weight.Value, direction.Value) { Origin = new SourcePosition(name, YamlFile.LineOf(m)) });
            }

        foreach (var p in nodes.Where(n => n is Aggregate { Level: 2 } && index is not null && n.Parent != index.Id))
            problems.Add(new Problem(name, p.Origin?.Line ?? 0, $"the parent of the pillar '{p.Code}' is '{p.Parent}': a pillar's parent is the index, '{index!.Id}'"));
        foreach (var i in nodes.OfType<Indicator>().Where(i => nodes.Any(n => n.Code == i.Parent && n is Aggregate { Level: 3 })))
            problems.Add(new Problem(name, i.Origin?.Line ?? 0, $"the parent of the indicator '{i.Code}' is the index: give it the id of a pillar"));
        if (problems.Count > before || index is null) return null;
        try
        {
            var structure = IndexStructure.Create(nodes);
            return new AtlasIndexDefinition(structure, index, pillars, indicators);
        }
        catch (DataProblemsException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    private static double? Weight(YamlFile file, YamlMappingNode m, string what)
    {
        var text = file.Str(m, "weight", what, required: true);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && double.IsFinite(w) && w >= 0) return w;
        file.Report(YamlFile.Get(m, "weight"), $"the weight of {what} is '{text}': a weight is a number ≥ 0");
        return null;
    }

    private static Direction? Fail(YamlFile file, YamlNode? node, string message)
    {
        file.Report(node, message);
        return null;
    }
}
