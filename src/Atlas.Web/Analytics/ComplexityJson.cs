using Atlas.Analytics.Complexity;
using Atlas.Complexity;
using Atlas.Model;
using Atlas.Web.Register;

namespace Atlas.Web.Analytics;

public sealed record PanelMunicipalityJson(string Id, string Label, string Nis, bool InPanel);

public sealed record RelatedJson(string Code, string? Label, double Proximity);

public sealed record OpportunityJson(int Rank, string Code, string? Label, double Density, double Cog, double Pci, double Rca, IReadOnlyList<RelatedJson> Related);

public sealed record SimilarJson(int Rank, string Id, string Label, string Nis, double Similarity, double Eci, int EciRank);

/// <summary>
/// A place in the national panel: its municipality, ECI and rank among all municipalities; with its growth
/// opportunities (<c>byDensity</c>, <c>byGain</c>) or the municipalities most like it (<c>similar</c>).
/// </summary>
public sealed record PlaceComplexityJson
{
    public const string MethodText =
        "National panel: every municipality × NACE-BEL 2008 class, valued by the source's main count (the register: establishments counted under their main activity; Statbel: VAT-registered enterprises by seat). " +
        "RCA = (x_ca / x_c) / (x_a / x); presence M = RCA > 1; ECI and PCI by the eigenvector method, standardised as the Growth Lab's Stata ecomplexity " +
        "(mean and sample sd over all municipality × class rows); proximity φ = co-occurrence / max ubiquity; density = Σ_q M_cq φ_qa / Σ_q φ_qa; " +
        "COG = what the activity would add to the complexity outlook. Opportunities are the classes not present, by density and by COG, each with the present classes closest to it. " +
        "Similar municipalities: cosine similarity of RCA rows over all classes.";

    public required Register.PlaceRefJson Place { get; init; }
    public required PanelMunicipalityJson Municipality { get; init; }
    public string Nace { get; init; } = "2008";
    public int Municipalities { get; init; }
    public int Activities { get; init; }
    public double? Eci { get; init; }
    public int? EciRank { get; init; }
    public int Diversity { get; init; }
    public double? Coi { get; init; }
    public required SourceJson Source { get; init; }
    public RegisterInfoJson? Register { get; init; }
    public string Method { get; init; } = MethodText;
    public string Methodology { get; init; } = "/en/methodology/complexity";
    public int Top { get; init; }
    public IReadOnlyList<OpportunityJson>? ByDensity { get; init; }
    public IReadOnlyList<OpportunityJson>? ByGain { get; init; }
    public string? Similarity { get; init; }
    public IReadOnlyList<SimilarJson>? Similar { get; init; }

    public static PlaceComplexityJson Of(ComplexityOfPlace of, Lang lang, int top) => new()
    {
        Place = new Register.PlaceRefJson(of.Place.Id, of.Place.Label(lang), of.Place.Kind),
        Municipality = new PanelMunicipalityJson(of.Municipality.Place.Id, of.Municipality.Place.Label(lang), of.Municipality.Nis.ToString("D5"), of.InPanel),
        Municipalities = of.Municipalities,
        Activities = of.Activities,
        Eci = of.InPanel ? Math.Round(of.Eci, 6) : null,
        EciRank = of.InPanel ? of.EciRank : null,
        Diversity = of.Diversity,
        Coi = of.InPanel ? EvidenceJson.Round(of.Coi, 6) : null,
        Source = SourceJson.Of(of.Source, lang),
        Register = of.Source.Register is { } r ? RegisterInfoJson.Of(r) : null,
        Top = top,
    };

    public static List<OpportunityJson> Opportunities(IReadOnlyList<Opportunity>? list, IReadOnlyDictionary<string, string> labels) =>
        [.. (list ?? []).Select((o, i) => new OpportunityJson(i + 1, o.Name, labels.GetValueOrDefault(o.Name), Math.Round(o.Density, 6),
            Math.Round(o.Cog, 6), Math.Round(o.Pci, 6), Math.Round(o.Rca, 6),
            [.. o.Related.Select(r => new RelatedJson(r.Name, labels.GetValueOrDefault(r.Name), Math.Round(r.Proximity, 6)))]))];
}

/// <summary>A CSV line of the opportunities: one per opportunity and ranking, the related present classes in one column.</summary>
public sealed record OpportunityCsvRow(string Place, string Nis, string Ranking, int Rank, string Code, string? Label, double Density, double Cog, double Pci, double Rca, string Related)
{
    public static IEnumerable<OpportunityCsvRow> Of(PlaceComplexityJson p) =>
        new[] { ("density", p.ByDensity), ("cog", p.ByGain) }.SelectMany(x => (x.Item2 ?? []).Select(o => new OpportunityCsvRow(p.Place.Id, p.Municipality.Nis,
            x.Item1, o.Rank, o.Code, o.Label, o.Density, o.Cog, o.Pci, o.Rca, string.Join("; ", o.Related.Select(r => $"{r.Code} ({r.Proximity})")))));
}

public sealed record ActivityComplexityJson(int Rank, string Code, string? Label, int Ubiquity, double Pci);

public sealed record MunicipalityComplexityJson(int Rank, string Id, string? Label, string Nis, int Diversity, double Eci, double? Coi);

/// <summary>The national panel of a source as a list: of its activities (PCI) or of its municipalities (ECI).</summary>
public sealed record PanelListJson<T>(string Nace, int Municipalities, int Activities, string Method, SourceJson Source, IReadOnlyList<T> Items);
