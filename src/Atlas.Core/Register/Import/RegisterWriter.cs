using System.Globalization;
using Atlas.Store;
using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>
/// Writes register rows into the store with prepared statements, the same way for a full load and for an update.
/// Returns false where the store refuses a row (a number already there).
/// </summary>
public sealed class RegisterWriter : IDisposable
{
    private readonly FastStatement _enterprise, _establishment, _branch, _denomination, _address, _contact, _activity;

    public RegisterWriter(SqliteConnection c)
    {
        _enterprise = new(c, "INSERT INTO enterprise VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        _establishment = new(c, "INSERT INTO establishment VALUES (?1, ?2, ?3)");
        _branch = new(c, "INSERT INTO branch VALUES (?1, ?2, ?3)");
        _denomination = new(c, "INSERT INTO denomination (entity, language, type, name) VALUES (?1, ?2, ?3, ?4)");
        _address = new(c, "INSERT INTO address VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        _contact = new(c, "INSERT INTO contact VALUES (?1, ?2, ?3, ?4)");
        _activity = new(c, "INSERT OR IGNORE INTO activity VALUES (?1, ?2, ?3, ?4, ?5)");
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool Insert(in EnterpriseRow e)
    {
        _enterprise.Int(1, e.Number);
        _enterprise.Text(2, e.Status);
        _enterprise.Text(3, e.JuridicalSituation);
        _enterprise.Text(4, e.TypeOfEnterprise);
        _enterprise.Text(5, e.JuridicalForm);
        _enterprise.Text(6, e.JuridicalFormCac);
        _enterprise.Text(7, Iso(e.StartDate));
        return _enterprise.Run();
    }

    public bool Insert(in EstablishmentRow e)
    {
        _establishment.Int(1, e.Number);
        _establishment.Text(2, Iso(e.StartDate));
        _establishment.Int(3, e.Enterprise);
        return _establishment.Run();
    }

    public bool Insert(in BranchRow b)
    {
        _branch.Int(1, b.Id);
        _branch.Text(2, Iso(b.StartDate));
        _branch.Int(3, b.Enterprise);
        return _branch.Run();
    }

    public bool Insert(DenominationRow d)
    {
        _denomination.Int(1, d.Entity);
        _denomination.Int(2, d.Language);
        _denomination.Text(3, d.Type);
        _denomination.Text(4, d.Name);
        return _denomination.Run();
    }

    /// <param name="nis">the municipality found from the postcode, 0 if none</param>
    public bool Insert(AddressRow a, int nis)
    {
        _address.Int(1, a.Entity);
        _address.Text(2, a.Type);
        _address.Text(3, a.CountryNl);
        _address.Text(4, a.CountryFr);
        _address.Text(5, a.Zipcode);
        _address.Text(6, a.MunicipalityNl);
        _address.Text(7, a.MunicipalityFr);
        _address.Text(8, a.StreetNl);
        _address.Text(9, a.StreetFr);
        _address.Text(10, a.HouseNumber);
        _address.Text(11, a.Box);
        _address.Text(12, a.ExtraAddressInfo);
        _address.Text(13, a.DateStrikingOff is { } d ? Iso(d) : null);
        if (nis > 0) _address.Int(14, nis);
        else _address.Null(14);
        return _address.Run();
    }

    public bool Insert(ContactRow c)
    {
        _contact.Int(1, c.Entity);
        _contact.Text(2, c.EntityContact);
        _contact.Text(3, c.ContactType);
        _contact.Text(4, c.Value);
        return _contact.Run();
    }

    /// <summary>Inserts an activity; false when the very same row is already there (a duplicate, ignored).</summary>
    public bool Insert(in ActivityRow a)
    {
        _activity.Int(1, a.Entity);
        _activity.Int(2, a.Group);
        _activity.Int(3, a.NaceVersion);
        Span<byte> code = stackalloc byte[7];
        var v = a.Nace.Value;
        for (var i = a.Nace.Digits - 1; i >= 0; i--)
        {
            code[i] = (byte)('0' + v % 10);
            v /= 10;
        }
        _activity.Text(4, code[..a.Nace.Digits]);
        _activity.Int(5, (int)a.Classification);
        _activity.Run();
        return _activity.Changes > 0;
    }

    public void Dispose()
    {
        foreach (var s in new[] { _enterprise, _establishment, _branch, _denomination, _address, _contact, _activity }) s.Dispose();
    }
}
