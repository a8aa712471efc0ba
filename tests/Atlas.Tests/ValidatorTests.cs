using Atlas.Data;

namespace Atlas.Tests;

/// <summary>
/// `atlas validate` on the real data passes; on a copy broken in one place it reports that place as
/// file:line and says how to fix it.
/// </summary>
public class ValidatorTests
{
    [SkippableFact]
    public void The_shipped_data_is_valid_and_every_key_phrase_is_in_the_article()
    {
        Requires.Article();
        var report = Validator.Run(TestPaths.DataDir, TestPaths.SeedDir);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal(report.Data.Facts.Count(f => f.Source == "article-7-cities"), report.PhrasesChecked);
        Assert.Equal(0, report.PhrasesUnchecked);
    }

    [Fact]
    public void Without_the_texts_key_phrases_are_counted_as_unchecked()
    {
        var report = Validator.Run(TestPaths.DataDir);
        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal(0, report.PhrasesChecked);
        Assert.Equal(report.Data.Facts.Count(f => f.Source == "article-7-cities"), report.PhrasesUnchecked);
    }

    [Fact]
    public void All_municipalities_come_from_the_reference_files_with_the_2025_mergers()
    {
        var data = Validator.Run(TestPaths.DataDir).Data;
        var municipalities = data.Places.Where(p => p.PlaceKind == Model.PlaceKind.Municipality).ToList();
        Assert.Equal(581 + 13, municipalities.Count);           // 2019–2024 plus the 13 created on 1 January 2025
        Assert.Equal(565, municipalities.Count(m => m.IsCurrent));
        var borsbeek = municipalities.Single(m => m.Nis.ToString() == "11007");
        Assert.Equal("nis-11002", borsbeek.MergedInto);
        Assert.Equal(new DateOnly(2024, 12, 31), borsbeek.ValidTo);
        var pajottegem = municipalities.Single(m => m.Nis.ToString() == "23106");
        Assert.Equal(new DateOnly(2025, 1, 1), pajottegem.ValidFrom);
        Assert.Equal(["nis-23023", "nis-23024", "nis-23032"], pajottegem.MergedFrom);
        var ghent = municipalities.Single(m => m.Nis.ToString() == "44021");
        Assert.Equal("Gand", ghent.Names.Get(Model.Lang.Fr));
        Assert.Equal("Gent", ghent.Names.Get(Model.Lang.Nl));
        Assert.Equal("nis-44000", ghent.Parent);
        Assert.Equal("BE234", ghent.Nuts);
        Assert.InRange(ghent.Latitude!.Value, 50.95, 51.2);
        Assert.InRange(ghent.Longitude!.Value, 3.6, 3.85);
        var eupen = municipalities.Single(m => m.Nis.ToString() == "63023");
        Assert.Equal("Eupen", eupen.Names.Get(Model.Lang.De));
        var arrondissement = data.Places.Single(p => p.Id == "nis-44000");
        Assert.Equal("nis-40000", arrondissement.Parent);
        Assert.Equal("flanders", data.Places.Single(p => p.Id == "nis-40000").Parent);
        Assert.Equal("brussels-capital", data.Places.Single(p => p.Id == "nis-21000").Parent);
    }

