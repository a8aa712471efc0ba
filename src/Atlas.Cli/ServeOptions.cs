using System.CommandLine;
using System.Net;
using Atlas.Web;
using Atlas.Web.Http;
using Atlas.Web.Operations;

namespace Atlas.Cli;

/// <summary>The options of <c>atlas serve</c> that concern operations: logs, metrics, CORS, rate limits, robots.txt, proxies.</summary>
internal sealed class ServeOptions
{
    private readonly Option<string> _logFormat = new("--log-format")
    {
        Description = "text, or json: JSON lines with one line per request (method, route, status, duration; no address, query or header)",
        DefaultValueFactory = _ => "text",
    };
    private readonly Option<bool> _metrics = new("--metrics") { Description = "serve Prometheus metrics at /metrics" };
    private readonly Option<string> _cors = new("--cors-origins")
    {
        Description = "origins that may read the API from a browser: * (any, the default), none, or a list (https://a.example,https://b.example)",
        DefaultValueFactory = _ => "*",
    };
    private readonly Option<int> _rateLimit = new("--rate-limit")
    {
        Description = "requests per minute that one client address may make to the API and the search pages (and at once); 0: no limit",
        DefaultValueFactory = _ => new RateLimit().PerMinute,
    };
    private readonly Option<bool> _limitLoopback = new("--rate-limit-loopback") { Description = "limit the loopback addresses too (exempt by default)" };
    private readonly Option<string> _robots = new("--robots")
    {
        Description = "robots.txt: allow (every page but search results, the default), deny (no crawler), or the path of a file to serve",
        DefaultValueFactory = _ => "allow",
    };
    private readonly Option<string[]> _proxies = new("--trusted-proxy")
    {
        Description = "address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeat for several)",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _logFormat, _metrics, _cors, _rateLimit, _limitLoopback, _robots, _proxies }) command.Options.Add(option);
        _logFormat.AcceptOnlyFromAmong("text", "json");
        _rateLimit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--rate-limit must be 0 or more."); });
        _robots.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } v && Crawlers.RobotsText(v) is null) r.AddError($"--robots {v}: give allow, deny or the path of a file that exists.");
        });
        _proxies.Validators.Add(r =>
        {
            foreach (var p in r.GetValueOrDefault<string[]>() ?? []) if (!IPAddress.TryParse(p, out _)) r.AddError($"--trusted-proxy {p} is not an IP address.");
        });
    }

    public WebOptions Read(ParseResult parse, string? urls) => new()
    {
        Urls = urls,
        LogFormat = parse.GetValue(_logFormat) == "json" ? LogFormat.Json : LogFormat.Text,
        Metrics = parse.GetValue(_metrics),
        CorsOrigins = parse.GetValue(_cors) switch
        {
            "*" => null,
            "none" => [],
            var list => list!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        },
        RateLimit = new RateLimit(parse.GetValue(_rateLimit), parse.GetValue(_limitLoopback)),
        Robots = parse.GetValue(_robots)!,
        TrustedProxies = (parse.GetValue(_proxies) ?? []).Select(IPAddress.Parse).ToList(),
    };
}
