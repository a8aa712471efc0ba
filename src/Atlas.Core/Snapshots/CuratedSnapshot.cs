using System.Collections.Frozen;
using Atlas.Data;
using Atlas.Model;
using Atlas.Store;
using Atlas.Text;
using Atlas.Diagnostics;

namespace Atlas.Snapshots;

/// <summary>
/// One version of the curated data, typed and indexed in memory: every entity by id and by any alias, every fact in
/// the order of its source, by subject and by what it is about. Immutable: the atlas swaps in a new snapshot when the
/// data version changes.
/// </summary>
public sealed class CuratedSnapshot
{
    public string Version { get; }
    /// <summary>The data files' version this one was seeded from: the same across accepted changes, which change facts only.</summary>
    public string SeedVersion { get; }
    public IReadOnlyList<Entity> Entities { get; }
    public IReadOnlyList<Fact> Facts { get; }
    public Atlas.Geo.BelgiumMap? Map { get; }
    /// <summary>The municipal boundaries (TopoJSON text) this version was seeded with; read by the GeoJSON of places.</summary>
    public string? Boundaries { get; }
    /// <summary>The Atlas index definition the store holds, or null when the data has none.</summary>
    public AtlasIndexDefinition? IndexDefinition { get; }
    /// <summary>The postcode localities with their points (empty when the data has none).</summary>
    public Atlas.Geo.PostcodeLocalities Localities { get; }
    /// <summary>What the features derive from this version (search facets, the themes of the cities …).</summary>
    public Derived Derived { get; } = new();
    /// <summary>
    /// What the features derive from the seed alone (entities, boundaries, postcodes, Statbel's tables): kept across
    /// accepted changes, so that a change to a fact does not rebuild a map or an index that does not read facts.
    /// </summary>
    public Derived Seeded { get; }

    private readonly FrozenDictionary<string, Entity> _byId;
    private readonly IReadOnlyList<Fact> _allFacts;   // retracted ones too, in source order
    private readonly FrozenDictionary<string, Fact> _factById;
    private readonly ILookup<string, Fact> _bySubject;
    private readonly ILookup<string, Fact> _about;
    private readonly ILookup<string, Place> _children;
    private readonly FrozenDictionary<string, string[]> _aliases;

