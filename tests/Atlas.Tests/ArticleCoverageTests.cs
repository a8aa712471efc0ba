using System.Text.Json.Nodes;
using Atlas.Text;

namespace Atlas.Tests;

/// <summary>
/// The whole article is in the atlas: every passage of substance is cited by at least one fact, and that fact is
/// reachable through the API with its source and locator.
/// </summary>
[Collection(AtlasCollection.Name)]
public class ArticleCoverageTests(AtlasFixture atlas)
{
    // Headings that carry no statement of their own: the rubric and the title of the conclusion. (The trends heading
    // dates its figures, 2025, so a fact cites it.)
    private static readonly string[] HeadingsWithoutSubstance = ["Entreprise", "Conclusion"];

    private static SourceDocument Article()
    {
        Requires.Article();
        return SourceDocument.Parse(File.ReadAllText(TestPaths.ArticlePath));
    }

    [SkippableFact]
    public void The_article_parses_into_its_sections_and_passages()
    {
        var doc = Article();
        Assert.Equal(11, doc.Headings.Count);
        var ghent = doc.Passages.Where(p => p.Section.StartsWith("3. Gand")).ToList();
        Assert.Equal(["heading", "paragraph 1", "paragraph 2", "table row 1", "table row 2", "table row 3", "paragraph 3"],
            ghent.Where(p => p.Kind != PassageKind.TableHeader).Select(p => p.Label));
        Assert.StartsWith("Agroalimentaire", doc.Find("3. Gand", "table row 3")!.Text);
        Assert.Equal(5, doc.Passages.Count(p => p.Section.StartsWith("Tendances") && p.Kind == PassageKind.Bullet));
        Assert.StartsWith("Technologies numériques", doc.Find("1. Bruxelles", "table row 3")!.Text);
    }

    [SkippableFact]
    public async Task Every_passage_of_substance_is_cited_by_a_fact_reachable_through_the_api()
    {
        var doc = Article();
        var page = await atlas.Json("/api/facts?source=article-7-cities&pageSize=1000");
        var facts = page["items"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(page["total"]!.GetValue<int>(), facts.Count);

        var required = doc.Passages
            .Where(p => !p.IsFraming)
            .Where(p => !(p.Kind == PassageKind.Heading && HeadingsWithoutSubstance.Any(h => p.Text.StartsWith(h))))
            .ToList();
        Assert.True(required.Count >= 40, $"only {required.Count} passages found: the article did not parse");

        var uncovered = new List<string>();
        foreach (var passage in required)
        {
            var citing = facts.Where(f =>
            {
                var loc = f["locator"]!.AsObject();
                return doc.FindSection(loc["section"]!.GetValue<string>()) == passage.Section
                       && loc["passage"]!.GetValue<string>() == passage.Label
                       && SourceDocument.Contains(passage, loc["phrase"]!.GetValue<string>());
            }).ToList();
            if (citing.Count == 0) uncovered.Add($"{passage.Section[..Math.Min(25, passage.Section.Length)]} / {passage.Label}: {passage.Text}");
        }
        Assert.True(uncovered.Count == 0, "passages no fact cites:\n" + string.Join("\n", uncovered));
    }

    [Fact]
    public async Task Each_article_fact_shows_its_locator_and_statement_in_french_dutch_and_english()
    {
        var page = await atlas.Json("/api/facts?source=article-7-cities&pageSize=1000");
        foreach (var fact in page["items"]!.AsArray().Select(f => f!.AsObject()))
        {
            foreach (var lang in new[] { "fr", "nl", "en" })
                Assert.False(string.IsNullOrWhiteSpace(fact["statement"]![lang]?.GetValue<string>()), $"{fact["id"]} {lang}");
            var loc = fact["locator"]!.AsObject();
            Assert.All(new[] { "section", "passage", "phrase" }, k => Assert.False(string.IsNullOrWhiteSpace(loc[k]?.GetValue<string>())));
            Assert.Equal("claim", fact["role"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task No_fact_sourced_elsewhere_claims_to_come_from_the_article()
    {
        var page = await atlas.Json("/api/facts?role=context&pageSize=1000");
        var facts = page["items"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.True(facts.Count >= 20, $"only {facts.Count} context facts");
        Assert.All(facts, f =>
        {
            Assert.NotEqual("article-7-cities", f["source"]!.GetValue<string>());
            Assert.Null(f["locator"]!["section"]);
            Assert.True(f["locator"]!["url"] is not null || f["locator"]!["row"] is not null, f["id"]!.ToString());
        });
    }

    [SkippableTheory]
    [InlineData("brussels", "innovative-start-ups", 300, "start-ups", "more-than", "2025", "Plus de 300 start-ups")]
    [InlineData("wallonia", "factory-of-the-future-labelled-companies", 21, "companies", "exact", "2025", "21 entreprises labellisées")]
    [InlineData("belgium", "industrial-production-change", -7.3, "percent", "exact", "2025-05", "7,3%")]
    public async Task The_2025_figures_are_quantities_with_their_qualifier_and_period(
        string subject, string indicator, double value, string unit, string qualifier, string period, string phrasePart)
    {
        var page = await atlas.Json($"/api/facts?subject={subject}&predicate=has-indicator-value&source=article-7-cities");
        var fact = page["items"]!.AsArray().Select(f => f!.AsObject()).Single(f => f["indicator"]?.GetValue<string>() == indicator);
        Assert.Equal((decimal)value, fact["value"]!.GetValue<decimal>());
        Assert.Equal(unit, fact["unit"]!.GetValue<string>());
        Assert.Equal(qualifier, fact["qualifier"]!.GetValue<string>());
        Assert.Equal(period, fact["period"]!.GetValue<string>());
        Requires.Article();
        Assert.Contains(phrasePart, File.ReadAllText(TestPaths.ArticlePath));
        Assert.Contains(phrasePart, fact["locator"]!["phrase"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("brussels", "has-example-organisation", "imec")]
    [InlineData("brussels", "has-example-organisation", "ucb")]
    [InlineData("brussels", "has-example-organisation", "gsk")]
    [InlineData("brussels", "has-example-organisation", "proximus")]
    [InlineData("ghent", "innovates-in", "textile")]
    [InlineData("ghent", "uses-technology", "blockchain")]
    [InlineData("liege", "innovates-in", "metallurgy")]
    [InlineData("liege", "uses-technology", "smart-grids")]
    [InlineData("charleroi", "innovates-in", "aeronautics")]
    [InlineData("charleroi", "uses-technology", "nanomaterials")]
    [InlineData("antwerp", "uses-technology", "smart-port")]
    [InlineData("bruges", "uses-technology", "iot")]
    [InlineData("louvain-la-neuve", "hosts-organisation", "uclouvain")]
    public async Task The_cities_carry_the_sectors_technologies_and_organisations_the_article_gives_them(string city, string predicate, string obj)
    {
        var page = await atlas.Json($"/api/facts?subject={city}&predicate={predicate}");
        Assert.Contains(page["items"]!.AsArray(), f => f!["object"]?.GetValue<string>() == obj);
    }
}
