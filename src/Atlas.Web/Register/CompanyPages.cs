using Atlas.Companies;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Register;

public sealed record CompanyPageModel(PageContext Ctx, Company Company);

/// <summary>
/// A register company's page (/en/companies/0202.239.951): its names, seat, establishments and activities, with links
/// to the municipalities' pages, where the register's specialisation is shown. Without a register there is no such
/// page (404, with a search box): the search then offers no register companies either.
/// </summary>
public static class CompanyPages
{
    public static void MapCompanyPages(this IEndpointRouteBuilder app) => app.MapPages((pages, lang) =>
        pages.MapGet("/companies/{number}", (HttpContext ctx, AtlasSnapshots snapshots, CompanyQueries companies, string number) =>
        {
            if (snapshots.Register is null || CompanyQueries.NumberQuery(number) is not { } digits || companies.Get(digits, lang) is not { } company)
                return ErrorPages.NotFound(ctx, lang, number);
            var title = company.Name ?? company.EnterpriseNumber;
            return Page.Render<CompanyPage, CompanyPageModel>(new(PageContext.Of(ctx, lang, title, Href(company.EnterpriseNumber)), company));
        }));

    /// <summary>The page of a register company by its enterprise number (0202.239.951).</summary>
    public static string Link(Lang lang, string enterpriseNumber) => $"/{lang.Code()}/companies/{Uri.EscapeDataString(enterpriseNumber)}";

    /// <summary>The company in the API, as JSON.</summary>
    public static string Href(string enterpriseNumber) => $"/api/organisations/{Uri.EscapeDataString(enterpriseNumber)}";
}
