using Atlas.Model;

namespace Atlas.Data;

/// <summary>Everything the curated files and the shipped reference files hold, loaded and checked.</summary>
public sealed class AtlasData
{
    public required IReadOnlyList<Place> Places { get; init; }
    public required IReadOnlyList<Sector> Sectors { get; init; }
    public required IReadOnlyList<Technology> Technologies { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    public required IReadOnlyList<Programme> Programmes { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    /// <summary>SHA-256 of every input file: the store re-seeds when it changes.</summary>
    public required string ContentHash { get; init; }
    /// <summary>The map of Belgium projected from the municipal boundaries; null when they could not be read.</summary>
    public Atlas.Geo.BelgiumMap? Map { get; init; }
    /// <summary>The bpost postcode localities with their points, where the finder places addresses and measures distances.</summary>
    public IReadOnlyList<Atlas.Geo.Locality> Localities { get; init; } = [];
    /// <summary>The municipal boundaries as shipped (TopoJSON text), for the GeoJSON of places; null when absent.</summary>
    public string? Boundaries { get; init; }
    /// <summary>The text of data/index/atlas-index.yaml (checked by the loader), or null when the file is absent.</summary>
    public string? IndexDefinition { get; init; }
    /// <summary>The Statbel source (VAT-registered enterprises, population) read from data/reference/statbel/.</summary>
    public Atlas.Statbel.StatbelData? Statbel { get; init; }

    /// <summary>The same data with other facts.</summary>
    public AtlasData WithFacts(IReadOnlyList<Fact> facts) => With(Entities.ToList(), facts);

    /// <summary>The same data with other entities (of every type: each goes to its own list).</summary>
    public AtlasData WithEntities(IReadOnlyList<Entity> entities) => With(entities, Facts);

    private AtlasData With(IReadOnlyList<Entity> entities, IReadOnlyList<Fact> facts) => new()
    {
        Places = entities.OfType<Place>().ToList(), Sectors = entities.OfType<Sector>().ToList(),
        Technologies = entities.OfType<Technology>().ToList(), Organisations = entities.OfType<Organisation>().ToList(),
        Programmes = entities.OfType<Programme>().ToList(), Sources = entities.OfType<Source>().ToList(), Facts = facts,
        ContentHash = ContentHash, Map = Map, Localities = Localities, Boundaries = Boundaries, IndexDefinition = IndexDefinition, Statbel = Statbel,
    };

    public IEnumerable<Entity> Entities =>
        Places.Cast<Entity>().Concat(Sectors).Concat(Technologies).Concat(Organisations).Concat(Programmes).Concat(Sources);
}
