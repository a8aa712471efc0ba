using Atlas.Dynamics;
using Atlas.Model;
using Atlas.Web.Http;
using Atlas.Web.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Analytics;

public sealed record FlowsJson(int Enterprises, int Registrations, int Cessations, double? CreationRate, double? CessationRate, double? ChurnRate, double? PerThousandInhabitants)
{
    public static FlowsJson Of(Atlas.Statbel.VatFigures f, double? perThousand) => new(f.Enterprises, f.Registrations, f.Cessations,
        Round(f.CreationRate), Round(f.CessationRate), Round(f.ChurnRate), perThousand is { } p ? Math.Round(p, 3) : null);

    private static double? Round(double? x) => x is { } v ? Math.Round(v, 6) : null;
}

public sealed record SectorFlowsJson(string Code, string? Label, FlowsJson Figures);

/// <summary>
/// The business dynamics of a place's municipality: enterprises at the reference date, registrations and cessations of
/// the year, creation rate = registrations / (enterprises + cessations), churn rate = (registrations + cessations) /
/// (enterprises + cessations), and enterprises per 1,000 inhabitants with the population of <c>populationYear</c>.
/// </summary>
public sealed record DynamicsJson(PlaceRefJson Place, PlaceRefJson Municipality, string Period, int PopulationYear, long? Population, FlowsJson Total,
    string Level, IReadOnlyList<SectorFlowsJson> Sectors, SourceJson Source, string Method)
{
    public const string MethodText = "Statbel's VAT-registered enterprises by the municipality of their seat: the stock on 31 December 2019 and the registrations and " +
        "cessations of 2019. active = enterprises + cessations (every enterprise registered at some point of the year); creation rate = registrations / active; " +
        "cessation rate = cessations / active; churn rate = (registrations + cessations) / active; per 1,000 inhabitants: enterprises / population on 1 January 2020 × 1,000.";

    public static DynamicsJson Of(PlaceDynamics d, Lang lang) => new(
        new PlaceRefJson(d.Place.Id, d.Place.Label(lang), d.Place.Kind),
        new PlaceRefJson(d.Municipality.Place.Id, d.Municipality.Place.Label(lang), d.Municipality.Place.Kind),
        d.Source.Vat!.Source.FlowPeriod.ToString(), d.PopulationYear, d.Population, FlowsJson.Of(d.Total, d.PerThousand), Slugs.Of(d.Level),
        d.Sectors.Select(x => new SectorFlowsJson(x.Code, x.Label, FlowsJson.Of(x.Figures, x.PerThousand))).ToList(), SourceJson.Of(d.Source, lang), MethodText);
}

/// <summary>A CSV line of the dynamics: one NACE code with its figures.</summary>
public sealed record DynamicsCsvRow(string Place, string Nis, string Code, string? Label, FlowsJson Figures);

public static class DynamicsApi
{
    public static void MapDynamicsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/places/{id}/dynamics", (HttpContext ctx, DynamicsQueries q, string id, string? level, string? lang, string? format) =>
        {
            var nl = Params.Slug<NaceLevel>(ctx.Request, "level") ?? NaceLevel.Division;
            var language = Params.Language(ctx.Request);
            if (q.Of(id, nl, language) is not { } dynamics) return Problems.NotFound("municipality or city", id, "/api/places?kind=city");
            var json = DynamicsJson.Of(dynamics, language);
            return Answers.Table(ctx, json, j => j.Sectors.Select(x => new DynamicsCsvRow(j.Place.Id, dynamics.Municipality.Nis.ToString("D5"), x.Code, x.Label, x.Figures)), json.Source);
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<DynamicsJson>().ProducesProblem(400).ProducesProblem(404).WithName("GetDynamics")
          .WithSummary("Business dynamics of a place's municipality from Statbel's VAT data (2019): enterprises, registrations, cessations, creation and churn rates, and enterprises per 1,000 inhabitants (population of 1 January 2020), in all and by NACE section, division, group or class.");
    }
}
