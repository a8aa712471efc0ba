using static Atlas.Tests.OpenData.Rdf;

namespace Atlas.Tests.OpenData;

/// <summary>
/// The JSON-LD of facts, entities and the catalogue, read by a real JSON-LD processor (jsonld.js) into RDF: the
/// triples a fact-checking or linked-data user relies on are there — Claim, its statement, where it appears (the key
/// phrase in the article), its date, its ClaimReview with the evidence; the catalogue's datasets with their licence.
/// </summary>
[Collection(AtlasCollection.Name)]
public class LinkedDataTests(AtlasFixture atlas)
{
    [SkippableFact]
    public async Task A_contradicted_fact_is_a_claim_that_appears_in_the_article_with_a_review_citing_its_evidence()
    {
        var rdf = await Read(atlas.Client, "/api/facts/brussels-hosts-imec.jsonld");
        var claim = Iri("/api/facts/brussels-hosts-imec");
        Has(rdf, claim, RdfType, Schema + "Claim>");
        Assert.Contains(rdf, q => q.Subject == claim && q.Predicate == Schema + "text>" && q.Object.EndsWith("@fr"));
        Assert.Equal(3, rdf.Count(q => q.Subject == claim && q.Predicate == Schema + "text>"));
        Has(rdf, claim, Schema + "about>", Iri("/api/places/brussels"));
        Has(rdf, claim, Schema + "datePublished>", "\"2025\"");

        // the article as appearance: the key phrase, verbatim and in French, as a quotation that is part of the article
        var quotation = One(rdf, claim, Schema + "appearance>");
        Has(rdf, quotation, RdfType, Schema + "Quotation>");
        Has(rdf, quotation, Schema + "text>", "\"comme IMEC en microélectronique\"@fr");
        Has(rdf, quotation, Schema + "isPartOf>", Iri("/api/sources/article-7-cities"));
        Has(rdf, Iri("/api/sources/article-7-cities"), Schema + "name>", "\"7 villes belges au cœur de l’innovation industrielle\"");

        // its status as a ClaimReview that cites the fact showing it, with that fact's own source
        var review = Iri("/api/facts/brussels-hosts-imec#review");
        Has(rdf, claim, Schema + "review>", review);
        Has(rdf, review, RdfType, Schema + "ClaimReview>");
        Has(rdf, review, Schema + "itemReviewed>", claim);
        Has(rdf, One(rdf, review, Schema + "reviewRating>"), Schema + "alternateName>", "\"contradicted\"");
        var evidence = Iri("/api/facts/leuven-hosts-imec");
        Has(rdf, review, Schema + "citation>", evidence);
        Has(rdf, One(rdf, evidence, Schema + "appearance>"), Schema + "isPartOf>", Iri("/api/sources/datanews-imec-heverlee"));
    }

    [SkippableFact]
    public async Task A_place_carries_its_nis_and_nuts_codes_and_an_organisation_its_wikidata_item()
    {
        var ghent = await Read(atlas.Client, "/api/places/Gent.jsonld");
        var place = Iri("/api/places/ghent");
        Has(ghent, place, RdfType, Schema + "City>");
        Has(ghent, place, Schema + "name>", "\"Gent\"@nl");
        var codes = ghent.Where(q => q.Subject == place && q.Predicate == Schema + "identifier>")
            .ToDictionary(q => One(ghent, q.Object, Schema + "propertyID>"), q => One(ghent, q.Object, Schema + "value>"));
        Assert.Equal("\"44021\"", codes["\"NIS\""]);
        Assert.Equal("\"BE234\"", codes["\"NUTS\""]);
        Has(ghent, place, Schema + "hasMap>", "\"/api/places/ghent.geojson\"");
        Has(ghent, place, Schema + "subjectOf>", Iri("/api/facts/ghent-innovates-in-textile"));

        // an organisation with its enterprise number (the data has no checked Wikidata item yet: none is invented)
        var proximus = await Read(atlas.Client, "/api/organisations/proximus.jsonld");
        var kbo = proximus.Single(q => q.Subject == Iri("/api/organisations/proximus") && q.Predicate == Schema + "identifier>").Object;
        Has(proximus, kbo, Schema + "propertyID>", "\"KBO\"");
        Has(proximus, kbo, Schema + "value>", "\"0202.239.951\"");
    }

