using Atlas.Model;

namespace Atlas.Web.Pages;

/// <summary>Addresses of the pages, one place for every link the pages make.</summary>
public static class Links
{
    public static string Segment(EntityType type) => type switch
    {
        EntityType.Place => "places",
        EntityType.Sector => "sectors",
        EntityType.Technology => "technologies",
        EntityType.Organisation => "organisations",
        EntityType.Programme => "programmes",
        _ => "sources",
    };

    public static string Home(Lang lang) => $"/{lang.Code()}/";
    public static string Entity(Lang lang, EntityType type, string id) => $"/{lang.Code()}/{Segment(type)}/{Uri.EscapeDataString(id)}";
    public static string Entity(Lang lang, Entity e) => Entity(lang, e.Type, e.Id);
    public static string Place(Lang lang, string id) => Entity(lang, EntityType.Place, id);
    public static string List(Lang lang, EntityType type) => $"/{lang.Code()}/{Segment(type)}";
    public static string Fact(Lang lang, string id) => $"/{lang.Code()}/facts/{Uri.EscapeDataString(id)}";
    /// <summary>The fact in the list of its source, where its passage is shown.</summary>
    public static string InSource(Lang lang, string source, string factId) => $"/{lang.Code()}/sources/{Uri.EscapeDataString(source)}#fact-{factId}";
    public static string Facts(Lang lang, string? subject = null, string? about = null) =>
        $"/{lang.Code()}/facts" + Query(("subject", subject), ("about", about));
    public static string Search(Lang lang, string q, params (string Key, string? Value)[] filters) =>
        $"/{lang.Code()}/search" + Query([("q", q), .. filters]);
    public static string Compare(Lang lang, params string[] places) => $"/{lang.Code()}/compare?places={string.Join(',', places.Select(Uri.EscapeDataString))}";
    public static string Methodology(Lang lang) => $"/{lang.Code()}/methodology/complexity";
    public static string Matrix(Lang lang, EntityType of) => $"/{lang.Code()}/matrix?of={Slugs.Of(of)}";
    public static string Scoreboard(Lang lang, string? sort = null, string? source = null) => $"/{lang.Code()}/index" + Query(("sort", sort), ("source", source));

    public static string IndexMethodology(Lang lang) => $"/{lang.Code()}/methodology/index";

    public static string SeriesList(Lang lang) => $"/{lang.Code()}/series";
    /// <summary>A series' page, showing a measure of it (yoy, pop, avg3; its published values when none is given).</summary>
    public static string Series(Lang lang, string id, string? measure = null) => $"/{lang.Code()}/series/{Uri.EscapeDataString(id)}" + Query(("measure", measure));
    /// <summary>A fact's figure held against the official series.</summary>
    public static string Check(Lang lang, string factId) => $"/{lang.Code()}/facts/{Uri.EscapeDataString(factId)}/check";

    /// <summary>A query string of the parameters that have a value ("" when none has).</summary>
    public static string Query(params (string Key, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
