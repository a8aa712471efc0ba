using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>How many requests a client address may make to the API and the search pages.</summary>
/// <param name="PerMinute">the sustained rate, and the burst a client may make at once; 0 turns the limit off.</param>
/// <param name="Loopback">limit the loopback too (127.0.0.1, ::1, and requests made in-process); off by default.</param>
public sealed record RateLimit(int PerMinute = 600, bool Loopback = false);

/// <summary>
/// ASP.NET Core's rate limiter, one token bucket per client address, as a policy that the API group and the search
/// pages require; static assets, health and metrics do not. A refused request gets 429 with Retry-After and a
/// problem-details body (a page for the search pages).
/// </summary>
public static class RateLimits
{
    public const string Policy = "public";

    public static IServiceCollection AddAtlasRateLimits(this IServiceCollection services, RateLimit limit) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context =>
            {
                var address = context.Connection.RemoteIpAddress;
                var exempt = limit.PerMinute <= 0 || (!limit.Loopback && (address is null || IPAddress.IsLoopback(address)));
                if (exempt) return RateLimitPartition.GetNoLimiter("exempt");
                return RateLimitPartition.GetTokenBucketLimiter(address!.ToString(), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit.PerMinute,
                    TokensPerPeriod = Math.Max(1, limit.PerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60 / limit.PerMinute)),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = Reject;
        });

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests from your address: wait {seconds} s before the next one.";
        IResult answer = context.Request.Path.StartsWithSegments("/api")
            ? Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail)
            : ErrorPages.TooManyRequests(context, ErrorPages.LanguageOf(context.Request), seconds);
        await answer.ExecuteAsync(context);
    }
}
