using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Companies;
using Atlas.Compare;
using Atlas.Complexity;
using Atlas.Finder;
using Atlas.Search;
using Atlas.Snapshots;
using Atlas.Specialisation;
using Atlas.Store;
using Atlas.Web.Analytics;
using Atlas.Web.AtlasIndex;
using Atlas.Web.Catalogue;
using Atlas.Web.Compare;
using Atlas.Web.Finder;
using Atlas.Web.Curation;
using Atlas.Web.Home;
using Atlas.Web.OpenData;
using Atlas.Web.Http;
using Atlas.Web.Operations;
using Atlas.Web.Pages;
using Atlas.Web.Register;
using Atlas.Web.Search;
using Atlas.Web.Series;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Web;

/// <summary>The one application object: services, middleware and endpoints of the atlas, over its prepared stores.</summary>
public static class AtlasWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Create(AtlasServices atlas, WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(AssetFiles.Options());
        builder.UseAssets();
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (options.LogFormat == LogFormat.Json) builder.Logging.AddJsonLogs(builder.Services);
        if (options.InProcess) builder.WebHost.UseTestServer();
        else builder.WebHost.UseUrls(options.Urls ?? ListenUrls());
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        var services = builder.Services;
        services.AddSingleton(atlas).AddSingleton(atlas.Snapshots)
            .AddSingleton(atlas.Entities).AddSingleton(atlas.Search).AddSingleton(atlas.Compare).AddSingleton(atlas.Companies)
            .AddSingleton(atlas.Specialisation).AddSingleton(atlas.Claims).AddSingleton(atlas.Complexity).AddSingleton(atlas.Index)
            .AddSingleton(atlas.Dynamics).AddSingleton(atlas.Series).AddSingleton(atlas.Finder);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        // write letters as letters (Liège, not Li&#xE8;ge): smaller pages, still encoded wherever HTML needs it
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAtlasCaching(atlas.Snapshots);
        services.AddAtlasCompression();
        services.AddAtlasCors(options.CorsOrigins);
        services.AddAtlasRateLimits(options.RateLimit);
        // read-only by default: with no account in the store there is no write endpoint, no sign-in, no cookie; nor
        // on a node whose database role may only read (a team server's public nodes, atlas_reader)
        var accounts = atlas.CuratedStore.Curation.HasAccounts;
        var curation = accounts && atlas.CuratedStore.Curation.MayWrite;
        if (curation) services.AddAtlasCuration(atlas.CuratedStore.Curation, options.SignInPerMinute);
        services.AddAtlasHealth();
        if (options.Metrics) services.AddAtlasMetrics();
        services.AddTrustedProxies(options.TrustedProxies);
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaName;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Belgian Innovation Atlas API";
                doc.Info.Description = "JSON API over the atlas: places, sectors, technologies, organisations, programmes, sources, facts with their sources, locators and history, search and comparison, the enterprise register and the analyses built on it. Lists are paginated and available as CSV (?format=csv). Read-only unless the atlas has curation accounts: then proposals and reviews are made with an API token (Bearer).";
                return Task.CompletedTask;
            });
        });

        var app = builder.Build();
        if (accounts && !curation)
            app.Logger.LogInformation("read-only node: the store has curation accounts, but this node's database role may not write (make it a member of atlas_curator to take sign-ins and proposals; docs/deployment.md)");
        PageCache.EvictOnChange(atlas.Snapshots, app.Services.GetRequiredService<IOutputCacheStore>());
        app.UseTrustedProxies(options.TrustedProxies);
        if (options.LogFormat == LogFormat.Json) app.UseHttpLogging();
        app.UseReadOnlyMethods();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteError,
            // a question the atlas cannot answer as asked (400, 409) is the visitor's, not a failure to log with its stack
            // (a failure is logged by the middleware, with its stack)
            // nor is an unreachable database, which is logged as one warning line per request, not a stack (WriteError)
            SuppressDiagnosticsCallback = c => Describe(c.Exception).Status is < StatusCodes.Status500InternalServerError or StatusCodes.Status503ServiceUnavailable,
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var response = http.Response;
            if (response.ContentLength is not null || response.ContentType is not null) return;
            if (IsApi(http.Request) || response.StatusCode != StatusCodes.Status404NotFound)
                await Results.Problem(statusCode: response.StatusCode, detail: StatusDetail(response.StatusCode, http.Request.Path)).ExecuteAsync(http);
            else
            {
                // outside /fr, /nl and /en the page's language comes from Accept-Language
                if (!IsPagePath(http.Request.Path)) Conditional.Vary(response, "Accept-Language");
                await ErrorPages.NotFound(http, ErrorPages.LanguageOf(http.Request)).ExecuteAsync(http);
            }
        });
        app.Use(SecurityHeaders);
        app.Use(FormatSuffix);
        app.UseRouting(); // after FormatSuffix, so that /api/places.csv routes as /api/places
        app.UseOptionsAnswer();
        app.UseCors();
        if (curation)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseAntiforgery();
        }
        app.UseRateLimiter();
        if (options.Metrics) app.UseCountedOutputCache();
        else app.UseOutputCache();
        app.UseAtlasCompression(); // inside the output cache: each answer is compressed once per coding
        app.MapOpenApi("/openapi/{documentName}.json").WithAtlasCors(options.CorsOrigins);
        app.MapAssets();
        app.MapHealth();
        app.MapCrawlers(options.Robots);
        if (options.Metrics) app.MapMetrics();

        var api = app.MapGroup("/api").WithTags("atlas").CacheOutput(PageCache.Api).WithAtlasCors(options.CorsOrigins)
            .WithVaryByOrigin(options.CorsOrigins).RequireRateLimiting(RateLimits.Policy);
        api.MapCatalogueApi();
        api.MapSearchApi();
        api.MapCompareApi();
        api.MapRegisterApi();
        api.MapComplexityApi();
        api.MapIndexApi();
        api.MapDynamicsApi();
        api.MapFinderApi();
        api.MapSeriesApi();
        api.MapOpenDataApi();
        api.MapHistoryApi();
        if (curation)
        {
            // outside the cached group: every answer here is the caller's own; no CORS: scripts, not other sites, write
            app.MapGroup("/api").WithTags("curation").RequireRateLimiting(RateLimits.Policy).MapCurationApi();
            app.MapCurationPages();
            app.MapSignInPages();
            app.MapAccountPages();
        }

        app.MapHomePages();
        app.MapCataloguePages();
        app.MapSearchPages();
        app.MapCompanyPages();
        app.MapComparePages();
        app.MapComplexityPages();
        app.MapIndexPages();
        app.MapFinderPages();
        app.MapSeriesPages();
        return app;
    }

    /// <summary>A contract type's name in the OpenAPI document, as a client generator will name it: EntityJson → Entity, PageJson&lt;FactJson&gt; → PageOfFact.</summary>
    private static string? SchemaName(System.Text.Json.Serialization.Metadata.JsonTypeInfo info) =>
        Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(info)?.Replace("Json", "");

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
                context.Items[Params.FormatItem] = format;
                break;
            }
        }
        return next(context);
    }

    /// <summary>
    /// Pages load only the atlas's own stylesheet, icon and manifest: no script, no inline style, nothing from another
    /// host. (The sign-in and account pages add the atlas's own script, for passkeys.)
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XFrameOptions = "DENY";
        return next(context);
    }

    /// <summary>The status, title and detail an error is answered with.</summary>
    private static (int Status, string Title, string Detail) Describe(Exception? error) => error switch
    {
        BadRequestException bad => (StatusCodes.Status400BadRequest, bad.Title, bad.Message),
        MergedMunicipalityException merged => (StatusCodes.Status400BadRequest, "Merged municipality",
            $"{merged.Message}; the register places its addresses in /api/places/{merged.Place.MergedInto}"),
        NoRegisterException none => (StatusCodes.Status409Conflict, "No enterprise register loaded", none.Message),
        UnknownSourceException unknown => (StatusCodes.Status400BadRequest, "Unknown source", unknown.Message),
        FinderInputException input => (StatusCodes.Status400BadRequest, $"Invalid {input.Field}", $"{input.Field}: {input.Message}."),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request could not be read."),
        // the database is down or restarting: say so and when to come back, without the driver's message (it names the server)
        _ when StoreUnavailableException.IsUnavailable(error) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The atlas's database cannot be reached just now. Try again in {RetryAfterSeconds} s."),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", "The atlas could not answer this request. The error has been logged."),
    };

    /// <summary>When to try again after a 503 (a database restart takes a few seconds).</summary>
    private const int RetryAfterSeconds = 5;

    /// <summary>Errors as RFC 9457 problem details (or pages): a bad request says what to change; a failure leaks no stack trace.</summary>
    private static async Task WriteError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = Describe(error);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Atlas.Store").LogWarning("store unavailable: {Reason}", error?.Message);
        }
        if (!IsApi(context.Request))
        {
            var lang = ErrorPages.LanguageOf(context.Request);
            await (status switch
            {
                StatusCodes.Status500InternalServerError => ErrorPages.Error(context, lang),
                StatusCodes.Status503ServiceUnavailable => ErrorPages.Unavailable(context, lang),
                _ => ErrorPages.BadRequest(context, lang, detail),
            }).ExecuteAsync(context);
            return;
        }
        if (error is NoRegisterException noRegister) { await Problems.NoRegister(noRegister.Problem).ExecuteAsync(context); return; }
        // the field at fault, for a client to point at
        var extensions = error is FinderInputException input ? new Dictionary<string, object?> { ["field"] = input.Field } : null;
        await Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions).ExecuteAsync(context);
    }

    private static bool IsPagePath(PathString path) =>
        Atlas.Model.Langs.Interface.Any(l => path.StartsWithSegments("/" + Atlas.Model.Langs.Code(l)));

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static string StatusDetail(int status, PathString path) => status switch
    {
        404 => $"Nothing is at {path}. The API starts at /api; its description is at /openapi/v1.json.",
        405 => "The atlas is read-only: use GET (or HEAD, OPTIONS).",
        _ => $"The request to {path} failed with status {status}.",
    };
}