    [SkippableFact]
    public async Task The_catalogue_is_a_dcat_catalogue_of_datasets_with_licence_publisher_coverage_and_distributions()
    {
        var rdf = await Read(atlas.Client, "/api/catalog");
        var catalog = Iri("/api/catalog");
        Has(rdf, catalog, RdfType, Dcat + "Catalog>");
        var datasets = rdf.Where(q => q.Subject == catalog && q.Predicate == Dcat + "dataset>").Select(q => q.Object).ToList();
        // the curated data, Statbel's data with what the atlas computes from it, the official series by dataflow
        Assert.Subset(datasets.ToHashSet(), new[] { "entities", "facts", "places", "statbel-vat-2019", "analyses-statbel-vat-2019", "index-statbel-vat-2019" }
            .Select(d => Iri("/api/catalog#" + d)).ToHashSet());
        Assert.Contains(Iri("/api/catalog#series-NBB.INDUSTRIAL_PROD"), datasets);
        Assert.Equal(6 + datasets.Count(d => d.StartsWith(Iri("/api/catalog#series-")[..^1])), datasets.Count);
        foreach (var dataset in datasets)
        {
            Has(rdf, dataset, RdfType, Dcat + "Dataset>");
            One(rdf, dataset, Dct + "license>");
            Assert.Contains(rdf, q => q.Subject == One(rdf, dataset, Dct + "publisher>") && q.Predicate == "<http://xmlns.com/foaf/0.1/name>");
            var distributions = rdf.Where(q => q.Subject == dataset && q.Predicate == Dcat + "distribution>").Select(q => q.Object).ToList();
            Assert.NotEmpty(distributions);
            Assert.All(distributions, d => Assert.StartsWith("<", One(rdf, d, Dcat + "accessURL>")));
            Assert.All(distributions, d => Assert.StartsWith("<https://www.iana.org/assignments/media-types/", One(rdf, d, Dcat + "mediaType>")));
        }
        var period = One(rdf, Iri("/api/catalog#facts"), Dct + "temporal>");
        Assert.True(string.CompareOrdinal(One(rdf, period, Dcat + "startDate>"), One(rdf, period, Dcat + "endDate>")) < 0);
        Has(rdf, Iri("/api/catalog#places"), Dct + "license>", "<http://creativecommons.org/publicdomain/zero/1.0/>");
        Assert.Contains(rdf, q => q.Predicate == Dcat + "mediaType>" && q.Object == "<https://www.iana.org/assignments/media-types/application/geo+json>");
        Has(rdf, Iri("/api/catalog#index-statbel-vat-2019"), Prov + "wasDerivedFrom>", Iri("/api/catalog#statbel-vat-2019"));
        Has(rdf, Iri("/api/catalog#statbel-vat-2019"), Dcat + "version>", "\"2019-12-31\"");
        var series = rdf.Where(q => q.Subject == Iri("/api/catalog#series-NBB.INDUSTRIAL_PROD") && q.Predicate == Dcat + "distribution>").Select(q => q.Object).ToList();
        Assert.Contains(series, d => One(rdf, d, Dcat + "mediaType>") == "<https://www.iana.org/assignments/media-types/application/vnd.sdmx.data+csv>");
    }

    [SkippableFact]
    public async Task Without_a_register_the_figures_behind_a_claim_and_a_place_are_derived_from_statbel()
    {
        var rdf = await Read(atlas.Client, "/api/facts/ghent-innovates-in-textile.jsonld");
        var lq = Iri("/api/facts/ghent-innovates-in-textile#lq-statbel-vat-2019-44021");
        Has(rdf, Iri("/api/facts/ghent-innovates-in-textile#review"), Schema + "isBasedOn>", lq);
        Has(rdf, lq, Prov + "wasDerivedFrom>", Iri("/api/catalog#statbel-vat-2019"));
        Has(rdf, Iri("/api/catalog#statbel-vat-2019"), Dcat + "version>", "\"2019-12-31\"");
        Has(rdf, One(rdf, lq, Prov + "wasGeneratedBy>"), Prov + "used>", Iri("/api/catalog#statbel-vat-2019"));

        var ghent = await Read(atlas.Client, "/api/places/ghent.jsonld");
        var figures = ghent.Where(q => q.Subject == Iri("/api/places/ghent") && q.Predicate == Schema + "additionalProperty>").Select(q => q.Object).ToList();
        Assert.Equal(["\"atlas-index-score\"", "\"eci\""], figures.Select(f => One(ghent, f, Schema + "propertyID>")).Order());
        Assert.All(figures, f => Has(ghent, f, Prov + "wasDerivedFrom>", Iri("/api/catalog#statbel-vat-2019")));
    }

    [Fact]
    public async Task Each_entity_and_fact_page_links_its_json_ld()
    {
        foreach (var (page, linked) in new[] { ("/en/places/ghent", "/api/places/ghent.jsonld"), ("/fr/facts/brussels-hosts-imec", "/api/facts/brussels-hosts-imec.jsonld"),
                     ("/nl/organisations/imec", "/api/organisations/imec.jsonld") })
        {
            var html = System.Net.WebUtility.HtmlDecode(await atlas.Client.GetStringAsync(page));
            Assert.Contains($"<link rel=\"alternate\" type=\"application/ld+json\" href=\"{linked}\"", html);
            var response = await atlas.Client.GetAsync(linked);
            Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(404, (await atlas.Raw("/api/facts/no-such-fact.jsonld")).Status);
    }
}
