using Atlas.Model;
using Atlas.Register;

namespace Atlas.Web.OpenData;

/// <summary>
/// The atlas's datasets as a DCAT-AP catalogue: the curated facts, the entities, the places with their boundaries,
/// Statbel's data shipped with the atlas, and — when a register is loaded — the register, the analyses computed from
/// it and the Atlas index, each with its version (the data's content hash, the register's extract). A licence the
/// atlas knows only by name (Statbel's, the KBO's) is a node of this catalogue that names it.
/// </summary>
public static class DcatCatalog
{
    private static readonly DcatAgentJson Atlas = new("foaf:Agent", "Belgian Innovation Atlas");
    private static readonly LdNodeRefJson Mit = new("https://spdx.org/licenses/MIT.html") { Type = "dct:LicenseDocument" };
    private static readonly LdNodeRefJson Cc0 = new("http://creativecommons.org/publicdomain/zero/1.0/") { Type = "dct:LicenseDocument" };
    private static readonly LdNodeRefJson Statbel = Named("statbel", "Statbel open data licence (free reuse with attribution: Statbel, Statistics Belgium)");
    private static readonly LdNodeRefJson Kbo = Named("kbo", "KBO/BCE Open Data licence of the FPS Economy (free reuse with attribution)");

    private static LdNodeRefJson Named(string id, string name) =>
        new($"/api/catalog#licence-{id}") { Type = "dct:LicenseDocument", Name = [new LdLangStringJson(name, "en")] };

    private static IReadOnlyList<LdLangStringJson> En(string text) => [new LdLangStringJson(text, "en")];

    private static DcatDistributionJson Get(string title, string url, string format, LdNodeRefJson licence) => new()
    {
        Title = title, AccessUrl = new LdNodeRefJson(url), DownloadUrl = format is "CSV" or "GeoJSON" ? new LdNodeRefJson(url) : null,
        MediaType = new LdNodeRefJson("https://www.iana.org/assignments/media-types/" + format switch
        {
            "CSV" => "text/csv", "GeoJSON" => "application/geo+json", "JSON-LD" => "application/ld+json", _ => "application/json",
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
            new()
            {
                Id = "/api/catalog#statbel", Identifier = "statbel-vat-2019", Title = En("Enterprises subject to VAT by municipality and NACE, 2019, and population"),
                Description = En("Statbel's VAT-registered enterprises at 31 December 2019 by municipality of the seat and NACE-BEL 2008 class, and the population on 1 January 2018-2020, shipped with the atlas and read at seed time."),
                Publisher = new DcatAgentJson("foaf:Agent", "Statbel (Statistics Belgium)"), License = Statbel, Keyword = ["VAT", "enterprises", "population", "Statbel"],
                Temporal = new DcatPeriodJson("dct:PeriodOfTime", "2018-01-01", "2020-01-01"), Version = "2019",
                Distribution = [Get("places with their 2020 population", "/api/places.csv?kind=municipality", "CSV", Statbel)],
            },
        };
        if (atlas.Snapshots.Register is { } register) datasets.AddRange(RegisterDatasets(register.Info));
        return new DcatCatalogJson
        {
            Title = [new("Atlas belge de l’innovation", "fr"), new("Belgische Innovatieatlas", "nl"), new("Belgian Innovation Atlas", "en")],
            Description = En("An open observatory of industrial innovation in Belgium: sourced facts, entities, places and the analyses built on the enterprise register."),
            Publisher = Atlas, License = Mit, Version = version, Dataset = datasets,
            Modified = atlas.Snapshots.Register?.Info.SnapshotDate,
        };
    }

    /// <summary>The register and what the atlas computes from it: each derived from the register's extract.</summary>
    private static IEnumerable<DcatDatasetJson> RegisterDatasets(RegisterInfo info)
    {
        var from = new List<LdNodeRefJson> { new(LinkedData.Register(info).Id) };
        var temporal = info.SnapshotDate is { } d ? new DcatPeriodJson("dct:PeriodOfTime", d, d) : null;
        yield return new()
        {
            Id = LinkedData.Register(info).Id, Identifier = $"kbo-{info.ExtractNumber}", Title = En($"KBO/BCE enterprise register, extract {info.ExtractNumber}"),
            Description = En($"The Crossroads Bank for Enterprises' open data ({info.ExtractType} extract {info.ExtractNumber}) as loaded into the atlas: enterprises, establishments, names, addresses and NACE activities."),
            Publisher = new DcatAgentJson("foaf:Agent", "FPS Economy (KBO/BCE)"), License = Kbo, Keyword = ["KBO", "BCE", "enterprises", "register"],
            Version = info.ExtractNumber.ToString(), Temporal = temporal,
            Distribution = [Get("what is loaded", "/api/register", "JSON", Kbo), Get("companies by name or number", "/api/organisations?q={name}", "JSON", Kbo)],
        };
        yield return new()
        {
            Id = $"/api/catalog#analyses-{info.ExtractNumber}", Identifier = "analyses", Title = En("Specialisation and economic complexity of the municipalities"),
            Description = En("Location quotients by NACE-BEL code, the US Cluster Mapping rule, relatedness and economic complexity (ECI, PCI, density, COG) of every municipality, computed from the register."),
            Publisher = Atlas, License = Kbo, Keyword = ["location quotient", "economic complexity", "relatedness"], Version = info.ExtractNumber.ToString(),
            Temporal = temporal, WasDerivedFrom = from,
            Distribution = [Get("specialisation of a place", "/api/places/{id}/specialisation", "JSON", Kbo), Get("ECI of every municipality", "/api/complexity/municipalities", "JSON", Kbo),
                Get("ECI of every municipality", "/api/complexity/municipalities?format=csv", "CSV", Kbo), Get("ECI on the map", "/api/places.geojson?figures=complexity", "GeoJSON", Kbo)],
        };
        yield return new()
        {
            Id = $"/api/catalog#index-{info.ExtractNumber}", Identifier = "atlas-index", Title = En("The Atlas index of Belgian municipalities"),
            Description = En("A composite index of every municipality with establishments in the register, with the uncertainty of each rank (1,000 Monte Carlo replications)."),
            Publisher = Atlas, License = Kbo, Keyword = ["composite index", "ranking"], Version = info.ExtractNumber.ToString(), Temporal = temporal, WasDerivedFrom = from,
            Distribution = [Get("the index", "/api/index", "JSON", Kbo), Get("the index", "/api/index?format=csv", "CSV", Kbo),
                Get("the index on the map", "/api/places.geojson?figures=index", "GeoJSON", Kbo)],
        };
    }
}