    // Each case breaks one rule in a copy of the data: (file, text to replace, replacement, expected words).
    public static TheoryData<string, string, string, string> BrokenFixtures => new()
    {
        { "facts/03-ghent.yaml", "object: industry-4-0", "object: industry-4-O", "the object 'industry-4-O' does not exist (did you mean 'industry-4-0'?)" },
        { "facts/03-ghent.yaml", "object: industry-4-0", "object: ghent", "the object 'ghent' is a place, not a technology" },
        { "facts/03-ghent.yaml", "id: ghent-green-city", "id: ghent-model-of-industry-4-0", "the fact id 'ghent-model-of-industry-4-0' is already used" },
        { "sectors.yaml", "- id: textile", "- id: ghent", "the id 'ghent' is already used by the place" },
        { "facts/03-ghent.yaml", "source: article-7-cities", "# no source", "has no source: add 'source: <source id>'" },
        { "facts/03-ghent.yaml", "    locator: {section: \"3. Gand\", passage: heading, phrase: \"le modèle de l’industrie 4.0\"}", "", "has no locator" },
        { "facts/03-ghent.yaml", "passage: paragraph 1, phrase: \"reconnue comme une ville verte\"", "passage: line 1, phrase: \"reconnue comme une ville verte\"", "'line 1' is not a passage" },
        { "facts/03-ghent.yaml", "phrase: \"reconnue comme une ville verte\"", "phrase: \"Gand est reconnue comme une ville verte qui fusionne son industrie traditionnelle avec\"", "more than 12 words" },
        { "organisations.yaml", "enterpriseNumber: \"0202.239.951\"", "enterpriseNumber: \"0202.239.952\"", "fails the mod-97 check: its last two digits should be 51" },
        { "places.yaml", "nis: \"44021\"", "nis: \"4402\"", "'4402' is not a NIS code" },
        { "sectors.yaml", "- id: textile", "- id: Textile", "'Textile' is not a valid id" },
        { "facts/03-ghent.yaml", "predicate: uses-technology", "predicate: loves", "'loves' is not a predicate" },
        { "facts/03-ghent.yaml", "      en: Ghent has the reputation of a green city.", "", "has no 'statement.en'" },
        { "facts/03-ghent.yaml", "    subject: ghent\n    predicate: uses-technology\n    object: industry-4-0", "    subject: ghent\n    predicate: uses-technology", "a 'uses-technology' fact needs an object" },
        { "facts/03-ghent.yaml", "predicate: described-as\n    context: [sustainability]", "predicate: has-indicator-value\n    context: [sustainability]", "needs a quantity" },
        { "facts/03-ghent.yaml", "    subject: ghent\n    predicate: uses-technology", "    subjet: ghent\n    predicate: uses-technology", "unknown field 'subjet'" },
        { "places.yaml", "coordinates: [51.0543, 3.7174]", "coordinates: [3.7174, 51.0543]", "coordinates must be [latitude, longitude]" },
        { "facts/03-ghent.yaml", "facts:\n", "facts:\n  - id: [unclosed\n", "this is not valid YAML" },
        // every statement in French, Dutch and English, three different texts
        { "facts/03-ghent.yaml", "      nl: Gent staat bekend als een groene stad.\n", "", "has no 'statement.nl'" },
        { "facts/03-ghent.yaml", "      nl: Gent staat bekend als een groene stad.", "      nl: Ghent has the reputation of a green city.", "the Dutch statement of 'ghent-green-city' is the same text as the English one" },
        // a note explains in the three languages
        { "programmes.yaml", "  note:\n    fr: \"Un prix belge", "  note: A Belgian award.\n  notes:\n    fr: \"Un prix belge", "is in one language: write it in the three" },
        { "places.yaml", "    nl: \"Sinds 1 januari 2025 omvat de gemeente Antwerpen (NIS 11002) ook de vroegere gemeente Borsbeek (NIS 11007).\"\n", "", "has no 'note.nl'" },
        // a status needs evidence: other facts, with their own source
        { "facts/01-brussels.yaml", "    evidence: [leuven-hosts-imec]\n", "", "a 'contradicted' fact needs evidence" },
        { "facts/01-brussels.yaml", "evidence: [gsk-belgian-vaccine-sites]", "evidence: [gsk-sites]", "the evidence 'gsk-sites' is not a fact" },
        { "facts/01-brussels.yaml", "evidence: [gsk-belgian-vaccine-sites]", "evidence: [brussels-capital-of-belgium]", "cites the same source as the fact (article-7-cities)" },
        { "facts/01-brussels.yaml", "evidence: [gsk-belgian-vaccine-sites]", "evidence: [brussels-biotechnology-example-gsk]", "cannot be its own evidence" },
        { "facts/03-ghent.yaml", "    predicate: described-as\n    context: [sustainability]", "    predicate: described-as\n    evidence: [leuven-hosts-imec]\n    context: [sustainability]", "evidence backs a 'confirmed' or 'contradicted' status" },
        { "facts/10-context.yaml", "    role: context\n", "    role: background\n", "'background' is not a role" },
        // a locator fits its source: a document's section and passage, a web page's address, a data set's row
        { "facts/03-ghent.yaml", "{section: \"3. Gand\", passage: paragraph 1, phrase: \"reconnue comme une ville verte\"}", "{url: \"https://example.org/\", phrase: \"reconnue comme une ville verte\"}", "cites the document 'article-7-cities': its locator is a section" },
        { "facts/10-context.yaml", "locator: {url: \"https://be.gsk.com/en-be/company/at-a-glance/\",", "locator: {section: \"At a glance\", passage: paragraph 1,", "cites the web page 'gsk-belgium-at-a-glance': its locator is the page's address" },
        { "facts/10-context.yaml", "locator: {url: \"https://be.gsk.com/en-be/company/at-a-glance/\",", "locator: {url: \"https://be.gsk.com/en-be/elsewhere/\",", "is not the address of the web page 'gsk-belgium-at-a-glance'" },
        { "facts/10-context.yaml", "{row: 4, phrase:", "{row: 5, phrase:", "row 5 of reference/geo/postcodes-geocoded.csv does not hold the key phrase" },
        { "facts/10-context.yaml", "{row: 4, phrase:", "{url: \"https://example.org/\", phrase:", "cites the data set 'postcodes-geocoded': its locator is a row" },
        { "facts/10-context.yaml", "    locator: {url: \"https://be.gsk.com/en-be/company/at-a-glance/\", phrase: \"three major vaccine sites, in Wavre, Rixensart and Gembloux\"}", "    locator: {phrase: \"three major vaccine sites, in Wavre, Rixensart and Gembloux\"}", "says neither where in a document" },
        // a web source says who published it, where, in which language and when it was read
        { "sources.yaml", "  accessed: \"2026-12-01\"\n", "", "has no accessed" },
        { "sources.yaml", "  accessed: \"2026-12-01\"\n", "  accessed: \"1 December 2026\"\n", "is not a date" },
        // name overrides: still needed, German only where official
        { "name-overrides.yaml", "replaces: {nl: Genepien}", "replaces: {nl: Genapie}", "the slip is fixed there, remove this override" },
        { "name-overrides.yaml", "- nis: \"63049\"\n  names: {de: Malmedy}", "- nis: \"62063\"\n  names: {de: Lüttich}", "has no official German name" },
        { "name-overrides.yaml", "- nis: \"25031\"", "- nis: \"25999\"", "no municipality has the NIS code 25999" },
    };

