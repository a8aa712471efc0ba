using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Web.Pages;

/// <summary>
/// A page: a component rendered to static HTML with the plain <see cref="HtmlRenderer"/> from its typed model (the
/// component's one <c>Model</c> parameter). The pages are static — no interactivity, no form that posts — so the
/// endpoint machinery of Blazor's server rendering is not needed. A page is sent as the API's answers are, with an
/// ETag, Last-Modified and Cache-Control (see <see cref="Http.Conditional"/>).
/// </summary>
public sealed class PageResult<TComponent, TModel>(TModel model, int status, bool personal = false) : IResult where TComponent : IComponent
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        // written as UTF-8 into pooled blocks, through a writer whose buffers are pooled too, and sent from the blocks:
        // a city page is some 150 KB, and each copy of it made at every render (a string, its bytes, one contiguous
        // buffer) was a large-object allocation
        using var buffer = PageBuffers.GetStream("page");
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }));
            await using var writer = new HttpResponseStreamWriter(buffer, Utf8, BufferSize);
            output.WriteHtmlTo(writer);
        });
        var bytes = buffer.GetReadOnlySequence();
        if (personal)
        {
            // a form or a signed-in person's page: never kept by any cache
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            foreach (var piece in bytes) await context.Response.Body.WriteAsync(piece);
            return;
        }
        // the whole page at once: its length and ETag are known before it is sent
        await Http.Conditional.Write(context, bytes, "text/html; charset=utf-8", status);
    }

    private const int BufferSize = 8 * 1024;
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}

/// <summary>The pooled memory pages are rendered into (shared by every page type).</summary>
internal static class PageBuffers
{
    // blocks of 64 KB; up to 32 MB of free blocks are kept for the next renders
    private static readonly Microsoft.IO.RecyclableMemoryStreamManager Manager = new(new Microsoft.IO.RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        MaximumSmallPoolFreeBytes = 32 * 1024 * 1024,
    });

    public static Microsoft.IO.RecyclableMemoryStream GetStream(string tag) => Manager.GetStream(tag);
}

public static class Page
{
    /// <summary>Renders <typeparamref name="TComponent"/> with its model.</summary>
    public static IResult Render<TComponent, TModel>(TModel model, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        new PageResult<TComponent, TModel>(model, status);

    /// <summary>Renders a page that is someone's own (a form with its antiforgery token, a review queue): sent with no-store.</summary>
    public static IResult Personal<TComponent, TModel>(TModel model, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        new PageResult<TComponent, TModel>(model, status, personal: true);
}
