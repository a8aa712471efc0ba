using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>
/// Cross-origin reads of the open API (ASP.NET Core's CORS, a policy on the /api group and the OpenAPI document only):
/// GET, HEAD and OPTIONS from any origin by default, or from a list; never with credentials, never for pages or for
/// a write route, which stay same-origin.
/// </summary>
public static class Cors
{
    public const string Policy = "api";

    /// <param name="origins">null: any origin; empty: none (no CORS header at all); else these origins only.</param>
    public static IServiceCollection AddAtlasCors(this IServiceCollection services, IReadOnlyList<string>? origins) =>
        services.AddCors(o => o.AddPolicy(Policy, p =>
        {
            if (origins is null) p.AllowAnyOrigin();
            else p.WithOrigins([.. origins]);
            p.WithMethods("GET", "HEAD", "OPTIONS").AllowAnyHeader()
                .WithExposedHeaders("ETag", "Last-Modified", "Content-Disposition", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromDays(1));
        }));

    /// <summary>Puts the policy on an endpoint or a group, unless CORS is off.</summary>
    public static TBuilder WithAtlasCors<TBuilder>(this TBuilder builder, IReadOnlyList<string>? origins) where TBuilder : IEndpointConventionBuilder =>
        origins is { Count: 0 } ? builder : builder.RequireCors(Policy);

    /// <summary>
    /// With a list of origins the answer depends on the Origin header: every answer of the group says so, also the
    /// one the output cache keeps and serves to other origins (the CORS headers themselves are added outside the cache).
    /// </summary>
    public static RouteGroupBuilder WithVaryByOrigin(this RouteGroupBuilder group, IReadOnlyList<string>? origins) =>
        origins is not { Count: > 0 } ? group : group.AddEndpointFilter((context, next) =>
        {
            Conditional.Vary(context.HttpContext.Response, "Origin");
            return next(context);
        });
}
