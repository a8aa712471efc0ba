using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Http;

/// <summary>
/// The methods of a read-only site (RFC 9110): GET; HEAD wherever GET works, with the same status and headers and no
/// body; OPTIONS with <c>Allow</c>. Routing knows GET endpoints only, so a HEAD request runs as a GET whose body is
/// dropped: the output cache, compression and every header are exactly those of the GET. An OPTIONS request asks
/// routing whether a GET would find an endpoint, and stops there. CORS preflights (OPTIONS with
/// Access-Control-Request-Method) are left to the CORS middleware.
/// </summary>
public static class ReadOnlyMethods
{
    public const string Allow = "GET, HEAD, OPTIONS";
    private const string OptionsItem = "atlas.options";

    /// <summary>Before routing: HEAD and plain OPTIONS travel as GET.</summary>
    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var response = context.Response;
        var method = request.Method;
        var head = HttpMethods.IsHead(method);
        var options = HttpMethods.IsOptions(method) && !request.Headers.ContainsKey("Access-Control-Request-Method");
        if (!head && !options)
        {
            await next(context);
            return;
        }
        var body = response.Body;
        request.Method = HttpMethods.Get;
        if (options) context.Items[OptionsItem] = true;
        if (head) response.Body = Stream.Null; // the GET's body is written nowhere; its Content-Length stays
        try
        {
            await next(context);
        }
        finally
        {
            request.Method = method; // logs and metrics see the method that was asked
            response.Body = body;
        }
    });

    /// <summary>
    /// After routing: an OPTIONS request to an address a GET would answer gets 204 and <c>Allow</c>; routing's 405 (a
    /// method no endpoint takes) lists every method the atlas accepts, not only GET.
    /// </summary>
    public static IApplicationBuilder UseOptionsAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var response = context.Response;
        if (context.Items.ContainsKey(OptionsItem) && context.GetEndpoint() is not null)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.Allow = Allow;
            return;
        }
        await next(context);
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed && !response.HasStarted) response.Headers.Allow = Allow;
    });
}
