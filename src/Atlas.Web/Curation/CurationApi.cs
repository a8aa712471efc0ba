using Atlas.Curation;
using Atlas.Model;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Atlas.Web.Curation;

/// <summary>
/// The write API, for scripts with a token (Bearer): read a fact with its ETag, propose a change (If-Match for
/// edits and retractions), list and read proposals, accept or reject them. Mapped only when the store has accounts.
/// </summary>
public static class CurationApi
{
    public static void MapCurationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/curation/facts/{id}", (HttpContext ctx, AtlasServices atlas, string id) =>
            {
                if (atlas.Curation.Editable(id) is not { } editable) return Problems.NotFound("fact", id, "/api/facts");
                ctx.Response.Headers.ETag = editable.Etag;
                return Results.Json(new EditableFactJson(id, editable.Etag, editable.Draft), ApiJson.Info<EditableFactJson>());
            })
            .RequireAuthorization(CurationAuth.ApiRead).AddEndpointFilter(Problems.CheckIdLength)
            .Produces<EditableFactJson>().ProducesProblem(404).WithName("editableFact").WithSummary("A fact as an edit starts from it, with its ETag (send it back in If-Match)");

        api.MapGet("/curation/entities/{id}", (HttpContext ctx, AtlasServices atlas, string id) =>
            {
                if (atlas.Curation.EditableEntity(id) is not { } editable) return Problems.NotFound("entity", id, "/api/search");
                ctx.Response.Headers.ETag = editable.Etag;
                return Results.Json(new EditableEntityJson(id, Slugs.Of(editable.Type), editable.Etag, EntityObject(atlas, id)), ApiJson.Info<EditableEntityJson>());
            })
            .RequireAuthorization(CurationAuth.ApiRead).AddEndpointFilter(Problems.CheckIdLength)
            .Produces<EditableEntityJson>().ProducesProblem(404).WithName("editableEntity")
            .WithSummary("An entity as an edit starts from it: the keys of its data file, with its ETag (send it back in If-Match)");

        api.MapGet("/proposals", (HttpContext ctx, AtlasServices atlas, string? status) =>
            {
                var account = CurationAuth.AccountOf(ctx);
                if (account is null) return Results.Unauthorized();
                ProposalStatus? filter = null;
                if (status is not null) filter = Slugs.TryParse<ProposalStatus>(status, out var s) ? s
                    : throw new BadRequestException("Unknown status", "status is pending, accepted or rejected.");
                // editors see every proposal; a contributor sees their own
                var list = atlas.CuratedStore.Curation.Proposals(filter, account.CanReview ? null : account.Id, 500);
                return Results.Json(new ProposalListJson(list.Select(ProposalJson.Of).ToList()), ApiJson.Info<ProposalListJson>());
            })
            .RequireAuthorization(CurationAuth.ApiRead).Produces<ProposalListJson>().ProducesProblem(400).WithName("proposals").WithSummary("Proposals: every one for an editor, their own for a contributor");

        api.MapGet("/proposals/{id:long}", (HttpContext ctx, AtlasServices atlas, long id) =>
                Visible(ctx, atlas, id) is { } p ? Results.Json(ProposalJson.Of(p), ApiJson.Info<ProposalJson>()) : NoProposal(id))
            .RequireAuthorization(CurationAuth.ApiRead).Produces<ProposalJson>().ProducesProblem(404).WithName("proposal").WithSummary("One proposal, to its author or an editor");

        api.MapPost("/proposals", (HttpContext ctx, AtlasServices atlas, ProposalRequestJson body) =>
            {
                var account = CurationAuth.AccountOf(ctx);
                if (account is null) return Results.Unauthorized();
                if (!Slugs.TryParse<ProposalKind>(body.Kind, out var kind))
                    return Invalid([new FieldError("kind", "kind is new, edit or retract")]);
                var ifMatch = ctx.Request.Headers.IfMatch.ToString();
                CurationOutcome outcome;
                if (body.IsAboutEntity)
                {
                    EntityType? type = null;
                    if (body.EntityType is not null)
                        type = Slugs.TryParse<EntityType>(body.EntityType, out var t) ? t
                            : throw new BadRequestException("Unknown entity type", $"entityType is one of {string.Join(", ", Slugs.All<EntityType>())}.");
                    var text = body.Entity is { } entity ? EntityYaml.FromJson(entity) : null;
                    if (body.Entity is not null && text is null) return Invalid([new FieldError("entity", "the entity is an object with the keys of its data file")]);
                    outcome = atlas.Curation.ProposeEntity(account, kind, type, body.EntityId ?? IdIn(body.Entity), text, body.Reason, ifMatch);
                }
                else outcome = atlas.Curation.Propose(account, kind, kind == ProposalKind.New ? null : body.FactId ?? body.Fact?.Id, body.Fact, body.Reason, ifMatch);
                return outcome.Done
                    ? Results.Json(ProposalJson.Of(outcome.Proposal!), ApiJson.Info<ProposalJson>(), statusCode: StatusCodes.Status201Created)
                        .WithLocation($"/api/proposals/{outcome.Proposal!.Id}")
                    : Refused(outcome);
            })
            .OneWriteAtATime()
            .RequireAuthorization(CurationAuth.ApiPropose).Produces<ProposalJson>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428)
            .WithName("propose")
            .WithSummary("Propose a new fact or entity, an edit (If-Match: its ETag) or a fact's retraction; a refused change answers 422 with one error per field");

        foreach (var (verb, accept) in new[] { ("accept", true), ("reject", false) })
        {
            api.MapPost($"/proposals/{{id:long}}/{verb}", (HttpContext ctx, AtlasServices atlas, long id, ReviewRequestJson body) =>
                {
                    var account = CurationAuth.AccountOf(ctx);
                    if (account is null) return Results.Unauthorized();
                    var outcome = accept ? atlas.Curation.Accept(account, id, body.Reason) : atlas.Curation.Reject(account, id, body.Reason);
                    return outcome.Done ? Results.Json(ProposalJson.Of(outcome.Proposal!), ApiJson.Info<ProposalJson>()) : Refused(outcome);
                })
                .OneWriteAtATime()
                .RequireAuthorization(CurationAuth.ApiReview).Produces<ProposalJson>()
                .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
                .WithName(verb + "Proposal")
                .WithSummary(accept ? "Accept a proposal of someone else: the change is served at once, with its history" : "Reject a proposal, with the reason");
        }
    }

    /// <summary>The entity's keys as in its data file, as one JSON object (each value is JSON already).</summary>
    public static System.Text.Json.JsonElement EntityObject(AtlasServices atlas, string id)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, json) in EntityYaml.Fields(atlas.Snapshots.Curated.Get(id)!))
            {
                w.WritePropertyName(key);
                w.WriteRawValue(json);
            }
            w.WriteEndObject();
        }
        using var document = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The id an entity object gives, for an edit that names its entity only there.</summary>
    private static string? IdIn(System.Text.Json.JsonElement? entity) =>
        entity is { ValueKind: System.Text.Json.JsonValueKind.Object } e && e.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString() : null;

    private static Proposal? Visible(HttpContext ctx, AtlasServices atlas, long id) =>
        CurationAuth.AccountOf(ctx) is { } account && atlas.CuratedStore.Curation.FindProposal(id) is { } p && (account.CanReview || p.AuthorId == account.Id) ? p : null;

    private static IResult NoProposal(long id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such proposal",
        detail: $"There is no proposal {id} that you may see. GET /api/proposals lists them.");

    /// <summary>The answer to a refused change: 422 with its fields, 412/428 for the ETag, 403 for one's own proposal, 409 when reviewed already.</summary>
    public static IResult Refused(CurationOutcome outcome) => outcome.Refusal switch
    {
        Refusal.Invalid => Invalid(outcome.Errors ?? []),
        Refusal.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Detail),
        Refusal.PreconditionRequired => Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", detail: outcome.Detail),
        Refusal.PreconditionFailed => Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile", detail: outcome.Detail),
        Refusal.OwnProposal => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Own proposal", detail: outcome.Detail),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Reviewed already", detail: outcome.Detail),
    };

    private static IResult Invalid(IReadOnlyList<FieldError> errors) => Results.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "The change was refused",
        detail: "Each error names its field and says what to write; the rules are those of `atlas validate` (docs/data-format.md).");

    private static IResult WithLocation(this IResult result, string location) => new Located(result, location);

    private sealed class Located(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = location;
            return inner.ExecuteAsync(context);
        }
    }
}
