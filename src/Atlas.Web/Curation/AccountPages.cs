using Atlas.Curation;
using Atlas.Model;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Curation;

public sealed record AccountsModel(PageContext Ctx, FormToken Token, Account Me, IReadOnlyList<Account> Accounts, string? Message);

/// <summary>
/// The admins' page of accounts: every account with its role and state, and forms to change a role or to disable and
/// enable an account (each change is an audit event, and ends the account's sessions). Accounts are created on the
/// command line (`atlas users add`), so no password is ever set by someone else on the web. An admin's own account is
/// changed by another admin, so the last admin cannot lock everyone out.
/// </summary>
public static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        foreach (var lang in Langs.Interface)
        {
            var admins = app.MapGroup($"/{lang.Code()}/accounts").ExcludeFromDescription().RequireAuthorization(CurationAuth.PageAdmin);
            admins.MapGet("", (HttpContext ctx) => Show(ctx, lang, null));
            admins.MapPost("/{name}/role", (HttpContext ctx, string name, IFormCollection form) =>
                Change(ctx, lang, name, (store, account, me) =>
                {
                    if (!Slugs.TryParse<Role>(form["role"], out var role)) return false;
                    if (role != account.Role) store.SetRole(account.Id, role, me.UserName);
                    return true;
                }));
            foreach (var disable in new[] { true, false })
                admins.MapPost($"/{{name}}/{(disable ? "disable" : "enable")}", (HttpContext ctx, string name, IFormCollection _) =>
                    Change(ctx, lang, name, (store, account, me) =>
                    {
                        if ((account.DisabledAt is not null) != disable) store.SetDisabled(account.Id, disable, me.UserName);
                        return true;
                    }));
        }
    }

    private static IResult Show(HttpContext ctx, Lang lang, string? message, int status = StatusCodes.Status200OK)
    {
        if (CurationAuth.AccountOf(ctx) is not { Role: Role.Admin } me) return Results.Forbid();
        var accounts = ctx.RequestServices.GetRequiredService<ICurationStore>().Accounts();
        return Page.Personal<AccountsPage, AccountsModel>(new(PageContext.Of(ctx, lang, lang.T("accounts")), FormToken.Of(ctx), me, accounts, message), status);
    }

    /// <summary>Makes a change to another account (<paramref name="change"/> false: the form was not understood), then shows the list again.</summary>
    private static IResult Change(HttpContext ctx, Lang lang, string name, Func<ICurationStore, Account, Account, bool> change)
    {
        // the store, not the sign-in's claims, says who is an admin now
        if (CurationAuth.AccountOf(ctx) is not { Role: Role.Admin } me) return Results.Forbid();
        var store = ctx.RequestServices.GetRequiredService<ICurationStore>();
        if (name.Length > 100 || store.FindAccount(name.ToUpperInvariant()) is not { } account) return ErrorPages.NotFound(ctx, lang);
        if (account.Id == me.Id) return Show(ctx, lang, lang.T("own-account"), StatusCodes.Status409Conflict);
        if (!change(store, account, me)) return Show(ctx, lang, $"{lang.T("role")}: {string.Join(", ", Slugs.All<Role>())}", StatusCodes.Status422UnprocessableEntity);
        return Results.Redirect(CurationLinks.Accounts(lang));
    }
}
