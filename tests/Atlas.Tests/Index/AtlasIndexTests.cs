using Atlas.AtlasIndex;
using System.Text.Json.Nodes;
using Atlas.Data;
using Atlas.Tests.Register;
using Atlas.Diagnostics;

namespace Atlas.Tests.Index;

/// <summary>The Atlas index on the generated register: scores, ranks, intervals, groups, reproducibility, API.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class AtlasIndexTests(RegisterAtlasFixture atlas)
{
    [Fact]
    public void Scores_lie_in_0_100_and_ranks_are_a_permutation()
    {
        var index = atlas.Services.Index.Index();
        Assert.True(index.Entries.Count >= 20, $"only {index.Entries.Count} municipalities scored");
        Assert.All(index.Entries, e => Assert.InRange(e.Score, 0, 100));
        Assert.Equal(Enumerable.Range(1, index.Entries.Count), index.Entries.Select(e => e.Rank).Order());
        for (var i = 1; i < index.Entries.Count; i++) Assert.True(index.Entries[i - 1].Score >= index.Entries[i].Score);
        Assert.All(index.Entries, e => Assert.All(e.Pillars.Values, p => Assert.True(double.IsNaN(p) || p is >= 0 and <= 100)));
    }

    [Fact]
    public void Rank_intervals_are_ordered_and_hold_the_median()
    {
        var index = atlas.Services.Index.Index();
        Assert.Equal(AtlasIndexBuilder.Replications, index.Replications);
        Assert.All(index.Entries, e =>
        {
            Assert.True(e.Rank5 <= e.MedianRank && e.MedianRank <= e.Rank95, $"{e.Id}: {e.Rank5} {e.MedianRank} {e.Rank95}");
            Assert.InRange(e.Rank5, 1, index.Entries.Count);
            Assert.InRange(e.Rank95, 1, index.Entries.Count);
        });
        // the nominal ranks (as the Monte Carlo ranks: ties share the best rank) fall inside their 5-95 % interval but
        // for a rare few: the nominal choices are one configuration among the Monte Carlo's, not its middle
        var outside = index.Entries.Where(e => Tied(e) < e.Rank5 || Tied(e) > e.Rank95).ToList();
        int Tied(IndexEntry e) => 1 + index.Entries.Count(x => x.Score > e.Score);
        Assert.True(outside.Count <= index.Entries.Count / 100, string.Join(", ", outside.Select(e => $"{e.Id} {Tied(e)} ∉ {e.Rank5}–{e.Rank95}")));
    }

    [Fact]
    public void The_same_seed_gives_the_same_index_and_groups_follow_the_rule()
    {
        var definition = atlas.Services.Index.Definition!;
        var first = atlas.Services.Index.Index();
        var units = first.Entries.Select(e => e.Id).ToList();
        Assert.Same(first, atlas.Services.Index.Index());   // cached while the register does not change

        var a = AtlasIndexBuilder.Compute(definition, Counts(), null, 200, 7);
        var b = AtlasIndexBuilder.Compute(definition, Counts(), null, 200, 7);
        Assert.Equal(a.Entries.Select(e => (e.Id, e.Score, e.Rank5, e.MedianRank, e.Rank95)), b.Entries.Select(e => (e.Id, e.Score, e.Rank5, e.MedianRank, e.Rank95)));

        var mean = first.Entries.Average(e => e.Score);
        Assert.Equal(mean, first.Mean, 9);
        foreach (var e in first.Entries)
        {
            var ratio = e.Score / mean;
            var expected = ratio > 1.25 ? IndexGroup.Leader : ratio >= 1.0 ? IndexGroup.Strong : ratio >= 0.7 ? IndexGroup.Moderate : IndexGroup.Emerging;
            Assert.Equal(expected, e.Group);
        }
        Assert.Contains(first.Entries, e => e.Group == IndexGroup.Leader);
        Assert.Contains(first.Entries, e => e.Group is IndexGroup.Emerging or IndexGroup.Moderate);

        List<MunicipalityCounts> Counts() => first.Entries.Select(e => new MunicipalityCounts(e.Nis, e.Id, e.Name,
            new Dictionary<int, int> { [2110] = (int)(e.Indicators["high-tech"] * 1000), [6201] = (int)(e.Indicators["ict"] * 1000), [4711] = 1000 },
            100, (int)(e.Indicators["young"] * 100), e.Indicators["eci"])).ToList();
    }

    [Fact]
    public void Indicators_are_the_register_shares()
    {
        var index = atlas.Services.Index.Index();
        var entry = index.Entries.OrderByDescending(e => e.Indicators["diversity"]).First();
        var shares = entry.Indicators.Where(kv => kv.Key is not ("eci" or "diversity" or "density"));
        Assert.All(shares, kv => Assert.True(kv.Value is >= 0 and <= 1, $"{kv.Key} = {kv.Value}"));
        Assert.True(entry.Indicators["diversity"] >= 1);
        Assert.True(entry.Indicators["density"] > 0);
        var def = index.Definition;
        Assert.True(def.Indicator("high-tech").Covers(2110) && def.Indicator("high-tech").Covers(2611));
        Assert.True(def.Indicator("medium-high-tech").Covers(2540) && def.Indicator("medium-high-tech").Covers(3250));
        // air and spacecraft (30.30) is high technology, as Eurostat counts it, and is not counted twice
        Assert.True(def.Indicator("high-tech").Covers(3030));
        Assert.False(def.Indicator("medium-high-tech").Covers(3030));
        Assert.False(def.Indicator("medium-high-tech").Covers(3011));
        Assert.False(def.Indicator("medium-high-tech").Covers(2511));
        Assert.True(def.Indicator("kis").Covers(7211) && !def.Indicator("kis").Covers(4711));
        Assert.True(def.Indicator("ict").Covers(6201) && !def.Indicator("ict").Covers(6420));
    }

    [Fact]
    public void The_eci_indicator_is_the_national_panels_eci()
    {
        var index = atlas.Services.Index.Index();
        var panel = atlas.Services.Complexity.Panel();
        Assert.All(index.Entries, e => Assert.Equal(panel.Result.Eci[panel.RegionOfNis[e.Nis]], e.Indicators["eci"]));
        // the panel is standardised over its rows: ECI takes both signs, and the index still builds (the geometric mean
        // of the Monte Carlo only meets positive normalised values)
        Assert.Contains(index.Entries, e => e.Indicators["eci"] < 0);
        Assert.Contains(index.Entries, e => e.Indicators["eci"] > 0);
        Assert.All(index.Entries, e => Assert.InRange(e.Normalised["eci"], 0, 100));
    }

    [Fact]
    public async Task The_api_lists_every_municipality_and_one_place()
    {
        var page = await atlas.Json("/api/index?pageSize=10");
        var index = atlas.Services.Index.Index();
        Assert.Equal(index.Entries.Count, page["total"]!.GetValue<int>());
        Assert.Equal(10, page["items"]!.AsArray().Count);
        Assert.Equal(1, page["items"]![0]!["rank"]!.GetValue<int>());
        Assert.NotNull(page["links"]!["next"]);

        var (status, csv, type) = await atlas.Raw("/api/index?format=csv");
        Assert.True(status == 200, csv);
        Assert.Equal("text/csv", type);
        Assert.Contains("rank95", csv.Split('\n')[0]);
        Assert.Contains("indicators.high-tech", csv.Split('\n')[0]);
        Assert.Equal(index.Entries.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var brussels = await atlas.Json("/api/places/brussels/index");
        Assert.Equal("21004", brussels["nis"]!.GetValue<string>());
        if (index.ByNis(21004) is { } b) Assert.Equal(b.Rank, brussels["entry"]!["rank"]!.GetValue<int>());
        var ghent = await atlas.Json("/api/places/ghent/index");
        Assert.Equal("44021", ghent["nis"]!.GetValue<string>());
        Assert.Equal(index.ByNis(44021)!.Rank, ghent["entry"]!["rank"]!.GetValue<int>());

        var (missing, body, _) = await atlas.Raw("/api/places/atlantis/index");
        Assert.Equal(404, missing);
        Assert.Contains("atlantis", body);
    }
}

/// <summary>Without a register the index is Statbel's: every municipality ranked with its interval, each indicator with its source.</summary>
[Collection(AtlasCollection.Name)]
public class IndexNoRegisterTests(AtlasFixture atlas)
{
    [Fact]
    public void With_only_statbels_data_every_municipality_is_ranked_with_its_interval()
    {
        var index = atlas.Services.Index.Index();
        Assert.Equal("statbel-vat-2019", index.Primary!.Id);
        var municipalities = atlas.Services.Entities.Places(Atlas.Model.PlaceKind.Municipality).Count(m => m.MergedInto is null);
        Assert.Equal(565, municipalities);
        Assert.Equal(municipalities, index.Entries.Count);
        Assert.Equal(Enumerable.Range(1, index.Entries.Count), index.Entries.Select(e => e.Rank).Order());
        Assert.All(index.Entries, e => Assert.True(e.Rank5 <= e.MedianRank && e.MedianRank <= e.Rank95));
        // Statbel gives no start dates: the young-enterprise share is left out, and said to be
        Assert.Equal(["young"], index.LeftOut.Select(i => i.Id));
        Assert.DoesNotContain(index.Definition.Indicators, i => i.Id == "young");
        Assert.All(index.Definition.Indicators, i => Assert.Equal("statbel-vat-2019", index.IndicatorSources[i.Id].Id));
    }

    [Fact]
    public async Task The_api_names_the_source_of_each_indicator_and_the_ones_left_out()
    {
        var page = await atlas.Json("/api/index?pageSize=1");
        Assert.Equal(565, page["total"]!.GetValue<int>());
        Assert.Equal("statbel-vat-2019", page["source"]!["id"]!.GetValue<string>());
        var creation = page["indicators"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "creation")!;
        Assert.Equal("statbel-vat-2019", creation["source"]!.GetValue<string>());
        Assert.Equal(["young"], page["leftOut"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_place_is_404_even_without_a_register()
    {
        var (status, _, _) = await atlas.Raw("/api/places/atlantis/index");
        Assert.Equal(404, status);
    }
}

/// <summary>The index definition file: the shipped one is valid, malformed ones get file:line errors.</summary>
public class AtlasIndexFileTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(TestPaths.DataDir, AtlasIndexFile.RelativePath));

    private static List<Problem> Problems(string text)
    {
        var problems = new List<Problem>();
        var def = AtlasIndexFile.Parse("data/index/atlas-index.yaml", text, problems);
        Assert.Equal(problems.Count == 0, def is not null);
        return problems;
    }

    [Fact]
    public void The_shipped_definition_is_valid()
    {
        Assert.Empty(Problems(Shipped));
        var problems = new List<Problem>();
        var def = AtlasIndexFile.Parse("x", Shipped, problems)!;
        Assert.Equal(10, def.Indicators.Count);
        Assert.Equal(IndexMeasure.CreationRate, def.Indicator("creation").Measure);
        Assert.Equal(IndexMeasure.EnterprisesPerThousand, def.Indicator("density").Measure);
        Assert.Equal(3, def.Pillars.Count);
        Assert.Equal("atlas", def.Structure.Root.Code);
    }

    private static int LineOf(string text, string needle) =>
        text.Split('\n').Select((l, i) => (l, i)).First(p => p.l.Contains(needle)).i + 1;

    [Theory]
    [InlineData("    weight: 1\n    measure: diversity", "    weight: heavy\n    measure: diversity", "weight: heavy", "a weight is a number")]
    [InlineData("    parent: dynamism\n    direction: 1\n    weight: 1\n    measure: diversity", "    parent: nowhere\n    direction: 1\n    weight: 1\n    measure: diversity", "  - id: diversity", "does not exist")]
    [InlineData("    measure: diversity", "    measure: patents", "measure: patents", "use one of")]
    [InlineData("nace: [\"21\", \"26\", \"30.3\"]", "nace: [\"21\", \"2x6\", \"30.3\"]", "2x6", "not a NACE Rev. 2 code")]
    [InlineData("  - id: rd\n", "  - id: ict\n", "  - id: ict\n", "used twice")]
    [InlineData("    measure: young-enterprises\n    years: 5", "    measure: young-enterprises\n    years: five", "years: five", "whole number")]
    public void A_malformed_definition_is_reported_at_its_line(string from, string to, string at, string message)
    {
        Assert.Contains(from, Shipped);
        var text = Shipped.Replace(from, to);
        var problems = Problems(text);
        var problem = Assert.Single(problems, p => p.Message.Contains(message));
        Assert.Equal("data/index/atlas-index.yaml", problem.File);
        if (at != "  - id: ict\n")
            Assert.Equal(LineOf(text, at.TrimEnd('\n')), problem.Line);
        else Assert.True(problem.Line > LineOf(Shipped, "  - id: rd"));
    }

    [Fact]
    public void Validate_reports_a_broken_index_file_with_its_line()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var path = Path.Combine(data, AtlasIndexFile.RelativePath);
        var text = File.ReadAllText(path).Replace("    measure: diversity", "    measure: patents");
        File.WriteAllText(path, text);
        var report = Validator.Run(data);
        Assert.False(report.IsValid);
        var problem = Assert.Single(report.Problems, p => p.File == "data/index/atlas-index.yaml");
        Assert.Equal(LineOf(text, "measure: patents"), problem.Line);
        Assert.Contains("'patents'", problem.Message);
    }

    [Fact]
    public void A_cycle_and_bad_yaml_are_reported()
    {
        Assert.Contains(Problems("index: [unclosed"), p => p.Message.Contains("not valid YAML"));
        Assert.Contains(Problems(Shipped.Replace("    direction: 1\n    weight: 1\n    measure: diversity", "    direction: 2\n    weight: 1\n    measure: diversity")),
            p => p.Message.Contains("direction") && p.Line > 0);
        Assert.Contains(Problems(Shipped.Replace("pillars:\n", "pillarz:\n")), p => p.Message.Contains("unknown field 'pillarz'"));
    }
}
