using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Data;
using Atlas.Diagnostics;
using Atlas.Model;

namespace Atlas.Curation;

/// <summary>
/// An entity in the data files' YAML form (an entry of <c>organisations.yaml</c>, <c>sources.yaml</c> …), one key per
/// line with each value written as JSON (which YAML reads as a flow value), so that a problem's line names its key.
/// The same text is what the API and the form take, what a proposal and the audit history keep, what
/// `atlas export facts` writes and what an entity's ETag hashes. It is read back by the data files' own reader.
/// </summary>
public static class EntityYaml
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The data file, as the data's positions name it, that holds the entities of a type.</summary>
    public static string DataFile(EntityType type) => "data/" + DataLoader.FileOf(type);

    /// <summary>
    /// Whether the entity is kept in a curated data file and may be changed in the atlas: the municipalities,
    /// provinces and regions read from the reference files are not (their names change in data/name-overrides.yaml).
    /// </summary>
    public static bool IsCurated(Entity e) => Path.GetFileName(e.Position.File) == DataLoader.FileOf(e.Type);

    /// <summary>An entity's ETag: a strong validator of its content (a hash of its YAML).</summary>
    public static string Etag(Entity e) => FactYaml.EtagOf(Of(e).Yaml);

    /// <summary>The YAML of an entity, its keys in the data files' order.</summary>
    public static FactYaml.Text Of(Entity e) => Write(Fields(e));

    /// <summary>An entity's keys in the data files' order, each with its value as JSON (empty values left out).</summary>
    public static IReadOnlyList<(string Key, string Json)> Fields(Entity e)
    {
        var keys = new List<(string Key, object? Value)> { ("id", e.Id), ("names", Texts(e.Names)), ("aliases", e.Aliases) };
        switch (e)
        {
            case Place p:
                keys.AddRange([("kind", p.Kind), ("nis", p.Nis?.ToString()), ("nuts", p.Nuts), ("parent", p.Parent),
                    ("coordinates", p.Latitude is { } lat && p.Longitude is { } lon ? new[] { lat, lon } : null),
                    ("links", p.Links.Select(l => new Dictionary<string, string> { ["relation"] = Slugs.Of(l.Relation), ["place"] = l.Place }).ToList())]);
                break;
            case Sector s:
                keys.Add(("nace2008", s.Nace2008));
                break;
            case Technology t:
                keys.Add(("nace2008", t.Nace2008));
                break;
            case Organisation o:
                keys.AddRange([("kind", o.Kind), ("enterpriseNumber", o.EnterpriseNumber?.ToString()),
                    ("places", o.Places.Select(op => new Dictionary<string, string> { ["place"] = op.Place, ["role"] = Slugs.Of(op.Role) }).ToList()),
                    ("sectors", o.Sectors), ("technologies", o.Technologies), ("website", o.Website), ("wikidata", o.Wikidata)]);
                break;
            case Programme pr:
                keys.AddRange([("kind", pr.Kind), ("scope", pr.Scope), ("period", pr.Period), ("website", pr.Website)]);
                break;
            case Source so:
                keys.AddRange([("type", so.Kind), ("title", so.Title), ("publisher", so.Publisher), ("language", so.Language), ("year", so.Year),
                    ("date", so.Date), ("accessed", so.Accessed), ("url", so.Url), ("licence", so.Licence), ("text", so.TextFile), ("file", so.File)]);
                break;
        }
        keys.AddRange([("description", Texts(e.Description)), ("note", Texts(e.Note))]);
        return keys.Where(k => !IsEmpty(k.Value)).Select(k => (k.Key, JsonSerializer.Serialize(k.Value, Json))).ToList();
    }

    /// <summary>
    /// The YAML of an entity given as a JSON object with the data files' keys (what the API takes): each key on its own
    /// line, in the order given. Null when <paramref name="entity"/> is not an object.
    /// </summary>
    public static FactYaml.Text? FromJson(JsonElement entity) =>
        entity.ValueKind != JsonValueKind.Object ? null
        : Write(entity.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => (p.Name, JsonSerializer.Serialize(p.Value, Json))));

    /// <summary>
    /// An entity as a curator writes it in the form (an entry of its data file): the field of each line is the top-level
    /// key it is under, so that a problem found at a line names its key.
    /// </summary>
    public static FactYaml.Text FromYaml(string yaml)
    {
        var fieldAt = new Dictionary<int, string>();
        string? key = null;
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':');
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#' && colon > 0) key = line[..colon].Trim().Trim('"');
            if (key is not null) fieldAt[i + 1] = key;
        }
        return new FactYaml.Text(yaml, fieldAt);
    }

    /// <summary>
    /// Reads an entity of <paramref name="type"/> with the data files' reader; its problems name <paramref name="name"/>.
    /// With <paramref name="standsAt"/>, the entity takes that position in the data (an accepted change keeps the place of
    /// the entry it replaces).
    /// </summary>
    public static Entity? Read(EntityType type, string yaml, string name, List<Problem> problems, SourcePosition? standsAt = null)
    {
        var file = YamlFile.Parse(name, yaml, problems, standsAt);
        if (file.Root is null || file.AsMap(file.Root, "an entity") is not { } map) return null;
        return DataLoader.ReadEntity(type, file, map);
    }

    /// <summary>An entity read back from the YAML a store keeps (it was checked when it was proposed).</summary>
    public static Entity? ReadStored(EntityType type, string yaml, SourcePosition standsAt) => Read(type, yaml, standsAt.File, [], standsAt);

    private static FactYaml.Text Write(IEnumerable<(string Key, string Value)> keys)
    {
        var lines = keys.Select(k => (k.Key, Line: $"{Key(k.Key)}: {k.Value}")).ToList();
        var fieldAt = lines.Select((l, i) => (Line: i + 1, l.Key)).ToDictionary(x => x.Line, x => x.Key);
        return new FactYaml.Text(string.Join("\n", lines.Select(l => l.Line)) + "\n", fieldAt);
    }

    /// <summary>A new entity of a type as the form starts from it: the keys its data file needs, to be filled in.</summary>
    public static string Template(EntityType type) => type switch
    {
        EntityType.Organisation => "id: \"\"\nnames: {fr: \"\", nl: \"\", en: \"\"}\naliases: []\nkind: \"company\"\nenterpriseNumber: \"\"\nplaces: [{place: \"\", role: \"seat\"}]\nsectors: []\nwebsite: \"https://\"\n",
        EntityType.Programme => "id: \"\"\nnames: {fr: \"\", nl: \"\", en: \"\"}\nkind: \"funding-programme\"\nscope: \"\"\nperiod: \"\"\nwebsite: \"https://\"\n",
        EntityType.Source => "id: \"\"\ntype: \"web-page\"\ntitle: \"\"\npublisher: \"\"\nlanguage: \"\"\ndate: \"\"\naccessed: \"\"\nurl: \"https://\"\n",
        EntityType.Place => "id: \"\"\nnames: {fr: \"\", nl: \"\", en: \"\"}\nkind: \"city\"\nparent: \"\"\ncoordinates: []\nlinks: [{relation: \"coincides-with\", place: \"\"}]\n",
        _ => "id: \"\"\nnames: {fr: \"\", nl: \"\", en: \"\"}\naliases: []\nnace2008: []\ndescription: {fr: \"\", nl: \"\", en: \"\"}\n",
    };

    /// <summary>A key as YAML reads it back: plain when it is a word, else quoted.</summary>
    private static string Key(string key) =>
        key.Length > 0 && key.All(char.IsAsciiLetterOrDigit) ? key : JsonSerializer.Serialize(key, Json);

    private static Dictionary<string, string> Texts(LocalizedText text) =>
        new[] { Lang.Fr, Lang.Nl, Lang.En }.Where(l => text.Exact(l) is not null).ToDictionary(l => l.Code(), l => text.Exact(l)!);

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };
}
