using Atlas.Register;

namespace Atlas.Store;

/// <summary>A NACE-BEL code of the register with its labels (English from the NACE reference, up to classes).</summary>
public sealed record NaceLabel(string Code, string? Fr, string? Nl, string? En);

/// <summary>A code of the register's code tables (JuridicalForm, Status …) with its description in one language (FR, NL, DE).</summary>
public sealed record CodeLabel(string Category, string Code, string Language, string Description);

/// <summary>How many units one area has under one NACE class (area: a municipality, an area above it, or Belgium).</summary>
public readonly record struct AreaClassCount(int Nis, int Class, int Count);

/// <summary>The enterprises with their seat in a municipality, and how many of them started since a date.</summary>
public readonly record struct SeatCount(int Nis, int Enterprises, int Young);

/// <summary>A unit's address as the finder places it: an enterprise's seat (REGO) or an establishment unit's address (BAET), in a municipality.</summary>
public readonly record struct UnitAddress(long Entity, string? Zipcode, string? LocalityNl, string? LocalityFr, int Nis);

/// <summary>A unit's MAIN or SECO activity, by NACE class (its first four digits).</summary>
public readonly record struct UnitClass(long Entity, int Class, bool Main);

/// <summary>An enterprise of the register as the register holds it.</summary>
public sealed record EnterpriseRecord(long Number, string Status, string JuridicalSituation, string TypeOfEnterprise,
    string? JuridicalForm, string? JuridicalFormCac, string StartDate);

/// <summary>An address with the municipality (2025 NIS code) the import found for it, when it found one.</summary>
public sealed record AddressRecord(string Type, string? CountryNl, string? CountryFr, string? Zipcode, string? MunicipalityNl,
    string? MunicipalityFr, string? StreetNl, string? StreetFr, string? HouseNumber, string? Box, string? ExtraAddressInfo, long? Nis);

/// <summary>
/// The enterprise register (KBO/BCE) as a store holds it: written only by <c>atlas import kbo</c>, read by the
/// analyses (counts by area and NACE class) and by the company look-ups. SQLite keeps it in its own file beside the
/// atlas database; a server store implements the same interface.
/// </summary>
public interface IRegisterStore
{
    /// <summary>Where the register is, for messages.</summary>
    string Location { get; }

    /// <summary>A token that changes whenever the register is replaced or updated; cheap enough for every request.</summary>
    string Version { get; }

    /// <summary>The register's extract, or null when no complete register is loaded.</summary>
    RegisterInfo? Info { get; }

    /// <summary>Why a register that exists cannot be used (another version, damaged), or null.</summary>
    string? Problem { get; }

    /// <summary>Units of a kind (<see cref="RegisterSchema.Establishments"/> or <see cref="RegisterSchema.Enterprises"/>) by area and NACE class of a version, counted under their main activity.</summary>
    IReadOnlyList<AreaClassCount> Counts(int unit, int naceVersion);

    /// <summary>Every NACE code of a version with its labels.</summary>
    IReadOnlyList<NaceLabel> NaceLabels(int naceVersion);

    /// <summary>The section letter of each division of a version (62 → J).</summary>
    IReadOnlyDictionary<int, string> SectionsOfDivisions(int naceVersion);

    /// <summary>Every code of the register's code tables.</summary>
    IReadOnlyList<CodeLabel> Codes();

    /// <summary>Per municipality, the enterprises with their seat there and those of them that started after <paramref name="since"/> (yyyy-mm-dd).</summary>
    IReadOnlyList<SeatCount> EnterprisesBySeat(string since);

    /// <summary>A read session for company look-ups, on one connection.</summary>
    IRegisterSession Open();

    // for the finder's index of who does what where, read once per register version

    /// <summary>Every enterprise number, ascending.</summary>
    IEnumerable<long> EnterpriseNumbers();

    /// <summary>Every establishment unit with its enterprise, by establishment number ascending.</summary>
    IEnumerable<(long Number, long Enterprise)> EstablishmentEnterprises();

    /// <summary>The seat of every enterprise and the address of every establishment unit that the import placed in a municipality.</summary>
    IEnumerable<UnitAddress> UnitAddresses();

    /// <summary>Every MAIN and SECO activity of a NACE version, of enterprises and establishment units.</summary>
    IEnumerable<UnitClass> UnitClasses(int naceVersion);
}

/// <summary>Look-ups of companies in the register, one connection for the whole answer.</summary>
public interface IRegisterSession : IDisposable
{
    /// <summary>Denominations (of enterprises, establishments and branches) holding every term, the last one as a prefix; best first.</summary>
    IReadOnlyList<(long Entity, string Name)> FindNames(IReadOnlyList<string> terms, int limit);

    /// <summary>The enterprise a number belongs to: the enterprise itself, or the enterprise of an establishment unit or branch; null if the register lacks it.</summary>
    long? EnterpriseOf(long number);

    EnterpriseRecord? Enterprise(long number);
    IReadOnlyList<DenominationRow> Names(long entity);
    IReadOnlyList<AddressRecord> Addresses(long entity);
    IReadOnlyList<ActivityRow> Activities(long entity);
    IReadOnlyList<ContactRow> Contacts(long entity);
    IReadOnlyList<(long Number, string StartDate)> Establishments(long enterprise);
}
