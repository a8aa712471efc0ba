using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Atlas.Web.Operations;

/// <summary>
/// ASP.NET Core health checks for a load balancer: <c>/healthz</c> says the process answers (no check at all);
/// <c>/readyz</c> asks the store for the version it holds, so it fails (503) while the database cannot be read and a
/// proxy takes the node out, and it says which data the node serves: the data version and the register's extract.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddAtlasHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreCheck>("store", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = Write }).ExcludeFromDescription();
    }

    /// <summary>The store answers with the version it holds; the register, when there is one, is described (a damaged one degrades, it does not fail).</summary>
    private sealed class StoreCheck(AtlasServices atlas, ILogger<StoreCheck> log) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            string? version;
            try
            {
                // SQLite calls block: run them aside so that the check's timeout holds
                version = await Task.Run(() => atlas.CuratedStore.DataVersion, ct).WaitAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("readiness: the store does not answer: {Error}", e.Message);
                return HealthCheckResult.Unhealthy("the store does not answer");
            }
            if (version is null) return HealthCheckResult.Unhealthy("the store holds no data");
            var register = atlas.RegisterStore;
            var data = new Dictionary<string, object> { ["dataVersion"] = version };
            if (register.Info is { } info)
            {
                data["registerExtract"] = info.ExtractNumber;
                if (info.SnapshotDate is { } date) data["registerSnapshot"] = date;
            }
            return register.Problem is null
                ? HealthCheckResult.Healthy("the store answers", data)
                : HealthCheckResult.Degraded("the enterprise register cannot be used", data: data);
        }
    }

    /// <summary>A small JSON document: the status, and for readiness what each check found (no path, no error text).</summary>
    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString().ToLowerInvariant());
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString().ToLowerInvariant());
                if (entry.Description is { } description) json.WriteString("description", description);
                foreach (var (key, value) in entry.Data)
                {
                    if (value is int number) json.WriteNumber(key, number);
                    else json.WriteString(key, value.ToString());
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
