using Atlas.Snapshots;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>
/// Rendered pages and API answers are kept by ASP.NET Core's output cache: an answer is a function of the address,
/// the data version (curated data and register) and, for the API, the format and the language asked by header. Each
/// cached entry varies by the data version, and every entry is evicted by tag when a new version is seen, so nothing
/// older is ever served and memory is given back.
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
            o.AddPolicy(Pages, b => b.Expire(TimeSpan.FromDays(365)).VaryByValue(_ => Version(snapshots)).Tag(Tag));
            o.AddPolicy(Api, b => b.Expire(TimeSpan.FromDays(365)).SetVaryByHeader("Accept-Language").Tag(Tag)
                .VaryByValue(ctx => Version(snapshots)).VaryByValue(ctx => new("format", ctx.Items[Params.FormatItem] as string ?? "")));
        });
    }

    /// <summary>Evicts every cached answer when the data changes.</summary>
    public static void EvictOnChange(AtlasSnapshots snapshots, IOutputCacheStore store) =>
        snapshots.Changed += () => _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask();
}
