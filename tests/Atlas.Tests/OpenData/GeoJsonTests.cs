using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Atlas.Tests.OpenData;

/// <summary>
/// The GeoJSON of places read back with NetTopologySuite, as a GIS tool reads it: every polygon valid (OGC simple
/// features), outer rings counterclockwise as RFC 7946 asks, each place's outline around its own coordinates.
/// </summary>
[Collection(AtlasCollection.Name)]
public class GeoJsonTests(AtlasFixture atlas)
{
    private static readonly JsonSerializerOptions Reader = new() { Converters = { new GeoJsonConverterFactory() } };

    private async Task<(HttpResponseMessage Response, T Value)> Read<T>(string path)
    {
        var response = await atlas.Client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (response, JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), Reader)!);
    }

    [Theory]
    [InlineData("/api/places.geojson", 565)]
    [InlineData("/api/places.geojson?current=false", 594)]
    [InlineData("/api/places.geojson?kind=province", 10)]
    [InlineData("/api/places.geojson?kind=region", 3)]
    [InlineData("/api/places.geojson?kind=country", 1)]
    [InlineData("/api/places.geojson?kind=arrondissement", 43)]
    public async Task Every_polygon_is_valid_and_its_outer_rings_run_counterclockwise(string path, int count)
    {
        var (response, features) = await Read<FeatureCollection>(path);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(count, features.Count);
        foreach (var feature in features)
        {
            var geometry = Assert.IsType<MultiPolygon>(feature.Geometry);
            Assert.True(geometry.IsValid, $"{feature.Attributes["id"]} is not a valid polygon: {new NetTopologySuite.Operation.Valid.IsValidOp(geometry).ValidationError}");
            foreach (var polygon in geometry.Geometries.Cast<Polygon>())
            {
                Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence), $"{feature.Attributes["id"]}: an outer ring runs clockwise");
                Assert.All(polygon.Holes, h => Assert.False(Orientation.IsCCW(h.CoordinateSequence)));
            }
            Assert.InRange(geometry.EnvelopeInternal.MinX, 2.5, 6.5);
            Assert.InRange(geometry.EnvelopeInternal.MinY, 49.4, 51.6);
        }
    }

    [Fact]
    public async Task Ghents_outline_contains_its_own_coordinates_and_carries_its_names_and_code()
    {
        var (_, ghent) = await Read<IFeature>("/api/places/ghent.geojson");
        Assert.True(ghent.Geometry.IsValid);
        Assert.True(ghent.Geometry.Contains(new Point(3.7174, 51.0543)), "Ghent (51.0543 N, 3.7174 E) is outside its own outline");
        Assert.False(ghent.Geometry.Contains(new Point(4.3997, 51.2211)), "Antwerp is inside Ghent");
        Assert.Equal("Gand", ghent.Attributes["nameFr"]);
        Assert.Equal("Gent", ghent.Attributes["nameNl"]);
        Assert.Equal("Ghent", ghent.Attributes["nameEn"]);
        Assert.Equal("44021", ghent.Attributes["nis"]);
        Assert.Equal("BE234", ghent.Attributes["nuts"]);

        // each of the seven cities lies inside its outline
        var (_, cities) = await Read<FeatureCollection>("/api/places.geojson?kind=city");
        var places = (await atlas.Json("/api/places?kind=city"))["items"]!.AsArray();
        Assert.Equal(7, places.Count);
        foreach (var place in places)
        {
            var c = place!["coordinates"]!;
            Assert.True(cities.First(f => (string)f.Attributes["id"] == (string)place["id"]!).Geometry.Contains(new Point((double)c["lon"]!, (double)c["lat"]!)),
                $"{place["id"]} is outside its own outline");
        }
    }

    [Fact]
    public async Task A_municipality_merged_in_2025_has_the_union_of_its_former_municipalities()
    {
        var (_, all) = await Read<FeatureCollection>("/api/places.geojson?current=false");
        Geometry Of(string nis) => all.First(f => f.Attributes.Exists("nis") && (string)f.Attributes["nis"] == nis).Geometry;
        // Pajottegem (23106) = Galmaarden (23023) + Gooik (23024) + Herne (23032)
        var pajottegem = Of("23106");
        var parts = new[] { "23023", "23024", "23032" }.Select(Of).ToList();
        Assert.Single(((MultiPolygon)pajottegem).Geometries);
        Assert.Equal(parts.Sum(p => p.Area), pajottegem.Area, 9);
        Assert.True(pajottegem.EqualsTopologically(NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(parts)));
        // Antwerp kept its code and took in Borsbeek
        Assert.True(Of("11002").Contains(Of("11007").InteriorPoint));
        Assert.Contains("merged on 1 January 2025", (string)all.First(f => (string)f.Attributes["id"] == "nis-23106").Attributes["geometry"]);
    }

    [Fact]
    public async Task A_town_is_a_point_and_figures_come_from_a_source()
    {
        var (_, lln) = await Read<IFeature>("/api/places/Louvain-la-Neuve.geojson");
        Assert.Equal(new Point(4.612, 50.669), lln.Geometry);

        // without a register, the figures are Statbel's, and the collection says so
        var (_, indexed) = await Read<FeatureCollection>("/api/places.geojson?figures=index");
        var ghent = indexed.First(f => (string)f.Attributes["id"] == "nis-44021");
        Assert.InRange(Convert.ToInt32(ghent.Attributes["indexRank"]), 1, 565);
        var json = JsonDocument.Parse(await atlas.Client.GetStringAsync("/api/places.geojson?figures=specialisation&sector=textile&source=statbel-vat-2019"));
        Assert.Contains("VAT-registered enterprises", json.RootElement.GetProperty("figures").GetString());
        var (_, textile) = await Read<IFeature>("/api/places/ghent.geojson?figures=specialisation&sector=textile");
        Assert.True(Convert.ToInt32(textile.Attributes["units"]) > 0);

        var (status, problem, _) = await atlas.Raw("/api/places.geojson?figures=index&source=kbo");
        Assert.Equal(409, status);
        Assert.Equal("atlas import kbo PATH", (string)problem!["command"]!);
        Assert.Equal(400, (await atlas.Raw("/api/places.geojson?figures=index&source=nonsense")).Status);
        Assert.Equal(400, (await atlas.Raw("/api/places.geojson?source=kbo")).Status);
        Assert.Equal(400, (await atlas.Raw("/api/places.geojson?figures=nonsense")).Status);
        Assert.Equal(404, (await atlas.Raw("/api/places/atlantis.geojson")).Status);
    }
}
