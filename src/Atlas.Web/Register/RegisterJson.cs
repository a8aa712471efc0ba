using Atlas.Claims;
using Atlas.Companies;
using Atlas.Model;
using Atlas.Register;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.Web.Register;

/// <summary>The register's extract: its number, type (full or update), the full dump it builds on, its snapshot date, when it was imported.</summary>
public sealed record RegisterInfoJson(int Extract, string ExtractType, int? FullExtract, string? SnapshotDate, string? ImportedAt)
{
    public static RegisterInfoJson Of(RegisterInfo i) => new(i.ExtractNumber, i.ExtractType, i.FullExtractNumber, i.SnapshotDate, i.ImportedAt);
}

/// <summary>
/// A statistical source a figure comes from: its id (<c>kbo</c>, <c>statbel-vat-2019</c>), its title, what it counts
/// and as of when ("VAT-registered enterprises by seat", 2019-12-31), and for the register, its extract.
/// </summary>
public sealed record SourceJson(string Id, string Title, string Unit, string? ReferenceDate, RegisterInfoJson? Register, string? Attribution)
{
    public static SourceJson Of(CountSource s, Lang lang, UnitKind? unit = null) => new(s.Id, s.Title(lang), s.Unit(lang, unit),
        s.ReferenceDate?.ToString("yyyy-MM-dd"), s.Register is { } r ? RegisterInfoJson.Of(r) : null, s.Vat?.Source.Attribution);
}

public sealed record ThresholdsJson(double? LqP75, double? CountP25);

/// <summary>A sector's figures in one unit of the place: <c>count</c> of the source's units, also named after them (<c>establishments</c> or <c>enterprises</c>).</summary>
public sealed record UnitEvidenceJson(string Id, string Label, string Relation, int Count, int? Establishments, int? Enterprises, double Share, double? Lq,
    int? Rank, int? LqRank, bool Strong);

/// <summary>What one source says of "city innovates in sector", beside the fact: confirmed when the city is a strong specialisation in it.</summary>
public sealed record EvidenceJson(string Status, string Measure, SourceJson Source, IReadOnlyList<string> Codes, int MunicipalitiesWithPresence,
    ThresholdsJson Thresholds, IReadOnlyList<UnitEvidenceJson> Units, RegisterInfoJson? Register, string Href)
{
    public static EvidenceJson Of(SectorEvidence e, string placeId, Lang lang)
    {
        var establishments = e.Source.MainUnit == UnitKind.Establishments;
        return new(Slugs.Of(e.Status), e.Source.Unit(lang) + ", NACE-BEL 2008", SourceJson.Of(e.Source, lang), e.Codes, e.MunicipalitiesWithPresence,
            new ThresholdsJson(Round(e.P75Lq, 4), Round(e.P25Count, 2)),
            e.Units.Select(u => new UnitEvidenceJson(u.Unit.Place.Id, u.Unit.Place.Label(lang), Relation(u.Unit.Relation), u.Figures.Count,
                establishments ? u.Figures.Count : null, establishments ? null : u.Figures.Count,
                Math.Round(u.Figures.Share, 6), u.Figures.Lq is { } lq ? Math.Round(lq, 4) : null, u.Figures.Rank, u.Figures.LqRank, u.Figures.Strong)).ToList(),
            e.Source.Register is { } r ? RegisterInfoJson.Of(r) : null, $"/api/places/{placeId}/specialisation?level=class&source={e.Source.Id}");
    }

    public static string Relation(PlaceRelation? relation) => relation is { } r ? Slugs.Of(r) : "self";

    public static double? Round(double x, int digits) => double.IsFinite(x) ? Math.Round(x, digits) : null;
}

public sealed record CodeJson(string Code, string? Label)
{
    public static CodeJson? Of(CodeValue? c) => c is null ? null : new(c.Code, c.Label);
}

public sealed record MunicipalityRefJson(string Id, string Nis, string? Label)
{
    public static MunicipalityRefJson? Of(MunicipalityRef? m) => m is null ? null : new(m.Id, m.Nis, m.Label);
}

public sealed record CompanyNameJson(string Name, string Language, string Type);

public sealed record AddressJson(string Type, string? Street, string? HouseNumber, string? Box, string? Zipcode, string? Locality, string? Country,
    string? Extra, MunicipalityRefJson? Municipality)
{
    public static AddressJson? Of(CompanyAddress? a) => a is null ? null
        : new(a.Type, a.Street, a.HouseNumber, a.Box, a.Zipcode, a.Locality, a.Country, a.Extra, MunicipalityRefJson.Of(a.Municipality));
}

