using System.Text.Json.Nodes;
using Atlas.Model;

namespace Atlas.Store;

/// <summary>The JSON form of each entity, as stored and as the API serves it (fields in camelCase, nulls left out).</summary>
public static class EntityJson
{
    public static JsonObject Of(Entity e)
    {
        var o = new JsonObject
        {
            ["id"] = e.Id,
            ["type"] = e.Type.ToString().ToLowerInvariant(),
            ["kind"] = e.Kind,
            ["names"] = Texts(e.Names),
        };
        if (e.Aliases.Count > 0) o["aliases"] = Array(e.Aliases);
        if (!e.Description.IsEmpty) o["description"] = Texts(e.Description);
        switch (e)
        {
            case Place p:
                Add(o, "nis", p.Nis?.ToString());
                Add(o, "nuts", p.Nuts);
                Add(o, "parent", p.Parent);
                if (p.Latitude is double lat && p.Longitude is double lon)
                    o["coordinates"] = new JsonObject { ["lat"] = lat, ["lon"] = lon };
                if (p.Links.Count > 0)
                    o["links"] = new JsonArray(p.Links.Select(l => (JsonNode)new JsonObject { ["relation"] = Slugs.Of(l.Relation), ["place"] = l.Place }).ToArray());
                Add(o, "validFrom", p.ValidFrom?.ToString("yyyy-MM-dd"));
                Add(o, "validTo", p.ValidTo?.ToString("yyyy-MM-dd"));
                Add(o, "mergedInto", p.MergedInto);
                if (p.MergedFrom.Count > 0) o["mergedFrom"] = Array(p.MergedFrom);
                if (p.Population is long pop) o["population2020"] = pop;
                break;
            case Sector s:
                o["nace2008"] = Array(s.Nace2008);
                break;
            case Organisation org:
                Add(o, "enterpriseNumber", org.EnterpriseNumber?.ToString());
                if (org.Places.Count > 0)
                    o["places"] = new JsonArray(org.Places.Select(pl => (JsonNode)new JsonObject { ["place"] = pl.Place, ["role"] = Slugs.Of(pl.Role) }).ToArray());
                if (org.Sectors.Count > 0) o["sectors"] = Array(org.Sectors);
                if (org.Technologies.Count > 0) o["technologies"] = Array(org.Technologies);
                Add(o, "website", org.Website);
                Add(o, "wikidata", org.Wikidata);
                break;
            case Programme pr:
                Add(o, "scope", pr.Scope);
                Add(o, "period", pr.Period);
                Add(o, "website", pr.Website);
                break;
            case Source src:
                o["title"] = src.Title;
                Add(o, "publisher", src.Publisher);
                Add(o, "language", src.Language);
                if (src.Year is int y) o["year"] = y;
                Add(o, "date", src.Date);
                Add(o, "accessed", src.Accessed);
                Add(o, "url", src.Url);
                Add(o, "file", src.File);
                Add(o, "licence", src.Licence);
                break;
        }
        if (!e.Note.IsEmpty) o["note"] = Texts(e.Note);
        return o;
    }

    public static JsonObject Texts(LocalizedText text)
    {
        var o = new JsonObject();
        foreach (var (code, value) in text.ByCode) o[code] = value;
        return o;
    }

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    private static void Add(JsonObject o, string key, string? value)
    {
        if (value is not null) o[key] = value;
    }
}
