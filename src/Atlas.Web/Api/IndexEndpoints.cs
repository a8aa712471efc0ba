using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Api;

/// <summary>
/// The Atlas index (data/index/atlas-index.yaml) over the register: every municipality's score, rank, 5–95 % rank
/// interval and performance group, and one place's. 409 without a register; cached per register version.
/// </summary>
public static class IndexEndpoints
{
    public static void MapIndexApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/index", (HttpContext ctx, Responder r, AtlasQueries q, string? lang, string? format, int? page, int? pageSize) =>
        {
            if (q.RegisterInfo is null) return RegisterEndpoints.NoRegister(q);
            var language = RequestContext.Language(ctx.Request);
            var request = RequestContext.WantsCsv(ctx) ? PageRequest.All : RequestContext.Page(ctx.Request);
            return r.Reply(ctx, () =>
            {
                var index = q.AtlasIndex();
                var labels = q.MunicipalityNames(language);
                var items = index.Entries.Skip(request.Offset).Take(request.Size).ToList();
                var json = Responder.PageJson(ctx, new Page<IndexEntry>(items, index.Entries.Count, request.Number, request.Size),
                    e => AtlasQueries.IndexEntryJson(e, index, language, labels));
                foreach (var (k, v) in q.IndexMeta(index, language)) json[k] = v?.DeepClone();
                return json;
            }, CsvRows, version: q.Register.Stamp);
        }).WithSummary("The Atlas index of every municipality with establishments in the register: score (0-100), rank, median rank and 5-95 % rank interval over 1,000 Monte Carlo replications, performance group relative to the Belgian average, pillar scores and indicator values; paginated, CSV with ?format=csv. 409 when no register is loaded.");

        api.MapGet("/places/{id}/index", (HttpContext ctx, Responder r, AtlasQueries q, string id, string? lang) =>
        {
            if (id.Length > AtlasQueries.MaxQueryLength) throw new BadRequestException("Id too long", $"an id has at most {AtlasQueries.MaxQueryLength} characters.");
            if (q.Resolve(id, EntityType.Place) is null) return ApiEndpoints.NotFound("place", id, "/api/places?kind=city");
            if (q.RegisterInfo is null) return RegisterEndpoints.NoRegister(q);
            var language = RequestContext.Language(ctx.Request);
            int? nis;
            try { nis = q.IndexNis(id); }
            catch (ArgumentException e) { throw new BadRequestException("Merged municipality", e.Message); }
            if (nis is null)
                throw new BadRequestException("Not a municipality", $"'{RequestContext.Truncate(id)}' is not a municipality or a city: the Atlas index scores municipalities (see /api/index).");
            return r.Reply(ctx, () =>
            {
                var index = q.AtlasIndex();
                var json = q.IndexMeta(index, language);
                json["place"] = q.Resolve(id, EntityType.Place);
                json["nis"] = nis.Value.ToString("D5");
                json["entry"] = index.ByNis(nis.Value) is { } e ? AtlasQueries.IndexEntryJson(e, index, language, q.MunicipalityNames(language)) : null;
                if (json["entry"] is null) json["note"] = "the register has no establishment unit in this municipality, so it has no score";
                return json;
            }, version: q.Register.Stamp);
        }).WithSummary("The Atlas index of one place: its municipality's score, rank, rank interval, group and indicator values (a city is scored as its municipality; Brussels as the City of Brussels, 21004). 409 when no register is loaded, 404 for an unknown place.");
    }

    /// <summary>CSV: one row per municipality; pillars and indicators flattened (pillars.knowledge, indicators.rd).</summary>
    private static IEnumerable<JsonObject> CsvRows(JsonNode node) => Responder.Items(node);
}
