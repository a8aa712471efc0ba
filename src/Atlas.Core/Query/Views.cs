using System.Text.Json.Nodes;
using Atlas.Model;

namespace Atlas.Query;

/// <summary>
/// What the query layer returns: typed views for pages and the CLI, each with the JSON form the API serves
/// (<c>ToJson</c>), so that the API contract is written in one place.
/// </summary>
public sealed record EntityRef(string Id, string Label, string Type, string Kind)
{
    public JsonObject ToJson() => new() { ["id"] = Id, ["label"] = Label, ["type"] = Type, ["kind"] = Kind };
}

/// <summary>An entity as stored (its JSON form) with its label in the requested language.</summary>
public sealed class EntityView(JsonObject json)
{
    public JsonObject Json { get; } = json;
    public string Id => Str("id")!;
    public string Label => Str("label")!;
    public string Type => Str("type")!;
    public string Kind => Str("kind")!;
    /// <summary>The curator's note in <paramref name="lang"/> (else English, else French), or null.</summary>
    public string? NoteIn(Lang lang) =>
        Json["note"]?[lang.Code()]?.GetValue<string>() ?? Json["note"]?["en"]?.GetValue<string>() ?? Json["note"]?["fr"]?.GetValue<string>();

    public string? Name(Lang lang) => Json["names"]?[lang.Code()]?.GetValue<string>();
    public string? Description(Lang lang) =>
        Json["description"]?[lang.Code()]?.GetValue<string>() ?? Json["description"]?["en"]?.GetValue<string>();
    public IReadOnlyList<string> Aliases => Strs("aliases");

    public string? Str(string key) => Json[key] is JsonValue v ? v.ToString() : null;
    public IReadOnlyList<string> Strs(string key) =>
        Json[key] is JsonArray a ? a.Where(x => x is JsonValue).Select(x => x!.ToString()).ToList() : [];
    public JsonNode? this[string key] => Json[key];

    public EntityRef Ref => new(Id, Label, Type, Kind);
}

/// <summary>Where in its source a fact is: a document's section and passage, a web page's url, or a data set's row.</summary>
public sealed record LocatorView(string? Section, string? Passage, string Phrase)
{
    public string? Url { get; init; }
    public int? Row { get; init; }

    public JsonObject ToJson()
    {
        var o = new JsonObject();
        if (Section is not null) o["section"] = Section;
        if (Passage is not null) o["passage"] = Passage;
        if (Url is not null) o["url"] = Url;
        if (Row is not null) o["row"] = Row;
        o["phrase"] = Phrase;
        return o;
    }
}

/// <summary>A fact that shows a status: its statement in the requested language, its source and locator.</summary>
public sealed record EvidenceView(string Id, string Text, string Source, string SourceLabel, string? SourceUrl, LocatorView Locator, string PhraseLanguage)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["text"] = Text,
        ["source"] = Source,
        ["sourceLabel"] = SourceLabel,
        ["sourceUrl"] = SourceUrl,
        ["locator"] = Locator.ToJson(),
    };
}

public sealed record FactView(
    string Id, string Subject, string SubjectLabel, string Predicate, string? Object, string? ObjectLabel,
    IReadOnlyList<string> Context, string Text, IReadOnlyDictionary<string, string> Statement,
    decimal? Value, string? Unit, string? Qualifier, string? Period, string? Indicator,
    string Source, string SourceLabel, LocatorView Locator, string Status, string? Note)
{
    /// <summary>For "city innovates in sector": what the enterprise register says of it (see ClaimQueries), when one is loaded.</summary>
    public JsonObject? Evidence { get; init; }
    /// <summary>claim (what its source states) or context (a sourced fact the founding article leaves out).</summary>
    public string Role { get; init; } = "claim";
    /// <summary>For a confirmed or contradicted fact: the facts, each with its own source, that show it.</summary>
    public IReadOnlyList<EvidenceView> StatusEvidence { get; init; } = [];
    /// <summary>The curator's note in French, Dutch and English (empty when there is none); <see cref="Note"/> is the one in the requested language.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();
    /// <summary>The language of the key phrase: that of the source.</summary>
    public string PhraseLanguage { get; init; } = "fr";

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["subject"] = Subject,
            ["predicate"] = Predicate,
            ["object"] = Object,
            ["context"] = new JsonArray(Context.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
            ["text"] = Text,
            ["statement"] = new JsonObject(Statement.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))),
            ["value"] = Value,
            ["unit"] = Unit,
            ["qualifier"] = Qualifier,
            ["period"] = Period,
            ["indicator"] = Indicator,
            ["source"] = Source,
            ["locator"] = Locator.ToJson(),
            ["status"] = Status,
            ["statusEvidence"] = new JsonArray(StatusEvidence.Select(e => (JsonNode)e.ToJson()).ToArray()),
            ["role"] = Role,
        };
        if (Notes.Count > 0) o["note"] = new JsonObject(Notes.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value)));
        if (Evidence is not null) o["evidence"] = Evidence.DeepClone();
        o["subjectLabel"] = SubjectLabel;
        if (ObjectLabel is not null) o["objectLabel"] = ObjectLabel;
        o["sourceLabel"] = SourceLabel;
        return o;
    }
}

