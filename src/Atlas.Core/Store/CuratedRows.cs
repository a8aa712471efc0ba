using System.Globalization;
using System.Text.Json;
using Atlas.Data;
using Atlas.Diagnostics;
using Atlas.Model;

namespace Atlas.Store;

/// <summary>An entity as a store keeps it: its document (see <see cref="EntityDocument"/>) and what it is filtered by.</summary>
public sealed record EntityRow(string Id, string Type, string Kind, int Seq, string Document);

/// <summary>A fact as a store keeps it: one column per field, lists as JSON arrays, the value as curated text (whole numbers as 64-bit, as both stores read them).</summary>
public sealed record FactRow(string Id, long Seq, string Subject, string Predicate, string? Object, string Context, string? Fr, string? Nl, string? En,
    string? Value, string? Unit, string? Qualifier, string? Period, string? Indicator, string Source, string? Section, string? Passage,
    string? Url, long? Row, string Phrase, string Status, string Evidence, string Role, string? NoteFr, string? NoteNl, string? NoteEn,
    string File, long Line);

/// <summary>A document of the full-text index: an entity, or a fact (which leads to its subject), in three weighted fields.</summary>
public sealed record SearchRow(string EntityId, string? FactId, string Names, string Aliases, string Body);

/// <summary>
/// What every store writes of the curated data and how a fact row is read back: the one definition of the stored
/// form, so that the SQLite and the PostgreSQL stores hold the same rows and give back the same facts.
/// </summary>
public static class CuratedRows
{
    public static IEnumerable<EntityRow> Entities(AtlasData data) =>
        data.Entities.Select((e, seq) => new EntityRow(e.Id, Slugs.Of(e.Type), e.Kind, seq, EntityDocument.Write(e)));

    public static IEnumerable<FactRow> Facts(AtlasData data) => data.Facts.Select((f, seq) => Row(f, seq));

    /// <summary>The row of one fact at <paramref name="seq"/> in the order.</summary>
    public static FactRow Row(Fact f, long seq)
    {
        var q = f.Quantity;
        return new FactRow(f.Id, seq, f.Subject, f.Predicate.Slug(), f.Object, JsonSerializer.Serialize(f.Context),
            f.Statement.Exact(Lang.Fr), f.Statement.Exact(Lang.Nl), f.Statement.Exact(Lang.En),
            q?.Value.ToString(CultureInfo.InvariantCulture), q?.Unit, q?.Qualifier.Slug(), q?.Period?.ToString(), f.Indicator, f.Source,
            f.Locator.Section, f.Locator.Passage, f.Locator.Url, f.Locator.Row, f.Locator.Phrase, Slugs.Of(f.Status),
            JsonSerializer.Serialize(f.Evidence), Slugs.Of(f.Role), f.Note.Exact(Lang.Fr), f.Note.Exact(Lang.Nl), f.Note.Exact(Lang.En),
            f.Position.File, f.Position.Line);
    }

    /// <summary>The search documents: every entity by its names, aliases and descriptions; every fact by its statements, key phrase and the names of what it is about.</summary>
    public static IEnumerable<SearchRow> Search(AtlasData data)
    {
        var byId = data.Entities.ToDictionary(e => e.Id);
        foreach (var e in data.Entities) yield return SearchOf(e);
        foreach (var f in data.Facts) yield return SearchOf(f, byId.GetValueOrDefault);
    }

    /// <summary>The search document of an entity: its names, aliases and descriptions.</summary>
    public static SearchRow SearchOf(Entity e) =>
        new(e.Id, null, string.Join(" | ", e.Names.All.Distinct()), string.Join(" | ", e.Aliases), string.Join(" | ", e.Description.All));

