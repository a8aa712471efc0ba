using Atlas.Catalogue;
using Atlas.Companies;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Specialisation;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Register;

/// <summary>
/// The API over the enterprise register (KBO/BCE) — what it holds, companies by name or number, one company, which
/// answer 409 with how to load one when none is loaded (<see cref="Problems.RequireRegister"/>) — and the
/// specialisation of a place from a statistical source (the register, or Statbel's data, which the atlas ships).
/// </summary>
public static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("").AddEndpointFilter(Problems.RequireRegister).ProducesProblem(409);

        register.MapGet("/register", (HttpContext ctx, AtlasSnapshots s) => Answers.Json(ctx, RegisterInfoJson.Of(s.RequireRegister().Info)))
            .WithSummary("The loaded KBO/BCE register: its extract number, type and snapshot date (409 when none is loaded)").Produces<RegisterInfoJson>().WithName("GetRegister");

        api.MapGet("/places/{id}/specialisation", (HttpContext ctx, SpecialisationQueries q, AtlasSnapshots s, string id, string? level, string? nace, string? sort, string? source, string? lang, string? format) =>
        {
            var nl = Params.Slug<NaceLevel>(ctx.Request, "level") ?? NaceLevel.Division;
            var version = Params.Text(ctx.Request, "nace") ?? "2008";
            if (version is not ("2008" or "2025")) throw new BadRequestException("Unknown NACE version", "nace is 2008 (NACE-BEL 2008, the default) or 2025 (NACE-BEL 2025).");
            var from = s.Source(Params.Text(ctx.Request, "source"));
            if (!from.NaceVersions.Contains(int.Parse(version)))
                throw new BadRequestException("Unknown NACE version", $"the source {from.Id} codes activities in NACE-BEL {string.Join(" and ", from.NaceVersions)} only.");
            var order = Params.Slug<SpecialisationSort>(ctx.Request, "sort") ?? SpecialisationSort.Lq;
            var language = Params.Language(ctx.Request);
            if (q.Of(id, nl, int.Parse(version), language, order, from.Id) is not { } result) return Problems.NotFound("place", id, "/api/places?kind=city");
            if (result.Units.Count == 0)
                throw new BadRequestException("No statistical unit", $"'{Params.Truncate(id)}' has no NIS code the register can count in: ask for a municipality, an area or a city.");
            var json = SpecialisationJson.Of(result, language);
            return Answers.Table(ctx, json, SpecialisationCsvRow.Of, json.Source);
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<SpecialisationJson>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).WithName("GetSpecialisation")
          .WithSummary("Specialisation of a place from a statistical source (?source=kbo: the register, establishments and enterprises by main activity, NACE-BEL 2008 or 2025; ?source=statbel-vat-2019: VAT-registered enterprises by seat at the end of 2019, NACE-BEL 2008; default: the register when one is imported, else Statbel) by NACE section, division, group or class, with share, location quotient, rank among municipalities and the US Cluster Mapping 'strong' label; a city is measured by its municipality (and Brussels also by its Region). 409 when the register is asked for and none is loaded.");
    }

    /// <summary>GET /api/organisations/{number}: an enterprise of the register by its number (an establishment unit number leads to its enterprise).</summary>
    public static IResult Company(HttpContext ctx, CompanyQueries companies, string text, long number)
    {
        var snapshots = ctx.RequestServices.GetRequiredService<AtlasSnapshots>();
        if (snapshots.Register is not { } register) return Problems.NoRegister(snapshots.RegisterStore.Problem);
        if (companies.Get(number, Params.Language(ctx.Request)) is not { } company)
            return Problems.NotFound("enterprise in the register", text, $"/api/organisations?q=NAME (the register holds extract {register.Info.ExtractNumber})");
        return Answers.Json(ctx, CompanyJson.Of(company));
    }

    /// <summary>GET /api/organisations?q=: register companies by any name or by number (the list without q stays the curated list).</summary>
    public static IResult SearchCompanies(HttpContext ctx, CompanyQueries companies, string query)
    {
        var snapshots = ctx.RequestServices.GetRequiredService<AtlasSnapshots>();
        if (snapshots.Register is null) return Problems.NoRegister(snapshots.RegisterStore.Problem);
        var page = Params.WantsCsv(ctx) ? new PageRequest(1, CompanyQueries.MaxHits) : Params.Page(ctx);
        var result = companies.Search(query, Params.Language(ctx.Request), page);
        var envelope = Answers.Envelope(ctx, new Page<CompanySummaryJson>(result.Page.Items.Select(CompanySummaryJson.Of).ToList(), result.Page.Total, result.Page.Number, result.Page.Size));
        var json = new CompanySearchJson(envelope.Total, envelope.Page, envelope.PageSize, envelope.Pages, envelope.Links, envelope.Items, query,
            RegisterInfoJson.Of(result.Register), result.Limited ? $"only the {CompanyQueries.MaxHits} best-matching names are ranked: add a word to narrow the search" : null);
        return Answers.Table(ctx, json, j => j.Items);
    }
}