    public CuratedSnapshot(AtlasData data)
    {
        Version = data.ContentHash;
        SeedVersion = CuratedRows.SeedOf(Version);
        Seeded = new Derived();
        Entities = data.Entities.OrderBy(e => SortKey(e), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        Map = data.Map;
        Boundaries = data.Boundaries;
        IndexDefinition = ParseIndex(data.IndexDefinition);
        Localities = new Atlas.Geo.PostcodeLocalities(data.Localities);
        _byId = Entities.ToFrozenDictionary(e => e.Id);
        _children = Entities.OfType<Place>().Where(p => p.Parent is not null && p.IsCurrent).ToLookup(p => p.Parent!);
        _aliases = AliasIndex(Entities);
        (_allFacts, Facts, _factById, _bySubject, _about) = IndexFacts(data.Facts);
    }

    /// <summary>
    /// The same entities with the facts of a later version: what an accepted change needs (curation changes facts
    /// only), without reading and indexing every entity again.
    /// </summary>
    public CuratedSnapshot WithFacts(IReadOnlyList<Fact> facts, string version) => new(this, facts, version);

    /// <summary>This version with one fact written over the fact of the same id (in its place), or added after the others.</summary>
    public CuratedSnapshot WithFact(Fact fact, string version)
    {
        var facts = _allFacts.ToList();
        var at = facts.FindIndex(f => f.Id == fact.Id);
        if (at >= 0) facts[at] = fact; else facts.Add(fact);
        return new(this, facts, version);
    }

    private CuratedSnapshot(CuratedSnapshot entities, IReadOnlyList<Fact> facts, string version)
    {
        Version = version;
        SeedVersion = entities.SeedVersion;
        Seeded = entities.Seeded;
        Entities = entities.Entities;
        Map = entities.Map;
        Boundaries = entities.Boundaries;
        IndexDefinition = entities.IndexDefinition;
        Localities = entities.Localities;
        _byId = entities._byId;
        _children = entities._children;
        _aliases = entities._aliases;
        (_allFacts, Facts, _factById, _bySubject, _about) = IndexFacts(facts);
    }

    private static (IReadOnlyList<Fact>, IReadOnlyList<Fact>, FrozenDictionary<string, Fact>, ILookup<string, Fact>, ILookup<string, Fact>) IndexFacts(IReadOnlyList<Fact> all)
    {
        // a retracted fact is kept (its page says so, its history stays) but no list, count or analysis uses it
        var facts = all.Where(f => f.Status != FactStatus.Retracted).ToList();
        return (all, facts, all.ToFrozenDictionary(f => f.Id), facts.ToLookup(f => f.Subject),
            facts.SelectMany(f => f.Entities.Where(e => e != f.Subject).Select(e => (Entity: e, Fact: f))).ToLookup(x => x.Entity, x => x.Fact));
    }

    public Entity? Get(string id) => _byId.GetValueOrDefault(id);
    /// <summary>Every entity by its id.</summary>
    public IReadOnlyDictionary<string, Entity> EntitiesById => _byId;
    public T? Get<T>(string id) where T : Entity => _byId.GetValueOrDefault(id) as T;
    public Fact? Fact(string id) => _factById.GetValueOrDefault(id);

    /// <summary>The label of an entity in a language (its id when it is unknown).</summary>
    public string Label(string id, Lang lang) => Get(id)?.Label(lang) ?? id;

    /// <summary>The facts whose subject the entity is, in source order.</summary>
    public IEnumerable<Fact> FactsOf(string subject) => _bySubject[subject];

    /// <summary>The facts that name the entity as their object or in their context.</summary>
    public IEnumerable<Fact> FactsAbout(string entity) => _about[entity];

    /// <summary>The places that exist today directly below a place, by name.</summary>
    public IEnumerable<Place> Children(string parent) => _children[parent];

    /// <summary>Entities of a type in listing order (by English name, then id).</summary>
    public IEnumerable<T> All<T>() where T : Entity => Entities.OfType<T>();

    /// <summary>
    /// The id of an entity from its id or any alias (a name in any language, an alias, a NIS code), in any case and
    /// with or without accents; of the given type when one is given. The exact id wins; then the best-ranked entity
    /// (cities before municipalities: Gent is the city).
    /// </summary>
    public string? Resolve(string idOrAlias, EntityType? type = null)
    {
        if (string.IsNullOrWhiteSpace(idOrAlias) || idOrAlias.Length > 200) return null;
        var raw = idOrAlias.Trim();
        if (!_aliases.TryGetValue(TextFolding.Fold(raw), out var candidates)) return null;
        string? best = null;
        foreach (var id in candidates)
        {
            if (type is not null && _byId[id].Type != type) continue;
            if (id == raw) return id;
            best ??= id;
        }
        return best;
    }

    /// <summary>The entities whose id, name or alias is exactly <paramref name="folded"/>, best first.</summary>
    public IReadOnlyList<string> ExactAliases(string folded) => _aliases.GetValueOrDefault(folded) ?? [];

    /// <summary>When an alias names several entities (Gent: the city and the municipality), the lower rank wins.</summary>
    public static int AliasRank(Entity e) => e switch
    {
        Place { PlaceKind: PlaceKind.City } => 0,
        Place { PlaceKind: PlaceKind.Country or PlaceKind.Region } => 1,
        Place { IsCurrent: true, PlaceKind: PlaceKind.Municipality } => 2,
        Place { PlaceKind: PlaceKind.Province } => 3,
        Place { PlaceKind: PlaceKind.Arrondissement } => 4,
        Place => 5,
        _ => 1,
    };

    private static FrozenDictionary<string, string[]> AliasIndex(IEnumerable<Entity> entities) =>
        entities
            .SelectMany(e => new[] { e.Id }.Concat(e.Names.All).Concat(e.Aliases).Select(TextFolding.Fold).Distinct().Select(alias => (Alias: alias, Entity: e)))
            .GroupBy(x => x.Alias, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Entity)
                .OrderBy(AliasRank).ThenBy(e => e is Place { IsCurrent: false } ? 1 : 0).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => e.Id).ToArray(), StringComparer.Ordinal);

    private static string SortKey(Entity e) => TextFolding.Fold(e.Names.Get(Lang.En));

    private static AtlasIndexDefinition? ParseIndex(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var problems = new List<Problem>();
        return AtlasIndexFile.Parse("data/" + AtlasIndexFile.RelativePath, text, problems) ?? throw new DataProblemsException(problems);
    }
}
