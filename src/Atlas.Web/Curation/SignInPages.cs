using Atlas.Curation;
using Atlas.Model;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Web.Curation;

/// <param name="PasskeyOptions">The WebAuthn request options for a sign-in with a passkey (JSON), read by the page's script.</param>
public sealed record SignInModel(PageContext Ctx, FormToken Token, string? ReturnUrl, string? UserName, bool Failed, string PasskeyOptions);

/// <param name="PasskeyOptions">The WebAuthn creation options for a new passkey of this account (JSON), read by the page's script.</param>
public sealed record AccountModel(PageContext Ctx, FormToken Token, Account Me, IReadOnlyList<StoredPasskey> Passkeys, string PasskeyOptions, string? Message);

/// <summary>
/// Signing in and out, with a password (the forms work without JavaScript) or a passkey, and a person's own account
/// page, where they add and remove their passkeys. A passkey is a WebAuthn credential checked by ASP.NET Core
/// Identity; the browser's part needs the atlas's one script (<c>assets/passkeys.js</c>), which only these two pages
/// load, with a CSP that allows the atlas's own scripts on them alone. Without it, passwords work as before.
/// </summary>
public static class SignInPages
{
    public static void MapSignInPages(this IEndpointRouteBuilder app)
    {
        foreach (var lang in Langs.Interface)
        {
            var pages = app.MapGroup("/" + lang.Code()).ExcludeFromDescription();
            pages.MapGet("/sign-in", (HttpContext ctx, string? returnUrl) => SignInForm(ctx, lang, returnUrl, null, false));
            pages.MapPost("/sign-in", (HttpContext ctx, IFormCollection form) => SignIn(ctx, lang, form)).RequireRateLimiting(CurationAuth.SignInLimit);
            pages.MapPost("/sign-in/passkey", (HttpContext ctx, IFormCollection form) => PasskeySignIn(ctx, lang, form)).RequireRateLimiting(CurationAuth.SignInLimit);
            pages.MapPost("/sign-out", async (HttpContext ctx, IFormCollection _, SignInManager<Account> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.Redirect(Links.Home(lang));
            });

            var signedIn = pages.MapGroup("/account").RequireAuthorization(CurationAuth.PagePropose);
            signedIn.MapGet("", (Delegate)((HttpContext ctx) => AccountPage(ctx, lang, null)));
            signedIn.MapPost("/passkeys", (HttpContext ctx, IFormCollection form) => AddPasskey(ctx, lang, form));
            signedIn.MapPost("/passkeys/{id}/remove", (HttpContext ctx, string id, IFormCollection _) =>
            {
                if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
                return ctx.RequestServices.GetRequiredService<ICurationStore>().RemovePasskey(me.Id, id, me.UserName)
                    ? Results.Redirect(CurationLinks.Account(lang)) : ErrorPages.NotFound(ctx, lang);
            });
        }
    }

