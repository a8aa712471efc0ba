using Atlas.Model;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Pages;

/// <summary>What a message page shows: a title, a message, and a search box (with a suggestion) when searching may help.</summary>
public sealed record MessageModel(PageContext Ctx, string Message, bool ShowSearch = false, string? Suggestion = null);

/// <summary>The pages for a missing page, a request the atlas cannot answer as asked, and a failure — in the visitor's language.</summary>
public static class ErrorPages
{
    public static IResult NotFound(HttpContext ctx, Lang lang, string? suggestion = null) =>
        Page.Render<MessagePage, MessageModel>(new(PageContext.Of(ctx, lang, lang.T("not-found")), lang.T("not-found-help"), true, suggestion),
            StatusCodes.Status404NotFound);

    /// <summary>A page number that is not one, a query over 200 characters …</summary>
    public static IResult BadRequest(HttpContext ctx, Lang lang, string detail) =>
        Page.Render<MessagePage, MessageModel>(new(PageContext.Of(ctx, lang, lang.T("bad-request")), detail, true), StatusCodes.Status400BadRequest);

    /// <summary>429: the rate limit of the search pages; the visitor may search again after <paramref name="seconds"/>.</summary>
    public static IResult TooManyRequests(HttpContext ctx, Lang lang, int seconds) =>
        Page.Render<MessagePage, MessageModel>(new(PageContext.Of(ctx, lang, lang.T("too-many")), string.Format(lang.T("too-many-help"), seconds)),
            StatusCodes.Status429TooManyRequests);

    public static IResult Error(HttpContext ctx, Lang lang) =>
        Page.Render<MessagePage, MessageModel>(new(PageContext.Of(ctx, lang, lang.T("error")), lang.T("error-help")), StatusCodes.Status500InternalServerError);

    /// <summary>The language of a page address (/nl/…), else the visitor's preferred one.</summary>
    public static Lang LanguageOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return path.Length >= 3 && path[0] == '/' && (path.Length == 3 || path[3] is '/')
               && Langs.TryParse(path[1..3], out var lang) && lang != Lang.De ? lang : Http.Params.PreferredLanguage(request);
    }
}
