using System.Text.Json.Nodes;
using Atlas.Statbel;
using Atlas.Tests.Register;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Statbel;

/// <summary>
/// With both sources at hand (a test register and the shipped Statbel data), the same endpoint answers from the one
/// asked for: each answer equals its own recomputation — from the register's tables in plain SQL, from Statbel's
/// raw file by the test's own reading — and says which source, unit and date it is.
/// </summary>
[Collection(RegisterAtlasFixture.Collection)]
public class SourceChoiceTests(RegisterAtlasFixture atlas)
{
    private static readonly IReadOnlyList<RawVatRow> Raw = StatbelFixture.ReadRaw(Path.Combine(TestPaths.DataDir, StatbelLoader.VatFile));

    private static Dictionary<string, int> Counts(JsonNode unit, string measure) => unit["rows"]!.AsArray()
        .Where(x => x![measure]?["count"]?.GetValue<int>() > 0)
        .ToDictionary(x => x!["code"]!.GetValue<string>(), x => x![measure]!["count"]!.GetValue<int>());

    [Fact]
    public async Task Specialisation_from_the_register_equals_the_registers_own_recomputation()
    {
        using var c = new SqliteConnection($"Data Source={atlas.RegisterPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        // establishment units under their MAIN activity (lowest group, then lowest code), where their address is
        cmd.CommandText = """
            WITH main AS (
                SELECT entity, nace_code, row_number() OVER (PARTITION BY entity ORDER BY activity_group, substr(nace_code || '00', 1, 7)) AS rn
                FROM activity WHERE classification = 1 AND nace_version = 2008),
            place AS (SELECT entity, min(nis) AS nis FROM address WHERE type = 'BAET' AND nis IS NOT NULL GROUP BY entity)
            SELECT substr(m.nace_code, 1, 2), count(*)
            FROM establishment e JOIN place p ON p.entity = e.number JOIN main m ON m.entity = e.number AND m.rn = 1
            WHERE p.nis = 44021 GROUP BY 1
            """;
        var expected = new Dictionary<string, int>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) expected[r.GetString(0)] = r.GetInt32(1);

        var json = await atlas.Json("/api/places/ghent/specialisation?level=division&source=kbo&lang=en");
        Assert.Equal("kbo", json["source"]!["id"]!.GetValue<string>());
        Assert.Equal("establishment units by main activity", json["source"]!["unit"]!.GetValue<string>());
        Assert.Equal("2025-10-11", json["source"]!["referenceDate"]!.GetValue<string>());
        Assert.Equal(expected.OrderBy(kv => kv.Key), Counts(json["units"]![0]!, "establishments").OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Specialisation_from_statbel_equals_the_raw_files_own_recomputation()
    {
        static bool Known(RawVatRow r) => r.Nace != "XXXXX";   // "1071X": class known, sub-class not
        var expected = Raw.Where(r => r.Refnis == "44021" && Known(r)).GroupBy(r => r.Nace[..2])
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Enterprises));
        var ghent = expected.Values.Sum();
        var belgium = Raw.Where(r => StatbelFixture.InBelgium(r) && Known(r)).ToList();
        double belgium13 = belgium.Where(r => r.Nace.StartsWith("13")).Sum(r => r.Enterprises), belgiumAll = belgium.Sum(r => r.Enterprises);

        var json = await atlas.Json("/api/places/ghent/specialisation?level=division&source=statbel-vat-2019&lang=en");
        Assert.Equal("statbel-vat-2019", json["source"]!["id"]!.GetValue<string>());
        Assert.Equal("VAT-registered enterprises by seat", json["source"]!["unit"]!.GetValue<string>());
        Assert.Equal("2019-12-31", json["source"]!["referenceDate"]!.GetValue<string>());
        var unit = json["units"]![0]!;
        Assert.Equal(expected.OrderBy(kv => kv.Key), Counts(unit, "enterprises").OrderBy(kv => kv.Key));
        var textiles = unit["rows"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "13")!["enterprises"]!;
        Assert.Equal(expected["13"] / (double)ghent / (belgium13 / belgiumAll), textiles["lq"]!.GetValue<double>(), 3);
        // Statbel counts no establishments: the register's measure is absent, not zero
        Assert.All(unit["rows"]!.AsArray(), r => Assert.Null(r!["establishments"]));
    }

