using Atlas.Catalogue;
using Atlas.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;

namespace Atlas.Web.Http;

/// <summary>Reads the common query parameters — language, format, page, numbers, texts — and checks them.</summary>
public static class Params
{
    public const string FormatItem = "atlas.format";

    /// <summary>?lang=fr|nl|en, else the visitor's preferred language.</summary>
    public static Lang Language(HttpRequest request)
    {
        var q = request.Query["lang"].ToString();
        if (q.Length == 0) return PreferredLanguage(request);
        if (Langs.TryParse(q, out var lang) && lang != Lang.De) return lang;
        throw new BadRequestException("Unknown language", $"lang '{Truncate(q)}' is not supported: use fr, nl or en.");
    }

    /// <summary>
    /// The supported language the visitor prefers most by Accept-Language, weights (q=) honoured and regional
    /// variants (nl-BE) counting for their language; French (the language of the founding source) when none is given.
    /// </summary>
    public static Lang PreferredLanguage(HttpRequest request)
    {
        IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> accepted;
        try { accepted = new RequestHeaders(request.Headers).AcceptLanguage; }
        catch (FormatException) { return Lang.Fr; }
        foreach (var value in accepted.Where(v => (v.Quality ?? 1) > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var code = value.Value.Value ?? "";
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

    /// <summary>?page= and ?pageSize=; every row at once for a CSV download.</summary>
    public static PageRequest Page(HttpContext context)
    {
        if (WantsCsv(context)) return PageRequest.All;
        var number = Int(context.Request, "page", 1, 1, int.MaxValue / PageRequest.MaxSize);
        var size = Int(context.Request, "pageSize", PageRequest.DefaultSize, 1, PageRequest.MaxSize);
        return new PageRequest(number, size);
    }

    public static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (int.TryParse(text, out var v) && v >= min && v <= max) return v;
        throw new BadRequestException($"Invalid {name}", $"{name} '{Truncate(text)}' must be a whole number from {min} to {max}.");
    }

    public static string? Text(HttpRequest request, string name, int maxLength = Problems.MaxIdLength)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        if (text.Length > maxLength)
            throw new BadRequestException("Query too long", $"{name} has {text.Length} characters; the limit is {maxLength}.");
        return text;
    }

    /// <summary>An enum value by its slug (research-centre), or a 400 that lists the values.</summary>
    public static T? Slug<T>(HttpRequest request, string name) where T : struct, Enum
    {
        if (Text(request, name) is not { } text) return null;
        if (Slugs.TryParse<T>(text, out var value)) return value;
        throw new BadRequestException($"Unknown {name}", $"{name} '{Truncate(text)}' is not one of: {string.Join(", ", Slugs.All<T>())}.");
    }

    public static string Truncate(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
