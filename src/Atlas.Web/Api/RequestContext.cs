using Atlas.Model;
using Atlas.Query;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Api;

/// <summary>Raised for a request the API cannot answer as asked; becomes a 400 problem details response.</summary>
public sealed class BadRequestException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>Reads the common query parameters — language, format, page — and checks them.</summary>
public static class RequestContext
{
    public const string FormatItem = "atlas.format";

    /// <summary>?lang=fr|nl|en, else the first supported language of Accept-Language, else French.</summary>
    public static Lang Language(HttpRequest request)
    {
        var q = request.Query["lang"].ToString();
        if (q.Length > 0)
        {
            if (Langs.TryParse(q, out var lang) && lang != Lang.De) return lang;
            throw new BadRequestException("Unknown language", $"lang '{Truncate(q)}' is not supported: use fr, nl or en.");
        }
        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(','))
        {
            var code = part.Split(';')[0].Trim();
            if (code.Length >= 2 && Langs.TryParse(code[..2], out var lang) && lang != Lang.De) return lang;
        }
        return Lang.Fr;
    }

    /// <summary>csv when asked by ?format=csv or a .csv suffix on the path; json otherwise.</summary>
    public static bool WantsCsv(HttpContext context)
    {
        var format = context.Items[FormatItem] as string ?? context.Request.Query["format"].ToString();
        return format switch
        {
            "" or "json" => false,
            "csv" => true,
            _ => throw new BadRequestException("Unknown format", $"format '{Truncate(format)}' is not supported: use json or csv."),
        };
    }

    public static PageRequest Page(HttpRequest request)
    {
        var number = Int(request, "page", 1, 1, int.MaxValue / PageRequest.MaxSize);
        var size = Int(request, "pageSize", PageRequest.DefaultSize, 1, PageRequest.MaxSize);
        return new PageRequest(number, size);
    }

    public static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (int.TryParse(text, out var v) && v >= min && v <= max) return v;
        throw new BadRequestException($"Invalid {name}", $"{name} '{Truncate(text)}' must be a whole number from {min} to {max}.");
    }

    public static string? Text(HttpRequest request, string name, int maxLength = AtlasQueries.MaxQueryLength)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        if (text.Length > maxLength)
            throw new BadRequestException("Query too long", $"{name} has {text.Length} characters; the limit is {maxLength}.");
        return text;
    }

    public static string Truncate(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