    [Fact]
    public async Task The_index_and_the_complexity_panel_follow_the_source_asked_for()
    {
        var statbel = await atlas.Json("/api/complexity/municipalities?source=statbel-vat-2019");
        var kbo = await atlas.Json("/api/complexity/municipalities?source=kbo");
        Assert.Equal(565, statbel["municipalities"]!.GetValue<int>());
        Assert.Equal(atlas.Services.Complexity.Panel("kbo").Result.Regions.Count, kbo["municipalities"]!.GetValue<int>());
        Assert.Equal("kbo", (await atlas.Json("/api/complexity/municipalities"))["source"]!["id"]!.GetValue<string>());   // the default, with a register

        var indexStatbel = await atlas.Json("/api/index?source=statbel-vat-2019&pageSize=1");
        Assert.Equal(565, indexStatbel["total"]!.GetValue<int>());
        var indexKbo = await atlas.Json("/api/index?source=kbo&pageSize=1");
        Assert.Equal(atlas.Services.Index.Index("kbo").Entries.Count, indexKbo["total"]!.GetValue<int>());
        // with the register primary, its young enterprises are measured and Statbel's flows are borrowed
        var sources = indexKbo["indicators"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["source"]!.GetValue<string>());
        Assert.Equal("kbo", sources["young"]);
        Assert.Equal("statbel-vat-2019", sources["creation"]);
        Assert.Equal("kbo", sources["kis"]);
        Assert.Empty(indexKbo["leftOut"]!.AsArray());
    }

    [Fact]
    public async Task Each_sector_claim_shows_the_evidence_of_both_sources_and_whether_they_agree()
    {
        var facts = await atlas.Json("/api/facts?predicate=innovates-in&pageSize=1000");
        var claims = facts["items"]!.AsArray().Where(f => f!["evidenceBySource"] is not null).ToList();
        Assert.True(claims.Count >= 20);
        foreach (var claim in claims)
        {
            var bySource = claim!["evidenceBySource"]!.AsArray();
            Assert.Equal(["kbo", "statbel-vat-2019"], bySource.Select(e => e!["source"]!["id"]!.GetValue<string>()));
            var statuses = bySource.Select(e => e!["status"]!.GetValue<string>()).Distinct().Count();
            Assert.Equal(statuses == 1 ? "agree" : "disagree", claim["evidenceAgreement"]!.GetValue<string>());
        }
        Assert.Contains(claims, c => c!["evidenceAgreement"]!.GetValue<string>() == "disagree");

        var page = await atlas.Client.GetStringAsync("/en/places/ghent");
        Assert.Contains("In the register (KBO/BCE)", page);
        Assert.Contains("In Statbel’s VAT data (2019)", page);
    }

    [Fact]
    public async Task A_page_offers_the_other_source_and_shows_the_one_asked_for()
    {
        var page = await atlas.Client.GetStringAsync("/en/places/ghent");
        Assert.Contains("href=\"/en/places/ghent?source=statbel-vat-2019#opportunities\"", page);
        var statbel = await atlas.Client.GetStringAsync("/en/places/ghent?source=statbel-vat-2019");
        Assert.Contains("VAT-registered enterprises by seat, 31 December 2019", statbel);
        Assert.Contains("href=\"/en/places/ghent?source=kbo#opportunities\"", statbel);
        var scoreboard = await atlas.Client.GetStringAsync("/en/index?source=statbel-vat-2019");
        Assert.Contains("565 municipalities", scoreboard);
    }
}
