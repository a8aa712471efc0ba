using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Web.Http;

namespace Atlas.Web.OpenData;

/// <summary>
/// The figures of one analysis added to each place's GeoJSON properties (<c>?figures=</c>): the Atlas index
/// (<c>index</c>), economic complexity (<c>complexity</c>) or the specialisation in a sector
/// (<c>specialisation&amp;sector=ID</c>), from a statistical source (<c>?source=kbo</c> or <c>statbel-vat-2019</c>;
/// by default the register when one is imported, else Statbel, as every analysis; 409 when the register is asked for
/// and none is loaded). A place the analysis does not measure keeps its other properties.
/// </summary>
public static class PlaceFigures
{
    public static readonly string[] Names = ["index", "complexity", "specialisation"];

    /// <summary>The function that adds the asked figures to a place's properties, or null when none are asked.</summary>
    public static Func<PlacePropertiesJson, PlacePropertiesJson>? For(AtlasServices atlas, string? figures, string? sector, string? sourceId)
    {
        if (figures is null)
        {
            if (sector is not null) throw new BadRequestException("Sector without figures", "sector= goes with figures=specialisation.");
            if (sourceId is not null) throw new BadRequestException("Source without figures", "source= goes with figures=index, complexity or specialisation.");
            return null;
        }
        if (!Names.Contains(figures))
            throw new BadRequestException("Unknown figures", $"figures '{Params.Truncate(figures)}' is not one of: {string.Join(", ", Names)}.");
        var source = atlas.Snapshots.Source(sourceId);
        switch (figures)
        {
            case "index":
                var index = atlas.Index.Index(source.Id);
                return p => Municipality(atlas, p.Id) is int nis && index.ByNis(nis) is { } e
                    ? p with { IndexScore = Math.Round(e.Score, 3), IndexRank = e.Rank, IndexGroup = Slugs.Of(e.Group) } : p;
            case "complexity":
                var panel = atlas.Complexity.Panel(source.Id);
                return p => Municipality(atlas, p.Id) is int nis && panel.RegionOfNis.TryGetValue(nis, out var r)
                    ? p with { Eci = Math.Round(panel.Result.Eci[r], 6), EciRank = panel.EciRank[r], Diversity = panel.Result.Diversity[r] } : p;
            case "specialisation":
                if (sector is null || atlas.Snapshots.Curated.Resolve(sector, EntityType.Sector) is not { } sectorId)
                    throw new BadRequestException("Unknown sector", $"figures=specialisation needs sector=ID, one of /api/sectors{(sector is null ? "" : $" ('{Params.Truncate(sector)}' is not one)")}.");
                return p =>
                {
                    var unit = atlas.Claims.ForSector(p.Id, sectorId, source)?.Units.FirstOrDefault();
                    return unit is null ? p with { Sector = sectorId }
                        : p with { Sector = sectorId, Units = unit.Figures.Count, Share = Math.Round(unit.Figures.Share, 6),
                            Lq = unit.Figures.Lq is double lq ? Math.Round(lq, 4) : null, Strong = unit.Figures.Strong };
                };
            default:
                throw new InvalidOperationException(figures);
        }
    }

    private static int? Municipality(AtlasServices atlas, string id)
    {
        try { return atlas.Index.ScoredNis(id); }
        catch (MergedMunicipalityException) { return null; }
    }

    /// <summary>Where the figures come from: "index from Statbel's …, VAT-registered enterprises by seat, 2019-12-31".</summary>
    public static string? Credit(AtlasServices atlas, string? figures, string? sourceId) => figures is null ? null
        : atlas.Snapshots.Source(sourceId) is var s ? $"{figures} from {s.Title(Lang.En)}: {s.Unit(Lang.En)}{(s.ReferenceDate is { } d ? $", {d:yyyy-MM-dd}" : "")}" : null;
}
