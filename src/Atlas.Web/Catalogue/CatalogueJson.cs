using Atlas.Catalogue;
using Atlas.Claims;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Register;

namespace Atlas.Web.Catalogue;

/// <summary>An entity in short: id, label in the asked language, type and kind.</summary>
public sealed record EntityRefJson(string Id, string Label, string Type, string Kind)
{
    public static EntityRefJson Of(Entity e, Lang lang) => new(e.Id, e.Label(lang), Slugs.Of(e.Type), e.Kind);
}

public sealed record CoordinatesJson(double Lat, double Lon);
public sealed record PlaceLinkJson(string Relation, string Place);
public sealed record OrganisationPlaceJson(string Place, string Role);
public sealed record ChildJson(string Id, string Kind, string Label);

/// <summary>
/// An entity as the API shows it: the fields every entity has, then those of its type (a place's NIS code and
/// parent, an organisation's enterprise number …); with <c>facts</c>, <c>factsAbout</c>, <c>children</c> and the rest
/// when it is one entity with what the atlas says of it.
/// </summary>
public sealed record EntityJson
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required string Type { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public IReadOnlyDictionary<string, string>? Description { get; init; }
    // places
    public string? Nis { get; init; }
    public string? Nuts { get; init; }
    public string? Parent { get; init; }
    public CoordinatesJson? Coordinates { get; init; }
    public IReadOnlyList<PlaceLinkJson>? Links { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? MergedInto { get; init; }
    public IReadOnlyList<string>? MergedFrom { get; init; }
    public long? Population2020 { get; init; }
    // sectors
    public IReadOnlyList<string>? Nace2008 { get; init; }
    // organisations
    public string? EnterpriseNumber { get; init; }
    public IReadOnlyList<OrganisationPlaceJson>? Places { get; init; }
    public IReadOnlyList<string>? Sectors { get; init; }
    public IReadOnlyList<string>? Technologies { get; init; }
    public string? Website { get; init; }
    public string? Wikidata { get; init; }
    // programmes
    public string? Scope { get; init; }
    public string? Period { get; init; }
    // sources
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public string? Language { get; init; }
    public int? Year { get; init; }
    public string? Date { get; init; }
    public string? Url { get; init; }
    public string? Accessed { get; init; }
    public string? File { get; init; }
    public string? Licence { get; init; }
    /// <summary>A curator's remark in French, Dutch and English.</summary>
    public IReadOnlyDictionary<string, string>? Note { get; init; }
    // one entity with what the atlas says of it
    public IReadOnlyList<FactJson>? Facts { get; init; }
    public IReadOnlyList<FactJson>? FactsAbout { get; init; }
    public IReadOnlyList<ChildJson>? Children { get; init; }
    public int? FactCount { get; init; }
    public RegisterLinkJson? Register { get; init; }

    private static IReadOnlyList<T>? NonEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;

    public static EntityJson Of(Entity e, Lang lang)
    {
        var json = new EntityJson
        {
            Id = e.Id, Label = e.Label(lang), Type = Slugs.Of(e.Type), Kind = e.Kind, Names = e.Names.ByCode,
            Aliases = NonEmpty(e.Aliases), Description = e.Description.IsEmpty ? null : e.Description.ByCode, Note = e.Note.IsEmpty ? null : e.Note.ByCode,
        };
        return e switch
        {
            Place p => json with
            {
                Nis = p.Nis?.ToString(), Nuts = p.Nuts, Parent = p.Parent,
                Coordinates = p.Latitude is double lat && p.Longitude is double lon ? new CoordinatesJson(lat, lon) : null,
                Links = NonEmpty(p.Links.Select(l => new PlaceLinkJson(Slugs.Of(l.Relation), l.Place)).ToList()),
                ValidFrom = p.ValidFrom?.ToString("yyyy-MM-dd"), ValidTo = p.ValidTo?.ToString("yyyy-MM-dd"),
                MergedInto = p.MergedInto, MergedFrom = NonEmpty(p.MergedFrom), Population2020 = p.Population,
            },
            Sector s => json with { Nace2008 = s.Nace2008 },
            Organisation o => json with
            {
                EnterpriseNumber = o.EnterpriseNumber?.ToString(),
                Places = NonEmpty(o.Places.Select(pl => new OrganisationPlaceJson(pl.Place, Slugs.Of(pl.Role))).ToList()),
                Sectors = NonEmpty(o.Sectors), Technologies = NonEmpty(o.Technologies), Website = o.Website, Wikidata = o.Wikidata,
            },
            Programme pr => json with { Scope = pr.Scope, Period = pr.Period, Website = pr.Website },
            Source src => json with
            {
                Title = src.Title, Publisher = src.Publisher, Language = src.Language, Year = src.Year, Date = src.Date, Accessed = src.Accessed,
                Url = src.Url, File = src.File, Licence = src.Licence,
            },
            _ => json,
        };
    }
}

/// <summary>Where in its source a fact is, with a short verbatim key phrase: a document's section and passage, a web page's address, a data set's row.</summary>
public sealed record LocatorJson(string? Section, string? Passage, string? Url, int? Row, string Phrase)
{
    public static LocatorJson Of(Locator l) => new(l.Section, l.Passage, l.Url, l.Row, l.Phrase);
}

/// <summary>A fact that shows another's status (confirmed or contradicted): its statement, its source and locator.</summary>
public sealed record StatusEvidenceJson(string Id, string Text, string Source, string SourceLabel, string? SourceUrl, LocatorJson Locator);

/// <summary>
/// A fact: who, what, says who, where; its statement in the asked language (<c>text</c>) and in every language it
/// has; its status with the facts that show it; its role (a claim of its source, or context the article leaves out).
/// A city's sector claim also carries what the data says of it: <c>evidence</c> from the default source, every
/// available source's in <c>evidenceBySource</c>, and whether they agree (<c>evidenceAgreement</c>: agree, disagree).
/// </summary>
public sealed record FactJson(
    string Id, string Subject, string Predicate, string? Object, IReadOnlyList<string> Context, string Text,
    IReadOnlyDictionary<string, string> Statement, decimal? Value, string? Unit, string? Qualifier, string? Period, string? Indicator,
    string Source, LocatorJson Locator, string Status, IReadOnlyList<StatusEvidenceJson> StatusEvidence, string Role,
    IReadOnlyDictionary<string, string>? Note, EvidenceJson? Evidence, IReadOnlyList<EvidenceJson>? EvidenceBySource, string? EvidenceAgreement,
    string SubjectLabel, string? ObjectLabel, string SourceLabel)
{
    public static FactJson Of(Fact f, CuratedSnapshot s, Lang lang, IReadOnlyList<SectorEvidence> evidence)
    {
        var bySource = evidence.Select(e => EvidenceJson.Of(e, f.Subject, lang)).ToList();
        return Of(f, s, lang, bySource.FirstOrDefault(), bySource.Count == 0 ? null : bySource,
            bySource.Count < 2 ? null : bySource.Select(e => e.Status).Distinct().Count() == 1 ? "agree" : "disagree");
    }

    private static FactJson Of(Fact f, CuratedSnapshot s, Lang lang, EvidenceJson? evidence, IReadOnlyList<EvidenceJson>? bySource, string? agreement) => new(
        f.Id, f.Subject, f.Predicate.Slug(), f.Object, f.Context, f.Statement.Get(lang), f.Statement.ByCode,
        f.Quantity?.Value, f.Quantity?.Unit, f.Quantity?.Qualifier.Slug(), f.Quantity?.Period?.ToString(), f.Indicator,
        f.Source, LocatorJson.Of(f.Locator), Slugs.Of(f.Status),
        f.Evidence.Select(s.Fact).OfType<Fact>()
            .Select(e => new StatusEvidenceJson(e.Id, e.Statement.Get(lang), e.Source, s.Label(e.Source, lang), s.Get<Source>(e.Source)?.Url, LocatorJson.Of(e.Locator)))
            .ToList(),
        Slugs.Of(f.Role), f.Note.IsEmpty ? null : f.Note.ByCode, evidence, bySource, agreement, s.Label(f.Subject, lang),
        f.Object is null ? null : s.Label(f.Object, lang), s.Label(f.Source, lang));

    /// <summary>The note in a language (else English, else French), for the pages.</summary>
    public string? NoteIn(Lang lang) => Note is null ? null : Note.GetValueOrDefault(lang.Code()) ?? Note.GetValueOrDefault("en") ?? Note.GetValueOrDefault("fr");
}
