using System.Globalization;
using System.Text;
using System.Xml;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Catalogue;
using Atlas.Web.Pages;

namespace Atlas.Web.Operations;

/// <summary>
/// The sitemap (sitemaps.org 0.9): every page of the atlas in each of its languages, each with its alternates in the
/// other languages (hreflang): the addresses its head gives (<see cref="PageContext.In"/>), made absolute as the
/// protocol requires; and the date of the data version. The official series are pages too: their list, each series and
/// the checks of the article's figures. Search pages are left out: their addresses are endless, and robots.txt keeps crawlers away.
/// </summary>
public static class Sitemap
{
    /// <summary>Every page, by its French address (the other languages are derived from it as the pages do).</summary>
    public static IEnumerable<string> Pages(AtlasServices atlas)
    {
        var s = atlas.Snapshots.Curated;
        const Lang fr = Lang.Fr;
        yield return Links.Home(fr);
        foreach (var (_, type, _) in CatalogueApi.Types)
        {
            yield return Links.List(fr, type);
            if (type is EntityType.Place or EntityType.Organisation or EntityType.Programme)
                foreach (var kind in s.Entities.Where(e => e.Type == type).Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal))
                    yield return Links.List(fr, type) + Links.Query(("kind", kind));
        }
        foreach (var entity in s.Entities) yield return Links.Entity(fr, entity);
        yield return Links.Facts(fr);
        foreach (var fact in s.Facts) yield return Links.Fact(fr, fact.Id);
        yield return Links.Compare(fr).Split('?')[0];
        foreach (var type in Atlas.Compare.CompareQueries.MatrixTypes) yield return Links.Matrix(fr, type);
        yield return Links.Methodology(fr);
        if (atlas.Index.Definition is not null)
        {
            yield return Links.Scoreboard(fr);
            yield return Links.IndexMethodology(fr);
        }
        yield return Links.SeriesList(fr);
        foreach (var series in atlas.Series.List(new Atlas.Store.SeriesFilter())) yield return Links.Series(fr, series.Id);
        foreach (var claim in atlas.Series.ArticleClaims()) yield return Links.Check(fr, claim.Fact.Id);
    }

    /// <summary>The sitemap document for pages served at <paramref name="origin"/>.</summary>
    public static byte[] Write(AtlasServices atlas, string origin, DateTimeOffset? modified)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9", xhtml = "http://www.w3.org/1999/xhtml";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var path in Pages(atlas))
            {
                var page = new PageContext(Lang.Fr, "", path);
                foreach (var lang in Langs.Interface)
                {
                    xml.WriteStartElement("url", ns);
                    xml.WriteElementString("loc", ns, origin + page.In(lang));
                    if (modified is { } date) xml.WriteElementString("lastmod", ns, date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    foreach (var other in Langs.Interface)
                    {
                        xml.WriteStartElement("xhtml", "link", xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", other.Code());
                        xml.WriteAttributeString("href", origin + page.In(other));
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
