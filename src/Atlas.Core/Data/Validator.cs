using Atlas.Model;
using Atlas.Text;
using Atlas.Diagnostics;

namespace Atlas.Data;

public sealed record ValidationReport(AtlasData Data, IReadOnlyList<Problem> Problems, int PhrasesChecked, int PhrasesUnchecked)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks the data as a whole: ids unique and resolving to the right kind of entity, facts well-formed for their
/// predicate, NACE codes existing, and — when the source texts are at hand — every key phrase present in the passage
/// its locator names.
/// </summary>
public static class Validator
{
    public const int MaxPhraseWords = 12;
    public const string NaceFile = "reference/nace/nace_rev2.0_en.csv";

    /// <param name="textsDir">Folder holding source texts (the <c>text</c> file of each document), or null.</param>
    public static ValidationReport Run(string dataDir, string? textsDir = null)
    {
        var (data, loadProblems) = DataLoader.Load(dataDir);
        var problems = new List<Problem>(loadProblems);
        problems.AddRange(Check(data, dataDir));
        CheckNace(data, Path.Combine(dataDir, NaceFile), problems);
        var (checkedCount, uncheckedCount) = CheckPhrases(data, textsDir, problems);
        return new ValidationReport(data, problems, checkedCount, uncheckedCount);
    }

    /// <summary>
    /// The rules on loaded data: unique ids, references that resolve to the right kind of entity, facts well-formed
    /// for their predicate, and the source rules. A proposed change is checked by these same rules.
    /// </summary>
    public static List<Problem> Check(AtlasData data, string dataDir)
    {
        var problems = new List<Problem>();
        CheckIds(data, problems);
        var byId = data.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        CheckReferences(data, byId, problems);
        CheckFactReferences(data.Facts, byId, problems);
        CheckFacts(data.Facts, problems);
        SourceRules.Check(data, dataDir, problems);
        return problems;
    }

    /// <summary>
    /// The same rules on proposed facts alone (a change, with the facts it cites as evidence), against the entities of
    /// the current data, which were checked when they were loaded: a proposal does not pay for checking them again.
    /// </summary>
    public static List<Problem> CheckProposed(IReadOnlyList<Fact> facts, IReadOnlyDictionary<string, Entity> entities, string dataDir)
    {
        var problems = new List<Problem>();
        CheckFactIds(facts, problems);
        CheckFactReferences(facts, entities, problems);
        CheckFacts(facts, problems);
        SourceRules.CheckFacts(facts, id => entities.GetValueOrDefault(id) as Source, dataDir, problems);
        return problems;
    }

    /// <summary>
    /// The same rules on a proposed entity (new, or the new version of one) against the entities of the current data:
    /// its references (places, sectors, technologies, parent, scope), its NACE codes, the rules of its kind of source,
    /// and, for a new one, that its id is free.
    /// </summary>
    public static List<Problem> CheckProposedEntity(Entity entity, bool isNew, IReadOnlyDictionary<string, Entity> entities, string dataDir)
    {
        var problems = new List<Problem>();
        if (isNew && entities.TryGetValue(entity.Id, out var taken))
            problems.Add(At(entity.Position, $"the id '{entity.Id}' is already used by the {taken.Type.ToString().ToLowerInvariant()} '{taken.Label(Lang.En)}': choose another, or propose an edit of that entity"));
        var alone = new AtlasData
        {
            Places = entity is Place p ? [p] : [], Sectors = entity is Sector s ? [s] : [], Technologies = entity is Technology t ? [t] : [],
            Organisations = entity is Organisation o ? [o] : [], Programmes = entity is Programme pr ? [pr] : [], Sources = entity is Source so ? [so] : [],
            Facts = [], ContentHash = "",
        };
        var byId = new Dictionary<string, Entity>(entities) { [entity.Id] = entity };
        CheckReferences(alone, byId, problems);
        if (entity is Sector or Technology) CheckNace(alone, Path.Combine(dataDir, NaceFile), problems);
        SourceRules.Check(alone, dataDir, problems);
        return problems;
    }