    /// <summary>The sign-in page, with the challenge of a passkey sign-in (kept by Identity in a short-lived cookie).</summary>
    private static async Task<IResult> SignInForm(HttpContext ctx, Lang lang, string? returnUrl, string? userName, bool failed)
    {
        var options = await ctx.RequestServices.GetRequiredService<SignInManager<Account>>().MakePasskeyRequestOptionsAsync(null);
        AllowOwnScripts(ctx);
        return Page.Personal<SignInPage, SignInModel>(new(PageContext.Of(ctx, lang, lang.T("sign-in")), FormToken.Of(ctx), returnUrl, userName, failed, options),
            failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>
    /// Signs in with Identity (lockout after repeated failures). An unknown name, a wrong password, a disabled or a
    /// locked account all get the same answer, after the same work (a password hash is checked either way).
    /// </summary>
    private static async Task<IResult> SignIn(HttpContext ctx, Lang lang, IFormCollection form)
    {
        var name = form["userName"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var services = ctx.RequestServices;
        var users = services.GetRequiredService<UserManager<Account>>();
        var store = services.GetRequiredService<ICurationStore>();
        var account = name.Length is > 0 and <= 100 ? await users.FindByNameAsync(name) : null;
        if (account is null || account.DisabledAt is not null)
        {
            users.PasswordHasher.VerifyHashedPassword(new Account(), UnknownHash, password);
            if (account is not null) store.Record(account.UserName, Actions.SignInFailed, $"account:{account.UserName}", "disabled");
            return await SignInForm(ctx, lang, returnUrl, name, failed: true);
        }
        var result = await services.GetRequiredService<SignInManager<Account>>().PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            store.Record(account.UserName, Actions.SignInFailed, $"account:{account.UserName}", result.IsLockedOut ? "locked out" : "wrong password");
            return await SignInForm(ctx, lang, returnUrl, name, failed: true);
        }
        store.Record(account.UserName, Actions.SignIn, $"account:{account.UserName}");
        return Results.Redirect(CurationLinks.LocalOr(returnUrl, CurationLinks.Review(lang)));
    }

    /// <summary>A hash of no password, checked for unknown names so that they take as long as known ones.</summary>
    private static readonly string UnknownHash = new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString());

    /// <summary>
    /// Signs in with a passkey: Identity checks the browser's assertion against the challenge it gave and the stored
    /// public key. A disabled or locked account is refused with the same answer as a wrong password.
    /// </summary>
    private static async Task<IResult> PasskeySignIn(HttpContext ctx, Lang lang, IFormCollection form)
    {
        var returnUrl = form["returnUrl"].ToString();
        var credential = form["credential"].ToString();
        var services = ctx.RequestServices;
        var signIn = services.GetRequiredService<SignInManager<Account>>();
        var store = services.GetRequiredService<ICurationStore>();
        var assertion = credential.Length is > 0 and <= 20_000 ? await signIn.PerformPasskeyAssertionAsync(credential) : null;
        if (assertion is not { Succeeded: true, User: { } account, Passkey: { } passkey })
        {
            Log(ctx).LogInformation("A sign-in with a passkey was refused: {Reason}", assertion?.Failure?.Message ?? "no credential");
            return await SignInForm(ctx, lang, returnUrl, null, failed: true);
        }
        if (account.DisabledAt is not null || await signIn.UserManager.IsLockedOutAsync(account))
        {
            store.Record(account.UserName, Actions.SignInFailed, $"account:{account.UserName}", account.DisabledAt is not null ? "disabled" : "locked out");
            return await SignInForm(ctx, lang, returnUrl, null, failed: true);
        }
        await signIn.UserManager.AddOrUpdatePasskeyAsync(account, passkey);   // its new signature counter
        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: "passkey");
        store.Record(account.UserName, Actions.SignIn, $"account:{account.UserName}", "passkey");
        return Results.Redirect(CurationLinks.LocalOr(returnUrl, CurationLinks.Review(lang)));
    }

    /// <summary>One's own account: the passkeys, and the form that adds one (with the challenge Identity keeps for it).</summary>
    private static async Task<IResult> AccountPage(HttpContext ctx, Lang lang, string? message, int status = StatusCodes.Status200OK)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var id = me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = await ctx.RequestServices.GetRequiredService<SignInManager<Account>>()
            .MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = id, Name = me.UserName, DisplayName = me.UserName });
        AllowOwnScripts(ctx);
        var passkeys = ctx.RequestServices.GetRequiredService<ICurationStore>().Passkeys(me.Id);
        return Page.Personal<AccountPage, AccountModel>(new(PageContext.Of(ctx, lang, lang.T("my-account")), FormToken.Of(ctx), me, passkeys, options, message), status);
    }

    /// <summary>Adds the passkey the browser made, once Identity has checked it against the challenge it gave.</summary>
    private static async Task<IResult> AddPasskey(HttpContext ctx, Lang lang, IFormCollection form)
    {
        if (CurationAuth.AccountOf(ctx) is not { } me) return Results.Challenge();
        var signIn = ctx.RequestServices.GetRequiredService<SignInManager<Account>>();
        var credential = form["credential"].ToString();
        var attestation = credential.Length is > 0 and <= 20_000 ? await signIn.PerformPasskeyAttestationAsync(credential) : null;
        if (attestation is not { Succeeded: true, Passkey: { } passkey } || attestation.UserEntity?.Id != me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Log(ctx).LogInformation("A passkey of {Account} was refused: {Reason}", me.UserName, attestation?.Failure?.Message ?? "no credential");
            return await AccountPage(ctx, lang, lang.T("passkey-failed"), StatusCodes.Status422UnprocessableEntity);
        }
        var name = form["name"].ToString().Trim();
        passkey.Name = name.Length is > 0 and <= 100 ? name : lang.T("passkey");
        await signIn.UserManager.AddOrUpdatePasskeyAsync(me, passkey);
        return Results.Redirect(CurationLinks.Account(lang));
    }

    /// <summary>Why a passkey was refused goes to the log (the person sees the answer a wrong password gets).</summary>
    private static ILogger Log(HttpContext ctx) => ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Atlas.Passkeys");

    /// <summary>The CSP of every page, with the atlas's own scripts allowed: for the two pages that offer passkeys.</summary>
    private static void AllowOwnScripts(HttpContext ctx) =>
        ctx.Response.Headers.ContentSecurityPolicy = AtlasWebApp.ContentSecurityPolicy + "; script-src 'self'";
}
