using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Atlas.Web.Pages;

/// <summary>
/// The stylesheet and the icon (src/Atlas.Web/wwwroot/assets), served by ASP.NET Core's static assets: fingerprinted
/// at build time (the address changes with the content, so a browser may keep a file for a year) and precompressed
/// (gzip, and Brotli when published). The build writes a manifest of them named after the program (atlas.…) or, when
/// the atlas runs inside another host such as the tests, after this library (Atlas.Web.…); in a build, its runtime
/// manifest maps them to the project's files, and a published atlas carries them in wwwroot beside the program.
/// </summary>
public static class AssetFiles
{
    private static readonly string Name = File.Exists(Path.Combine(AppContext.BaseDirectory, "atlas.staticwebassets.endpoints.json")) ? "atlas" : "Atlas.Web";
    private static string Endpoints => $"{Name}.staticwebassets.endpoints.json";
    private static IReadOnlyDictionary<string, string> _urls = new Dictionary<string, string>();

    /// <summary>The options that let the app find the files: its content root beside the program, named as its manifests are.</summary>
    public static WebApplicationOptions Options() => new() { Args = [], ApplicationName = Name, ContentRootPath = AppContext.BaseDirectory };

    public static void UseAssets(this WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{Name}.staticwebassets.runtime.json"))) builder.WebHost.UseStaticWebAssets();
    }

    public static void MapAssets(this WebApplication app)
    {
        app.MapStaticAssets(Endpoints);
        _urls = Fingerprinted(Path.Combine(AppContext.BaseDirectory, Endpoints));
    }

    /// <summary>The fingerprinted address of an asset ("assets/atlas.css" → "/assets/atlas.iegb25v81v.css").</summary>
    public static string Url(string name) => "/" + _urls.GetValueOrDefault(name, name);

    /// <summary>Each asset's fingerprinted route, by its name (the manifest's "label").</summary>
    private static Dictionary<string, string> Fingerprinted(string manifest)
    {
        var urls = new Dictionary<string, string>();
        if (!File.Exists(manifest)) return urls;
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var endpoint in doc.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            var properties = endpoint.GetProperty("EndpointProperties").EnumerateArray()
                .ToDictionary(p => p.GetProperty("Name").GetString()!, p => p.GetProperty("Value").GetString()!);
            if (properties.ContainsKey("fingerprint") && properties.TryGetValue("label", out var label))
                urls.TryAdd(label, endpoint.GetProperty("Route").GetString()!);
        }
        return urls;
    }
}
