using System.Globalization;
using Atlas.Finder;
using Atlas.Model;
using Atlas.Web.Register;

namespace Atlas.Web.Finder;

public sealed record FinderClassJson(string Code, string? Label);

/// <summary>A class related to the activity: its proximity φ to the activity's class it is closest to (<c>via</c>).</summary>
public sealed record RelatedClassJson(string Code, string? Label, double Proximity, string Via);

/// <summary>A sector or technology of the atlas.</summary>
public sealed record TopicJson(string Id, string Type, string Label);

public sealed record FinderActivityJson(string Classification, string Code, string? Label);

public sealed record FinderCompanyJson(string EnterpriseNumber, string? Name, IReadOnlyList<FinderActivityJson> Activities);

/// <summary>
/// What a question is about, as the finder understood it: what it starts from (<c>kind</c>, <c>input</c>), the codes
/// that measure it (given, or from data/sectors.yaml and data/technologies.yaml, or the company's activities), the
/// NACE-BEL 2008 classes they hold, the curator's note on how rough the mapping is, and the sectors and technologies
/// whose codes overlap it (the topics of the claims and organisations it matches).
/// </summary>
public sealed record ActivityQueryJson(string Kind, string Input, IReadOnlyList<string> Codes, IReadOnlyList<FinderClassJson> Classes, TopicJson? Entity,
    string? Note, FinderCompanyJson? Company, IReadOnlyList<TopicJson> Topics)
{
    public static ActivityQueryJson Of(Activity a, IReadOnlyDictionary<string, string> labels, Lang lang) => new(
        FinderStart.Name(a.Kind), a.Input, a.Codes, [.. a.Classes.Select(c => Class(c, labels))],
        a.Entity is { } e ? Topic(e, lang) : null, a.Entity?.Note.Get(lang) is { Length: > 0 } note ? note : null,
        a.Company is { } c ? new FinderCompanyJson(c.EnterpriseNumber, c.Name,
            [.. c.Activities.Where(x => x.NaceVersion == 2008).Select(x => (x.Classification, x.Code)).Distinct()
                .Select(x => new FinderActivityJson(x.Classification, x.Code, labels.GetValueOrDefault(x.Code[..Math.Min(4, x.Code.Length)])))]) : null,
        [.. a.Topics.Select(t => Topic(t, lang))]);

    public static TopicJson Topic(Entity e, Lang lang) => new(e.Id, Slugs.Of(e.Type), e.Label(lang));

    public static FinderClassJson Class(int cls, IReadOnlyDictionary<string, string> labels) => new(Code(cls), labels.GetValueOrDefault(Code(cls)));

    public static string Code(int cls) => cls.ToString("D4", CultureInfo.InvariantCulture);

    public static List<RelatedClassJson> Related(IEnumerable<RelatedClass> related, IReadOnlyDictionary<string, string> labels) =>
        [.. related.Select(r => new RelatedClassJson(Code(r.Class), labels.GetValueOrDefault(Code(r.Class)), Math.Round(r.Proximity, 4), Code(r.Via)))];
}

public sealed record WeightsJson(double Count, double Lq, double Density, double Related, double Claims, double Index)
{
    public static WeightsJson Of(Weights w) => new(w.Count, w.Lq, w.Density, w.Related, w.Claims, w.Index);
}

/// <summary>One component of a municipality's score: its value, its percentile rank among all municipalities, its weight and the points it adds (weight × percentile).</summary>
public sealed record ComponentJson(double Value, double Percentile, double Weight, double Points);

public sealed record ComponentsJson(ComponentJson Count, ComponentJson Lq, ComponentJson Density, ComponentJson Related, ComponentJson Claims, ComponentJson Index);

/// <summary>A fact about the place in the activity's topics; a contradicted one is shown but not counted.</summary>
public sealed record PlaceClaimJson(string Fact, string Subject, string Statement, string Status, string Source, bool Counted);

/// <summary>The municipality in the Atlas index of the same source: its score (0–100), rank, and 5–95 % rank interval over the Monte Carlo replications.</summary>
public sealed record IndexScoreJson(double Score, int Rank, double MedianRank, double Rank5, double Rank95);

/// <summary>A municipality ranked for the activity, every component with its value.</summary>
public sealed record LocationJson(int Rank, string Id, string Label, string Nis, IReadOnlyList<string> Places, double Score, int Count, int Total,
    double? Lq, bool Strong, double Density, int RelatedHere, int RelatedNear, int Claims, IndexScoreJson? Index, ComponentsJson Components,
    IReadOnlyList<PlaceClaimJson>? ClaimFacts);

