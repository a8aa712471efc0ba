using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Atlas.Curation;
using Atlas.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Curation;

/// <summary>
/// Who may write, and how they prove it: ASP.NET Core Identity over the atlas's accounts (password hashing,
/// lockout), a session cookie for the forms (HttpOnly, SameSite=Strict, Secure over https) with antiforgery tokens,
/// API tokens for the API (Bearer, never the cookie, so no other site can make a browser write), and a rate limit on
/// signing in. Registered only when the store has an account: without one the atlas has no write endpoint at all.
/// </summary>
public static class CurationAuth
{
    public const string TokenScheme = "Bearer";
    public const string ScopeClaim = "scope";
    public const string SessionCookie = "atlas.session", PasskeyCookie = "atlas.passkey";
    /// <summary>Policies: the API's (a token with the scope), and the forms' (a signed-in person).</summary>
    public const string ApiRead = "api-read", ApiPropose = "api-propose", ApiReview = "api-review", PagePropose = "page-propose", PageReview = "page-review",
        PageAdmin = "page-admin";
    public const string SignInLimit = "sign-in";

    /// <summary>Identity over the accounts table: what `atlas users` and the sign-in form share (password rules, hashing, lockout).</summary>
    public static IdentityBuilder AddAtlasIdentity(this IServiceCollection services, ICurationStore store)
    {
        services.AddSingleton(store);
        services.AddScoped<AccountStore>();
        services.AddScoped<IUserStore<Account>>(sp => sp.GetRequiredService<AccountStore>());
        return services.AddIdentityCore<Account>(o =>
            {
                // length over composition rules (NIST SP 800-63B): a long passphrase is strong without symbols
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddClaimsPrincipalFactory<AccountClaims>();
    }

    public static IServiceCollection AddAtlasCuration(this IServiceCollection services, ICurationStore store, int signInPerMinute)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CurationWrites>();
        services.AddAtlasIdentity(store).AddSignInManager();
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<Account>>();
        // a disabled account or a changed role ends the sessions at their next request
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                Strict(o.Cookie, SessionCookie);
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                o.Events.OnRedirectToLogin = c => { c.Response.Redirect(CurationLinks.SignIn(LangOf(c.Request), c.Request.Path + c.Request.QueryString)); return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            // where Identity keeps a passkey ceremony's challenge between the page that starts it and the post that ends it
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                Strict(o.Cookie, PasskeyCookie);
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenScheme, null);
        // passkeys (WebAuthn): Identity's own handler checks the ceremonies. The origin the authenticator signed must be
        // the atlas's own, as the request reached it (behind a proxy: with --trusted-proxy), and not a frame of another
        // site; Identity's default compares it with the request's Origin header instead, which the atlas's
        // Referrer-Policy (no-referrer) makes "null" on a form post.
        services.AddScoped<IPasskeyHandler<Account>, PasskeyHandler<Account>>();
        services.Configure<IdentityPasskeyOptions>(o => o.ValidateOrigin = c => ValueTask.FromResult(!c.CrossOrigin
            && string.Equals(c.Origin, $"{c.HttpContext.Request.Scheme}://{c.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase)));
        services.AddAuthorization(o =>
        {
            o.AddPolicy(ApiRead, p => p.AddAuthenticationSchemes(TokenScheme).RequireClaim(ScopeClaim, Slugs.Of(Scope.Read)));
            o.AddPolicy(ApiPropose, p => p.AddAuthenticationSchemes(TokenScheme).RequireClaim(ScopeClaim, Slugs.Of(Scope.Propose)));
            o.AddPolicy(ApiReview, p => p.AddAuthenticationSchemes(TokenScheme).RequireClaim(ScopeClaim, Slugs.Of(Scope.Edit)).RequireRole(Reviewers));
            o.AddPolicy(PagePropose, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
            o.AddPolicy(PageReview, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Reviewers));
            o.AddPolicy(PageAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Slugs.Of(Role.Admin)));
        });
        services.AddAntiforgery(o =>
        {
            Strict(o.Cookie, "atlas.antiforgery");
            o.SuppressXFrameOptionsHeader = true;   // the atlas sends DENY on every page already
        });
        // by address, the loopback included: a script guessing passwords from the same machine is limited too
        services.AddRateLimiter(o => o.AddPolicy(SignInLimit, c => RateLimitPartition.GetFixedWindowLimiter(
            c.Connection.RemoteIpAddress?.ToString() ?? "in-process",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, signInPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    /// <summary>Every cookie of the curation: out of scripts' reach, never sent by another site, Secure over https.</summary>
    private static void Strict(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    private static readonly string[] Reviewers = [Slugs.Of(Role.Editor), Slugs.Of(Role.Admin)];

    /// <summary>The claims of an account acting with <paramref name="scopes"/>: its id, name, role and each scope.</summary>
    public static ClaimsPrincipal Principal(Account account, IEnumerable<Scope> scopes, string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName));
        identity.AddClaim(new Claim(ClaimTypes.Role, Slugs.Of(account.Role)));
        foreach (var scope in scopes) identity.AddClaim(new Claim(ScopeClaim, Slugs.Of(scope)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The account a request acts for, read again from the store (a role changed since sign-in counts).</summary>
    public static Account? AccountOf(HttpContext context) =>
        long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? context.RequestServices.GetRequiredService<ICurationStore>().FindAccount(id) is { DisabledAt: null } a ? a : null
            : null;

    private static Lang LangOf(HttpRequest request) =>
        Langs.Interface.FirstOrDefault(l => request.Path.StartsWithSegments("/" + l.Code()), Lang.En);
}

/// <summary>A signed-in person's claims: Identity's (id, name, security stamp), the role, and every scope (the forms check the role).</summary>
public sealed class AccountClaims(UserManager<Account> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, Slugs.Of(user.Role)));
        foreach (var scope in Enum.GetValues<Scope>()) identity.AddClaim(new Claim(CurationAuth.ScopeClaim, Slugs.Of(scope)));
        return identity;
    }
}
