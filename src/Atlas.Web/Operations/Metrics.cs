using System.Diagnostics.Metrics;
using System.Globalization;
using Atlas.Register;
using Atlas.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Atlas.Web.Operations;

/// <summary>
/// Metrics for Prometheus at <c>/metrics</c> (off unless asked for), by OpenTelemetry: ASP.NET Core's own instruments
/// (requests by route, method and status with their durations; Kestrel; the rate limiter), the output cache's hits
/// and misses, the data version and the register's last import (extract, when, how long). An import runs in its own
/// process (<c>atlas import kbo</c>), which has metrics of its own: see src/Atlas.Cli/ImportMetrics.cs.
/// </summary>
public static class Metrics
{
    public const string MeterName = "Atlas";
    private const string RenderedItem = "atlas.rendered";

    public static IServiceCollection AddAtlasMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(MeterName)
            .AddPrometheusExporter());
        return services.AddSingleton<AtlasInstruments>();
    }

    /// <summary>The output cache, with its hits and misses counted: a miss is a request that went past it.</summary>
    public static void UseCountedOutputCache(this WebApplication app)
    {
        var instruments = app.Services.GetRequiredService<AtlasInstruments>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.GetEndpoint()?.Metadata.GetMetadata<IOutputCachePolicy>() is null) return;
            instruments.CacheRequests.Add(1, new("cache", context.Request.Path.StartsWithSegments("/api") ? "api" : "pages"),
                new("result", context.Items.ContainsKey(RenderedItem) ? "miss" : "hit"));
        });
        app.UseOutputCache();
        app.Use((context, next) =>
        {
            context.Items[RenderedItem] = true;
            return next(context);
        });
    }

    public static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");

    /// <summary>The atlas's own instruments, on a meter of this application's container.</summary>
    private sealed class AtlasInstruments
    {
        public Counter<long> CacheRequests { get; }

        public AtlasInstruments(IMeterFactory factory, AtlasSnapshots snapshots)
        {
            var meter = factory.Create(MeterName);
            CacheRequests = meter.CreateCounter<long>("atlas.cache.requests", "{request}", "Requests to cached pages and answers, by cache (pages, api) and result (hit, miss)");
            meter.CreateObservableGauge("atlas.data.version", () => new Measurement<int>(1,
                    new("curated", snapshots.Curated.Version[..Math.Min(12, snapshots.Curated.Version.Length)]),
                    new("register", snapshots.RegisterStore.Info?.ExtractNumber.ToString(CultureInfo.InvariantCulture) ?? "none")),
                description: "The data version served (always 1; the version is in the labels: the curated data's hash, the register's extract)");
            meter.CreateObservableGauge("atlas.register.extract", () => Register(snapshots, i => i.ExtractNumber),
                description: "The number of the KBO extract the register holds");
            meter.CreateObservableGauge("atlas.register.last_import.duration", () => Register(snapshots, i => i.ImportSeconds), "s",
                "How long the import of the register's current extract took");
            meter.CreateObservableGauge("atlas.register.last_import.time", () => Register(snapshots, i =>
                    DateTimeOffset.TryParse(i.ImportedAt, CultureInfo.InvariantCulture, out var at) ? at.ToUnixTimeSeconds() : (double?)null), "s",
                "When the register's current extract was imported (Unix time)");
        }

        private static IEnumerable<Measurement<double>> Register(AtlasSnapshots snapshots, Func<RegisterInfo, double?> value) =>
            snapshots.RegisterStore.Info is { } info && value(info) is { } v ? [new Measurement<double>(v)] : [];
    }
}