    private static void CheckIds(AtlasData data, List<Problem> problems)
    {
        var seen = new Dictionary<string, Entity>();
        foreach (var e in data.Entities)
        {
            if (seen.TryGetValue(e.Id, out var first))
                problems.Add(At(e.Position, $"the id '{e.Id}' is already used by the {first.Type.ToString().ToLowerInvariant()} at {first.Position}: ids are unique across all files, choose another"));
            else seen[e.Id] = e;
        }
        CheckFactIds(data.Facts, problems);
        var nis = new Dictionary<string, Place>();
        foreach (var p in data.Places.Where(p => p.Nis is not null && p.PlaceKind != PlaceKind.City))
        {
            if (nis.TryGetValue(p.Nis!.Value.ToString(), out var first))
                problems.Add(At(p.Position, $"the NIS code {p.Nis} is already given to '{first.Id}' at {first.Position}"));
            else nis[p.Nis!.Value.ToString()] = p;
        }
    }

    private static void CheckFactIds(IReadOnlyList<Fact> facts, List<Problem> problems)
    {
        var seen = new Dictionary<string, Fact>();
        foreach (var f in facts)
        {
            if (seen.TryGetValue(f.Id, out var first))
                problems.Add(At(f.Position, $"the fact id '{f.Id}' is already used at {first.Position}: choose another"));
            else seen[f.Id] = f;
        }
    }

    /// <summary>An id that must name an entity (of a type, when given): a problem when it does not.</summary>
    private static void ExpectEntity(IReadOnlyDictionary<string, Entity> byId, List<Problem> problems, SourcePosition at, string? id, string role, EntityType? type)
    {
        if (id is null) return;
        if (!byId.TryGetValue(id, out var e))
        {
            var hint = Closest(id, byId.Keys);
            problems.Add(At(at, $"{role} '{id}' does not exist{(hint is null ? "" : $" (did you mean '{hint}'?)")}: define it or correct the id"));
        }
        else if (type is not null && e.Type != type)
        {
            problems.Add(At(at, $"{role} '{id}' is a {e.Type.ToString().ToLowerInvariant()}, not a {type.ToString()!.ToLowerInvariant()}"));
        }
    }

    private static void CheckReferences(AtlasData data, IReadOnlyDictionary<string, Entity> byId, List<Problem> problems)
    {
        void Expect(SourcePosition at, string? id, string role, EntityType? type) => ExpectEntity(byId, problems, at, id, role, type);

        foreach (var p in data.Places)
        {
            Expect(p.Position, p.Parent, "the parent", EntityType.Place);
            foreach (var link in p.Links) Expect(p.Position, link.Place, "the linked place", EntityType.Place);
            if (p.PlaceKind == PlaceKind.City && p.Links.Count == 0)
                problems.Add(At(p.Position, $"the city '{p.Id}' has no links: say which municipality measures it (links: [{{relation: coincides-with, place: nis-NNNNN}}])"));
        }
        foreach (var o in data.Organisations)
        {
            foreach (var op in o.Places) Expect(o.Position, op.Place, "the place", EntityType.Place);
            foreach (var s in o.Sectors) Expect(o.Position, s, "the sector", EntityType.Sector);
            foreach (var t in o.Technologies) Expect(o.Position, t, "the technology", EntityType.Technology);
        }
        foreach (var pr in data.Programmes) Expect(pr.Position, pr.Scope, "the scope", EntityType.Place);
    }

    private static void CheckFactReferences(IReadOnlyList<Fact> facts, IReadOnlyDictionary<string, Entity> byId, List<Problem> problems)
    {
        void Expect(SourcePosition at, string? id, string role, EntityType? type) => ExpectEntity(byId, problems, at, id, role, type);

        foreach (var f in facts)
        {
            Expect(f.Position, f.Subject, "the subject", null);
            Expect(f.Position, f.Source, "the source", EntityType.Source);
            if (f.Object is not null)
            {
                var type = f.Predicate.RequiredObjectType() ?? (f.Predicate.ObjectMustBeProgramme() ? EntityType.Programme : null);
                Expect(f.Position, f.Object, "the object", type);
            }
            foreach (var c in f.Context) Expect(f.Position, c, "the context entity", null);
        }
    }

