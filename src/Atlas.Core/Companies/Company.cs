using Atlas.Model;
using Atlas.Register;

namespace Atlas.Companies;

/// <summary>A code of the register's code tables with its label in the asked language (FR or NL; the register has no English).</summary>
public sealed record CodeValue(string Code, string? Label);

/// <summary>A name of an enterprise, establishment or branch: its language (fr, nl, de, en or unknown) and type (name, abbreviation, commercial-name, branch-name).</summary>
public sealed record CompanyName(string Name, string Language, string Type);

/// <summary>A municipality of the atlas, by its NIS code.</summary>
public sealed record MunicipalityRef(string Id, string Nis, string? Label);

public sealed record CompanyAddress(string Type, string? Street, string? HouseNumber, string? Box, string? Zipcode, string? Locality,
    string? Country, string? Extra, MunicipalityRef? Municipality);

/// <summary>An activity: MAIN, SECO or ANCI; its NACE-BEL version and code with its label; its registration group (001 VAT …).</summary>
public sealed record CompanyActivity(string Classification, int NaceVersion, string Code, string? Label, string Group);

public sealed record CompanyContact(string Type, string Value);

/// <summary>An enterprise as a search result.</summary>
public sealed record CompanySummary(string EnterpriseNumber, string? Name, CodeValue? JuridicalForm, CodeValue TypeOfEnterprise, string StartDate,
    MunicipalityRef? Seat, int Establishments, CompanyActivity? MainActivity, string? Organisation, string? Matched = null);

public sealed record CompanyEstablishment(string EstablishmentNumber, string StartDate, IReadOnlyList<CompanyName> Names, CompanyAddress? Address,
    IReadOnlyList<CompanyActivity> Activities);

/// <summary>One enterprise with everything the register says of it.</summary>
public sealed record Company(string EnterpriseNumber, string? Name, IReadOnlyList<CompanyName> Names, CodeValue Status, CodeValue JuridicalSituation,
    CodeValue TypeOfEnterprise, CodeValue? JuridicalForm, CodeValue? JuridicalFormCac, string StartDate, CompanyAddress? Seat,
    IReadOnlyList<CompanyAddress> Addresses, IReadOnlyList<CompanyActivity> Activities, IReadOnlyList<CompanyContact> Contacts,
    int EstablishmentCount, IReadOnlyList<CompanyEstablishment> Establishments, string? Organisation, RegisterInfo Register);

/// <summary>The register's record of a curated organisation with an enterprise number: whether a register is loaded, whether it holds the number.</summary>
public sealed record RegisterLink(EnterpriseNumber Number, bool Loaded, CompanySummary? Summary)
{
    public bool Found => Summary is not null;
}

/// <summary>Register companies whose names hold the words of a query, best first; <see cref="Limited"/> when more matched than are ranked.</summary>
public sealed record CompanySearch(string Query, Catalogue.Page<CompanySummary> Page, bool Limited, RegisterInfo Register);
