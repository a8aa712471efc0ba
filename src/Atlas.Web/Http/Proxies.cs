using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Http;

/// <summary>
/// Behind a reverse proxy (ASP.NET Core's forwarded headers): the client's address and the scheme come from the
/// proxy's X-Forwarded-For and X-Forwarded-Proto, believed from the addresses given only, so that the rate limit
/// counts each client and the sitemap names the scheme the visitors use. Nothing is believed when none is given.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<IPAddress> proxies) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
        });

    public static void UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<IPAddress> proxies)
    {
        if (proxies.Count > 0) app.UseForwardedHeaders();
    }
}
