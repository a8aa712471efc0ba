using System.Collections.Frozen;
using System.Collections.Immutable;
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
    /// <summary>The current facts (not retracted) in source order.</summary>
    public IReadOnlyList<Fact> Facts => _facts.Current;
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
    private readonly FactIndex _facts;
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
        _facts = FactIndex.Of(data.Facts);
    }

    /// <summary>
    /// The same entities with the facts of a later version: what an accepted change needs (curation changes facts
    /// only), without reading and indexing every entity again.
    /// </summary>
    public CuratedSnapshot WithFacts(IReadOnlyList<Fact> facts, string version) => new(this, FactIndex.Of(facts), version);

    /// <summary>
    /// This version with one fact written over the fact of the same id (in its place), or added after the others. Only
    /// the lists that hold the fact are made again, and the lists of all facts copied, unless the fact moves to other
    /// entities or comes back from a retraction: then every fact is indexed again.
    /// </summary>
    public CuratedSnapshot WithFact(Fact fact, string version)
    {
        var old = _facts.ById.GetValueOrDefault(fact.Id);
        var all = new List<Fact>(_facts.All.Count + 1);
        all.AddRange(_facts.All);
        if (old is null) all.Add(fact); else all[all.IndexOf(old)] = fact;
        if (old is not null && (old.Status == FactStatus.Retracted && fact.Status != FactStatus.Retracted
            || old.Subject != fact.Subject || !old.Entities.ToHashSet().SetEquals(fact.Entities)))
            return new(this, FactIndex.Of(all), version);
        // a retracted fact leaves the lists; it stays in All and ById (its page and history remain)
        var now = fact.Status == FactStatus.Retracted ? null : fact;
        var bySubject = new Dictionary<string, List<Fact>>(_facts.BySubject, StringComparer.Ordinal);
        var about = new Dictionary<string, List<Fact>>(_facts.About, StringComparer.Ordinal);
        bySubject[fact.Subject] = Replace(bySubject.GetValueOrDefault(fact.Subject) ?? [], old, now);
        foreach (var entity in fact.Entities)
            if (entity != fact.Subject) about[entity] = Replace(about.GetValueOrDefault(entity) ?? [], old, now);
        return new(this, new FactIndex(all, Replace(_facts.Current, old, now), _facts.ById.SetItem(fact.Id, fact), bySubject, about), version);
    }

    /// <summary>A copy of the list with <paramref name="now"/> in the place of <paramref name="old"/>, or at the end; without either when it is null.</summary>
    private static List<Fact> Replace(IReadOnlyList<Fact> list, Fact? old, Fact? now)
    {
        var result = new List<Fact>(list.Count + 1);
        var placed = false;
        foreach (var f in list)
        {
            if (!ReferenceEquals(f, old)) result.Add(f);
            else if (now is not null) { result.Add(now); placed = true; }
        }
        if (now is not null && !placed) result.Add(now);
        return result;
    }

    private CuratedSnapshot(CuratedSnapshot entities, FactIndex facts, string version)
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
        _facts = facts;
    }

    /// <summary>
    /// The facts of a version: all of them in source order (retracted ones too: their page says so, their history
    /// stays), the current ones (what every list, count and analysis uses), by id, by subject, and by the other
    /// entities they name. ById is immutable: a change sets one entry without copying the others (a copy of a
    /// dictionary of thousands of facts is a large object, and one at every change brought full collections).
    /// </summary>
    private sealed record FactIndex(IReadOnlyList<Fact> All, IReadOnlyList<Fact> Current, ImmutableDictionary<string, Fact> ById,
        Dictionary<string, List<Fact>> BySubject, Dictionary<string, List<Fact>> About)
    {
        public static FactIndex Of(IReadOnlyList<Fact> all)
        {
            var current = new List<Fact>(all.Count);
            var byId = ImmutableDictionary.CreateBuilder<string, Fact>(StringComparer.Ordinal);
            var bySubject = new Dictionary<string, List<Fact>>(StringComparer.Ordinal);
            var about = new Dictionary<string, List<Fact>>(StringComparer.Ordinal);
            foreach (var f in all)
            {
                byId[f.Id] = f;
                if (f.Status == FactStatus.Retracted) continue;
                current.Add(f);
                Add(bySubject, f.Subject, f);
                foreach (var entity in f.Entities)
                    if (entity != f.Subject) Add(about, entity, f);
            }
            return new(all, current, byId.ToImmutable(), bySubject, about);
        }

        private static void Add(Dictionary<string, List<Fact>> index, string key, Fact f)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(f);
        }
    }

    public Entity? Get(string id) => _byId.GetValueOrDefault(id);
    /// <summary>Every entity by its id.</summary>
    public IReadOnlyDictionary<string, Entity> EntitiesById => _byId;
    public T? Get<T>(string id) where T : Entity => _byId.GetValueOrDefault(id) as T;
    public Fact? Fact(string id) => _facts.ById.GetValueOrDefault(id);

    /// <summary>The label of an entity in a language (its id when it is unknown).</summary>
    public string Label(string id, Lang lang) => Get(id)?.Label(lang) ?? id;

    /// <summary>The facts whose subject the entity is, in source order.</summary>
    public IEnumerable<Fact> FactsOf(string subject) => _facts.BySubject.GetValueOrDefault(subject) ?? [];

    /// <summary>The facts that name the entity as their object or in their context.</summary>
    public IEnumerable<Fact> FactsAbout(string entity) => _facts.About.GetValueOrDefault(entity) ?? [];

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
