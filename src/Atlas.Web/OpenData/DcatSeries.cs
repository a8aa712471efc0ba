using Atlas.Series;
using Atlas.Store;
using Atlas.Web.Series;

namespace Atlas.Web.OpenData;

/// <summary>
/// The official series in the DCAT-AP catalogue: one dataset per dataflow (the NBB's industrial production, Statbel's
/// establishment units, each flow imported or fetched), published by its agency, spanning its series' periods,
/// versioned by its last import, with the list as JSON and CSV and each series as SDMX-CSV (every series by name when
/// the flow has a few, an address template for a flow of hundreds).
/// </summary>
public static class DcatSeries
{
    private const int ListedOneByOne = 10;

    public static IEnumerable<DcatDatasetJson> Datasets(SeriesQueries series) =>
        series.List(new SeriesFilter()).GroupBy(s => s.Descriptor.Dataflow).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).Select(Dataset);

    private static DcatDatasetJson Dataset(IGrouping<Dataflow, SeriesInfo> flow)
    {
        var all = flow.ToList();
        var agency = flow.Key.Agency;
        var licence = DcatCatalog.Named($"series-{agency.ToLowerInvariant()}", $"{Publisher(agency)}: open data, free reuse with attribution");
        var concepts = all.Select(s => s.Descriptor.Concept).Distinct().Order(StringComparer.Ordinal).ToList();
        var list = "/api/series" + (concepts.Count == 1 ? "?concept=" + Uri.EscapeDataString(concepts[0]) : "");
        var first = all.Select(s => s.First).OfType<SeriesPeriod>().Select(p => p.Start).DefaultIfEmpty().Min();
        var last = all.Select(s => s.Last).OfType<SeriesPeriod>().Select(p => p.End).DefaultIfEmpty().Max();
        var imported = all.Max(s => s.LastVintage.ImportedAt);
        var sdmx = all.Count <= ListedOneByOne
            ? all.Select(s => DcatCatalog.Get(s.Descriptor.Name ?? s.Id, SeriesApi.Href(s.Id) + "?format=sdmx-csv", "SDMX-CSV", licence))
            : [DcatCatalog.Get($"one of the {all.Count} series", "/api/series/{id}?format=sdmx-csv", "SDMX-CSV", licence)];
        return new DcatDatasetJson
        {
            Id = $"/api/catalog#series-{flow.Key.Agency}.{flow.Key.Id}", Identifier = flow.Key.ToString(),
            Title = DcatCatalog.En($"Official series {flow.Key} ({all.Count} series: {string.Join(", ", concepts)})"),
            Description = DcatCatalog.En($"Time series of the dataflow {flow.Key} as imported into the atlas, each import a vintage whose revisions stay visible (/api/series/vintages)."),
            Publisher = new DcatAgentJson("foaf:Agent", Publisher(agency)), License = licence, Keyword = ["official statistics", "time series", .. concepts],
            Temporal = first == default ? null : new DcatPeriodJson("dct:PeriodOfTime", first.ToString("yyyy-MM-dd"), last.ToString("yyyy-MM-dd")),
            Version = imported.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            Distribution = [DcatCatalog.Get("the series", list, "JSON", licence), DcatCatalog.Get("the series", list + (list.Contains('?') ? "&" : "?") + "format=csv", "CSV", licence), .. sdmx],
        };
    }

    private static string Publisher(string agency) => agency.ToUpperInvariant() switch
    {
        "NBB" or "BE2" => "National Bank of Belgium",
        "STATBEL" => "Statbel (Statistics Belgium)",
        "ESTAT" => "Eurostat",
        _ => agency,
    };
}
