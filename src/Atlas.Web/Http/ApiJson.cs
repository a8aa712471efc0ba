using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Atlas.Web.Analytics;
using Atlas.Web.AtlasIndex;
using Atlas.Web.Catalogue;
using Atlas.Web.Compare;
using Atlas.Web.Finder;
using Atlas.Web.OpenData;
using Atlas.Web.Register;
using Atlas.Web.Search;
using Atlas.Web.Series;

namespace Atlas.Web.Http;

/// <summary>
/// The API's JSON contract, generated at build time: camelCase names, nulls left out, letters written as letters
/// (Liège, not Li\u00e8ge; &lt;, &gt;, &amp; and quotes still escaped, so JSON is safe inside HTML). The OpenAPI
/// document describes the same types.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiIndexJson))]
[JsonSerializable(typeof(PageJson<EntityJson>))]
[JsonSerializable(typeof(EntityJson))]
[JsonSerializable(typeof(PageJson<FactJson>))]
[JsonSerializable(typeof(FactJson))]
[JsonSerializable(typeof(SearchResultsJson))]
[JsonSerializable(typeof(CompareJson))]
[JsonSerializable(typeof(CompareCsvRow))]
[JsonSerializable(typeof(MatrixJson))]
[JsonSerializable(typeof(RegisterInfoJson))]
[JsonSerializable(typeof(CompanySearchJson))]
[JsonSerializable(typeof(CompanyJson))]
[JsonSerializable(typeof(SpecialisationJson))]
[JsonSerializable(typeof(SpecialisationCsvRow))]
[JsonSerializable(typeof(PlaceComplexityJson))]
[JsonSerializable(typeof(OpportunityCsvRow))]
[JsonSerializable(typeof(PanelListJson<ActivityComplexityJson>))]
[JsonSerializable(typeof(PanelListJson<MunicipalityComplexityJson>))]
[JsonSerializable(typeof(IndexListJson))]
[JsonSerializable(typeof(PlaceIndexJson))]
[JsonSerializable(typeof(DynamicsJson))]
[JsonSerializable(typeof(DynamicsCsvRow))]
[JsonSerializable(typeof(LocationsJson))]
[JsonSerializable(typeof(LocationCsvRow))]
[JsonSerializable(typeof(PartnersJson))]
[JsonSerializable(typeof(PartnerCsvRow))]
[JsonSerializable(typeof(PageJson<SeriesSummaryJson>))]
[JsonSerializable(typeof(SeriesCsvRow))]
[JsonSerializable(typeof(SeriesDetailJson))]
[JsonSerializable(typeof(SeriesValueCsvRow))]
[JsonSerializable(typeof(RevisionsJson))]
[JsonSerializable(typeof(VintageListJson))]
[JsonSerializable(typeof(GrowthListJson))]
[JsonSerializable(typeof(ClaimCheckJson))]
[JsonSerializable(typeof(FeatureCollectionJson))]
[JsonSerializable(typeof(FeatureJson))]
[JsonSerializable(typeof(LdClaimJson))]
[JsonSerializable(typeof(LdEntityJson))]
[JsonSerializable(typeof(DcatCatalogJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.FactHistoryJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ChangesJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ChangeJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ProposalRequestJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ReviewRequestJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ProposalJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.ProposalListJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.EditableFactJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.EditableEntityJson))]
[JsonSerializable(typeof(Atlas.Web.Curation.EntityHistoryJson))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(ApiJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = ApiJsonContext.Default,
    };

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
