using Atlas.Claims;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Web.Pages;

namespace Atlas.Web.OpenData;

/// <summary>
/// Facts and entities as JSON-LD: each fact a schema.org Claim that appears in its source (the key phrase as a
/// Quotation), its status a ClaimReview citing the facts that show it, and each statistical source's figures behind a
/// sector claim as PROV entities derived from that source (the register's extract, Statbel's table) by the computation
/// that made them.
/// </summary>
public static class LinkedData
{
    public const string MediaType = "application/ld+json";
    private static readonly LdOrganizationJson Atlas = new("Organization", "Belgian Innovation Atlas");

    public static string EntityId(Entity e) => $"/api/{Links.Segment(e.Type)}/{Uri.EscapeDataString(e.Id)}";
    public static string FactId(string id) => $"/api/facts/{Uri.EscapeDataString(id)}";

    public static IReadOnlyList<LdLangStringJson> Texts(LocalizedText text) =>
        text.ByCode.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new LdLangStringJson(kv.Value, kv.Key)).ToList();

    public static LdNodeRefJson Ref(CuratedSnapshot s, string id) => s.Get(id) is { } e
        ? new LdNodeRefJson(EntityId(e)) { Type = TypeOf(e), Name = Texts(e.Names) }
        : new LdNodeRefJson(id);

    public static LdClaimJson Claim(Fact f, CuratedSnapshot s, IReadOnlyList<SectorEvidence> evidence, bool withReview = true)
    {
        var source = s.Get<Source>(f.Source);
        return new LdClaimJson
        {
            Id = FactId(f.Id), Text = Texts(f.Statement), Keywords = f.Predicate.Slug(), About = Ref(s, f.Subject),
            Mentions = f.Entities.Skip(1).Select(e => Ref(s, e)).ToList() is { Count: > 0 } m ? m : null,
            Appearance = new LdQuotationJson("Quotation", new LdLangStringJson(f.Locator.Phrase, source?.Language ?? "fr"),
                f.Locator.Section is null ? f.Locator.Row is int row ? $"row {row}" : null : $"{f.Locator.Section} › {f.Locator.Passage}",
                f.Locator.Url, Source(f.Source, source)),
            DatePublished = source?.Date ?? source?.Year?.ToString(), Url = Links.Fact(Lang.En, f.Id),
            Review = withReview ? Review(f, s, evidence) : null,
        };
    }

    private static LdClaimReviewJson Review(Fact f, CuratedSnapshot s, IReadOnlyList<SectorEvidence> evidence) => new()
    {
        Id = FactId(f.Id) + "#review", ItemReviewed = new LdNodeRefJson(FactId(f.Id)), Author = Atlas,
        ReviewRating = new LdRatingJson("Rating", Slugs.Of(f.Status), f.Status switch { FactStatus.Contradicted => 1, FactStatus.Asserted => 2, _ => 3 }, 1, 3),
        Citation = f.Evidence.Select(s.Fact).OfType<Fact>().Select(e => Claim(e, s, [], withReview: false)).ToList() is { Count: > 0 } c ? c : null,
        IsBasedOn = evidence.SelectMany(e => e.Units.Where(u => u.Figures.Lq is not null).Select(u => Lq(f, u, e))).ToList() is { Count: > 0 } lqs ? lqs : null,
    };

    /// <summary>A location quotient behind a sector claim: derived from a source's data by the specialisation computation.</summary>
    private static LdDerivedFigureJson Lq(Fact f, UnitEvidence u, SectorEvidence e) => new()
    {
        Id = $"{FactId(f.Id)}#lq-{e.Source.Id}-{u.Unit.Nis:D5}",
        Name = $"location quotient of {f.Object} in {u.Unit.Place.Names.Get(Lang.En)} ({u.Unit.Nis:D5}): {e.Source.Unit(Lang.En)}, {e.Source.Title(Lang.En)}, NACE-BEL 2008 codes {string.Join(", ", e.Codes)}",
        PropertyID = "location-quotient", Value = Math.Round(u.Figures.Lq!.Value, 4),
        WasDerivedFrom = Dataset(e.Source),
        WasGeneratedBy = Computation("specialisation", "location quotient = the sector's share of the unit's count / its share in Belgium; strong by the US Cluster Mapping rule",
            $"/api/places/{Uri.EscapeDataString(f.Subject)}/specialisation?level=class&source={e.Source.Id}", e.Source),
    };

    /// <summary>The catalogue's id of a source's data as the atlas holds it: the register's extract, or Statbel's table.</summary>
    public static string DatasetId(CountSource source) =>
        source.Register is { } r ? $"/api/catalog#register-{r.ExtractNumber}" : $"/api/catalog#{source.Id}";

    /// <summary>The version that identifies a source's data: the register's extract number, or the date Statbel counted on.</summary>
    public static string VersionOf(CountSource source) =>
        source.Register is { } r ? r.ExtractNumber.ToString() : source.ReferenceDate?.ToString("yyyy-MM-dd") ?? source.Id;

    public static LdDatasetVersionJson Dataset(CountSource source) => new()
    {
        Id = DatasetId(source),
        Name = source.Register is { } r ? $"KBO/BCE Open Data, extract {r.ExtractNumber} ({r.ExtractType})" : source.Title(Lang.En),
        Version = VersionOf(source), Issued = source.ReferenceDate?.ToString("yyyy-MM-dd"),
    };

    /// <summary>A computation of the atlas over one source's data (one activity per source version).</summary>
    public static LdActivityJson Computation(string id, string name, string? url, CountSource source) => new()
    {
        Id = $"/api/catalog#{id}-{(source.Register is { } r ? r.ExtractNumber.ToString() : source.Id)}", Name = name, Url = url,
        Used = new LdNodeRefJson(DatasetId(source)),
    };

    public static LdSourceJson Source(string id, Source? s) => new()
    {
        Id = $"/api/sources/{Uri.EscapeDataString(id)}",
        Type = s?.SourceType switch { SourceType.Dataset => "Dataset", SourceType.WebPage => "WebPage", _ => "CreativeWork" },
        Name = s?.Title ?? id, Url = s?.Url, DatePublished = s?.Date ?? s?.Year?.ToString(), InLanguage = s?.Language,
        Publisher = s?.Publisher is { } p ? new LdOrganizationJson("Organization", p) : null, License = s?.Licence,
    };

    public static string TypeOf(Entity e) => e switch
    {
        Place { PlaceKind: PlaceKind.Country } => "Country",
        Place { PlaceKind: PlaceKind.City } => "City",
        Place { PlaceKind: PlaceKind.Municipality } => "AdministrativeArea",
        Place => "AdministrativeArea",
        Organisation { OrganisationKind: OrganisationKind.University } => "CollegeOrUniversity",
        Organisation { OrganisationKind: OrganisationKind.ResearchCentre } => "ResearchOrganization",
        Organisation { OrganisationKind: OrganisationKind.Company or OrganisationKind.StartUp } => "Corporation",
        Organisation => "Organization",
        Sector or Technology => "DefinedTerm",
        Programme => "Project",
        Source { SourceType: SourceType.Dataset } => "Dataset",
        Source { SourceType: SourceType.WebPage } => "WebPage",
        _ => "CreativeWork",
    };
}
