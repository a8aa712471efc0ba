using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Data;
using Atlas.Diagnostics;
using Atlas.Model;
using YamlDotNet.RepresentationModel;

namespace Atlas.Curation;

/// <summary>A quantity as a curator writes it (every part as text; the reader checks it).</summary>
public sealed record QuantityDraft(string? Value, string? Unit, string? Qualifier, string? Period);

/// <summary>A locator as a curator writes it.</summary>
public sealed record LocatorDraft(string? Section, string? Passage, string? Url, string? Row, string? Phrase);

/// <summary>
/// A fact as a curator writes it, every field as text, before any check: what the API and the forms take, and what
/// <see cref="FactYaml"/> turns into the data files' YAML, which the data files' reader then checks.
/// </summary>
public sealed record FactDraft
{
    public string? Id { get; init; }
    public string? Subject { get; init; }
    public string? Predicate { get; init; }
    public string? Object { get; init; }
    public IReadOnlyList<string>? Context { get; init; }
    public IReadOnlyDictionary<string, string>? Statement { get; init; }
    public QuantityDraft? Quantity { get; init; }
    public string? Indicator { get; init; }
    public string? Source { get; init; }
    public LocatorDraft? Locator { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? Evidence { get; init; }
    public string? Role { get; init; }
    public IReadOnlyDictionary<string, string>? Note { get; init; }
}

/// <summary>
/// A fact in the data files' YAML form: one key per line (so that a problem's line names its field), every string
/// double-quoted. The same text is kept in proposals and in the audit history, written by `atlas export facts`, and
/// hashed for a fact's ETag.
/// </summary>
public static class FactYaml
{
    /// <summary>Where new facts go when the curated state is written back to files (`atlas export facts --format yaml`).</summary>
    public const string NewFactsFile = "data/facts/curated.yaml";

    /// <summary>The field each line holds (1 = the first line), for the problems the reader reports at a line.</summary>
    public sealed record Text(string Yaml, IReadOnlyDictionary<int, string> FieldAt);

    private static readonly JsonSerializerOptions Quote = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Text Write(FactDraft d)
    {
        var lines = new List<(string Field, string Line)>();
        void Scalar(string field, string key, string? value, string indent = "")
        {
            if (!string.IsNullOrWhiteSpace(value)) lines.Add((field, $"{indent}{key}: {JsonSerializer.Serialize(value.Trim(), Quote)}"));
        }
        void List(string key, IReadOnlyList<string>? values)
        {
            var items = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => JsonSerializer.Serialize(v.Trim(), Quote)).ToList();
            if (items is { Count: > 0 }) lines.Add((key, $"{key}: [{string.Join(", ", items)}]"));
        }
        void Texts(string key, IReadOnlyDictionary<string, string>? texts)
        {
            var present = texts?.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => LangOrder(t.Key)).ToList();
            if (present is not { Count: > 0 }) return;
            lines.Add((key, key + ":"));
            foreach (var (lang, text) in present) Scalar($"{key}.{lang}", lang, text, "  ");
        }
        Scalar("id", "id", d.Id);
        Scalar("subject", "subject", d.Subject);
        Scalar("predicate", "predicate", d.Predicate);
        Scalar("object", "object", d.Object);
        List("context", d.Context);
        Texts("statement", d.Statement);
        if (d.Quantity is { } q && new[] { q.Value, q.Unit, q.Qualifier, q.Period }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            lines.Add(("quantity", "quantity:"));
            Scalar("quantity.value", "value", q.Value, "  ");
            Scalar("quantity.unit", "unit", q.Unit, "  ");
            Scalar("quantity.qualifier", "qualifier", q.Qualifier, "  ");
            Scalar("quantity.period", "period", q.Period, "  ");
        }
        Scalar("indicator", "indicator", d.Indicator);
        Scalar("source", "source", d.Source);
        if (d.Locator is { } l)
        {
            lines.Add(("locator", "locator:"));
            Scalar("locator.section", "section", l.Section, "  ");
            Scalar("locator.passage", "passage", l.Passage, "  ");
            Scalar("locator.url", "url", l.Url, "  ");
            Scalar("locator.row", "row", l.Row, "  ");
            Scalar("locator.phrase", "phrase", l.Phrase, "  ");
        }
        Scalar("status", "status", d.Status);
        List("evidence", d.Evidence);
        Scalar("role", "role", d.Role);
        Texts("note", d.Note);
        var fieldAt = lines.Select((l, i) => (Line: i + 1, l.Field)).ToDictionary(x => x.Line, x => x.Field);
        return new Text(string.Join("\n", lines.Select(l => l.Line)) + "\n", fieldAt);
    }

    /// <summary>The draft of an existing fact: what an edit starts from.</summary>
    public static FactDraft Draft(Fact f) => new()
    {
        Id = f.Id, Subject = f.Subject, Predicate = f.Predicate.Slug(), Object = f.Object, Context = f.Context,
        Statement = f.Statement.ByCode.ToDictionary(), Indicator = f.Indicator, Source = f.Source,
        Quantity = f.Quantity is { } q
            ? new QuantityDraft(q.Value.ToString(CultureInfo.InvariantCulture), q.Unit, q.Qualifier.Slug(), q.Period?.ToString())
            : null,
        Locator = new LocatorDraft(f.Locator.Section, f.Locator.Passage, f.Locator.Url, f.Locator.Row?.ToString(CultureInfo.InvariantCulture), f.Locator.Phrase),
        Status = f.Status == FactStatus.Asserted ? null : Slugs.Of(f.Status), Evidence = f.Evidence,
        Role = f.Role == FactRole.Claim ? null : Slugs.Of(f.Role), Note = f.Note.ByCode.ToDictionary(),
    };

    /// <summary>The YAML of an existing fact.</summary>
    public static string Of(Fact f) => Write(Draft(f)).Yaml;

    /// <summary>A fact's ETag: a strong validator of its content (a hash of its YAML).</summary>
    public static string Etag(Fact f) => EtagOf(Of(f));

    public static string EtagOf(string yaml) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)))[..20]}\"";

    /// <summary>Reads a fact written by <see cref="Write"/> with the data files' reader; its problems name <paramref name="name"/>.</summary>
    public static Fact? Read(string yaml, string name, List<Problem> problems, SourcePosition? position = null)
    {
        var file = YamlFile.Parse(name, yaml, problems);
        if (file.Root is null) return null;
        if (file.AsMap(file.Root, "a fact") is not { } map) return null;
        var fact = FactReader.Read(file, map, null);
        return fact is null || position is null ? fact : CopyWithPosition(fact, position.Value);
    }

    /// <summary>A fact read back from its YAML, at a position of its own (the file and line it is kept at).</summary>
    public static Fact? ReadStored(string yaml, SourcePosition position)
    {
        var problems = new List<Problem>();
        return Read(yaml, position.File, problems, position);
    }

    private static Fact CopyWithPosition(Fact f, SourcePosition position) => new()
    {
        Id = f.Id, Subject = f.Subject, Predicate = f.Predicate, Object = f.Object, Context = f.Context, Statement = f.Statement,
        Quantity = f.Quantity, Indicator = f.Indicator, Source = f.Source, Locator = f.Locator, Status = f.Status,
        Evidence = f.Evidence, Role = f.Role, Note = f.Note, Position = position,
    };

    private static int LangOrder(string code) => code switch { "fr" => 0, "nl" => 1, "en" => 2, _ => 3 };
}
