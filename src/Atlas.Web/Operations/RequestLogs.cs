using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Web.Operations;

public enum LogFormat { Text, Json }

/// <summary>
/// Logs as JSON lines (<c>--log-format json</c>), for a log collector: the application's messages, and one line per
/// request by ASP.NET Core's HTTP logging with the method, the route template (/api/places/{id}, never the address
/// itself), the status and the duration. Nothing a visitor sent is written: no client address, no query, no header,
/// no cookie — so no personal data, and no secret, reaches the logs.
/// </summary>
public static class RequestLogs
{
    public static void AddJsonLogs(this ILoggingBuilder logging, IServiceCollection services)
    {
        logging.ClearProviders().AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.AddFilter("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", LogLevel.Information);
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddSingleton<IHttpLoggingInterceptor, RouteOnly>();
    }

    /// <summary>Adds the route template once routing has chosen the endpoint (the response is about to start).</summary>
    private sealed class RouteOnly : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
        {
            var endpoint = logContext.HttpContext.GetEndpoint();
            logContext.AddParameter("Route", (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "(none)");
            return ValueTask.CompletedTask;
        }
    }
}
