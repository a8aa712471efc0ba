using System.Net;

namespace Atlas.Tests.Register;

/// <summary>The one search box finds register companies by name or enterprise number, and each has its page.</summary>
[Collection(RegisterAtlasFixture.Collection)]
public class CompanyPageTests(RegisterAtlasFixture atlas)
{
    private async Task<string> Page(string path)
    {
        var (status, body, _) = await atlas.Raw(path);
        Assert.Equal(200, status);
        return WebUtility.HtmlDecode(body);
    }

    [SkippableFact]
    public async Task A_register_company_is_found_by_name_among_the_organisations_and_leads_to_its_page()
    {
        var html = await Page("/en/search?q=" + Uri.EscapeDataString("Gentse Textielfabriek"));
        Assert.Contains("<h3 id=\"group-organisations\">Organisations", html);
        Assert.Contains("register company", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/en/companies/[0-9.]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);

        var page = await Page(link);
        Assert.Contains("<h1 lang=\"nl\">Gentse Textielfabriek</h1>", page);   // a Dutch name on an English page says so
        Assert.Contains("Dok Noord 4, 9000 Gand", page);
        Assert.Contains("href=\"/en/places/nis-44021#sectors\"", page);             // the municipality's specialisation
        Assert.Contains("13200", page);
        Assert.Contains($"Establishment units ({RegisterAtlasFixture.TextileWorkshops})", page);
    }

    [SkippableTheory]
    [InlineData("0403.053.608")]
    [InlineData("BE 0403 053 608")]
    public async Task An_enterprise_number_typed_in_the_box_finds_the_company(string number)
    {
        var html = await Page("/fr/search?q=" + Uri.EscapeDataString(number));
        Assert.Contains("href=\"/fr/companies/0403.053.608\"", html);
        var page = await Page("/fr/companies/0403.053.608");
        Assert.Contains("<h1>UCB</h1>", page);
        Assert.Contains("href=\"/fr/organisations/ucb\"", page);   // the curated organisation it is
        Assert.Contains("href=\"/fr/places/nis-21001#sectors\"", page);
        Assert.Contains("18 janvier 1928", page);                   // dates as French readers write them
    }

    [SkippableFact]
    public async Task A_curated_organisation_found_by_name_is_listed_once()
    {
        var html = await Page("/en/search?q=Proximus");
        Assert.Contains("href=\"/en/organisations/proximus\"", html);
        Assert.DoesNotContain("href=\"/en/companies/0202.239.951\"", html);
    }

    [SkippableFact]
    public async Task A_number_the_register_lacks_is_a_404_page()
    {
        var (status, _, _) = await atlas.Raw("/en/companies/0999.999.999");
        Assert.Equal(404, status);
    }
}

/// <summary>The same pages and search with the register in PostgreSQL.</summary>
[Collection(Postgres.PostgresRegisterAtlasFixture.Collection)]
public sealed class CompanyPageTestsOnPostgres : CompanyPageTests
{
    public CompanyPageTestsOnPostgres(Postgres.PostgresRegisterAtlasFixture atlas) : base(atlas) => Requires.Postgres();
}