/// <summary>Where to locate an activity: every municipality ranked (the first <c>top</c> listed), with the method and the weights used.</summary>
public sealed record LocationsJson(ActivityQueryJson Activity, IReadOnlyList<RelatedClassJson> Related, SourceJson Source, WeightsJson Weights,
    double DistanceKm, int Municipalities, int NationalCount, int MunicipalitiesWithPresence, ThresholdsJson Thresholds, int ClassesInPanel,
    string Method, string Precision, string Methodology, int Top, IReadOnlyList<LocationJson> Items)
{
    public const string MethodText =
        "Every current municipality is ranked on six components, each shown with its value: count (units of the activity's NACE-BEL 2008 classes, the source's main unit), " +
        "lq (location quotient against Belgium; strong = the US Cluster Mapping rule), density (the mean relatedness density of the activity's classes in the source's national complexity panel), " +
        "related (units in the related classes — proximity φ ≥ 0.25 to one of the activity's classes — in the municipalities whose centroid lies within the distance), " +
        "claims (facts of the sources about the place naming one of the activity's sectors or technologies, contradicted ones not counted) and index (the Atlas index score of the same source). " +
        "Each value becomes its percentile rank among all municipalities (the share of the others with a lower value); score = Σ weight × percentile rank, from 0 to 100.";

    public static LocationsJson Of(LocationRanking r, Lang lang, int top)
    {
        var labels = r.Source.NaceLabels(2008, lang);
        var w = r.Weights;
        ComponentJson Component(LocationRow row, Component c) =>
            new(Math.Round(row.Values[c], 6), Math.Round(row.Ranks[c], 6), w.Of(c), Math.Round(row.Contribution(c, w), 4));
        return new LocationsJson(ActivityQueryJson.Of(r.Activity, labels, lang), ActivityQueryJson.Related(r.Related, labels), SourceJson.Of(r.Source, lang),
            WeightsJson.Of(w), r.DistanceKm, r.Rows.Count, r.NationalCount, r.Present, new ThresholdsJson(EvidenceJson.Round(r.P75Lq, 4), EvidenceJson.Round(r.P25Count, 2)),
            r.ClassesInPanel, MethodText, "Distances between municipalities are between their centroids (from the municipal boundaries the atlas ships).",
            $"/{lang.Code()}/methodology/finder", top,
            [.. r.Rows.Take(top).Select(row => new LocationJson(row.Rank, row.Municipality.Id, row.Municipality.Label(lang), row.Municipality.Nis!.Value.ToString(), row.Places,
                Math.Round(row.Score, 4), row.Count, row.Total, row.Lq is { } lq ? Math.Round(lq, 4) : null, row.Strong, Math.Round(row.Density, 6),
                row.RelatedHere, row.RelatedNear, row.ClaimCount,
                row.Index is { } e ? new IndexScoreJson(Math.Round(e.Score, 2), e.Rank, e.MedianRank, e.Rank5, e.Rank95) : null,
                new ComponentsJson(Component(row, Atlas.Finder.Component.Count), Component(row, Atlas.Finder.Component.Lq), Component(row, Atlas.Finder.Component.Density),
                    Component(row, Atlas.Finder.Component.Related), Component(row, Atlas.Finder.Component.Claims), Component(row, Atlas.Finder.Component.Index)),
                row.Claims.Count == 0 ? null : [.. row.Claims.Select(f => new PlaceClaimJson(f.Id, f.Subject, f.Statement.Get(lang), Slugs.Of(f.Status), f.Source,
                    f.Status != FactStatus.Contradicted))]))]);
    }
}

/// <summary>A CSV line of a location ranking: one per municipality, each component's value and percentile rank in its own columns.</summary>
public sealed record LocationCsvRow(int Rank, string Id, string Label, string Nis, double Score, int Count, int Total, double? Lq, bool Strong,
    double Density, int RelatedHere, int RelatedNear, int Claims, double? IndexScore, double? IndexRank5, double? IndexRank95,
    double PCount, double PLq, double PDensity, double PRelated, double PClaims, double PIndex)
{
    public static IEnumerable<LocationCsvRow> Of(LocationsJson j) => j.Items.Select(i => new LocationCsvRow(i.Rank, i.Id, i.Label, i.Nis, i.Score,
        i.Count, i.Total, i.Lq, i.Strong, i.Density, i.RelatedHere, i.RelatedNear, i.Claims, i.Index?.Score, i.Index?.Rank5, i.Index?.Rank95,
        i.Components.Count.Percentile, i.Components.Lq.Percentile, i.Components.Density.Percentile, i.Components.Related.Percentile,
        i.Components.Claims.Percentile, i.Components.Index.Percentile));
}

public sealed record NearJson(string Input, string? Id, string? Label, string? Postcode, string? Locality, double Latitude, double Longitude,
    MunicipalityRefJson? Municipality);

/// <summary>An activity that brought a company: <c>match</c> is <c>same</c> (a class of the activity) or <c>related</c> (with its proximity and the class it is related to).</summary>
public sealed record PartnerActivityJson(string Code, string? Label, string Classification, string Match, double? Proximity, string? Via);

/// <summary>A register company within the distance: open register data only (never its contact data), and why it is here.</summary>
public sealed record CompanyPartnerJson(int Rank, string EnterpriseNumber, string? Name, MunicipalityRefJson? Municipality, string Postcode,
    string Locality, double DistanceKm, int Establishments, string Reason, IReadOnlyList<PartnerActivityJson> Activities);

