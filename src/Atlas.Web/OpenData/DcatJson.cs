using System.Text.Json.Serialization;

namespace Atlas.Web.OpenData;

/// <summary>A DCAT-AP distribution: one way to get a dataset (an address, a media type, a format).</summary>
public sealed record DcatDistributionJson
{
    [JsonPropertyName("@type")] public string Type { get; init; } = "dcat:Distribution";
    [JsonPropertyName("dct:title")] public required string Title { get; init; }
    [JsonPropertyName("dcat:accessURL")] public required LdNodeRefJson AccessUrl { get; init; }
    [JsonPropertyName("dcat:downloadURL")] public LdNodeRefJson? DownloadUrl { get; init; }
    [JsonPropertyName("dcat:mediaType")] public required LdNodeRefJson MediaType { get; init; }
    [JsonPropertyName("dct:format")] public required string Format { get; init; }
    [JsonPropertyName("dct:license")] public required LdNodeRefJson License { get; init; }
}

public sealed record DcatAgentJson([property: JsonPropertyName("@type")] string Type, [property: JsonPropertyName("foaf:name")] string Name);

public sealed record DcatPeriodJson(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("dcat:startDate")] string StartDate,
    [property: JsonPropertyName("dcat:endDate")] string EndDate);

/// <summary>A DCAT-AP dataset of the atlas, with its licence, publisher, temporal coverage, version and distributions.</summary>
public sealed record DcatDatasetJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public string Type { get; init; } = "dcat:Dataset";
    [JsonPropertyName("dct:identifier")] public required string Identifier { get; init; }
    [JsonPropertyName("dct:title")] public required IReadOnlyList<LdLangStringJson> Title { get; init; }
    [JsonPropertyName("dct:description")] public required IReadOnlyList<LdLangStringJson> Description { get; init; }
    [JsonPropertyName("dct:publisher")] public required DcatAgentJson Publisher { get; init; }
    [JsonPropertyName("dct:license")] public required LdNodeRefJson License { get; init; }
    [JsonPropertyName("dct:temporal")] public DcatPeriodJson? Temporal { get; init; }
    [JsonPropertyName("dct:spatial")] public LdNodeRefJson Spatial { get; init; } = new("http://publications.europa.eu/resource/authority/country/BEL");
    [JsonPropertyName("dcat:keyword")] public required IReadOnlyList<string> Keyword { get; init; }
    [JsonPropertyName("dcat:version")] public string? Version { get; init; }
    [JsonPropertyName("dct:source")] public IReadOnlyList<LdNodeRefJson>? Source { get; init; }
    [JsonPropertyName("prov:wasDerivedFrom")] public IReadOnlyList<LdNodeRefJson>? WasDerivedFrom { get; init; }
    [JsonPropertyName("dcat:distribution")] public required IReadOnlyList<DcatDistributionJson> Distribution { get; init; }
}

/// <summary>The atlas's DCAT-AP catalogue (JSON-LD): what an open-data portal harvests.</summary>
public sealed record DcatCatalogJson
{
    [JsonPropertyName("@context")] public LdContextJson Context { get; init; } = LdContextJson.Instance;
    [JsonPropertyName("@id")] public string Id { get; init; } = "/api/catalog";
    [JsonPropertyName("@type")] public string Type { get; init; } = "dcat:Catalog";
    [JsonPropertyName("dct:title")] public required IReadOnlyList<LdLangStringJson> Title { get; init; }
    [JsonPropertyName("dct:description")] public required IReadOnlyList<LdLangStringJson> Description { get; init; }
    [JsonPropertyName("dct:publisher")] public required DcatAgentJson Publisher { get; init; }
    [JsonPropertyName("dct:license")] public required LdNodeRefJson License { get; init; }
    [JsonPropertyName("foaf:homepage")] public LdNodeRefJson Homepage { get; init; } = new("/");
    [JsonPropertyName("dct:modified")] public string? Modified { get; init; }
    [JsonPropertyName("dcat:version")] public required string Version { get; init; }
    [JsonPropertyName("dcat:dataset")] public required IReadOnlyList<DcatDatasetJson> Dataset { get; init; }
}
