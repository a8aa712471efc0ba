using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Web.Http;

namespace Atlas.Web.OpenData;

/// <summary>
/// The figures of one analysis added to each place's GeoJSON properties (<c>?figures=</c>): the Atlas index
/// (<c>index</c>), economic complexity (<c>complexity</c>) or the register's specialisation in a sector
/// (<c>specialisation&amp;sector=ID</c>). Each needs the enterprise register (409 without one); a place the analysis
/// does not measure keeps its other properties.
/// </summary>
public static class PlaceFigures
{
    public static readonly string[] Names = ["index", "complexity", "specialisation"];

    /// <summary>The function that adds the asked figures to a place's properties, or null when none are asked.</summary>
    public static Func<PlacePropertiesJson, PlacePropertiesJson>? For(AtlasServices atlas, string? figures, string? sector)
    {
        switch (figures)
        {
            case null:
                if (sector is not null) throw new BadRequestException("Sector without figures", "sector= goes with figures=specialisation.");
                return null;
            case "index":
                var index = atlas.Index.Index();
                return p => Municipality(atlas, p.Id) is int nis && index.ByNis(nis) is { } e
                    ? p with { IndexScore = Math.Round(e.Score, 3), IndexRank = e.Rank, IndexGroup = Slugs.Of(e.Group) } : p;
            case "complexity":
                var panel = atlas.Complexity.Panel();
                return p => Municipality(atlas, p.Id) is int nis && panel.RegionOfNis.TryGetValue(nis, out var r)
                    ? p with { Eci = Math.Round(panel.Result.Eci[r], 6), EciRank = panel.EciRank[r], Diversity = panel.Result.Diversity[r] } : p;
            case "specialisation":
                if (sector is null || atlas.Snapshots.Curated.Resolve(sector, EntityType.Sector) is not { } sectorId)
                    throw new BadRequestException("Unknown sector", $"figures=specialisation needs sector=ID, one of /api/sectors{(sector is null ? "" : $" ('{Params.Truncate(sector)}' is not one)")}.");
                atlas.Snapshots.RequireRegister();
                return p =>
                {
                    var unit = atlas.Claims.ForSector(p.Id, sectorId)?.Units.FirstOrDefault();
                    return unit is null ? p with { Sector = sectorId }
                        : p with { Sector = sectorId, Establishments = unit.Figures.Count, Share = Math.Round(unit.Figures.Share, 6),
                            Lq = unit.Figures.Lq is double lq ? Math.Round(lq, 4) : null, Strong = unit.Figures.Strong };
                };
            default:
                throw new BadRequestException("Unknown figures", $"figures '{Params.Truncate(figures)}' is not one of: {string.Join(", ", Names)}.");
        }
    }

    private static int? Municipality(AtlasServices atlas, string id)
    {
        try { return atlas.Index.ScoredNis(id); }
        catch (MergedMunicipalityException) { return null; }
    }

    public static string? Credit(AtlasServices atlas, string? figures) => figures is null ? null
        : atlas.Snapshots.Register is { } r ? $"{figures} from the KBO/BCE register, extract {r.Info.ExtractNumber} of {r.Info.SnapshotDate}" : figures;
}