/// <summary>A curated organisation within the distance, or a programme whose scope holds the point, with the sectors and technologies it shares with the activity.</summary>
public sealed record CuratedPartnerJson(string Id, string Type, string Kind, string Label, string? Place, string? PlaceLabel, double? DistanceKm,
    string? Scope, IReadOnlyList<TopicJson> Shared);

/// <summary>Whom to partner with near a point: the first <c>top</c> of <c>total</c> companies, and the curated organisations and programmes.</summary>
public sealed record PartnersJson(ActivityQueryJson Activity, IReadOnlyList<RelatedClassJson> Related, SourceJson Relatedness, RegisterInfoJson Register,
    NearJson Near, double DistanceKm, string Precision, string Method, string Methodology, int Total, int Top, IReadOnlyList<CompanyPartnerJson> Companies,
    IReadOnlyList<CuratedPartnerJson> Organisations)
{
    public const string MethodText =
        "Companies of the KBO/BCE register with a MAIN or SECO activity (NACE-BEL 2008, their own or one of their establishment units') in one of the activity's classes " +
        "or of the related classes (proximity φ ≥ 0.25 in the national complexity panel), and a unit (seat or establishment) within the distance. " +
        "Ordered by why they are here — same class as a MAIN activity, same class as a SECO one, related class as MAIN, related as SECO — then by the proximity of that related class, then by distance, then by number. " +
        "Only open register data is given (name, enterprise number, activities, municipality, establishment count); contact data never. " +
        "Curated organisations share a sector or technology with the activity and have a place within the distance; programmes are linked to one by the sources and their scope holds the point.";

    public static PartnersJson Of(PartnerSearch p, Lang lang)
    {
        var labels = p.RelatednessSource.NaceLabels(2008, lang);
        MunicipalityRefJson? Municipality(Place? m) => m is null ? null : new MunicipalityRefJson(m.Id, m.Nis!.Value.ToString(), m.Label(lang));
        var near = p.Near;
        return new PartnersJson(ActivityQueryJson.Of(p.Activity, labels, lang), ActivityQueryJson.Related(p.Related, labels), SourceJson.Of(p.RelatednessSource, lang),
            RegisterInfoJson.Of(p.Register),
            new NearJson(near.Input, near.Place?.Id, near.Place?.Label(lang), near.Locality?.Postcode.ToString(CultureInfo.InvariantCulture), near.Locality?.Name,
                Math.Round(near.Latitude, 5), Math.Round(near.Longitude, 5), Municipality(near.Municipality)),
            p.DistanceKm, Atlas.Geo.PostcodeLocalities.Precision, MethodText, $"/{lang.Code()}/methodology/finder", p.Total, p.Companies.Count,
            [.. p.Companies.Select(c => new CompanyPartnerJson(c.Rank, c.EnterpriseNumber, c.Name, Municipality(c.Municipality),
                c.Locality.Postcode.ToString(CultureInfo.InvariantCulture), c.Locality.Name, Math.Round(c.Km, 1), c.Establishments, Slugs.Of(c.Tier),
                [.. c.Activities.Select(a => new PartnerActivityJson(ActivityQueryJson.Code(a.Class), labels.GetValueOrDefault(ActivityQueryJson.Code(a.Class)),
                    a.Main ? "MAIN" : "SECO", a.Same ? "same" : "related", a.Same ? null : Math.Round(a.Proximity, 4), a.Via is { } v ? ActivityQueryJson.Code(v) : null))]))],
            [.. p.Curated.Select(o => new CuratedPartnerJson(o.Entity.Id, Slugs.Of(o.Entity.Type), o.Entity.Kind, o.Entity.Label(lang), o.Place?.Id, o.Place?.Label(lang),
                o.Km is { } km ? Math.Round(km, 1) : null, o.Scope?.Id, [.. o.Topics.Select(t => ActivityQueryJson.Topic(t, lang))]))]);
    }
}

/// <summary>A CSV line of the partners: one per company, its activities in one column.</summary>
public sealed record PartnerCsvRow(int Rank, string EnterpriseNumber, string? Name, string? Municipality, string? Nis, string Postcode, string Locality,
    double DistanceKm, int Establishments, string Reason, string Activities)
{
    public static IEnumerable<PartnerCsvRow> Of(PartnersJson j) => j.Companies.Select(c => new PartnerCsvRow(c.Rank, c.EnterpriseNumber, c.Name,
        c.Municipality?.Label, c.Municipality?.Nis, c.Postcode, c.Locality, c.DistanceKm, c.Establishments, c.Reason,
        string.Join("; ", c.Activities.Select(a => $"{a.Code} {a.Classification} {a.Match}" + (a.Proximity is { } p && a.Match == "related" ? $" (φ {p} to {a.Via})" : "")))));
}
