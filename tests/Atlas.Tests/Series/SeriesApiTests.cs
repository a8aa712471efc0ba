using System.Text.Json.Nodes;
using Atlas.Series;

namespace Atlas.Tests.Series;

/// <summary>/api/series and /api/facts/{id}/check over HTTP, on the shipped series.</summary>
[Collection(AtlasCollection.Name)]
public class SeriesApiTests(AtlasFixture atlas)
{
    private const string Nbb = "/api/series/" + SeriesFiles.ShippedNbbId;

    [Fact]
    public async Task The_list_filters_by_concept_and_place_and_pages()
    {
        var national = await atlas.Json("/api/series?concept=industrial-production&lang=en");
        Assert.Equal(1, national["total"]!.GetValue<int>());
        var item = national["items"]![0]!;
        Assert.Equal((SeriesFiles.ShippedNbbId, "SA", "seasonally adjusted", 2021), (item["id"]!.GetValue<string>(), item["adjustment"]!.GetValue<string>(),
            item["adjustmentLabel"]!.GetValue<string>(), item["unit"]!["baseYear"]!.GetValue<int>()));
        Assert.Equal("/en/series/" + SeriesFiles.ShippedNbbId, item["page"]!.GetValue<string>());

        var ghent = await atlas.Json("/api/series?geo=44021");
        Assert.Equal("Gent", ghent["items"]![0]!["name"]!.GetValue<string>());

        var page2 = await atlas.Json("/api/series?pageSize=100&page=2");
        Assert.Equal((566, 6), (page2["total"]!.GetValue<int>(), page2["pages"]!.GetValue<int>()));
        Assert.Equal("/api/series?pageSize=100&page=3", page2["links"]!["next"]!.GetValue<string>());

        var (status, _, response) = await atlas.Raw("/api/series.csv?concept=industrial-production");
        Assert.Equal(200, status);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("id,dataflow,key,name,concept,geo,activity,frequency,adjustment,unit,baseYear", csv);
        Assert.Contains("NBB.INDUSTRIAL_PROD.M.SA,NBB:INDUSTRIAL_PROD,M.SA,Industrial Production (Total),industrial-production,BE,B-D,M,SA,index_2021,2021,2010-01,2026-03,195", csv);
    }