/// <summary>One entity with what the atlas says of it.</summary>
public sealed record EntityDetail(
    EntityView Entity, IReadOnlyList<FactView> Facts, IReadOnlyList<FactView> FactsAbout,
    IReadOnlyList<EntityRef> Children, int? FactCount)
{
    public JsonObject ToJson()
    {
        var o = Entity.Json.DeepClone().AsObject();
        o["facts"] = new JsonArray(Facts.Select(f => (JsonNode)f.ToJson()).ToArray());
        o["factsAbout"] = new JsonArray(FactsAbout.Select(f => (JsonNode)f.ToJson()).ToArray());
        if (Entity.Type == "place")
            o["children"] = new JsonArray(Children.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["kind"] = c.Kind, ["label"] = c.Label }).ToArray());
        if (FactCount is int n) o["factCount"] = n;
        return o;
    }
}

/// <summary>One page of a list. Page numbers start at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Pages => Size == 0 ? 0 : (int)Math.Min(int.MaxValue, ((long)Total + Size - 1) / Size);
}

public sealed record SearchHit(EntityRef Entity, string Snippet, double Score, IReadOnlyList<string> Facts)
{
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["type"] = Entity.Type, ["kind"] = Entity.Kind, ["id"] = Entity.Id, ["label"] = Entity.Label,
            ["snippet"] = Snippet, ["score"] = Math.Round(Score, 3),
        };
        if (Facts.Count > 0) o["facts"] = new JsonArray(Facts.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray());
        return o;
    }
}

/// <summary>A facet value: how many results fall under it.</summary>
public sealed record FacetValue(string Id, string Label, int Count);

public sealed record SearchResult(
    string Query, Lang Lang, IReadOnlyList<string> Terms, int Total, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public JsonObject ToJson() => new()
    {
        ["query"] = Query,
        ["lang"] = Lang.Code(),
        ["total"] = Total,
        ["results"] = new JsonArray(Hits.Select(h => (JsonNode)h.ToJson()).ToArray()),
        ["facets"] = new JsonObject(Facets.Select(f => new KeyValuePair<string, JsonNode?>(f.Key,
            new JsonArray(f.Value.Select(v => (JsonNode)new JsonObject { ["id"] = v.Id, ["label"] = v.Label, ["count"] = v.Count }).ToArray())))),
    };
}

/// <summary>A theme of a comparison and, per place that has it, the facts behind it.</summary>
public sealed record CompareTheme(EntityRef Theme, IReadOnlyList<string> Places, IReadOnlyDictionary<string, IReadOnlyList<string>> Facts)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Theme.Id,
        ["type"] = Theme.Type,
        ["kind"] = Theme.Kind,
        ["label"] = Theme.Label,
        ["places"] = new JsonArray(Places.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        ["facts"] = new JsonObject(Facts.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key,
            new JsonArray(kv.Value.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray())))),
    };
}

public sealed record Comparison(
    IReadOnlyList<EntityRef> Places, IReadOnlyList<CompareTheme> Shared, IReadOnlyList<CompareTheme> PartlyShared,
    IReadOnlyDictionary<string, IReadOnlyList<CompareTheme>> Only)
{
    public JsonObject ToJson()
    {
        static JsonArray Array(IEnumerable<CompareTheme> themes) => new(themes.Select(t => (JsonNode)t.ToJson()).ToArray());
        var o = new JsonObject
        {
            ["places"] = new JsonArray(Places.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["label"] = p.Label, ["kind"] = p.Kind }).ToArray()),
            ["shared"] = Array(Shared),
        };
        if (Places.Count > 2) o["partlyShared"] = Array(PartlyShared);
        o["only"] = new JsonObject(Only.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Array(kv.Value))));
        return o;
    }
}
