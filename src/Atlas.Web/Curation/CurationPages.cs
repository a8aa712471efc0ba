using Atlas.Curation;
using Atlas.Model;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Curation;

/// <summary>The antiforgery token a form carries in its hidden field.</summary>
public sealed record FormToken(string Name, string Value)
{
    /// <summary>The token of this request's forms (its cookie is set with it).</summary>
    public static FormToken Of(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }
}

public sealed record ReviewModel(PageContext Ctx, FormToken Token, Account Me, IReadOnlyList<Proposal> Proposals, string Status);
public sealed record ProposalModel(PageContext Ctx, FormToken Token, Account Me, Proposal Proposal, string? Current, IReadOnlyList<FieldError> Errors, string? Message);
public sealed record ProposeModel(PageContext Ctx, FormToken Token, ProposalKind Kind, string Action, string? Etag, FactDraft Draft, string? Yaml,
    string? Reason, IReadOnlyList<FieldError> Errors, string? Message);
public sealed record ProposeEntityModel(PageContext Ctx, FormToken Token, string Action, string? Etag, string Yaml, string? Reason,
    IReadOnlyList<FieldError> Errors, string? Message);

/// <summary>
/// The curation's forms, server-rendered in FR/NL/EN and working without JavaScript: the review queue, a proposal
/// with its accept and reject forms, and proposing a new fact or entity, an edit or a retraction (signing in is in
/// <see cref="SignInPages"/>). Every
/// form posts an antiforgery token (a form without one gets 400); every page is the visitor's own (no-store).
/// </summary>
public static class CurationPages
{
    public static void MapCurationPages(this IEndpointRouteBuilder app)
    {
        foreach (var lang in Langs.Interface)
        {
            var pages = app.MapGroup("/" + lang.Code()).ExcludeFromDescription();

            var signedIn = pages.MapGroup("").RequireAuthorization(CurationAuth.PagePropose);
            signedIn.MapGet("/review", (HttpContext ctx, AtlasServices atlas, string? status) => Review(ctx, atlas, lang, status));
            signedIn.MapGet("/review/{id:long}", (HttpContext ctx, AtlasServices atlas, long id) => ShowProposal(ctx, atlas, lang, id, [], null, 200));
            signedIn.MapGet("/propose", (HttpContext ctx) => ProposeForm(ctx, lang, ProposalKind.New, null, new FactDraft(), null, [], null));
            signedIn.MapPost("/propose", (HttpContext ctx, AtlasServices atlas, IFormCollection form) => Propose(ctx, atlas, lang, ProposalKind.New, null, form)).OneWriteAtATime();
            foreach (var kind in new[] { ProposalKind.Edit, ProposalKind.Retract })
            {
                var verb = kind == ProposalKind.Edit ? "edit" : "retract";
                signedIn.MapGet($"/facts/{{id}}/{verb}", (HttpContext ctx, AtlasServices atlas, string id) =>
                    atlas.Curation.Editable(id) is { } e ? ProposeForm(ctx, lang, kind, id, e.Draft, e.Etag, [], null) : ErrorPages.NotFound(ctx, lang));
                signedIn.MapPost($"/facts/{{id}}/{verb}", (HttpContext ctx, AtlasServices atlas, string id, IFormCollection form) => Propose(ctx, atlas, lang, kind, id, form)).OneWriteAtATime();
            }
            signedIn.MapGet("/propose/{type}", (HttpContext ctx, string type) =>
                CuratedType(type) is { } t ? EntityForm(ctx, lang, t, null, EntityYaml.Template(t), null, [], null) : ErrorPages.NotFound(ctx, lang));
            signedIn.MapPost("/propose/{type}", (HttpContext ctx, AtlasServices atlas, string type, IFormCollection form) =>
                CuratedType(type) is { } t ? ProposeEntity(ctx, atlas, lang, t, null, form) : ErrorPages.NotFound(ctx, lang)).OneWriteAtATime();
            signedIn.MapGet("/entities/{id}/edit", (HttpContext ctx, AtlasServices atlas, string id) =>
                atlas.Curation.EditableEntity(id) is { Curated: true } e ? EntityForm(ctx, lang, e.Type, id, e.Yaml, e.Etag, [], null) : ErrorPages.NotFound(ctx, lang));
            signedIn.MapPost("/entities/{id}/edit", (HttpContext ctx, AtlasServices atlas, string id, IFormCollection form) =>
                atlas.Curation.EditableEntity(id) is { Curated: true } e ? ProposeEntity(ctx, atlas, lang, e.Type, id, form) : ErrorPages.NotFound(ctx, lang)).OneWriteAtATime();
            var editors = pages.MapGroup("").RequireAuthorization(CurationAuth.PageReview);
            foreach (var accept in new[] { true, false })
                editors.MapPost($"/review/{{id:long}}/{(accept ? "accept" : "reject")}", (HttpContext ctx, AtlasServices atlas, long id, IFormCollection form) =>
                    Review(ctx, atlas, lang, id, accept, form["reason"])).OneWriteAtATime();
        }
    }

