using System.Text.Json.Serialization;

namespace Atlas.Web.OpenData;

/// <summary>
/// The JSON-LD context of every document: schema.org as the vocabulary, with the PROV, DCAT, Dublin Core and FOAF
/// prefixes. It is written inline (no remote context to fetch), and identifiers are relative addresses of the atlas
/// (/api/facts/…), which a JSON-LD processor resolves against the document's own address: the same document is
/// right on the live server and in a static export on any host.
/// </summary>
public sealed record LdContextJson
{
    public static readonly LdContextJson Instance = new();
    [JsonPropertyName("@vocab")] public string Vocab { get; init; } = "https://schema.org/";
    public string Prov { get; init; } = "http://www.w3.org/ns/prov#";
    public string Dcat { get; init; } = "http://www.w3.org/ns/dcat#";
    public string Dct { get; init; } = "http://purl.org/dc/terms/";
    public string Foaf { get; init; } = "http://xmlns.com/foaf/0.1/";
}

/// <summary>A text in a language: {"@value": …, "@language": "fr"}.</summary>
public sealed record LdLangStringJson([property: JsonPropertyName("@value")] string Value, [property: JsonPropertyName("@language")] string Language);

/// <summary>A reference to another node, with its type and name when they help a reader.</summary>
public sealed record LdNodeRefJson([property: JsonPropertyName("@id")] string Id)
{
    [JsonPropertyName("@type")] public string? Type { get; init; }
    public IReadOnlyList<LdLangStringJson>? Name { get; init; }
}

public sealed record LdOrganizationJson([property: JsonPropertyName("@type")] string Type, string Name);

/// <summary>A schema.org PropertyValue: an identifier (NIS, NUTS, KBO) or a figure.</summary>
public sealed record LdPropertyValueJson([property: JsonPropertyName("@type")] string Type, string PropertyID, string Value);

public sealed record LdGeoCoordinatesJson([property: JsonPropertyName("@type")] string Type, double Latitude, double Longitude);

/// <summary>A document, data set or web page that facts cite (schema.org CreativeWork, Dataset or WebPage).</summary>
public sealed record LdSourceJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public required string Type { get; init; }
    public required string Name { get; init; }
    public string? Url { get; init; }
    public string? DatePublished { get; init; }
    public string? InLanguage { get; init; }
    public LdOrganizationJson? Publisher { get; init; }
    public string? License { get; init; }
}

/// <summary>Where a claim appears: the key phrase, verbatim in the source's language, as a Quotation that is part of the source.</summary>
public sealed record LdQuotationJson([property: JsonPropertyName("@type")] string Type, LdLangStringJson Text, string? Description, string? Url, LdSourceJson IsPartOf);

public sealed record LdRatingJson([property: JsonPropertyName("@type")] string Type, string AlternateName, int RatingValue, int WorstRating, int BestRating);

/// <summary>A data set version that a figure is derived from (DCAT and PROV).</summary>
public sealed record LdDatasetVersionJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public IReadOnlyList<string> Type { get; init; } = ["dcat:Dataset", "prov:Entity"];
    public required string Name { get; init; }
    [JsonPropertyName("dcat:version")] public required string Version { get; init; }
    [JsonPropertyName("dct:issued")] public string? Issued { get; init; }
}

/// <summary>The computation that made a figure (PROV Activity), with what it used.</summary>
public sealed record LdActivityJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public string Type { get; init; } = "prov:Activity";
    public required string Name { get; init; }
    public string? Url { get; init; }
    [JsonPropertyName("prov:used")] public required LdNodeRefJson Used { get; init; }
}

/// <summary>A figure the atlas computes (an LQ, an ECI, an index score): a PROV entity derived from a data set version by a computation.</summary>
public sealed record LdDerivedFigureJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public IReadOnlyList<string> Type { get; init; } = ["PropertyValue", "prov:Entity"];
    public required string Name { get; init; }
    public required string PropertyID { get; init; }
    public required double Value { get; init; }
    [JsonPropertyName("prov:wasDerivedFrom")] public required LdDatasetVersionJson WasDerivedFrom { get; init; }
    [JsonPropertyName("prov:wasGeneratedBy")] public required LdActivityJson WasGeneratedBy { get; init; }
}

/// <summary>The atlas's review of a claim: its status as a rating, the facts (with their own sources) that show it, the figures it rests on.</summary>
public sealed record LdClaimReviewJson
{
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public string Type { get; init; } = "ClaimReview";
    public required LdNodeRefJson ItemReviewed { get; init; }
    public required LdRatingJson ReviewRating { get; init; }
    public required LdOrganizationJson Author { get; init; }
    public IReadOnlyList<LdClaimJson>? Citation { get; init; }
    public IReadOnlyList<LdDerivedFigureJson>? IsBasedOn { get; init; }
}

/// <summary>A fact as a schema.org Claim: the statement in three languages, what it is about, where it appears (the key phrase in its source), when, and its review.</summary>
public sealed record LdClaimJson
{
    [JsonPropertyName("@context")] public LdContextJson? Context { get; init; }
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public string Type { get; init; } = "Claim";
    public required IReadOnlyList<LdLangStringJson> Text { get; init; }
    public required string Keywords { get; init; }
    public required LdNodeRefJson About { get; init; }
    public IReadOnlyList<LdNodeRefJson>? Mentions { get; init; }
    public required LdQuotationJson Appearance { get; init; }
    public string? DatePublished { get; init; }
    public string? Url { get; init; }
    public LdClaimReviewJson? Review { get; init; }
}

/// <summary>
/// An entity as JSON-LD: a place (schema.org Place, City, AdministrativeArea or Country) with its NIS and NUTS codes,
/// an organisation with its enterprise number and Wikidata item, a sector or technology as a DefinedTerm, a programme,
/// a source; with the claims about it and, for a municipality or city with a register, its derived figures.
/// </summary>
public sealed record LdEntityJson
{
    [JsonPropertyName("@context")] public LdContextJson Context { get; init; } = LdContextJson.Instance;
    [JsonPropertyName("@id")] public required string Id { get; init; }
    [JsonPropertyName("@type")] public required string Type { get; init; }
    public required IReadOnlyList<LdLangStringJson> Name { get; init; }
    public IReadOnlyList<string>? AlternateName { get; init; }
    public IReadOnlyList<LdLangStringJson>? Description { get; init; }
    public IReadOnlyList<LdPropertyValueJson>? Identifier { get; init; }
    public LdGeoCoordinatesJson? Geo { get; init; }
    public LdNodeRefJson? ContainedInPlace { get; init; }
    public string? HasMap { get; init; }
    public IReadOnlyList<string>? SameAs { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<LdNodeRefJson>? SubjectOf { get; init; }
    public IReadOnlyList<LdDerivedFigureJson>? AdditionalProperty { get; init; }
    public LdSourceJson? MainEntityOfPage { get; init; }
}
