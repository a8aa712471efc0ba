using Atlas.Model;
using Atlas.Sources;

namespace Atlas.Web.OpenData;

/// <summary>
/// The atlas's datasets as a DCAT-AP catalogue: the curated facts, the entities, the places with their boundaries,
/// each statistical source (Statbel's data shipped with the atlas, the register when one is loaded) with the analyses
/// and the Atlas index computed from it, and the official series (<see cref="DcatSeries"/>), each with its version
/// (the data's content hash, the register's extract, Statbel's reference date, the series' last import). A licence
/// the atlas knows only by name (Statbel's, the KBO's) is a node of this catalogue that names it.
/// </summary>
public static class DcatCatalog
{
    internal static readonly DcatAgentJson Atlas = new("foaf:Agent", "Belgian Innovation Atlas");
    private static readonly LdNodeRefJson Mit = new("https://spdx.org/licenses/MIT.html") { Type = "dct:LicenseDocument" };
    private static readonly LdNodeRefJson Cc0 = new("http://creativecommons.org/publicdomain/zero/1.0/") { Type = "dct:LicenseDocument" };
    internal static readonly LdNodeRefJson Statbel = Named("statbel", "Statbel open data licence (free reuse with attribution: Statbel, Statistics Belgium)");
    private static readonly LdNodeRefJson Kbo = Named("kbo", "KBO/BCE Open Data licence of the FPS Economy (free reuse with attribution)");

    internal static LdNodeRefJson Named(string id, string name) =>
        new($"/api/catalog#licence-{id}") { Type = "dct:LicenseDocument", Name = [new LdLangStringJson(name, "en")] };

    internal static IReadOnlyList<LdLangStringJson> En(string text) => [new LdLangStringJson(text, "en")];

    internal static DcatDistributionJson Get(string title, string url, string format, LdNodeRefJson licence) => new()
    {
        Title = title, AccessUrl = new LdNodeRefJson(url), DownloadUrl = format is "CSV" or "GeoJSON" or "SDMX-CSV" ? new LdNodeRefJson(url) : null,
        MediaType = new LdNodeRefJson("https://www.iana.org/assignments/media-types/" + format switch
        {
            "CSV" => "text/csv", "SDMX-CSV" => "application/vnd.sdmx.data+csv", "GeoJSON" => "application/geo+json", "JSON-LD" => "application/ld+json", _ => "application/json",
        }),
        Format = format, License = licence,
    };

    public static DcatCatalogJson Of(AtlasServices atlas)
    {
        var s = atlas.Snapshots.Curated;
        var years = s.All<Source>().Select(x => x.Year).OfType<int>().DefaultIfEmpty(2025).ToList();
        var period = new DcatPeriodJson("dct:PeriodOfTime", $"{years.Min()}-01-01", $"{years.Max()}-12-31");
        var version = s.Version.Length > 16 ? s.Version[..16] : s.Version;
        var datasets = new List<DcatDatasetJson>
        {
            new()
            {
                Id = "/api/catalog#facts", Identifier = "facts", Title = En("Facts of the Belgian Innovation Atlas"),
                Description = En($"{s.Facts.Count} sourced statements: subject, predicate, object, quantity, source with its locator and key phrase, status (asserted, confirmed, contradicted) with its evidence; each also as a schema.org Claim with its ClaimReview in JSON-LD."),
                Publisher = Atlas, License = Mit, Temporal = period, Keyword = ["innovation", "industry", "Belgium", "fact-checking"], Version = version,
                Source = s.All<Source>().Select(x => new LdNodeRefJson(LinkedData.EntityId(x))).ToList(),
                Distribution = [Get("facts, paginated", "/api/facts", "JSON", Mit), Get("every fact", "/api/facts.csv", "CSV", Mit),
                    Get("one fact as a Claim", "/api/facts/{id}.jsonld", "JSON-LD", Mit)],
            },
            new()
            {
                Id = "/api/catalog#entities", Identifier = "entities", Title = En("Sectors, technologies, organisations, programmes and sources"),
                Description = En("The entities the facts are about, with their names in French, Dutch and English, aliases, NACE-BEL codes, enterprise numbers and Wikidata items where checked."),
                Publisher = Atlas, License = Mit, Keyword = ["sector", "technology", "organisation", "programme"], Version = version,
                Distribution = [.. new[] { "sectors", "technologies", "organisations", "programmes", "sources" }
                    .SelectMany(t => new[] { Get(t, $"/api/{t}", "JSON", Mit), Get(t, $"/api/{t}.csv", "CSV", Mit), Get($"one of the {t}", $"/api/{t}/{{id}}.jsonld", "JSON-LD", Mit) })],
            },
            new()
            {
                Id = "/api/catalog#places", Identifier = "places", Title = En("Places of Belgium with their boundaries"),
                Description = En("Belgium, its regions, provinces, arrondissements and municipalities (2025, and those merged away) with NIS and NUTS codes and names in three languages; outlines from the municipal boundaries of 2020, the 2025 mergers as unions of their former municipalities."),
                Publisher = Atlas, License = Cc0, Keyword = ["municipality", "boundaries", "NIS", "NUTS"], Version = version,
                Temporal = new DcatPeriodJson("dct:PeriodOfTime", "2020-01-01", "2025-12-31"),
                Distribution = [Get("places", "/api/places", "JSON", Cc0), Get("places", "/api/places.csv", "CSV", Cc0),
                    Get("municipalities with their outlines", "/api/places.geojson", "GeoJSON", Cc0), Get("one place", "/api/places/{id}.jsonld", "JSON-LD", Cc0)],
            },
        };
        foreach (var source in atlas.Snapshots.Sources) datasets.AddRange(SourceDatasets(source));
        datasets.AddRange(DcatSeries.Datasets(atlas.Series));
        return new DcatCatalogJson
        {
            Title = [new("Atlas belge de l’innovation", "fr"), new("Belgische Innovatieatlas", "nl"), new("Belgian Innovation Atlas", "en")],
            Description = En("An open observatory of industrial innovation in Belgium: sourced facts, entities, places, official series and the analyses built on Statbel's data and the enterprise register."),
            Publisher = Atlas, License = Mit, Version = version, Dataset = datasets,
            Modified = atlas.Snapshots.Register?.Info.SnapshotDate,
        };
    }