public sealed record ActivityJson(string Classification, int NaceVersion, string Code, string? Label, string Group)
{
    public static ActivityJson? Of(CompanyActivity? a) => a is null ? null : new(a.Classification, a.NaceVersion, a.Code, a.Label, a.Group);
}

public sealed record ContactJson(string Type, string Value);

/// <summary>An enterprise of the register in short, as a search result or beside a curated organisation.</summary>
public sealed record CompanySummaryJson(string EnterpriseNumber, string Type, string? Name, CodeJson? JuridicalForm, CodeJson TypeOfEnterprise,
    string StartDate, MunicipalityRefJson? Seat, int Establishments, ActivityJson? MainActivity, string? Organisation, string? Matched)
{
    public static CompanySummaryJson Of(CompanySummary s) => new(s.EnterpriseNumber, "enterprise", s.Name, CodeJson.Of(s.JuridicalForm),
        CodeJson.Of(s.TypeOfEnterprise)!, s.StartDate, MunicipalityRefJson.Of(s.Seat), s.Establishments, ActivityJson.Of(s.MainActivity), s.Organisation, s.Matched);
}

/// <summary>
/// The register's record of a curated organisation: <c>loaded</c> whether a register is loaded, <c>found</c> whether it
/// holds the number, and when it does, the company in short (as a search result) with a link to the whole record.
/// </summary>
public sealed record RegisterLinkJson(string EnterpriseNumber, bool Loaded, bool? Found, string? Href, string? Name, CodeJson? JuridicalForm,
    CodeJson? TypeOfEnterprise, string? StartDate, MunicipalityRefJson? Seat, int? Establishments, ActivityJson? MainActivity)
{
    public static RegisterLinkJson Of(RegisterLink link) => link.Summary is not { } s
        ? new(link.Number.ToString(), link.Loaded, link.Loaded ? false : null, null, null, null, null, null, null, null, null)
        : new(link.Number.ToString(), true, true, $"/api/organisations/{link.Number}", s.Name, CodeJson.Of(s.JuridicalForm), CodeJson.Of(s.TypeOfEnterprise),
            s.StartDate, MunicipalityRefJson.Of(s.Seat), s.Establishments, ActivityJson.Of(s.MainActivity));
}

public sealed record EstablishmentJson(string EstablishmentNumber, string StartDate, IReadOnlyList<CompanyNameJson> Names, AddressJson? Address,
    MunicipalityRefJson? Municipality, IReadOnlyList<ActivityJson> Activities);

/// <summary>One enterprise with everything the register says of it.</summary>
public sealed record CompanyJson(string EnterpriseNumber, string Type, string? Name, IReadOnlyList<CompanyNameJson> Names, CodeJson Status,
    CodeJson JuridicalSituation, CodeJson TypeOfEnterprise, CodeJson? JuridicalForm, CodeJson? JuridicalFormCAC, string StartDate, AddressJson? Seat,
    IReadOnlyList<AddressJson> Addresses, IReadOnlyList<ActivityJson> Activities, IReadOnlyList<ContactJson> Contacts, int EstablishmentCount,
    IReadOnlyList<EstablishmentJson> Establishments, string? Organisation, RegisterInfoJson Register)
{
    public static CompanyJson Of(Company c)
    {
        static List<CompanyNameJson> Names(IEnumerable<CompanyName> names) => names.Select(n => new CompanyNameJson(n.Name, n.Language, n.Type)).ToList();
        return new(c.EnterpriseNumber, "enterprise", c.Name, Names(c.Names), CodeJson.Of(c.Status)!, CodeJson.Of(c.JuridicalSituation)!,
            CodeJson.Of(c.TypeOfEnterprise)!, CodeJson.Of(c.JuridicalForm), CodeJson.Of(c.JuridicalFormCac), c.StartDate, AddressJson.Of(c.Seat),
            c.Addresses.Select(a => AddressJson.Of(a)!).ToList(), c.Activities.Select(a => ActivityJson.Of(a)!).ToList(),
            c.Contacts.Select(x => new ContactJson(x.Type, x.Value)).ToList(), c.EstablishmentCount,
            c.Establishments.Select(e => new EstablishmentJson(e.EstablishmentNumber, e.StartDate, Names(e.Names), AddressJson.Of(e.Address),
                MunicipalityRefJson.Of(e.Address?.Municipality), e.Activities.Select(a => ActivityJson.Of(a)!).ToList())).ToList(),
            c.Organisation, RegisterInfoJson.Of(c.Register));
    }
}