    [Fact]
    public async Task A_series_gives_a_measure_between_two_periods_with_its_definition_and_adjustment()
    {
        var json = await atlas.Json(Nbb + "?measure=yoy&from=2024-05&to=2025-05&lang=en");
        var obs = json["observations"]!.AsArray();
        Assert.Equal(13, obs.Count);
        Assert.Equal("2025-05", obs[^1]!["period"]!.GetValue<string>());
        Assert.Equal(-9.853249, obs[^1]!["value"]!.GetValue<double>(), 5);
        var measure = json["measure"]!;
        Assert.Equal(("YearOnYear", "SA"), (measure["id"]!.GetValue<string>(), measure["computedFrom"]!.GetValue<string>()));
        Assert.StartsWith("(x[t] / x[t − 1 year] − 1) × 100", measure["definition"]!.GetValue<string>());
        Assert.Equal(SeriesFiles.ClaimFact, json["claims"]![0]!["fact"]!.GetValue<string>());
        Assert.Equal("M.SA", json["series"]!["key"]!.GetValue<string>());
        Assert.Contains(json["dimensions"]!.AsArray(), d => d!["key"]!.GetValue<string>() == "ADJUSTMENT" && d["value"]!.GetValue<string>() == "SA");
        Assert.Equal("index_2021", json["attributes"]!["UNIT_MEASURE"]!.GetValue<string>());
        // any spelling of the id
        Assert.Equal(SeriesFiles.ShippedNbbId, (await atlas.Json("/api/series/nbb.industrial_prod.m.sa"))["series"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_series_as_CSV_and_as_SDMX_CSV_that_imports_again_as_the_same_series()
    {
        var (_, _, response) = await atlas.Raw(Nbb + "?format=csv&from=2025");
        var csv = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,period,value,status,measure,computedFrom,unit,source,sourceUnit,referenceDate", csv[0]);
        // every line ends with what the figures are and the date of the vintage they come from
        Assert.Equal("NBB.INDUSTRIAL_PROD.M.SA,2025-05,86,A,Level,SA,index_2021 (2021 = 100),NBB.INDUSTRIAL_PROD.M.SA,\"indice, 2021 = 100\",2026-08-22", csv[5]);

        (_, _, response) = await atlas.Raw(Nbb + "?format=sdmx-csv");
        Assert.Equal("application/vnd.sdmx.data+csv", response.Content.Headers.ContentType!.MediaType);
        var sdmx = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("DATAFLOW,FREQ,ADJUSTMENT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,", sdmx);
        Assert.Contains("NBB:INDUSTRIAL_PROD(1.0),M,SA,2024-05,95.4,A,", sdmx);

        using var dir = TestPaths.Temp();
        var path = Path.Combine(dir.Path, "download.csv");
        await File.WriteAllTextAsync(path, sdmx);
        var store = SeriesFiles.Store(dir);
        SeriesImporter.Import(store, path, new SeriesImportOptions());
        var again = store.Find(SeriesFiles.ShippedNbbId)!;
        Assert.Equal((Adjustment.SA, "BE", "B-D", 2021, 195), (again.Adjustment, again.Descriptor.Geo, again.Descriptor.Activity, again.Unit.BaseYear, again.Count));
    }

    [Fact]
    public async Task A_cached_CSV_answer_is_never_served_for_JSON()
    {
        var (_, _, csv) = await atlas.Raw("/api/series.csv?geo=11001");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var json = await atlas.Json("/api/series?geo=11001");
        Assert.Equal(1, json["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/series/NOPE", 404, "No such series")]
    [InlineData(Nbb + "/revisions?x=1", 200, null)]
    [InlineData(Nbb + "?measure=median", 400, "Unknown measure")]
    [InlineData(Nbb + "?from=2025-13", 400, "Invalid from")]
    [InlineData(Nbb + "?measure=rebased", 400, "Missing base")]
    [InlineData(Nbb + "?measure=rebased&base=2009", 400, "Measure not available")]
    [InlineData(Nbb + "?measure=yoy&format=sdmx-csv", 400, "No SDMX-CSV of a derived measure")]
    [InlineData("/api/series/STATBEL.ESTABLISHMENT_UNITS.Q.44021?measure=avg3", 400, "Measure not available")]
    [InlineData(Nbb + "?format=xml", 400, "Unknown format")]
    [InlineData("/api/series?adjustment=XA", 400, "Unknown adjustment")]
    [InlineData("/api/facts/ghent-agrifood-blockchain-traceability/check", 404, "No figure to check")]
    [InlineData("/api/facts/atlantis/check", 404, "No such fact")]
    public async Task Requests_that_cannot_be_answered_say_why(string path, int expected, string? title)
    {
        var (status, body, _) = await atlas.Raw(path);
        Assert.Equal(expected, status);
        if (title is not null) Assert.Equal(title, body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_articles_figure_has_no_matching_series_while_only_the_seasonally_adjusted_one_is_loaded()
    {
        var json = await atlas.Json($"/api/facts/{SeriesFiles.ClaimFact}/check?lang=en");
        Assert.Equal("NoMatchingSeries", json["status"]!.GetValue<string>());
        Assert.Equal("no matching series (the available one is seasonally adjusted: −9.9%)", json["summary"]!.GetValue<string>());
        Assert.Equal(("YearOnYear", "CA"), (json["rule"]!["measure"]!.GetValue<string>(), json["rule"]!["adjustment"]!.GetValue<string>()));
        Assert.Equal(SeriesFiles.ShippedNbbId, json["closest"]!["series"]!["id"]!.GetValue<string>());
        Assert.Equal("it is seasonally adjusted, not calendar adjusted", json["closest"]!["mismatches"]![0]!["explanation"]!.GetValue<string>());
        var fr = await atlas.Json($"/api/facts/{SeriesFiles.ClaimFact}/check?lang=fr");
        Assert.Equal("aucune série correspondante (celle qui est disponible est corrigée des variations saisonnières : −9,9\u00a0%)", fr["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Growth_of_every_municipality_as_JSON_and_CSV()
    {
        var json = await atlas.Json("/api/series/establishment-growth?lang=nl");
        Assert.Equal(565, json["total"]!.GetValue<int>());
        var ghent = json["items"]!.AsArray().Single(i => i!["nis"]!.GetValue<string>() == "44021")!;
        Assert.Equal(("Gent", "nis-44021", 26.0685), (ghent["label"]!.GetValue<string>(), ghent["place"]!.GetValue<string>(), ghent["percent"]!.GetValue<double>()));
        var (_, _, response) = await atlas.Raw("/api/series/establishment-growth.csv");
        Assert.StartsWith("nis,place,label,series,from,fromValue,to,toValue,percent,source,sourceUnit,referenceDate", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_series_operation_in_the_OpenAPI_document_has_a_typed_response()
    {
        var doc = await atlas.Json("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/series") || p.Key == "/api/facts/{id}/check").ToList();
        Assert.Equal(6, paths.Count);
        foreach (var (path, item) in paths)
        {
            var schema = item!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"];
            Assert.True(schema is JsonObject { Count: > 0 }, $"{path} has no response schema");
        }
        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.Contains("ClaimCheck", schemas.Select(s => s.Key));
        Assert.Contains("adjustment", schemas["SeriesSummary"]!["properties"]!.AsObject().Select(p => p.Key));
    }
}
