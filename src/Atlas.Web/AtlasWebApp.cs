using Atlas.Query;
using Atlas.Web.Api;
using Atlas.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Atlas.Diagnostics;

namespace Atlas.Web;

public sealed record WebOptions
{
    /// <summary>Addresses to listen on; null means ASPNETCORE_URLS if set, else http://127.0.0.1:5080.</summary>
    public string? Urls { get; init; }
    /// <summary>Serve in-process only (no socket): for <c>atlas get</c> and tests.</summary>
    public bool InProcess { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>The one application object: services, middleware and endpoints of the atlas, over a prepared store.</summary>
public static class AtlasWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Create(AtlasQueries queries, WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (options.InProcess) builder.WebHost.UseTestServer();
        else builder.WebHost.UseUrls(options.Urls ?? ListenUrls());
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        builder.Services.AddSingleton(queries);
        builder.Services.AddSingleton<Responder>();
        builder.Services.AddProblemDetails();
        // write letters as letters (Liège, not Li&#xE8;ge): smaller pages, still encoded wherever HTML needs it
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // the curated data cannot change while the atlas runs, so a rendered page stays right until the next start or import:
        // each address (path and query) is rendered once and then served from memory
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            // pages show figures of the register (evidence, opportunities, the index), which can be imported while the
            // atlas runs: the cached pages vary by the register's version (its file stamp, looked at at most once a second)
            o.AddPolicy(PageEndpoints.CachePolicy, b => b.Expire(TimeSpan.FromDays(365))
                .VaryByValue(_ => new KeyValuePair<string, string>("register", queries.Register.CachedStamp)));
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Belgian Innovation Atlas API";
            doc.Info.Description = "Read-only JSON API over the atlas: places, sectors, technologies, organisations, programmes, sources, facts with their sources and locators, search and comparison. Lists are paginated and available as CSV (?format=csv).";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(WriteError));
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var response = http.Response;
            if (response.ContentLength is not null || response.ContentType is not null) return;
            if (IsApi(http.Request) || response.StatusCode != StatusCodes.Status404NotFound)
                await Results.Problem(statusCode: response.StatusCode, detail: StatusDetail(response.StatusCode, http.Request.Path)).ExecuteAsync(http);
            else
                await PageEndpoints.NotFoundPage(http, PageEndpoints.LanguageOf(http.Request)).ExecuteAsync(http);
        });
        app.Use(SecurityHeaders);
        app.Use(FormatSuffix);
        app.UseRouting(); // after FormatSuffix, so that /api/places.csv routes as /api/places
        app.UseOutputCache();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAtlasApi();
        app.MapAtlasPages();
        return app;
    }

    private static string ListenUrls() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } env ? env : DefaultUrl;

    /// <summary>A <c>.csv</c> or <c>.json</c> suffix on a path asks for that format (/api/places.csv).</summary>
    private static Task FormatSuffix(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        foreach (var format in new[] { "csv", "json" })
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal) && path.EndsWith("." + format, StringComparison.Ordinal))
            {
                context.Request.Path = path[..^(format.Length + 1)];
                context.Items[RequestContext.FormatItem] = format;
                break;
            }
        }
        return next(context);
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        // pages load only the atlas's own stylesheet and icon: no script, no inline style, nothing from another host
        h.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        h.XFrameOptions = "DENY";
        return next(context);
    }

    /// <summary>Errors as RFC 9457 problem details: a bad request says what to change; a failure leaks no stack trace.</summary>
    private static async Task WriteError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (!IsApi(context.Request))
        {
            if (error is not BadRequestException)
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Atlas").LogError(error, "page {Path} failed", context.Request.Path);
            var lang = PageEndpoints.LanguageOf(context.Request);
            await (error is BadRequestException bad ? PageEndpoints.BadRequestPage(context, lang, bad.Message) : PageEndpoints.ErrorPage(context, lang)).ExecuteAsync(context);
            return;
        }
        var result = error switch
        {
            BadRequestException bad => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: bad.Title, detail: bad.Message),
            BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: "The request could not be read."),
            _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error",
                detail: "The atlas could not answer this request. The error has been logged."),
        };
        if (error is not BadRequestException and not BadHttpRequestException)
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Atlas").LogError(error, "request {Path} failed", context.Request.Path);
        await result.ExecuteAsync(context);
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static string StatusDetail(int status, PathString path) => status switch
    {
        404 => $"Nothing is at {path}. The API starts at /api; its description is at /openapi/v1.json.",
        405 => "The atlas is read-only: use GET.",
        _ => $"The request to {path} failed with status {status}.",
    };
}