    private static IResult Review(HttpContext ctx, AtlasServices atlas, Lang lang, string? status)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var filter = Slugs.TryParse<ProposalStatus>(status, out var s) ? s : ProposalStatus.Pending;
        var list = atlas.CuratedStore.Curation.Proposals(filter, me.CanReview ? null : me.Id, 200);
        return Page.Personal<ReviewPage, ReviewModel>(new(PageContext.Of(ctx, lang, lang.T("review")), FormToken.Of(ctx), me, list, Slugs.Of(filter)));
    }

    private static IResult ShowProposal(HttpContext ctx, AtlasServices atlas, Lang lang, long id, IReadOnlyList<FieldError> errors, string? message, int status)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        if (atlas.CuratedStore.Curation.FindProposal(id) is not { } p || !(me.CanReview || p.AuthorId == me.Id)) return ErrorPages.NotFound(ctx, lang);
        var snapshot = atlas.Snapshots.Curated;
        var current = p.EntityType is null
            ? snapshot.Fact(p.TargetId) is { } f ? FactYaml.Of(f) : null
            : snapshot.Get(p.TargetId) is { } e ? EntityYaml.Of(e).Yaml : null;
        return Page.Personal<ProposalPage, ProposalModel>(new(PageContext.Of(ctx, lang, $"{lang.T("proposal")} {id}"), FormToken.Of(ctx), me, p,
            p.Kind == ProposalKind.New ? null : current, errors, message), status);
    }

    private static IResult Review(HttpContext ctx, AtlasServices atlas, Lang lang, long id, bool accept, string? reason)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var outcome = accept ? atlas.Curation.Accept(me, id, reason) : atlas.Curation.Reject(me, id, reason);
        if (outcome.Done) return Results.Redirect(CurationLinks.Proposal(lang, id));
        return ShowProposal(ctx, atlas, lang, id, outcome.Errors ?? [], outcome.Detail, StatusOf(outcome.Refusal));
    }

    private static IResult ProposeForm(HttpContext ctx, Lang lang, ProposalKind kind, string? factId, FactDraft draft, string? etag,
        IReadOnlyList<FieldError> errors, string? message, string? reason = null, int status = StatusCodes.Status200OK)
    {
        var (title, action) = kind switch
        {
            ProposalKind.New => (lang.T("propose"), CurationLinks.Propose(lang)),
            ProposalKind.Edit => ($"{lang.T("edit-fact")}: {factId}", CurationLinks.Edit(lang, factId!)),
            _ => ($"{lang.T("retract-fact")}: {factId}", CurationLinks.Retract(lang, factId!)),
        };
        var yaml = kind == ProposalKind.Retract ? FactYaml.Write(draft).Yaml : null;
        return Page.Personal<ProposeForm, ProposeModel>(new(PageContext.Of(ctx, lang, title), FormToken.Of(ctx), kind, action, etag, draft, yaml, reason, errors, message), status);
    }

    private static IResult Propose(HttpContext ctx, AtlasServices atlas, Lang lang, ProposalKind kind, string? factId, IFormCollection form)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var etag = form["etag"].ToString();
        var editable = factId is null ? null : atlas.Curation.Editable(factId);
        if (factId is not null && editable is null) return ErrorPages.NotFound(ctx, lang);
        var draft = FormDraft.Read(form, editable?.Draft);
        var outcome = atlas.Curation.Propose(me, kind, factId, kind == ProposalKind.Retract ? null : draft, form["reason"], etag);
        if (outcome.Done) return Results.Redirect(CurationLinks.Proposal(lang, outcome.Proposal!.Id));
        return ProposeForm(ctx, lang, kind, factId, kind == ProposalKind.Retract ? editable!.Value.Draft : draft,
            outcome.Refusal == Refusal.PreconditionFailed ? editable?.Etag : etag.Length > 0 ? etag : null,
            outcome.Errors ?? [], outcome.Detail, form["reason"], StatusOf(outcome.Refusal));
    }

    /// <summary>A type of entity the atlas curates, from its address (<c>organisation</c>, <c>source</c> …).</summary>
    private static EntityType? CuratedType(string slug) => Slugs.TryParse<EntityType>(slug, out var type) ? type : null;

    /// <summary>The form of a new entity of a type (<paramref name="entityId"/> null) or of an edit of one: its YAML in a text area.</summary>
    private static IResult EntityForm(HttpContext ctx, Lang lang, EntityType type, string? entityId, string yaml, string? etag,
        IReadOnlyList<FieldError> errors, string? message, string? reason = null, int status = StatusCodes.Status200OK)
    {
        var (title, action) = entityId is null
            ? ($"{lang.T("propose-entity")}: {lang.T(Slugs.Of(type))}", CurationLinks.ProposeEntity(lang, type))
            : ($"{lang.T("edit-entity")}: {entityId}", CurationLinks.EditEntity(lang, entityId));
        return Page.Personal<ProposeEntityForm, ProposeEntityModel>(new(PageContext.Of(ctx, lang, title), FormToken.Of(ctx), action, etag, yaml, reason, errors, message), status);
    }

    private static IResult ProposeEntity(HttpContext ctx, AtlasServices atlas, Lang lang, EntityType type, string? entityId, IFormCollection form)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var etag = form["etag"].ToString();
        var yaml = form["entity"].ToString();
        var outcome = atlas.Curation.ProposeEntity(me, entityId is null ? ProposalKind.New : ProposalKind.Edit, type, entityId,
            yaml.Trim().Length == 0 ? null : EntityYaml.FromYaml(yaml), form["reason"], etag);
        if (outcome.Done) return Results.Redirect(CurationLinks.Proposal(lang, outcome.Proposal!.Id));
        // after a change made meanwhile, the form offers the new version's ETag (the text stays the curator's)
        var current = entityId is null ? null : atlas.Curation.EditableEntity(entityId);
        return EntityForm(ctx, lang, type, entityId, yaml, outcome.Refusal == Refusal.PreconditionFailed ? current?.Etag : etag.Length > 0 ? etag : null,
            outcome.Errors ?? [], outcome.Detail, form["reason"], StatusOf(outcome.Refusal));
    }

    private static int StatusOf(Refusal refusal) => refusal switch
    {
        Refusal.Invalid => StatusCodes.Status422UnprocessableEntity,
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        Refusal.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        Refusal.OwnProposal => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };
}

/// <summary>A fact draft from the form's fields; an edit keeps what the form does not show (status, evidence, role, note).</summary>
internal static class FormDraft
{
    public static FactDraft Read(IFormCollection form, FactDraft? basis)
    {
        string? V(string key) => form[key].ToString() is { Length: > 0 } v ? v : null;
        var statement = new[] { "fr", "nl", "en" }.Where(l => V("statement." + l) is not null).ToDictionary(l => l, l => V("statement." + l)!);
        return (basis ?? new FactDraft()) with
        {
            Id = basis?.Id ?? V("id"), Subject = V("subject"), Predicate = V("predicate"), Object = V("object"),
            Context = V("context")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Statement = statement, Indicator = V("indicator"), Source = V("source"),
            Quantity = new QuantityDraft(V("quantity.value"), V("quantity.unit"), V("quantity.qualifier"), V("quantity.period")),
            Locator = new LocatorDraft(V("locator.section"), V("locator.passage"), V("locator.url"), V("locator.row"), V("locator.phrase")),
        };
    }
}
