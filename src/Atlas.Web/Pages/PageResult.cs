using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Web.Pages;

/// <summary>
/// Renders a page component to static HTML with the plain <see cref="HtmlRenderer"/>: the pages are static (no
/// interactivity, no forms that post), so the endpoint machinery of Blazor's server rendering is not needed.
/// </summary>
public sealed class PageResult<T>(Dictionary<string, object?> parameters, int status) : IResult where T : IComponent
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    }
}
