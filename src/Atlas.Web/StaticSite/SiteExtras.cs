using System.Text;
using Atlas.Model;

namespace Atlas.Web.StaticSite;

/// <summary>The files a static site needs besides the atlas's own addresses: the entry page and the API's 404.</summary>
public static class SiteExtras
{
    /// <summary>
    /// The entry page of a static host: the live atlas sends / to the visitor's language; a static host cannot, so this
    /// page offers the three and moves on to French (docs/nginx-static.conf chooses by Accept-Language instead).
    /// </summary>
    public static byte[] EntryPage(string stylesheet) => Encoding.UTF8.GetBytes($$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="0; url=/fr/">
            <title>Atlas belge de l’innovation · Belgische Innovatieatlas · Belgian Innovation Atlas</title>
            <link rel="stylesheet" href="{{stylesheet}}">
        </head>
        <body>
            <main id="main">
                <ul>
                    <li><a href="/fr/" hreflang="fr" lang="fr">Atlas belge de l’innovation</a></li>
                    <li><a href="/nl/" hreflang="nl" lang="nl">Belgische Innovatieatlas</a></li>
                    <li><a href="/en/" hreflang="en" lang="en">Belgian Innovation Atlas</a></li>
                </ul>
            </main>
        </body>
        </html>

        """);

    /// <summary>The API's 404 in a static export: the same problem details (RFC 9457) for any missing address.</summary>
    public static byte[] ApiNotFound() => Encoding.UTF8.GetBytes(
        "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\",\"status\":404,"
        + "\"detail\":\"Nothing is at this address of the atlas. The API starts at /api; its description is at /openapi/v1.json.\"}");

    /// <summary>The addresses of the error pages a web server shows for a missing address, by language (and for /api).</summary>
    public static IEnumerable<(string Probe, string File)> NotFoundPages() =>
        Langs.Interface.Select(l => ($"/{l.Code()}/404", $"{l.Code()}/404.html"));
}
