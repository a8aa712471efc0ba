using Atlas.Model;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Pages;

/// <summary>What every page needs besides its content: language, title, its address in the other languages, its data.</summary>
public sealed record PageContext(Lang Lang, string Title, string PathAndQuery, string? JsonLink = null, string? CsvLink = null)
{
    public static PageContext Of(HttpContext ctx, Lang lang, string title, string? json = null, string? csv = null) =>
        new(lang, title, ctx.Request.Path + ctx.Request.QueryString, json, csv);

    /// <summary>
    /// The same page in another language: the language segment is the first of the path. The page's head gives these
    /// as its hreflang alternates (relative: same host, and no page links anything absolute), the sitemap absolute.
    /// </summary>
    public string In(Lang other)
    {
        var rest = PathAndQuery.Length > 3 && PathAndQuery[0] == '/' && PathAndQuery[3] is '/' or '?' ? PathAndQuery[3..] : "/";
        return $"/{other.Code()}{rest}";
    }

}
