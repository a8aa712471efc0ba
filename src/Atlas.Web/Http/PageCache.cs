using Atlas.Snapshots;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>
/// Rendered pages and API answers are kept by ASP.NET Core's output cache: an answer is a function of the address,
/// the data version (curated data and register), the content coding (compression happens inside the cache) and, for
/// the API, the format and the language asked by header. Every entry is evicted by tag when a new version is seen, so
/// nothing older is ever served and memory is given back.
/// </summary>
public static class PageCache
{
    public const string Pages = "pages", Api = "api";
    private const string Tag = "atlas-data";

    public static IServiceCollection AddAtlasCaching(this IServiceCollection services, AtlasSnapshots snapshots)
    {
        static KeyValuePair<string, string> Version(AtlasSnapshots s) => new("data", s.Version);
        return services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddPolicy(Pages, b => b.Expire(TimeSpan.FromDays(365)).VaryByValue(_ => Version(snapshots)).VaryByValue(Coding).Tag(Tag));
            o.AddPolicy(Api, b => b.Expire(TimeSpan.FromDays(365)).SetVaryByHeader("Accept-Language").Tag(Tag)
                .VaryByValue(ctx => Version(snapshots)).VaryByValue(ctx => new("format", ctx.Items[Params.FormatItem] as string ?? "")).VaryByValue(Coding));
        });
    }

    /// <summary>Compression runs inside the cache, so an entry holds the bytes of one coding (br, gzip or none).</summary>
    private static KeyValuePair<string, string> Coding(Microsoft.AspNetCore.Http.HttpContext context) => new("coding", Compression.CodingOf(context));

    /// <summary>Evicts every cached answer when the data changes.</summary>
    public static void EvictOnChange(AtlasSnapshots snapshots, IOutputCacheStore store) =>
        snapshots.Changed += () => _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
}