    /// <summary>The search document of a fact: its statements and key phrase, and the names and aliases of what it is about.</summary>
    public static SearchRow SearchOf(Fact f, Func<string, Entity?> entity)
    {
        var about = f.Entities.Skip(1).Select(entity).OfType<Entity>().SelectMany(e => e.Names.All.Concat(e.Aliases)).Distinct();
        return new SearchRow(f.Subject, f.Id, "", string.Join(" | ", about), string.Join(" | ", f.Statement.All.Append(f.Locator.Phrase)));
    }

    /// <summary>
    /// The values a seed stores beside the tables, read back by <see cref="Data"/>: the map (with the municipal outlines),
    /// the Atlas index definition, the postcode localities, the municipal boundaries, the data version and the time of the seed.
    /// </summary>
    public static IEnumerable<(string Key, string Value)> Meta(AtlasData data) =>
    [
        ("map", data.Map is null ? "" : JsonSerializer.Serialize(data.Map)),
        ("atlas_index", data.IndexDefinition ?? ""),
        ("localities", JsonSerializer.Serialize(data.Localities)),
        ("boundaries", data.Boundaries ?? ""),
        ("data_hash", data.ContentHash),
        ("seeded_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The curated data from what a store read back: entities in their order, facts, and the seed's meta values.</summary>
    public static AtlasData Data(IReadOnlyList<Entity> entities, List<Fact> facts, IReadOnlyDictionary<string, string> meta) => new()
    {
        Places = entities.OfType<Place>().ToList(),
        Sectors = entities.OfType<Sector>().ToList(),
        Technologies = entities.OfType<Technology>().ToList(),
        Organisations = entities.OfType<Organisation>().ToList(),
        Programmes = entities.OfType<Programme>().ToList(),
        Sources = entities.OfType<Source>().ToList(),
        Facts = facts,
        ContentHash = Version(meta) ?? "",
        Map = meta.GetValueOrDefault("map") is { Length: > 0 } map ? JsonSerializer.Deserialize<Atlas.Geo.BelgiumMap>(map) : null,
        IndexDefinition = meta.GetValueOrDefault("atlas_index") is { Length: > 0 } index ? index : null,
        Localities = meta.GetValueOrDefault("localities") is { Length: > 0 } localities
            ? JsonSerializer.Deserialize<List<Atlas.Geo.Locality>>(localities) ?? [] : [],
        Boundaries = meta.GetValueOrDefault("boundaries") is { Length: > 0 } boundaries ? boundaries : null,
    };

    /// <summary>
    /// The data version of a store: the seed's content hash, then the count of accepted changes to entities (<c>.eN</c>)
    /// and the count of all accepted changes (<c>+N</c>) when there are any. The part before <c>+</c> is the version of
    /// the entities: what derives from them alone is kept while only facts change.
    /// </summary>
    public static string? Version(string? seededHash, string? entitiesRevision, string? curatedRevision) =>
        seededHash is null ? null
        : seededHash + (entitiesRevision is { Length: > 0 } e && e != "0" ? $".e{e}" : "") + (curatedRevision is { Length: > 0 } rev && rev != "0" ? $"+{rev}" : "");

    /// <summary>The keys of the meta values <see cref="Version"/> is made of.</summary>
    public static readonly string[] VersionKeys = ["data_hash", "entities_rev", "curated_rev"];

    /// <summary>The data version from the meta values of <see cref="VersionKeys"/>.</summary>
    public static string? Version(IReadOnlyDictionary<string, string> meta) =>
        Version(meta.GetValueOrDefault("data_hash"), meta.GetValueOrDefault("entities_rev"), meta.GetValueOrDefault("curated_rev"));

    /// <summary>The entities' part of a data version: the data files' hash and the changes to entities, without the count of accepted changes.</summary>
    public static string SeedOf(string version)
    {
        var plus = version.LastIndexOf('+');
        return plus >= 0 && version.AsSpan(plus + 1).IndexOfAnyExceptInRange('0', '9') < 0 ? version[..plus] : version;
    }

    /// <summary>
    /// The data files' content with the accepted curated changes applied over it in their order (each is the whole fact
    /// or entity after the change): a changed one keeps its place, a new one comes after the others of its file.
    /// </summary>
    public static AtlasData WithAccepted(AtlasData data, IReadOnlyList<Curation.AcceptedChange> accepted)
    {
        if (accepted.Count == 0) return data;
        var facts = data.Facts.ToList();
        var entities = data.Entities.ToList();
        var factAt = facts.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var entityAt = entities.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var change in accepted)
        {
            if (change.EntityType is { } type)
                Apply(entities, entityAt, at => Curation.EntityYaml.ReadStored(type, change.Yaml, at),
                    new SourcePosition(Curation.EntityYaml.DataFile(type), int.MaxValue), e => e.Id, e => e.Position);
            else
                Apply(facts, factAt, at => Curation.FactYaml.ReadStored(change.Yaml, at),
                    new SourcePosition(Curation.FactYaml.NewFactsFile, 0), f => f.Id, f => f.Position);
        }
        return data.WithEntities(entities).WithFacts(facts);
    }

    /// <summary>
    /// Writes an accepted fact or entity over the one of its id, at that one's position in the data, or adds it after the
    /// others at <paramref name="added"/>; <paramref name="read"/> reads it as standing at a position.
    /// </summary>
    private static void Apply<T>(List<T> items, Dictionary<string, int> indexOf, Func<SourcePosition, T?> read, SourcePosition added,
        Func<T, string> idOf, Func<T, SourcePosition> positionOf) where T : class
    {
        if (read(added) is not { } item) return;
        if (indexOf.TryGetValue(idOf(item), out var at)) items[at] = read(positionOf(items[at]))!;
        else { indexOf[idOf(item)] = items.Count; items.Add(item); }
    }

    /// <summary>The columns of <see cref="FactRow"/> in its order, for a SELECT that Dapper maps back to it.</summary>
    public const string FactColumns = """
        id, seq, subject_id AS Subject, predicate, object_id AS Object, context, statement_fr AS Fr, statement_nl AS Nl,
        statement_en AS En, value, unit, qualifier, period, indicator, source_id AS Source, section, passage, url, "row" AS Row,
        phrase, status, evidence, role, note_fr AS NoteFr, note_nl AS NoteNl, note_en AS NoteEn, file, line
        """;

    public static Fact ToFact(FactRow r)
    {
        static LocalizedText Texts(string? fr, string? nl, string? en)
        {
            var text = new LocalizedText();
            foreach (var (lang, value) in new[] { (Lang.Fr, fr), (Lang.Nl, nl), (Lang.En, en) })
                if (value is not null) text.Set(lang, value);
            return text;
        }
        Slugs.TryParse<Predicate>(r.Predicate, out var predicate);
        Slugs.TryParse<FactStatus>(r.Status, out var status);
        Slugs.TryParse<FactRole>(r.Role, out var role);
        Quantity? quantity = null;
        if (r.Value is not null)
        {
            Qualifiers.TryParse(r.Qualifier, out var qualifier);
            quantity = new Quantity(decimal.Parse(r.Value, CultureInfo.InvariantCulture), r.Unit ?? "", qualifier,
                r.Period is null ? null : Model.Period.Parse(r.Period));
        }
        return new Fact
        {
            Id = r.Id, Subject = r.Subject, Predicate = predicate, Object = r.Object,
            Context = JsonSerializer.Deserialize<List<string>>(r.Context) ?? [], Statement = Texts(r.Fr, r.Nl, r.En),
            Quantity = quantity, Indicator = r.Indicator, Source = r.Source,
            Locator = new Locator(r.Section, r.Passage, r.Phrase) { Url = r.Url, Row = (int?)r.Row },
            Status = status, Evidence = JsonSerializer.Deserialize<List<string>>(r.Evidence) ?? [], Role = role,
            Note = Texts(r.NoteFr, r.NoteNl, r.NoteEn),
            Position = new SourcePosition(r.File, (int)r.Line),
        };
    }
}
