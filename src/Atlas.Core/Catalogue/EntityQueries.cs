using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Catalogue;

/// <summary>One entity with what the atlas says of it: its facts as subject, the facts about it, the places below it.</summary>
public sealed record EntityDetail(Entity Entity, IReadOnlyList<Fact> Facts, IReadOnlyList<Fact> FactsAbout, IReadOnlyList<Place> Children, int? FactCount);

/// <summary>
/// The catalogue of the curated data: entities by id or any alias, lists by type and kind, one entity with its facts,
/// facts by subject, predicate, source, entity or status. Everything is read from the current snapshot.
/// </summary>
public sealed class EntityQueries(AtlasSnapshots snapshots)
{
    /// <summary>The id of an entity from its id or any alias (see <see cref="CuratedSnapshot.Resolve"/>).</summary>
    public string? Resolve(string idOrAlias, EntityType? type = null) => snapshots.Curated.Resolve(idOrAlias, type);

    public CuratedSnapshot Snapshot => snapshots.Curated;

    /// <summary>Entities of a type, by English name; of a kind (slug: city, research-centre …), below a parent, and (by default) only those that exist today.</summary>
    public Page<Entity> List(EntityType type, PageRequest page, string? kind = null, string? parent = null, bool currentOnly = true)
    {
        var s = snapshots.Curated;
        var parentId = parent is null ? null : s.Resolve(parent, EntityType.Place) ?? parent;
        var items = s.Entities.Where(e => e.Type == type && (kind is null || e.Kind == kind)
            && (parentId is null || (e as Place)?.Parent == parentId)
            && (!currentOnly || e is not Place { IsCurrent: false }));
        return Page<Entity>.Of(items, page);
    }

    /// <summary>The places of a kind, in listing order.</summary>
    public IReadOnlyList<Place> Places(PlaceKind kind) => snapshots.Curated.All<Place>().Where(p => p.PlaceKind == kind).ToList();

    public EntityDetail? Get(string idOrAlias, EntityType? type = null)
    {
        var s = snapshots.Curated;
        if (s.Resolve(idOrAlias, type) is not { } id || s.Get(id) is not { } entity) return null;
        return new EntityDetail(entity, s.FactsOf(id).ToList(), s.FactsAbout(id).ToList(), s.Children(id).ToList(),
            entity is Source ? s.Facts.Count(f => f.Source == id) : null);
    }

    public Page<Fact> Facts(FactFilter filter, PageRequest page)
    {
        var s = snapshots.Curated;
        var subject = filter.Subject is null ? null : s.Resolve(filter.Subject) ?? filter.Subject;
        var about = filter.About is null ? null : s.Resolve(filter.About) ?? filter.About;
        var facts = (subject is not null ? s.FactsOf(subject) : s.Facts)
            .Where(f => (about is null || f.Entities.Contains(about))
                && (filter.Predicate is null || f.Predicate == filter.Predicate)
                && (filter.Source is null || f.Source == filter.Source)
                && (filter.Status is null || f.Status == filter.Status)
                && (filter.Role is null || f.Role == filter.Role));
        return Page<Fact>.Of(facts, page);
    }

    public Fact? Fact(string id) => snapshots.Curated.Fact(id);
}
