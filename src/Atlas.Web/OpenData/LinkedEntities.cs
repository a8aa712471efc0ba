using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Register;
using Atlas.Web.Pages;

namespace Atlas.Web.OpenData;

/// <summary>
/// An entity as JSON-LD (<see cref="LdEntityJson"/>): its names, codes as identifiers (NIS, NUTS, KBO, NACE), its
/// Wikidata item where the data has a checked one (organisations), the claims whose subject it is, and — for a
/// municipality or a city — its Atlas index score and ECI from the default source (the register when one is loaded,
/// else Statbel's data), with their provenance.
/// </summary>
public static class LinkedEntities
{
    public static LdEntityJson Of(AtlasServices atlas, Entity e)
    {
        var s = atlas.Snapshots.Curated;
        var ids = new List<LdPropertyValueJson>();
        void Id(string kind, string? value) { if (value is not null) ids.Add(new LdPropertyValueJson("PropertyValue", kind, value)); }
        var json = new LdEntityJson
        {
            Id = LinkedData.EntityId(e), Type = LinkedData.TypeOf(e), Name = LinkedData.Texts(e.Names),
            AlternateName = e.Aliases.Count == 0 ? null : e.Aliases, Description = e.Description.IsEmpty ? null : LinkedData.Texts(e.Description),
            Url = Links.Entity(Lang.En, e),
            SubjectOf = s.FactsOf(e.Id).Select(f => new LdNodeRefJson(LinkedData.FactId(f.Id)) { Type = "Claim" }).ToList() is { Count: > 0 } facts ? facts : null,
        };
        switch (e)
        {
            case Place p:
                Id("NIS", p.Nis?.ToString());
                Id("NUTS", p.Nuts);
                json = json with
                {
                    Geo = p.Latitude is double lat && p.Longitude is double lon ? new LdGeoCoordinatesJson("GeoCoordinates", lat, lon) : null,
                    ContainedInPlace = p.Parent is null ? null : LinkedData.Ref(s, p.Parent),
                    HasMap = $"/api/places/{Uri.EscapeDataString(p.Id)}.geojson",
                    AdditionalProperty = Figures(atlas, p),
                };
                break;
            case Organisation o:
                Id("KBO", o.EnterpriseNumber?.ToString());
                json = json with { SameAs = o.Wikidata is null ? null : [$"https://www.wikidata.org/wiki/{o.Wikidata}"], Url = o.Website ?? json.Url };
                break;
            case Sector sector:
                foreach (var code in sector.Nace2008) Id("NACE-BEL 2008", code);
                break;
            case Programme pr:
                json = json with { Url = pr.Website ?? json.Url };
                break;
            case Source src:
                json = json with { MainEntityOfPage = LinkedData.Source(src.Id, src) };
                break;
        }
        return json with { Context = LdContextJson.Instance, Identifier = ids.Count == 0 ? null : ids };
    }

    /// <summary>The Atlas index score and the ECI of a place's municipality from the default source, with their provenance; null without a source.</summary>
    private static IReadOnlyList<LdDerivedFigureJson>? Figures(AtlasServices atlas, Place p)
    {
        if (p.PlaceKind is not (PlaceKind.Municipality or PlaceKind.City) || atlas.Snapshots.Sources.FirstOrDefault() is not { } source) return null;
        int? nis;
        try { nis = atlas.Index.ScoredNis(p.Id); }
        catch (MergedMunicipalityException) { return null; }
        if (nis is not int n) return null;
        var figures = new List<LdDerivedFigureJson>();
        var id = LinkedData.EntityId(p);
        if (atlas.Index.Definition is not null && atlas.Index.Index(source.Id).ByNis(n) is { } entry)
            figures.Add(new LdDerivedFigureJson
            {
                Id = $"{id}#atlas-index", Name = $"Atlas index score of the municipality {n:D5} (0-100; rank {entry.Rank})", PropertyID = "atlas-index-score",
                Value = Math.Round(entry.Score, 3), WasDerivedFrom = LinkedData.Dataset(source),
                WasGeneratedBy = LinkedData.Computation("atlas-index", $"the Atlas index: indicators from {source.Title(Lang.En)}, outlier treatment, min-max normalisation, weighted arithmetic means (data/index/atlas-index.yaml)", "/en/methodology/index", source),
            });
        var panel = atlas.Complexity.Panel(source.Id);
        if (panel.RegionOfNis.TryGetValue(n, out var r))
            figures.Add(new LdDerivedFigureJson
            {
                Id = $"{id}#eci", Name = $"economic complexity index of the municipality {n:D5} among all municipalities (rank {panel.EciRank[r]})", PropertyID = "eci",
                Value = Math.Round(panel.Result.Eci[r], 6), WasDerivedFrom = LinkedData.Dataset(source),
                WasGeneratedBy = LinkedData.Computation("complexity", $"economic complexity: RCA > 1 over municipalities × NACE-BEL 2008 classes of {source.Unit(Lang.En)}, ECI by the Growth Lab's method", "/en/methodology/complexity", source),
            });
        return figures.Count == 0 ? null : figures;
    }
}