/// <summary>Register companies found by a name or a number: the page envelope, the query, the register, and whether the ranking was cut.</summary>
public sealed record CompanySearchJson(int Total, int Page, int PageSize, int Pages, Http.PageLinks Links, IReadOnlyList<CompanySummaryJson> Items,
    string Query, RegisterInfoJson Register, string? Limited);

public sealed record FiguresJson(int Count, double Share, double? Lq, int? Rank, int? LqRank, bool Strong)
{
    public static FiguresJson? Of(SpecFigures? f) => f is null ? null
        : new(f.Count, Math.Round(f.Share, 6), f.Lq is { } lq ? Math.Round(lq, 4) : null, f.Rank, f.LqRank, f.Strong);
}

/// <summary>One NACE code: the figures of each unit kind the source counts (the register both, Statbel enterprises only).</summary>
public sealed record SpecialisationRowJson(string Code, string? Label, FiguresJson? Establishments, FiguresJson? Enterprises);

public sealed record UnitSpecialisationJson(string Id, string Label, string Kind, string Relation, string Nis, int? Establishments, int? Enterprises,
    IReadOnlyList<string> Strong, IReadOnlyList<SpecialisationRowJson> Rows);

public sealed record PlaceRefJson(string Id, string Label, string Kind);

public sealed record BelgiumCountsJson(int? Establishments, int? Enterprises);

/// <summary>The specialisation of a place from one source: for each of its statistical units, every NACE code present with its figures.</summary>
public sealed record SpecialisationJson(PlaceRefJson Place, string Level, string Nace, string Sort, int Municipalities, BelgiumCountsJson Belgium,
    string Method, SourceJson Source, RegisterInfoJson? Register, IReadOnlyList<UnitSpecialisationJson> Units)
{
    public const string MethodText = "The register: units counted under their main activity (MAIN, lowest activity group, then lowest code) in the NACE-BEL version asked; " +
        "Statbel: VAT-registered enterprises by the municipality of their seat. share = count / all units of the area; lq = share / Belgium's share; " +
        "rank: among the municipalities by count; strong (US Cluster Mapping): lq ≥ the 75th percentile of lq over the municipalities where the code is present, " +
        "count above their 25th percentile of count, and lq ≥ 1 — for the source's main count (the register: establishments; Statbel: enterprises).";

    public static SpecialisationJson Of(PlaceSpecialisation s, Lang lang) => new(
        new PlaceRefJson(s.Place.Id, s.Place.Label(lang), s.Place.Kind), Slugs.Of(s.Level), s.NaceVersion.ToString(), Slugs.Of(s.Sort),
        s.Municipalities, new BelgiumCountsJson(s.BelgiumEstablishments, s.BelgiumEnterprises), MethodText, SourceJson.Of(s.Source, lang),
        s.Source.Register is { } r ? RegisterInfoJson.Of(r) : null,
        s.Units.Select(u => new UnitSpecialisationJson(u.Unit.Place.Id, u.Unit.Place.Label(lang), u.Unit.Place.Kind, EvidenceJson.Relation(u.Unit.Relation),
            u.Unit.Nis.ToString("D5"), u.Establishments, u.Enterprises, u.Strong.ToList(),
            u.Rows.Select(r => new SpecialisationRowJson(r.Code, r.Label, FiguresJson.Of(r.Establishments), FiguresJson.Of(r.Enterprises))).ToList())).ToList());
}

/// <summary>A CSV line of a specialisation: one unit and code, the figures of each unit kind side by side.</summary>
public sealed record SpecialisationCsvRow(string Place, string Unit, string UnitLabel, string Nis, string Level, string Nace, string Code, string? Label,
    FiguresJson? Establishments, FiguresJson? Enterprises)
{
    public static IEnumerable<SpecialisationCsvRow> Of(SpecialisationJson s) =>
        s.Units.SelectMany(u => u.Rows.Select(r => new SpecialisationCsvRow(s.Place.Id, u.Id, u.Label, u.Nis, s.Level, s.Nace, r.Code, r.Label, r.Establishments, r.Enterprises)));
}
