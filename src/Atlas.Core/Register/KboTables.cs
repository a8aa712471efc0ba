using System.Diagnostics.CodeAnalysis;

namespace Atlas.Register;

/// <summary>Turns the current row of a reader into a typed row, or says what is wrong with it.</summary>
public delegate bool RowParser<T>(KboCsvReader r, [MaybeNullWhen(false)] out T row, out string error);

/// <summary>A kind of file of an extract together with the parser of its rows.</summary>
public sealed record KboTable<T>(KboFileSpec Spec, RowParser<T> Parse);

/// <summary>
/// Each file of an extract with its parser, paired once here so that a full import and an update read every file
/// the same way (the full file, or the X_insert.csv of an update, share the header and the row type).
/// </summary>
public static class KboTables
{
    public static readonly KboTable<EnterpriseRow> Enterprise = new(KboFiles.Enterprise, KboRows.TryEnterprise);
    public static readonly KboTable<EstablishmentRow> Establishment = new(KboFiles.Establishment, KboRows.TryEstablishment);
    public static readonly KboTable<BranchRow> Branch = new(KboFiles.Branch, KboRows.TryBranch);
    public static readonly KboTable<DenominationRow> Denomination = new(KboFiles.Denomination, KboRows.TryDenomination);
    public static readonly KboTable<AddressRow> Address = new(KboFiles.Address, KboRows.TryAddress);
    public static readonly KboTable<ContactRow> Contact = new(KboFiles.Contact, KboRows.TryContact);
    public static readonly KboTable<ActivityRow> Activity = new(KboFiles.Activity, KboRows.TryActivity);
    public static readonly KboTable<CodeRow> Code = new(KboFiles.Code, KboRows.TryCode);
}
