using Atlas.Catalogue;
using Atlas.Model;
using Atlas.Register;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.Claims;

/// <summary>Whether the data supports a claim: confirmed when the place is strong in the sector, not confirmed otherwise.</summary>
public enum EvidenceStatus { Confirmed, NotConfirmed }

/// <summary>A sector's figures in one statistical unit of the place.</summary>
public sealed record UnitEvidence(StatisticalUnit Unit, SpecFigures Figures);

/// <summary>What one source says of "place innovates in sector": the sector's codes, the thresholds of the rule, each unit's figures.</summary>
public sealed record SectorEvidence(CountSource Source, EvidenceStatus Status, IReadOnlyList<string> Codes, int MunicipalitiesWithPresence,
    double P75Lq, double P25Count, IReadOnlyList<UnitEvidence> Units);

/// <summary>
/// Claims held against the data. A fact "city innovates in sector" gets, beside it, what each available source says
/// of that sector in the city: the units whose activity (NACE-BEL 2008) falls under the sector's codes
/// (<c>nace2008</c> in data/sectors.yaml), their share, location quotient, rank among municipalities and whether the
/// city (for Brussels, the City or the Region) is a strong specialisation — the status. The curated fact is never
/// changed: its own status stays what the data files say; the evidence is computed from the data held now.
/// </summary>
public sealed class ClaimQueries(AtlasSnapshots snapshots)
{
    /// <summary>The evidence of the default source for a fact, when it is a city's sector claim; else null.</summary>
    public SectorEvidence? For(Fact fact) => All(fact).FirstOrDefault();

    /// <summary>The evidence of every available source for a fact, the default source first; empty when the fact is no city's sector claim.</summary>
    public IReadOnlyList<SectorEvidence> All(Fact fact)
    {
        if (fact.Predicate != Predicate.InnovatesIn || fact.Object is null) return [];
        if (snapshots.Curated.Get(fact.Subject) is not Place { PlaceKind: PlaceKind.City }) return [];
        return snapshots.Sources.Select(source => ForSector(fact.Subject, fact.Object, source)).OfType<SectorEvidence>().ToList();
    }

    /// <summary>What <paramref name="source"/> says of "<paramref name="placeId"/> innovates in <paramref name="sectorId"/>", or null if it cannot be measured.</summary>
    public SectorEvidence? ForSector(string placeId, string sectorId, CountSource source)
    {
        var s = snapshots.Curated;
        if (s.Get<Sector>(sectorId) is not { Nace2008.Count: > 0 } sector) return null;
        if (StatisticalUnits.Of(s, placeId) is not { Count: > 0 } units) return null;
        var table = Distribution(source, sector.Nace2008);
        var evidence = units.Select(unit =>
        {
            var (count, total) = table.ByArea.GetValueOrDefault(unit.Nis);
            return new UnitEvidence(unit, table.Distribution.Figures(unit.Nis, count, total));
        }).ToList();
        var d = table.Distribution;
        return new SectorEvidence(source, evidence.Any(u => u.Figures.Strong) ? EvidenceStatus.Confirmed : EvidenceStatus.NotConfirmed,
            sector.Nace2008, d.Present, d.P75Lq, d.P25Count, evidence);
    }

    private sealed record SectorTable(Dictionary<int, (int Count, int Total)> ByArea, ActivityDistribution Distribution);

    /// <summary>Per sector (its codes), the count of every area and the distribution over municipalities, once per version of the source.</summary>
    private static SectorTable Distribution(CountSource source, IReadOnlyList<string> codes) =>
        source.Derived.Get((typeof(SectorTable), string.Join(",", codes)), () =>
        {
            var counts = ClassCounts.Main(source);
            // each class is matched against the codes once, not once per area (the match builds strings); an area's
            // count in the sector is then a lookup per class of the sector, not a pass over all its classes
            var inSector = counts.Classes.Where(cls => codes.Any(code => NaceCode.Covers(code, cls, counts.Section))).ToArray();
            var byArea = counts.ByArea.ToDictionary(kv => kv.Key, kv => (inSector.Sum(cls => kv.Value.GetValueOrDefault(cls)), counts.TotalByArea[kv.Key]));
            var distribution = new ActivityDistribution(byArea.Where(kv => Areas.IsMunicipality(kv.Key)).Select(kv => kv.Value),
                byArea.GetValueOrDefault(ClassCounts.Belgium));
            return new SectorTable(byArea, distribution);
        });
}