    private static void CheckFacts(IReadOnlyList<Fact> facts, List<Problem> problems)
    {
        foreach (var f in facts)
        {
            var p = f.Predicate.Slug();
            if (f.Predicate.RequiredObjectType() is { } type && f.Object is null)
                problems.Add(At(f.Position, $"a '{p}' fact needs an object: add 'object: <{type.ToString().ToLowerInvariant()} id>'"));
            if (f.Predicate.TakesNoObject() && f.Object is not null)
                problems.Add(At(f.Position, $"a '{p}' fact takes no object: put the entity in 'context' instead"));
            if (f.Predicate == Predicate.HasIndicatorValue)
            {
                if (f.Quantity is null) problems.Add(At(f.Position, "a 'has-indicator-value' fact needs a quantity: add 'quantity: {value: ..., unit: ..., qualifier: ..., period: ...}'"));
                if (f.Indicator is null) problems.Add(At(f.Position, "a 'has-indicator-value' fact needs an indicator: add 'indicator: <slug naming what is counted>'"));
            }
            else if (f.Quantity is not null)
            {
                problems.Add(At(f.Position, $"only 'has-indicator-value' facts carry a quantity; this one is '{p}'"));
            }
            if (f.Indicator is not null && !Ids.IsValid(f.Indicator))
                problems.Add(At(f.Position, $"the indicator '{f.Indicator}' is not a slug: use lowercase letters, digits and hyphens"));
        }
    }

    private static void CheckNace(AtlasData data, string naceFile, List<Problem> problems)
    {
        if (!File.Exists(naceFile))
        {
            problems.Add(new Problem(naceFile, 0, "the NACE Rev. 2 list is missing: copy it from the reference data"));
            return;
        }
        var known = Nace.ReadCodes(naceFile);
        var coded = data.Sectors.Select(s => (Entity: (Entity)s, Kind: "sector", s.Nace2008))
            .Concat(data.Technologies.Select(t => (Entity: (Entity)t, Kind: "technology", t.Nace2008)));
        foreach (var (entity, kind, codes) in coded)
        {
            foreach (var code in codes.Where(c => NaceCode.IsWellFormed(c) && !known.Contains(c)))
                problems.Add(At(entity.Position, $"the {kind} '{entity.Id}' names NACE code '{code}', which does not exist in NACE Rev. 2 (NACE-BEL 2008): check the code list"));
        }
    }

    private static (int Checked, int Unchecked) CheckPhrases(AtlasData data, string? textsDir, List<Problem> problems)
    {
        var documents = new Dictionary<string, SourceDocument?>();
        SourceDocument? DocumentOf(string sourceId)
        {
            if (documents.TryGetValue(sourceId, out var doc)) return doc;
            var source = data.Sources.FirstOrDefault(s => s.Id == sourceId);
            var path = textsDir is null || source?.TextFile is null ? null : Path.Combine(textsDir, source.TextFile);
            doc = path is not null && File.Exists(path) ? SourceDocument.Parse(File.ReadAllText(path)) : null;
            documents[sourceId] = doc;
            return doc;
        }

        int done = 0, skipped = 0;
        var withText = data.Sources.Where(s => s.TextFile is not null).Select(s => s.Id).ToHashSet();
        foreach (var f in data.Facts)
        {
            // only documents whose text can be given are checked here; web pages and data sets by SourceRules
            if (!withText.Contains(f.Source) || f.Locator.Section is null || f.Locator.Passage is null) continue;
            if (DocumentOf(f.Source) is not { } doc) { skipped++; continue; }
            done++;
            var loc = f.Locator;
            var section = doc.FindSection(loc.Section!);
            if (section is null)
            {
                var headings = string.Join(" | ", doc.Headings.Select(h => h.Text.Length > 30 ? h.Text[..30] + "…" : h.Text));
                problems.Add(At(f.Position, $"the section '{loc.Section}' does not name exactly one heading of the source: write the beginning of one of: {headings}"));
                continue;
            }
            var passage = doc.Find(loc.Section!, loc.Passage!);
            if (passage is null)
            {
                var labels = string.Join(", ", doc.Passages.Where(p => p.Section == section && p.Kind != PassageKind.TableHeader).Select(p => p.Label));
                problems.Add(At(f.Position, $"the section '{loc.Section}' has no {loc.Passage}: it has {labels}"));
                continue;
            }
            if (!SourceDocument.Contains(passage, loc.Phrase))
            {
                var elsewhere = doc.Passages.FirstOrDefault(p => SourceDocument.Contains(p, loc.Phrase));
                var hint = elsewhere is null
                    ? "copy the words letter for letter from the source"
                    : $"it occurs in '{elsewhere.Section[..Math.Min(20, elsewhere.Section.Length)]}…', {elsewhere.Label}: correct the locator";
                problems.Add(At(f.Position, $"the key phrase « {loc.Phrase} » is not in {loc.Section}, {loc.Passage}: {hint}"));
            }
        }
        return (done, skipped);
    }

    private static Problem At(SourcePosition position, string message) => new(position.File, position.Line, message);

    private static string? Closest(string id, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - id.Length) > 3) continue;
            var d = Levenshtein(id, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= 2 ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
