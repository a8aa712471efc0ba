using Atlas.Model;

namespace Atlas.Search;

/// <summary>Narrows a search: a kind or type (slug), a region, a sector, a technology (ids).</summary>
public sealed record SearchFilters(string? Kind = null, string? Region = null, string? Sector = null, string? Technology = null);

/// <summary>One entity found, why (a snippet of what matched, in <paramref name="SnippetLang"/> when known), how well, and the facts that led to it.</summary>
public sealed record SearchHit(Entity Entity, string Snippet, double Score, IReadOnlyList<string> Facts, Lang? SnippetLang = null);

/// <summary>A facet value: how many results fall under it.</summary>
public sealed record FacetValue(string Id, string Label, int Count);

/// <summary>The facets of a search: by kind, region, sector and technology.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetValue> Kind, IReadOnlyList<FacetValue> Region, IReadOnlyList<FacetValue> Sector, IReadOnlyList<FacetValue> Technology);

public sealed record SearchResult(string Query, Lang Lang, IReadOnlyList<string> Terms, int Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets);
