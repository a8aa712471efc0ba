using Atlas.Model;
using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>What an update does to one table: the keys listed in X_delete.csv, and the rows of X_insert.csv.</summary>
internal sealed record TableChanges<T>(List<long> Deletes, List<T> Inserts)
{
    /// <summary>Reads both files of <paramref name="table"/>: the deletions first, as they are applied.</summary>
    public static TableChanges<T> Read(ExtractReader rows, KboTable<T> table)
    {
        var deletes = rows.ReadDeleteKeys(table.Spec);
        var inserts = new List<T>();
        rows.Read(table, table.Spec.InsertFile, row =>
        {
            inserts.Add(row);
            return null;
        });
        return new TableChanges<T>(deletes, inserts);
    }
}

/// <summary>
/// Every change of an update extract, read whole before the register is opened: an update is small (a day of
/// changes), and a malformed row must stop it before anything is written.
/// </summary>
internal sealed record UpdateChanges(
    TableChanges<EnterpriseRow> Enterprises,
    TableChanges<EstablishmentRow> Establishments,
    TableChanges<BranchRow> Branches,
    TableChanges<DenominationRow> Denominations,
    TableChanges<AddressRow> Addresses,
    TableChanges<ContactRow> Contacts,
    TableChanges<ActivityRow> Activities)
{
    /// <summary>Reads the files in the order of <see cref="KboFiles.Data"/>, each delete file before its insert file.</summary>
    public static UpdateChanges Read(ExtractReader rows) => new(
        TableChanges<EnterpriseRow>.Read(rows, KboTables.Enterprise),
        TableChanges<EstablishmentRow>.Read(rows, KboTables.Establishment),
        TableChanges<BranchRow>.Read(rows, KboTables.Branch),
        TableChanges<DenominationRow>.Read(rows, KboTables.Denomination),
        TableChanges<AddressRow>.Read(rows, KboTables.Address),
        TableChanges<ContactRow>.Read(rows, KboTables.Contact),
        TableChanges<ActivityRow>.Read(rows, KboTables.Activity));

    /// <summary>
    /// The enterprises and establishments whose specialisation counts the update may change: those it deletes or
    /// inserts, whose addresses or activities it changes, and the enterprises of such establishments (an enterprise
    /// is present where its establishments are), before and after.
    /// </summary>
    public HashSet<long> AffectedUnits(SqliteConnection c)
    {
        var units = new HashSet<long>();
        foreach (var key in Enterprises.Deletes.Concat(Establishments.Deletes).Concat(Addresses.Deletes).Concat(Activities.Deletes))
            units.Add(key);
        foreach (var e in Enterprises.Inserts) units.Add(e.Number);
        foreach (var e in Establishments.Inserts) units.Add(e.Number);
        foreach (var a in Addresses.Inserts) units.Add(a.Entity);
        foreach (var a in Activities.Inserts) units.Add(a.Entity);
        var establishments = units.Where(n => !KboDigits.IsEnterprise(n)).ToList();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT enterprise FROM establishment WHERE number = $n";
            var p = cmd.Parameters.Add("$n", SqliteType.Integer);
            foreach (var s in establishments)
            {
                p.Value = s;
                if (cmd.ExecuteScalar() is long e) units.Add(e);
            }
        }
        foreach (var e in Establishments.Inserts) units.Add(e.Enterprise);
        return units;
    }
}
