using Atlas.Web.Http;
using Atlas.Web.Operations;
using Microsoft.Extensions.Logging;

namespace Atlas.Web;

/// <summary>How the atlas is served: where, how it logs, and the settings of its operations (see docs/user-guide.md).</summary>
public sealed record WebOptions
{
    /// <summary>Addresses to listen on; null means ASPNETCORE_URLS if set, else http://127.0.0.1:5080.</summary>
    public string? Urls { get; init; }
    /// <summary>Serve in-process only (no socket): for <c>atlas get</c> and tests.</summary>
    public bool InProcess { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
    /// <summary>Text (the console's lines) or JSON lines, with one line per request.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;
    /// <summary>Serve Prometheus metrics at /metrics.</summary>
    public bool Metrics { get; init; }
    /// <summary>The origins that may read the API from a browser: null for any, empty for none.</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }
    public RateLimit RateLimit { get; init; } = new();
    /// <summary>Sign-in attempts an address may make per minute (the loopback included); failures past five lock the account for 15 minutes.</summary>
    public int SignInPerMinute { get; init; } = 10;
    /// <summary>robots.txt: "allow", "deny", or the path of a file to serve.</summary>
    public string Robots { get; init; } = "allow";
    /// <summary>Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (the client's address and scheme).</summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];
}