    /// <summary>A statistical source as the atlas holds it (the register's extract, Statbel's table) and what the atlas computes from it, each derived from it.</summary>
    private static IEnumerable<DcatDatasetJson> SourceDatasets(CountSource source)
    {
        var id = LinkedData.DatasetId(source);
        var version = LinkedData.VersionOf(source);
        var from = new List<LdNodeRefJson> { new(id) };
        var date = source.ReferenceDate?.ToString("yyyy-MM-dd");
        var temporal = date is null ? null : new DcatPeriodJson("dct:PeriodOfTime", date, date);
        var licence = source.Register is null ? Statbel : Kbo;
        var q = $"source={source.Id}";
        if (source.Register is { } info)
            yield return new()
            {
                Id = id, Identifier = $"kbo-{info.ExtractNumber}", Title = En($"KBO/BCE enterprise register, extract {info.ExtractNumber}"),
                Description = En($"The Crossroads Bank for Enterprises' open data ({info.ExtractType} extract {info.ExtractNumber}) as loaded into the atlas: enterprises, establishments, names, addresses and NACE activities."),
                Publisher = new DcatAgentJson("foaf:Agent", "FPS Economy (KBO/BCE)"), License = Kbo, Keyword = ["KBO", "BCE", "enterprises", "register"],
                Version = version, Temporal = temporal,
                Distribution = [Get("what is loaded", "/api/register", "JSON", Kbo), Get("companies by name or number", "/api/organisations?q={name}", "JSON", Kbo)],
            };
        else
            yield return new()
            {
                Id = id, Identifier = source.Id, Title = En("Enterprises subject to VAT by municipality and NACE, 2019, and population"),
                Description = En("Statbel's VAT-registered enterprises at 31 December 2019 by municipality of the seat and NACE-BEL 2008 class, with the registrations and cessations of 2019, and the population on 1 January 2018-2020, shipped with the atlas and read at seed time."),
                Publisher = new DcatAgentJson("foaf:Agent", "Statbel (Statistics Belgium)"), License = Statbel, Keyword = ["VAT", "enterprises", "population", "Statbel"],
                Temporal = new DcatPeriodJson("dct:PeriodOfTime", "2018-01-01", "2020-01-01"), Version = version,
                Distribution = [Get("business dynamics of a place", "/api/places/{id}/dynamics", "JSON", Statbel), Get("business dynamics of a place", "/api/places/{id}/dynamics?format=csv", "CSV", Statbel),
                    Get("places with their 2020 population", "/api/places.csv?kind=municipality", "CSV", Statbel)],
            };
        var key = source.Register is { } r ? r.ExtractNumber.ToString() : source.Id;
        yield return new()
        {
            Id = $"/api/catalog#analyses-{key}", Identifier = $"analyses-{source.Id}", Title = En($"Specialisation and economic complexity of the municipalities ({source.ShortTitle(Lang.En)})"),
            Description = En($"Location quotients by NACE-BEL code, the US Cluster Mapping rule, relatedness and economic complexity (ECI, PCI, density, COG) of every municipality, computed from {source.Title(Lang.En)} ({source.Unit(Lang.En)})."),
            Publisher = Atlas, License = licence, Keyword = ["location quotient", "economic complexity", "relatedness"], Version = version,
            Temporal = temporal, WasDerivedFrom = from,
            Distribution = [Get("specialisation of a place", $"/api/places/{{id}}/specialisation?{q}", "JSON", licence), Get("ECI of every municipality", $"/api/complexity/municipalities?{q}", "JSON", licence),
                Get("ECI of every municipality", $"/api/complexity/municipalities?{q}&format=csv", "CSV", licence), Get("ECI on the map", $"/api/places.geojson?figures=complexity&{q}", "GeoJSON", licence)],
        };
        yield return new()
        {
            Id = $"/api/catalog#index-{key}", Identifier = $"atlas-index-{source.Id}", Title = En($"The Atlas index of Belgian municipalities ({source.ShortTitle(Lang.En)})"),
            Description = En($"A composite index of every municipality with units in {source.Title(Lang.En)}, with the uncertainty of each rank (1,000 Monte Carlo replications)."),
            Publisher = Atlas, License = licence, Keyword = ["composite index", "ranking"], Version = version, Temporal = temporal, WasDerivedFrom = from,
            Distribution = [Get("the index", $"/api/index?{q}", "JSON", licence), Get("the index", $"/api/index?{q}&format=csv", "CSV", licence),
                Get("the index on the map", $"/api/places.geojson?figures=index&{q}", "GeoJSON", licence)],
        };
    }
}
