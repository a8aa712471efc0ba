using Atlas.Diagnostics;
using System.Text.RegularExpressions;
using Atlas.Model;
using Atlas.Text;

namespace Atlas.Data;

/// <summary>
/// The rules that keep facts honest about where they come from: every statement in French, Dutch and English (three
/// different texts); a <c>confirmed</c> or <c>contradicted</c> status backed by evidence, other facts with their own
/// source and locator; a locator that fits its source's kind (a document's section and passage, a web page's
/// address, a data set's row); and a web page cited with its publisher, address, language and the day it was read.
/// </summary>
public static partial class SourceRules
{
    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DatePattern();

    /// <summary>A date as sources give it: 2025-07-16, 2025-07 or 2025.</summary>
    public static bool IsDate(string text) => DatePattern().IsMatch(text);

    public static void Check(AtlasData data, string dataDir, List<Problem> problems)
    {
        foreach (var s in data.Sources) CheckSource(s, problems);
        var sources = data.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        CheckFacts(data.Facts, sources.GetValueOrDefault, dataDir, problems);
    }

    /// <summary>The rules on facts: statements, evidence (among <paramref name="facts"/>) and the locator for their source.</summary>
    public static void CheckFacts(IReadOnlyList<Fact> facts, Func<string, Source?> sourceOf, string dataDir, List<Problem> problems)
    {
        var byId = facts.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());
        var rows = new Dictionary<string, string[]?>();
        foreach (var f in facts)
        {
            CheckStatements(f, problems);
            CheckEvidence(f, byId, problems);
            if (sourceOf(f.Source) is { } source) CheckLocator(f, source, dataDir, rows, problems);
        }
    }

    private static void CheckSource(Source s, List<Problem> problems)
    {
        if (s.SourceType == SourceType.WebPage)
        {
            var missing = new[] { ("url", s.Url), ("publisher", s.Publisher), ("language", s.Language), ("accessed", s.Accessed) }
                .Where(x => x.Item2 is null).Select(x => x.Item1).ToList();
            if (missing.Count > 0)
                problems.Add(At(s.Position, $"the web page '{s.Id}' has no {string.Join(", ", missing)}: a web source says who published it, where, in which language and the day it was read (accessed: 2026-12-01)"));
        }
        if (s.SourceType == SourceType.Dataset && s.File is not null && s.File.Contains(".."))
            problems.Add(At(s.Position, $"the data set '{s.Id}' names the file '{s.File}' outside the data folder: give its path relative to data/"));
    }

    private static void CheckStatements(Fact f, List<Problem> problems)
    {
        var (fr, nl, en) = (f.Statement.Exact(Lang.Fr), f.Statement.Exact(Lang.Nl), f.Statement.Exact(Lang.En));
        if (nl is not null && (nl == en || nl == fr))
            problems.Add(At(f.Position, $"the Dutch statement of '{f.Id}' is the same text as the {(nl == en ? "English" : "French")} one: write it in Dutch"));
        if (fr is not null && fr == en)
            problems.Add(At(f.Position, $"the French statement of '{f.Id}' is the same text as the English one: write each in its language"));
    }

    private static void CheckEvidence(Fact f, IReadOnlyDictionary<string, Fact> facts, List<Problem> problems)
    {
        var status = Slugs.Of(f.Status);
        if (f.Status is FactStatus.Confirmed or FactStatus.Contradicted && f.Evidence.Count == 0)
            problems.Add(At(f.Position, $"a '{status}' fact needs evidence: add 'evidence: [<fact id>]', a fact with its own source and locator (a register row, an official page, a statistical figure) that shows it"));
        if (f.Status == FactStatus.Asserted && f.Evidence.Count > 0)
            problems.Add(At(f.Position, "evidence backs a 'confirmed' or 'contradicted' status: set 'status:' or remove 'evidence'"));
        foreach (var id in f.Evidence)
        {
            if (id == f.Id)
                problems.Add(At(f.Position, $"the fact '{f.Id}' cannot be its own evidence: cite another fact with its own source"));
            else if (!facts.TryGetValue(id, out var e))
                problems.Add(At(f.Position, $"the evidence '{id}' is not a fact: give the id of a fact with its own source and locator"));
            else if (e.Source == f.Source)
                problems.Add(At(f.Position, $"the evidence '{id}' cites the same source as the fact ({f.Source}): a status is shown by another source"));
            else if (e.Status != FactStatus.Asserted)
                problems.Add(At(f.Position, $"the evidence '{id}' has a status of its own ({Slugs.Of(e.Status)}): evidence is a fact as its source states it"));
        }
    }

    private static void CheckLocator(Fact f, Source source, string dataDir, Dictionary<string, string[]?> rows, List<Problem> problems)
    {
        var loc = f.Locator;
        switch (source.SourceType)
        {
            case SourceType.WebPage:
                if (loc.Url is null || loc.Section is not null || loc.Row is not null)
                    problems.Add(At(f.Position, $"'{f.Id}' cites the web page '{source.Id}': its locator is the page's address and a verbatim key phrase, locator: {{url: {source.Url}, phrase: ...}}"));
                else if (source.Url is not null && Normalise(loc.Url) != Normalise(source.Url))
                    problems.Add(At(f.Position, $"the locator's url of '{f.Id}' is not the address of the web page '{source.Id}' ({source.Url}): a web source is one page, cite it at its address"));
                break;
            case SourceType.Dataset:
                if (loc.Row is null || loc.Section is not null || loc.Url is not null)
                {
                    problems.Add(At(f.Position, $"'{f.Id}' cites the data set '{source.Id}': its locator is a row and a verbatim key phrase of that row, locator: {{row: N, phrase: ...}}"));
                    break;
                }
                if (source.File is null)
                {
                    problems.Add(At(source.Position, $"the data set '{source.Id}' has no 'file': name its file under data/ so that rows can be checked"));
                    break;
                }
                if (!rows.TryGetValue(source.File, out var lines))
                {
                    var path = Path.Combine(dataDir, source.File);
                    rows[source.File] = lines = File.Exists(path) ? File.ReadAllLines(path, System.Text.Encoding.Latin1) : null;
                }
                if (lines is null)
                    problems.Add(At(source.Position, $"the file '{source.File}' of the data set '{source.Id}' does not exist under data/"));
                else if (loc.Row > lines.Length || !TextFolding.Fold(Repair(lines[loc.Row!.Value - 1])).Contains(TextFolding.Fold(loc.Phrase)))
                    problems.Add(At(f.Position, $"row {loc.Row} of {source.File} does not hold the key phrase « {loc.Phrase} »: correct the row or the phrase"));
                break;
            default:
                if (loc.Section is null || loc.Url is not null || loc.Row is not null)
                    problems.Add(At(f.Position, $"'{f.Id}' cites the document '{source.Id}': its locator is a section, a passage and a verbatim key phrase, locator: {{section: ..., passage: ..., phrase: ...}}"));
                break;
        }
    }

    /// <summary>Reads a line as UTF-8 when it is, as Windows-1252 (read as Latin-1) otherwise.</summary>
    private static string Repair(string latin1)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(latin1);
        try { return new System.Text.UTF8Encoding(false, true).GetString(bytes); }
        catch (System.Text.DecoderFallbackException) { return latin1; }
    }

    private static string Normalise(string url) => url.Trim().TrimEnd('/');

    private static Problem At(SourcePosition position, string message) => new(position.File, position.Line, message);
}