    // The same for the locator rules that are checked against the article's text.
    public static TheoryData<string, string, string, string> BrokenFixturesAgainstTheArticle => new()
    {
        { "facts/03-ghent.yaml", "phrase: \"reconnue comme une ville verte\"", "phrase: \"reconnue comme une ville bleue\"", "the key phrase « reconnue comme une ville bleue » is not in 3. Gand, paragraph 1" },
        { "facts/03-ghent.yaml", "phrase: \"reconnue comme une ville verte\"", "phrase: \"Textile\"", "it occurs in" },
        { "facts/03-ghent.yaml", "{section: \"3. Gand\", passage: paragraph 1, phrase: \"reconnue comme une ville verte\"}", "{section: \"3. Gent\", passage: paragraph 1, phrase: \"reconnue comme une ville verte\"}", "the section '3. Gent' does not name exactly one heading" },
        { "facts/03-ghent.yaml", "passage: paragraph 1, phrase: \"reconnue comme une ville verte\"", "passage: bullet 9, phrase: \"reconnue comme une ville verte\"", "the section '3. Gand' has no bullet 9" },
    };

    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void A_broken_file_is_reported_with_file_line_and_how_to_fix_it(string file, string find, string replace, string expected) =>
        AssertReported(file, find, replace, expected, texts: null);

    [SkippableTheory]
    [MemberData(nameof(BrokenFixturesAgainstTheArticle))]
    public void A_key_phrase_or_passage_missing_from_the_article_is_reported_with_file_line(string file, string find, string replace, string expected)
    {
        Requires.Article();
        AssertReported(file, find, replace, expected, TestPaths.SeedDir);
    }

    private static void AssertReported(string file, string find, string replace, string expected, string? texts)
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var path = Path.Combine(data, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, ReplaceFirst(text, find, replace));

        var report = Validator.Run(data, texts);

        Assert.False(report.IsValid);
        var problem = report.Problems.FirstOrDefault(p => p.Message.Contains(expected));
        Assert.True(problem is not null, $"expected a problem containing «{expected}», got:\n{string.Join("\n", report.Problems)}");
        Assert.Equal("data/" + file, problem.File);
        Assert.True(problem.Line > 0, problem.ToString());
        Assert.Matches(@"^data/[\w/.-]+:\d+: ", problem.ToString());
    }

    [Fact]
    public void An_unknown_nace_code_is_reported()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var path = Path.Combine(data, "sectors.yaml");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("- id: textile", StringComparison.Ordinal);
        var nace = text.IndexOf("nace2008: [", at, StringComparison.Ordinal);
        File.WriteAllText(path, text.Insert(nace + "nace2008: [".Length, "\"13.99\", \"99.99\", "));

        var report = Validator.Run(data);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("names NACE code '99.99', which does not exist", problem.Message);
        Assert.Equal("data/sectors.yaml", problem.File);
    }

    [Fact]
    public void A_technology_s_unknown_nace_code_is_reported()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        var path = Path.Combine(data, "technologies.yaml");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("- id: robotics", StringComparison.Ordinal);
        var nace = text.IndexOf("nace2008: [", at, StringComparison.Ordinal);
        File.WriteAllText(path, text.Insert(nace + "nace2008: [".Length, "\"28.98\", "));

        var report = Validator.Run(data);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("the technology 'robotics' names NACE code '28.98', which does not exist", problem.Message);
        Assert.Equal("data/technologies.yaml", problem.File);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        using var dir = TestPaths.Temp();
        var data = Path.Combine(dir.Path, "data");
        TestPaths.CopyData(data);
        File.Delete(Path.Combine(data, "technologies.yaml"));

        var report = Validator.Run(data);

        Assert.Contains(report.Problems, p => p.File == "data/technologies.yaml" && p.Message.Contains("the file is missing"));
        Assert.Contains(report.Problems, p => p.Message.Contains("the object 'blockchain' does not exist"));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        return text[..i] + replace + text[(i + find.Length)..];
    }
}
