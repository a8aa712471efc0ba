using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Atlas.Curation;
using Atlas.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Curation;

/// <summary>
/// API tokens for scripts: a random secret shown once, kept only as its SHA-256, with scopes, an expiry and a
/// revocation. Sent as <c>Authorization: Bearer atlas_…</c>.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "atlas_";
    public const int MaxDays = 366;

    /// <summary>Creates a token for an account; the returned secret is the only copy there will ever be.</summary>
    public static (ApiToken Token, string Secret) Issue(ICurationStore store, Account account, string name, IReadOnlySet<Scope> scopes, int days, string actor)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = store.AddToken(new ApiToken
        {
            AccountId = account.Id, Name = name, Hash = Hash(secret), Scopes = scopes, ExpiresAt = DateTimeOffset.UtcNow.AddDays(days),
        }, actor);
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Reads "read,propose" into scopes; null with the unknown word when one is not a scope.</summary>
    public static (IReadOnlySet<Scope>? Scopes, string? Unknown) ParseScopes(string text)
    {
        var scopes = new HashSet<Scope>();
        foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Slugs.TryParse<Scope>(word, out var scope)) return (null, word);
            scopes.Add(scope);
        }
        return scopes.Count == 0 ? (null, "") : (scopes, null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The Bearer scheme of the API: a valid, unexpired, unrevoked token of an enabled account; its scopes become claims.</summary>
public sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICurationStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200) return Task.FromResult(AuthenticateResult.Fail("malformed token"));
        var token = store.FindToken(ApiTokens.Hash(secret));
        if (token is null || !token.IsValidAt(DateTimeOffset.UtcNow)) return Task.FromResult(AuthenticateResult.Fail("unknown, expired or revoked token"));
        var account = store.FindAccount(token.AccountId);
        if (account is null || account.DisabledAt is not null) return Task.FromResult(AuthenticateResult.Fail("the token's account is disabled"));
        var principal = CurationAuth.Principal(account, token.Scopes, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"atlas\"";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
            detail: "Send an API token as 'Authorization: Bearer atlas_…': `atlas tokens add USER --scope read,propose` makes one. An unknown, expired or revoked token is refused.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: "This token may not do this: reviewing needs the 'edit' scope and an editor's account, proposing the 'propose' scope, reading proposals the 'read' scope.")
            .ExecuteAsync(Context);
}
