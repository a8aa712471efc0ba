using Atlas.Model;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Pages;

/// <summary>What every page needs besides its content: language, title, its address in the other languages, its data.</summary>
public sealed record PageContext(Lang Lang, string Title, string PathAndQuery, string? JsonLink = null, string? CsvLink = null)
{
    /// <summary>The scheme and host the page was asked at (https://atlas.example.org): alternates must be absolute addresses.</summary>
    public string Origin { get; init; } = "";

    public static PageContext Of(HttpContext ctx, Lang lang, string title, string? json = null, string? csv = null) =>
        new(lang, title, ctx.Request.Path + ctx.Request.QueryString, json, csv) { Origin = OriginOf(ctx.Request) };

    public static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>The same page in another language: the language segment is the first of the path.</summary>
    public string In(Lang other)
    {
        var rest = PathAndQuery.Length > 3 && PathAndQuery[0] == '/' && PathAndQuery[3] is '/' or '?' ? PathAndQuery[3..] : "/";
        return $"/{other.Code()}{rest}";
    }

    /// <summary>The absolute address of the page in a language, as its head and the sitemap give it to search engines.</summary>
    public string Alternate(Lang other) => Origin + In(other);
}
