using Atlas.Complexity;
using Atlas.Snapshots;
using Atlas.Specialisation;
using Atlas.Web.Http;
using Atlas.Web.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Analytics;

/// <summary>
/// Economic complexity from a statistical source (?source=kbo or statbel-vat-2019; default: the register when one is
/// imported, else Statbel): the growth opportunities of a place, the municipalities most like it, and the national
/// panel as lists. A city is measured by its municipality (Brussels by the City of Brussels, 21004) within the panel
/// of all municipalities × NACE-BEL 2008 classes. 409 when the register is asked for and none is loaded.
/// </summary>
public static class ComplexityApi
{
    public static void MapComplexityApi(this RouteGroupBuilder api)
    {
        var panel = api.MapGroup("").ProducesProblem(409).ProducesProblem(400);

        panel.MapGet("/places/{id}/opportunities", (HttpContext ctx, ComplexityQueries q, AtlasSnapshots s, string id, string? top, string? source, string? lang, string? format) =>
        {
            var n = Params.Int(ctx.Request, "top", 20, 1, 200);
            var language = Params.Language(ctx.Request);
            if (q.Of(id, n, 3, Params.Text(ctx.Request, "source")) is not { } of) return Unknown(s, id);
            var labels = of.Source.NaceLabels(2008, language);
            var json = PlaceComplexityJson.Of(of, language, n) with
            {
                ByDensity = PlaceComplexityJson.Opportunities(of.Opportunities?.ByDensity, labels),
                ByGain = PlaceComplexityJson.Opportunities(of.Opportunities?.ByGain, labels),
            };
            return Answers.Table(ctx, json, OpportunityCsvRow.Of, json.Source);
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<PlaceComplexityJson>().ProducesProblem(400).ProducesProblem(404).WithName("GetOpportunities")
          .WithSummary("Growth opportunities of a place from a statistical source (?source=kbo or statbel-vat-2019; default: the register when one is imported, else Statbel): the NACE-BEL 2008 classes its municipality does not have yet (RCA ≤ 1), ranked by density (fit with what it does) and by complexity outlook gain, each with the present classes that explain it; with the municipality's ECI and rank among all municipalities. 409 when the register is asked for (?source=kbo) and none is loaded.");

        panel.MapGet("/places/{id}/similar", (HttpContext ctx, ComplexityQueries q, AtlasSnapshots s, string id, string? top, string? source, string? lang, string? format) =>
        {
            var n = Params.Int(ctx.Request, "top", 10, 1, 200);
            var language = Params.Language(ctx.Request);
            if (q.SimilarTo(id, n, Params.Text(ctx.Request, "source")) is not { } found) return Unknown(s, id);
            var (of, similar) = found;
            var json = PlaceComplexityJson.Of(of, language, n) with
            {
                Similarity = "cosine similarity of the RCA rows (all NACE-BEL 2008 classes)",
                Similar = [.. similar.Select((m, i) => new SimilarJson(i + 1, m.Municipality.Id, m.Municipality.Label(language), m.Municipality.Nis!.Value.ToString(),
                    Math.Round(m.Similarity, 6), Math.Round(m.Eci, 6), m.EciRank))],
            };
            return Answers.Table(ctx, json, j => j.Similar!, json.Source);
        }).AddEndpointFilter(Problems.CheckIdLength).Produces<PlaceComplexityJson>().ProducesProblem(400).ProducesProblem(404).WithName("GetSimilarMunicipalities")
          .WithSummary("Municipalities most like a place's municipality by industry structure (cosine similarity of RCA over the NACE-BEL 2008 classes, from a statistical source: ?source=kbo or statbel-vat-2019), with their ECI. 409 when the register is asked for (?source=kbo) and none is loaded.");

        panel.MapGet("/complexity/activities", (HttpContext ctx, ComplexityQueries q, string? source, string? lang, string? format) =>
        {
            var p = q.Panel(Params.Text(ctx.Request, "source"));
            var result = p.Result;
            var language = Params.Language(ctx.Request);
            var labels = p.Source.NaceLabels(2008, language);
            var items = Enumerable.Range(0, result.Activities.Count)
                .OrderByDescending(a => result.Pci[a]).ThenBy(a => result.Activities[a], StringComparer.Ordinal)
                .Select((a, i) => new ActivityComplexityJson(i + 1, result.Activities[a], labels.GetValueOrDefault(result.Activities[a]), result.Ubiquity[a], Math.Round(result.Pci[a], 6)))
                .ToList();
            return Answers.Table(ctx, new PanelListJson<ActivityComplexityJson>("2008", result.Regions.Count, result.Activities.Count, PlaceComplexityJson.MethodText,
                SourceJson.Of(p.Source, language), items), l => l.Items, SourceJson.Of(p.Source, language));
        }).Produces<PanelListJson<ActivityComplexityJson>>().WithName("ListActivityComplexity")
          .WithSummary("The product complexity (PCI) and ubiquity of every NACE-BEL 2008 class, from the national panel of all municipalities in a statistical source (?source=kbo or statbel-vat-2019), most complex first. 409 when the register is asked for (?source=kbo) and none is loaded.");

        panel.MapGet("/complexity/municipalities", (HttpContext ctx, ComplexityQueries q, AtlasSnapshots s, string? source, string? lang, string? format) =>
        {
            var p = q.Panel(Params.Text(ctx.Request, "source"));
            var result = p.Result;
            var language = Params.Language(ctx.Request);
            var items = p.ByEci.Select(r => new MunicipalityComplexityJson(p.EciRank[r], $"nis-{result.Regions[r]}", s.Curated.Get($"nis-{result.Regions[r]}")?.Label(language),
                result.Regions[r], result.Diversity[r], Math.Round(result.Eci[r], 6), Register.EvidenceJson.Round(result.Coi[r], 6))).ToList();
            return Answers.Table(ctx, new PanelListJson<MunicipalityComplexityJson>("2008", result.Regions.Count, result.Activities.Count, PlaceComplexityJson.MethodText,
                SourceJson.Of(p.Source, language), items), l => l.Items, SourceJson.Of(p.Source, language));
        }).Produces<PanelListJson<MunicipalityComplexityJson>>().WithName("ListMunicipalityComplexity")
          .WithSummary("The economic complexity (ECI), rank and diversity of every municipality among all municipalities, from a statistical source (?source=kbo or statbel-vat-2019). 409 when the register is asked for (?source=kbo) and none is loaded.");
    }

    /// <summary>404 when no place has that id; 400 when the place has no municipality in the panel.</summary>
    private static IResult Unknown(AtlasSnapshots s, string id)
    {
        if (s.Curated.Resolve(id, Model.EntityType.Place) is null) return Problems.NotFound("place", id, "/api/places?kind=city");
        throw new BadRequestException("No municipality", $"'{Params.Truncate(id)}' has no municipality in the national panel: ask for a municipality or a city.");
    }
}
