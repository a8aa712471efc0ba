using Atlas.Model;

namespace Atlas.Register;

/// <summary>
/// The register's vocabulary, as the KBO/BCE Open Data publishes it. Numbers are kept as their ten digits
/// (enterprise 0202.239.951 → 202239951; establishment unit 2.190.171.611 → 2190171611): enterprise numbers
/// start with 0 or 1, establishment unit numbers with 2 to 8, and both end with a mod-97 check.
/// </summary>
public enum Classification : byte
{
    /// <summary>MAIN: the main activity (of a VAT, social security or other registration group).</summary>
    Main = 1,
    /// <summary>SECO: a secondary activity.</summary>
    Secondary = 2,
    /// <summary>ANCI: an ancillary activity.</summary>
    Ancillary = 3,
}

public static class Classifications
{
    public static string Code(this Classification c) => c switch
    {
        Classification.Main => "MAIN",
        Classification.Secondary => "SECO",
        _ => "ANCI",
    };
}

/// <summary>The NACE-BEL versions the register uses: 2003, 2008 (NACE Rev. 2) and 2025 (NACE Rev. 2.1).</summary>
public static class NaceVersions
{
    public static readonly int[] All = [2003, 2008, 2025];
    public static bool IsValid(int version) => version is 2003 or 2008 or 2025;
}

/// <summary>An enterprise (a legal person or a natural person registered as an enterprise).</summary>
public readonly record struct EnterpriseRow(long Number, string Status, string JuridicalSituation, string TypeOfEnterprise,
    string? JuridicalForm, string? JuridicalFormCac, DateOnly StartDate);

/// <summary>An establishment unit: a place where an enterprise carries out an activity.</summary>
public readonly record struct EstablishmentRow(long Number, DateOnly StartDate, long Enterprise);

/// <summary>A branch of a foreign entity in Belgium.</summary>
public readonly record struct BranchRow(long Id, DateOnly StartDate, long Enterprise);

/// <summary>A name of an enterprise, establishment or branch: Language 0 unknown, 1 FR, 2 NL, 3 DE, 4 EN; type 001 name, 002 abbreviation, 003 commercial name, 004 branch name.</summary>
public sealed record DenominationRow(long Entity, int Language, string Type, string Name);

/// <summary>An address; TypeOfAddress REGO (registered seat), BAET (establishment), ABBR (branch), OBAD.</summary>
public sealed record AddressRow(long Entity, string Type, string? CountryNl, string? CountryFr, string? Zipcode,
    string? MunicipalityNl, string? MunicipalityFr, string? StreetNl, string? StreetFr, string? HouseNumber, string? Box,
    string? ExtraAddressInfo, DateOnly? DateStrikingOff)
{
    /// <summary>A Belgian address: the register leaves the country empty for Belgium.</summary>
    public bool InBelgium => CountryNl is null && CountryFr is null;
}

/// <summary>A contact (TEL, EMAIL, WEB) of an enterprise (ENT), establishment (EST) or branch (BRA).</summary>
public sealed record ContactRow(long Entity, string EntityContact, string ContactType, string Value);

/// <summary>An activity: its group (001 VAT, 003 …, 006 social security …), NACE version and code, and classification.</summary>
public readonly record struct ActivityRow(long Entity, int Group, int NaceVersion, NaceCode Nace, Classification Classification);

/// <summary>A row of code.csv: a code of a category (Nace2008, JuridicalForm …) with its description in one language.</summary>
public sealed record CodeRow(string Category, string Code, string Language, string Description);

/// <summary>
/// The register's former name for <see cref="KboDigits"/>: it only forwards, for the query layer and
/// <see cref="SpecCounts"/> that still call it; new code asks <see cref="KboDigits"/>.
/// </summary>
public static class RegisterNumbers
{
    public static string Format(long digits) => KboDigits.Format(digits);

    public static bool IsEnterprise(long digits) => KboDigits.IsEnterprise(digits);
}
