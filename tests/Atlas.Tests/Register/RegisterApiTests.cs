using System.Globalization;
using System.Text.Json.Nodes;
using Atlas.Register;

namespace Atlas.Tests.Register;

/// <summary>Search, companies and specialisation over HTTP, with a register loaded.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class RegisterApiTests(RegisterAtlasFixture atlas)
{
    private static List<string> Numbers(JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["enterpriseNumber"]!.GetValue<string>()).ToList();

    [SkippableFact]
    public async Task The_register_says_which_extract_it_holds()
    {
        var info = await atlas.Json("/api/register");
        Assert.Equal(147, info["extract"]!.GetValue<int>());
        Assert.Equal(146, info["fullExtract"]!.GetValue<int>());
        Assert.Equal("update", info["extractType"]!.GetValue<string>());
        Assert.Equal("2025-10-11", info["snapshotDate"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("Proximus")]
    [InlineData("proximus")]
    [InlineData("PROXIM")]                          // the last word is a prefix
    [InlineData("0202.239.951")]
    [InlineData("0202239951")]
    [InlineData("202239951")]
    [InlineData("BE 0202 239 951")]
    [InlineData("2.199.999.986")]                   // an establishment unit number leads to its enterprise
    [InlineData("shop bruxelles centre")]           // the commercial name of an establishment
    public async Task A_company_is_found_by_any_name_or_by_its_number(string query)
    {
        var page = await atlas.Json($"/api/organisations?q={Uri.EscapeDataString(query)}&lang=fr");
        Assert.Equal("0202.239.951", Numbers(page).First());
        var proximus = page["items"]![0]!;
        Assert.Equal("Proximus", proximus["name"]!.GetValue<string>());
        Assert.Equal("proximus", proximus["organisation"]!.GetValue<string>());   // the curated organisation
        Assert.Equal("nis-21015", proximus["seat"]!["id"]!.GetValue<string>());    // Schaerbeek
        Assert.Equal("Société anonyme", proximus["juridicalForm"]!["label"]!.GetValue<string>());
        Assert.Equal("61100", proximus["mainActivity"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Search_ignores_accents_and_case_and_reads_no_query_syntax()
    {
        using var c = atlas.ConnectRegister();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(DISTINCT entity) FROM denomination WHERE name LIKE '%Électricité%' AND entity < 2000000000";
        var expected = Convert.ToInt32(cmd.ExecuteScalar());
        Assert.True(expected > 0);

        foreach (var q in new[] { "electricite", "ÉLECTRICITÉ", "Electricité" })
        {
            var page = await atlas.Json($"/api/organisations?q={Uri.EscapeDataString(q)}&pageSize=1000");
            Assert.True(page["total"]!.GetValue<int>() >= expected, $"{q}: {page["total"]} < {expected}");
        }
        foreach (var hostile in new[] { "\"* OR NEAR(", "a\"b", "-- ;DROP TABLE enterprise", "*" })
        {
            var (status, body, _) = await atlas.Raw($"/api/organisations?q={Uri.EscapeDataString(hostile)}");
            Assert.True(status == 200, body);
        }
    }

    [SkippableFact]
    public async Task Without_q_the_organisations_list_stays_the_curated_list()
    {
        var page = await atlas.Json("/api/organisations");
        Assert.Contains("proximus", page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("organisation", i!["type"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("0202239951")]
    [InlineData("0202.239.951")]
    public async Task A_company_by_number_has_names_form_start_seat_and_establishments(string number)
    {
        var company = await atlas.Json($"/api/organisations/{number}?lang=nl");
        Assert.Equal("0202.239.951", company["enterpriseNumber"]!.GetValue<string>());
        Assert.Equal("Proximus", company["name"]!.GetValue<string>());
        Assert.Contains(company["names"]!.AsArray(), n => n!["type"]!.GetValue<string>() == "abbreviation" && n["name"]!.GetValue<string>() == "PXS");
        Assert.Equal("Naamloze vennootschap", company["juridicalForm"]!["label"]!.GetValue<string>());
        Assert.Equal("1930-01-01", company["startDate"]!.GetValue<string>());
        Assert.Equal("Koning Albert II-laan", company["seat"]!["street"]!.GetValue<string>());
        Assert.Equal("21015", company["seat"]!["municipality"]!["nis"]!.GetValue<string>());
        var establishment = company["establishments"]!.AsArray().Single()!;
        Assert.Equal(RegisterAtlasFixture.ProximusEstablishment, establishment["establishmentNumber"]!.GetValue<string>());
        Assert.Equal("nis-21004", establishment["municipality"]!["id"]!.GetValue<string>());
        Assert.Contains(establishment["activities"]!.AsArray(), a => a!["code"]!.GetValue<string>() == "47420" && a["classification"]!.GetValue<string>() == "MAIN");
        Assert.Contains(company["activities"]!.AsArray(), a => a!["code"]!.GetValue<string>() == "61200" && a["classification"]!.GetValue<string>() == "SECO");
        Assert.Equal("proximus", company["organisation"]!.GetValue<string>());
        Assert.Equal(147, company["register"]!["extract"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_curated_organisation_links_to_its_register_record()
    {
        var ucb = await atlas.Json("/api/organisations/ucb");
        Assert.Equal("ucb", ucb["id"]!.GetValue<string>());
        var register = ucb["register"]!;
        Assert.True(register["found"]!.GetValue<bool>());
        Assert.Equal("0403.053.608", register["enterpriseNumber"]!.GetValue<string>());
        Assert.Equal("nis-21001", register["seat"]!["id"]!.GetValue<string>());      // Anderlecht
        Assert.Equal("/api/organisations/0403.053.608", register["href"]!.GetValue<string>());
        Assert.True((await atlas.Json("/api/organisations/imec"))["register"] is null); // no enterprise number curated
    }

    [SkippableFact]
    public async Task Unknown_or_invalid_numbers_answer_404_and_400()
    {
        var (status, body, _) = await atlas.Raw("/api/organisations/0999.999.999"); // fails the check: not a number, not an alias
        Assert.Equal(404, status);
        (status, body, _) = await atlas.Raw("/api/organisations/0412.345.614");      // a valid number the register lacks
        Assert.Equal(404, status);
        Assert.Contains("enterprise in the register", body);
    }

    private static (int Count, int Total) Cell(Dictionary<(int, int, int, int), int> counts, int unit, int nis, Func<int, bool> code)
    {
        var cells = counts.Where(kv => kv.Key.Item1 == unit && kv.Key.Item2 == 2008 && kv.Key.Item3 == nis).ToList();
        return (cells.Where(kv => code(kv.Key.Item4)).Sum(kv => kv.Value), cells.Sum(kv => kv.Value));
    }

    [SkippableFact]
    public async Task Specialisation_counts_establishments_by_main_activity_as_plain_sql_does()
    {
        // the rule written independently in SQL: MAIN activity of the lowest group, then the lowest code; the
        // municipality of the establishment address
        using var c = atlas.ConnectRegister();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            WITH main AS (
                SELECT entity, nace_code, row_number() OVER (PARTITION BY entity ORDER BY activity_group, substr(nace_code || '00', 1, 7)) AS rn
                FROM activity WHERE classification = 1 AND nace_version = 2008),
            place AS (SELECT entity, min(nis) AS nis FROM address WHERE type = 'BAET' AND nis IS NOT NULL GROUP BY entity)
            SELECT p.nis, substr(m.nace_code, 1, 2), count(*)
            FROM establishment e JOIN place p ON p.entity = e.number JOIN main m ON m.entity = e.number AND m.rn = 1
            WHERE p.nis = 44021 GROUP BY 1, 2
            """;
        var expected = new Dictionary<string, int>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) expected[r.GetString(1)] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
        Assert.NotEmpty(expected);

        var ghent = await atlas.Json("/api/places/ghent/specialisation?level=division&sort=code");
        var unit = ghent["units"]!.AsArray().Single()!;
        Assert.Equal("nis-44021", unit["id"]!.GetValue<string>());
        Assert.Equal("coincides-with", unit["relation"]!.GetValue<string>());
        var actual = unit["rows"]!.AsArray().Where(x => x!["establishments"]!["count"]!.GetValue<int>() > 0)
            .ToDictionary(x => x!["code"]!.GetValue<string>(), x => x!["establishments"]!["count"]!.GetValue<int>());
        Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
        Assert.Equal(expected.Values.Sum(), unit["establishments"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Location_quotients_ranks_and_the_strong_label_follow_the_cluster_mapping_rule()
    {
        var json = await atlas.Json("/api/places/antwerp/specialisation?level=division");
        var unit = json["units"]![0]!;
        Assert.Equal("nis-11002", unit["id"]!.GetValue<string>());

        using var c = atlas.ConnectRegister();
        var counts = SpecCounts.Read(c);
        var municipalities = counts.Keys.Where(k => k.Unit == 1 && k.Version == 2008 && Areas.IsMunicipality(k.Nis)).Select(k => k.Nis).Distinct().ToList();
        var checkedRows = 0;
        foreach (var row in unit["rows"]!.AsArray().Take(15))
        {
            var division = int.Parse(row!["code"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            bool In(int cls) => cls / 100 == division;
            var (count, total) = Cell(counts, 1, 11002, In);
            var (bCount, bTotal) = Cell(counts, 1, RegisterSchema.Belgium, In);
            var est = row["establishments"]!;
            Assert.Equal(count, est["count"]!.GetValue<int>());
            var lq = (double)count / total / ((double)bCount / bTotal);
            Assert.Equal(lq, est["lq"]!.GetValue<double>(), 3);

            var cells = municipalities.Select(m => Cell(counts, 1, m, In)).ToList();
            var present = cells.Where(x => x.Count > 0).ToList();
            var p75 = Atlas.Analytics.Composite.Statistics.Quantile(present.Select(x => (double)x.Count / x.Total / ((double)bCount / bTotal)).ToArray(), 0.75);
            var p25 = Atlas.Analytics.Composite.Statistics.Quantile(present.Select(x => (double)x.Count).ToArray(), 0.25);
            Assert.Equal(count > 0 && lq >= p75 - 1e-9 && count > p25 && lq >= 1, est["strong"]!.GetValue<bool>());
            Assert.Equal(1 + cells.Count(x => x.Count > count), est["rank"]!.GetValue<int>());
            checkedRows++;
        }
        Assert.True(checkedRows > 5);
        // sorted by location quotient, the strong codes listed
        var lqs = unit["rows"]!.AsArray().Select(r => r!["establishments"]!["lq"]?.GetValue<double>() ?? 0).ToList();
        Assert.Equal(lqs.OrderByDescending(x => x), lqs);
        Assert.Equal(unit["rows"]!.AsArray().Where(r => r!["establishments"]!["strong"]!.GetValue<bool>()).Select(r => r!["code"]!.GetValue<string>()),
            unit["strong"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Brussels_is_measured_as_the_city_and_as_the_region_of_19_municipalities()
    {
        var json = await atlas.Json("/api/places/brussels/specialisation?level=section");
        var units = json["units"]!.AsArray();
        Assert.Equal(["nis-21004", "brussels-capital"], units.Select(u => u!["id"]!.GetValue<string>()));
        Assert.Equal(["city-proper", "region"], units.Select(u => u!["relation"]!.GetValue<string>()));
        Assert.Equal("04000", units[1]!["nis"]!.GetValue<string>());
        Assert.All(units[0]!["rows"]!.AsArray(), r => Assert.Matches("^[A-U]$", r!["code"]!.GetValue<string>()));
        Assert.Null(units[1]!["rows"]![0]!["establishments"]!["rank"]);   // an area is not ranked among municipalities

        // the region's establishments are those of its 19 municipalities; its enterprises are counted once each
        using var c = atlas.ConnectRegister();
        var counts = SpecCounts.Read(c);
        var brussels = counts.Where(k => k.Key.Unit == 1 && k.Key.Version == 2008 && k.Key.Nis / 1000 == 21 && Areas.IsMunicipality(k.Key.Nis)).ToList();
        Assert.Equal(19, brussels.Select(k => k.Key.Nis).Distinct().Count());
        Assert.Equal(brussels.Sum(k => k.Value), units[1]!["establishments"]!.GetValue<int>());
        var enterpriseSum = counts.Where(k => k.Key.Unit == 2 && k.Key.Version == 2008 && k.Key.Nis / 1000 == 21 && Areas.IsMunicipality(k.Key.Nis)).Sum(k => k.Value);
        Assert.True(units[1]!["enterprises"]!.GetValue<int>() <= enterpriseSum);
    }

    [SkippableFact]
    public async Task Louvain_la_neuve_is_measured_by_its_municipality_and_nace_2025_is_available()
    {
        var json = await atlas.Json("/api/places/louvain-la-neuve/specialisation?level=group&nace=2025");
        var unit = json["units"]!.AsArray().Single()!;
        Assert.Equal("nis-25121", unit["id"]!.GetValue<string>());
        Assert.Equal("town-in", unit["relation"]!.GetValue<string>());
        Assert.Equal("2025", json["nace"]!.GetValue<string>());
        Assert.All(unit["rows"]!.AsArray(), r => Assert.Matches("^[0-9]{3}$", r!["code"]!.GetValue<string>()));
        var muni = await atlas.Json("/api/places/25121/specialisation?level=class");
        Assert.All(muni["units"]![0]!["rows"]!.AsArray(), r => Assert.Matches("^[0-9]{4}$", r!["code"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Specialisation_is_downloadable_as_csv_and_checks_its_parameters()
    {
        var (status, body, type) = await atlas.Raw("/api/places/ghent/specialisation.csv?level=division");
        Assert.Equal(200, status);
        Assert.Equal("text/csv", type);
        var header = body.Split("\r\n")[0];
        Assert.StartsWith("place,unit,unitLabel,nis,level,nace,code,label,establishments.count,establishments.share,establishments.lq", header);
        Assert.Contains("enterprises.strong", header);
        Assert.True(body.Split("\r\n").Length > 10);

        Assert.Equal(400, (await atlas.Raw("/api/places/ghent/specialisation?level=subsector")).Status);
        Assert.Equal(400, (await atlas.Raw("/api/places/ghent/specialisation?nace=2003")).Status);
        Assert.Equal(404, (await atlas.Raw("/api/places/atlantis/specialisation")).Status);
        var (s, merged, _) = await atlas.Raw("/api/places/nis-11007/specialisation");   // Borsbeek, merged into Antwerpen
        Assert.Equal(400, s);
        Assert.Contains("merged", merged);
    }
}

/// <summary>
/// Without a register: the register's own questions answer 409 and say how to load one; the analyses answer from
/// Statbel's data, and asking them for the register by name answers 409 too.
/// </summary>
[Collection(AtlasCollection.Name)]
public class NoRegisterTests(AtlasFixture atlas)
{
    [SkippableTheory]
    [InlineData("/api/register")]
    [InlineData("/api/organisations?q=proximus")]
    [InlineData("/api/organisations/0202.239.951")]
    [InlineData("/api/places/ghent/specialisation?level=division&source=kbo")]
    [InlineData("/api/places/ghent/specialisation.csv?source=kbo")]
    [InlineData("/api/places/ghent/opportunities?source=kbo")]
    [InlineData("/api/places/brussels/similar?top=5&source=kbo")]
    [InlineData("/api/places/ghent/opportunities?format=csv&source=kbo")]
    [InlineData("/api/complexity/activities?source=kbo")]
    [InlineData("/api/complexity/municipalities.csv?source=kbo")]
    [InlineData("/api/index?source=kbo")]
    [InlineData("/api/places/ghent/index?source=kbo")]
    public async Task A_question_for_the_register_says_none_is_loaded(string path)
    {
        var (status, body, response) = await atlas.Raw(path);
        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("atlas import kbo", body!.ToJsonString());
        Assert.Contains("No enterprise register loaded", body["title"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("/api/places/ghent/specialisation?level=division")]
    [InlineData("/api/places/ghent/opportunities")]
    [InlineData("/api/places/brussels/similar?top=5")]
    [InlineData("/api/places/ghent/index")]
    [InlineData("/api/index?pageSize=5")]
    [InlineData("/api/complexity/activities?pageSize=5")]
    public async Task The_analyses_answer_from_statbels_data_and_say_so(string path)
    {
        var body = await atlas.Json(path);
        var source = body["source"]!;
        Assert.Equal("statbel-vat-2019", source["id"]!.GetValue<string>());
        Assert.Equal("2019-12-31", source["referenceDate"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(source["unit"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("/api/places/ghent/specialisation.csv")]
    [InlineData("/api/complexity/municipalities.csv")]
    public async Task The_csv_of_an_analysis_names_its_source(string path)
    {
        using var response = await atlas.Client.GetAsync(path);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, csv);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("statbel-vat-2019", csv);
    }

    [SkippableTheory]
    [InlineData("/api/places/ghent/specialisation?source=eurostat")]
    [InlineData("/api/index?source=eurostat")]
    [InlineData("/api/complexity/activities?source=eurostat")]
    public async Task An_unknown_source_is_a_bad_request_that_lists_the_sources(string path)
    {
        var (status, body, _) = await atlas.Raw(path);
        Assert.Equal(400, status);
        Assert.Contains("eurostat", body!["detail"]!.GetValue<string>());
        Assert.Contains("statbel-vat-2019", body["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_curated_organisation_says_its_register_record_is_not_loaded()
    {
        var proximus = await atlas.Json("/api/organisations/proximus");
        Assert.False(proximus["register"]!["loaded"]!.GetValue<bool>());
        Assert.Equal("0202.239.951", proximus["register"]!["enterpriseNumber"]!.GetValue<string>());
    }
}

/// <summary>Claims of the article held against the register: evidence beside each sector claim of a city.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class ClaimEvidenceTests(RegisterAtlasFixture atlas)
{
    private static readonly Dictionary<string, string> Curated = Atlas.Data.Validator.Run(TestPaths.DataDir).Data.Facts
        .ToDictionary(f => f.Id, f => Atlas.Model.Slugs.Of(f.Status));

    [SkippableFact]
    public async Task Every_sector_claim_of_a_city_carries_the_register_evidence_and_a_status()
    {
        var facts = await atlas.Json("/api/facts?predicate=innovates-in&pageSize=1000");
        var cities = new HashSet<string> { "brussels", "antwerp", "ghent", "charleroi", "liege", "louvain-la-neuve", "bruges" };
        var claims = facts["items"]!.AsArray().Select(f => f!.AsObject()).Where(f => cities.Contains(f["subject"]!.GetValue<string>())).ToList();
        Assert.True(claims.Count >= 20);
        foreach (var claim in claims)
        {
            var evidence = claim["evidence"];
            Assert.True(evidence is not null, $"{claim["id"]} has no evidence");
            var units = evidence!["units"]!.AsArray();
            Assert.Equal(claim["subject"]!.GetValue<string>() == "brussels" ? 2 : 1, units.Count);
            var strong = units.Any(u => u!["strong"]!.GetValue<bool>());
            Assert.Equal(strong ? "confirmed" : "not-confirmed", evidence["status"]!.GetValue<string>());
            // the curated status is left as the data files have it, whatever the register says
            Assert.Equal(Curated[claim["id"]!.GetValue<string>()], claim["status"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task Ghents_textile_claim_is_confirmed_with_the_figures_of_its_nace_divisions()
    {
        var fact = (await atlas.Json("/api/facts?subject=ghent&predicate=innovates-in&pageSize=1000"))["items"]!.AsArray()
            .Single(f => f!["object"]!.GetValue<string>() == "textile")!;
        var evidence = fact["evidence"]!;
        Assert.Equal(["13", "14"], evidence["codes"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("confirmed", evidence["status"]!.GetValue<string>());
        var ghent = evidence["units"]![0]!;
        Assert.Equal("nis-44021", ghent["id"]!.GetValue<string>());
        Assert.True(ghent["strong"]!.GetValue<bool>());
        Assert.Equal(1, ghent["rank"]!.GetValue<int>());

        // the same numbers as the specialisation by division: divisions 13 and 14 together
        var spec = await atlas.Json("/api/places/ghent/specialisation?level=division&sort=code");
        var rows = spec["units"]![0]!["rows"]!.AsArray().Where(r => r!["code"]!.GetValue<string>() is "13" or "14").ToList();
        var count = rows.Sum(r => r!["establishments"]!["count"]!.GetValue<int>());
        Assert.Equal(count, ghent["establishments"]!.GetValue<int>());
        Assert.True(count >= RegisterAtlasFixture.TextileWorkshops);
        var share = (double)count / spec["units"]![0]!["establishments"]!.GetValue<int>();
        Assert.Equal(share, ghent["share"]!.GetValue<double>(), 5);
    }

    [SkippableFact]
    public async Task The_city_page_shows_the_register_evidence_beside_each_sector()
    {
        var html = await atlas.Client.GetStringAsync("/en/places/ghent");
        Assert.Contains("In the register (KBO/BCE)", html);
        Assert.Contains("confirmed by data", html);
        Assert.Contains("strong specialisation", html);
        Assert.DoesNotContain("The enterprise register is not loaded", html);
        var dutch = await atlas.Client.GetStringAsync("/nl/places/charleroi");
        Assert.Contains("niet bevestigd door de gegevens", dutch);
    }

    [SkippableFact]
    public async Task A_claim_without_register_support_is_not_confirmed_but_kept()
    {
        // Charleroi and aeronautics (30.30): the synthetic register has (almost) no such establishment there
        var place = await atlas.Json("/api/places/charleroi");
        var fact = place["facts"]!.AsArray().Single(f => f!["predicate"]!.GetValue<string>() == "innovates-in" && f["object"]!.GetValue<string>() == "aeronautics")!;
        Assert.Equal("not-confirmed", fact["evidence"]!["status"]!.GetValue<string>());
        Assert.False(fact["evidence"]!["units"]![0]!["strong"]!.GetValue<bool>());
        Assert.Equal("asserted", fact["status"]!.GetValue<string>());
        Assert.NotNull(fact["locator"]);
    }
}

/// <summary>Without a register, each sector claim of a city carries Statbel's evidence alone; the claim is left as curated.</summary>
[Collection(AtlasCollection.Name)]
public class StatbelEvidenceWithoutRegisterTests(AtlasFixture atlas)
{
    [SkippableFact]
    public async Task Without_a_register_sector_claims_carry_statbels_evidence()
    {
        var facts = await atlas.Json("/api/facts?predicate=innovates-in&pageSize=1000");
        var cities = new HashSet<string> { "brussels", "antwerp", "ghent", "charleroi", "liege", "louvain-la-neuve", "bruges" };
        var claims = facts["items"]!.AsArray().Select(f => f!.AsObject()).Where(f => cities.Contains(f["subject"]!.GetValue<string>())).ToList();
        Assert.True(claims.Count >= 20);
        foreach (var claim in claims)
        {
            var evidence = claim["evidence"]!;
            Assert.Equal("statbel-vat-2019", evidence["source"]!["id"]!.GetValue<string>());
            Assert.Single(claim["evidenceBySource"]!.AsArray());
            Assert.Null(claim["evidenceAgreement"]);
            var strong = evidence["units"]!.AsArray().Any(u => u!["strong"]!.GetValue<bool>());
            Assert.Equal(strong ? "confirmed" : "not-confirmed", evidence["status"]!.GetValue<string>());
        }
    }
}

/// <summary>The same tests with the register imported into PostgreSQL.</summary>
[Collection(Postgres.PostgresRegisterAtlasFixture.Collection)]
public sealed class RegisterApiTestsOnPostgres : RegisterApiTests
{
    public RegisterApiTestsOnPostgres(Postgres.PostgresRegisterAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
