using System.Text.Json.Serialization;
using Atlas.Geo;
using Atlas.Model;

namespace Atlas.Web.OpenData;

/// <summary>A GeoJSON geometry (RFC 7946): a place's outline as a MultiPolygon, or a town as a Point; [longitude, latitude], WGS 84.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MultiPolygonJson), "MultiPolygon")]
[JsonDerivedType(typeof(PointJson), "Point")]
public abstract record GeometryJson
{
    /// <summary>Six decimals (about 0.1 m), as RFC 7946 advises: the boundaries are not finer than that.</summary>
    private static double[] Position(double lon, double lat) => [Math.Round(lon, 6), Math.Round(lat, 6)];

    public static GeometryJson? Of(PlaceGeometry? g) => g switch
    {
        null => null,
        { Polygons: { } polygons } => new MultiPolygonJson(polygons.Select(p => p.Select(r => r.Points.Select(x => Position(x.Lon, x.Lat)).ToArray()).ToArray()).ToArray()),
        { Place: { Latitude: double lat, Longitude: double lon } } => new PointJson(Position(lon, lat)),
        _ => null,
    };
}

public sealed record MultiPolygonJson(double[][][][] Coordinates) : GeometryJson;

public sealed record PointJson(double[] Coordinates) : GeometryJson;

/// <summary>
/// A place's properties, flat so that GIS tools show them as columns: names in three languages, codes, its pages,
/// where its outline comes from, and the figures of the analysis asked for (<c>?figures=</c>).
/// </summary>
public sealed record PlacePropertiesJson
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Label { get; init; }
    public required string NameFr { get; init; }
    public required string NameNl { get; init; }
    public required string NameEn { get; init; }
    public string? NameDe { get; init; }
    public string? Nis { get; init; }
    public string? Nuts { get; init; }
    public string? Parent { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? MergedInto { get; init; }
    public string? MergedFrom { get; init; }
    public long? Population2020 { get; init; }
    /// <summary>Where the outline comes from ("merged on 1 January 2025 from the municipalities of 2020 …").</summary>
    public required string Geometry { get; init; }
    public required string Page { get; init; }
    public required string Api { get; init; }
    // ?figures=index
    public double? IndexScore { get; init; }
    public int? IndexRank { get; init; }
    public string? IndexGroup { get; init; }
    // ?figures=complexity
    public double? Eci { get; init; }
    public int? EciRank { get; init; }
    public int? Diversity { get; init; }
    // ?figures=specialisation&sector=
    public string? Sector { get; init; }
    /// <summary>The units the source counts in the sector (establishments in the register, VAT-registered enterprises in Statbel's data: the collection's figures says which).</summary>
    public int? Units { get; init; }
    public double? Share { get; init; }
    public double? Lq { get; init; }
    public bool? Strong { get; init; }

    public static PlacePropertiesJson Of(Place p, PlaceGeometry? g, Lang lang) => new()
    {
        Id = p.Id, Kind = p.Kind, Label = p.Label(lang), NameFr = p.Names.Get(Lang.Fr), NameNl = p.Names.Get(Lang.Nl), NameEn = p.Names.Get(Lang.En),
        NameDe = p.Names.ByCode.GetValueOrDefault("de"), Nis = p.Nis?.ToString(), Nuts = p.Nuts, Parent = p.Parent,
        ValidFrom = p.ValidFrom?.ToString("yyyy-MM-dd"), ValidTo = p.ValidTo?.ToString("yyyy-MM-dd"), MergedInto = p.MergedInto,
        MergedFrom = p.MergedFrom.Count == 0 ? null : string.Join(",", p.MergedFrom), Population2020 = p.Population,
        Geometry = g?.Basis ?? "none", Page = Pages.Links.Place(lang, p.Id), Api = $"/api/places/{Uri.EscapeDataString(p.Id)}",
    };
}

/// <summary>A GeoJSON Feature: its id, its geometry (null when the place has none), its properties.</summary>
public sealed record FeatureJson(string Type, string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] GeometryJson? Geometry, PlacePropertiesJson Properties);

/// <summary>A GeoJSON FeatureCollection, with the credit line of its boundaries and of its figures (foreign members).</summary>
public sealed record FeatureCollectionJson(string Type, string Attribution, string? Figures, IReadOnlyList<FeatureJson> Features);
