using Atlas.Register;
using Atlas.Register.Import;
using Npgsql;
using NpgsqlTypes;

namespace Atlas.Postgres;

/// <summary>
/// The rows of a full import streamed into the new register's tables by binary COPY, one table at a time as the
/// files come (a connection carries one COPY at once). The tables have no keys yet, so the numbers already written
/// are remembered here to refuse a second one as SQLite's key does; repeated activity rows are dropped once the
/// rows are in (<see cref="PostgresRegisterSchema.DropRepeatedActivities"/>).
/// </summary>
internal sealed class CopyRegisterRows(NpgsqlConnection c) : IRegisterRows
{
    private NpgsqlBinaryImporter? _copy;
    private string? _table;
    private readonly HashSet<long> _enterprises = [], _establishments = [], _branches = [];

    private NpgsqlBinaryImporter Into(string table, string columns)
    {
        if (_table == table) return _copy!;
        Complete();
        _copy = c.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        _table = table;
        return _copy;
    }

    /// <summary>Ends the COPY under way, if any (the rows are in the table once it returns).</summary>
    public void Complete()
    {
        if (_copy is null) return;
        _copy.Complete();
        _copy.Dispose();
        (_copy, _table) = (null, null);
    }

    public void Insert(CodeRow code)
    {
        var w = Into("code", "category, code, language, description");
        w.StartRow();
        Text(w, code.Category, code.Code, code.Language, code.Description);
    }

    public void Insert(NaceEntry n)
    {
        var w = Into("nace", "version, code, level, section, label_fr, label_nl, label_en");
        w.StartRow();
        w.Write((long)n.Version, NpgsqlDbType.Bigint);
        Text(w, n.Code, n.Level, n.Section, n.Fr, n.Nl, n.En);
    }

    public bool Insert(in EnterpriseRow e)
    {
        if (!_enterprises.Add(e.Number)) return false;
        var w = Into("enterprise", "number, status, juridical_situation, type_of_enterprise, juridical_form, juridical_form_cac, start_date");
        w.StartRow();
        w.Write(e.Number, NpgsqlDbType.Bigint);
        Text(w, e.Status, e.JuridicalSituation, e.TypeOfEnterprise, e.JuridicalForm, e.JuridicalFormCac, RegisterDates.Iso(e.StartDate));
        return true;
    }

    public bool Insert(in EstablishmentRow e)
    {
        if (!_establishments.Add(e.Number)) return false;
        var w = Into("establishment", "number, start_date, enterprise");
        w.StartRow();
        w.Write(e.Number, NpgsqlDbType.Bigint);
        Text(w, RegisterDates.Iso(e.StartDate));
        w.Write(e.Enterprise, NpgsqlDbType.Bigint);
        return true;
    }

    public bool Insert(in BranchRow b)
    {
        if (!_branches.Add(b.Id)) return false;
        var w = Into("branch", "id, start_date, enterprise");
        w.StartRow();
        w.Write(b.Id, NpgsqlDbType.Bigint);
        Text(w, RegisterDates.Iso(b.StartDate));
        w.Write(b.Enterprise, NpgsqlDbType.Bigint);
        return true;
    }

    public bool Insert(DenominationRow d)
    {
        var w = Into("denomination", "entity, language, type, name");
        w.StartRow();
        w.Write(d.Entity, NpgsqlDbType.Bigint);
        w.Write((long)d.Language, NpgsqlDbType.Bigint);
        Text(w, d.Type, d.Name);
        return true;
    }

    public bool Insert(AddressRow a, int nis)
    {
        var w = Into("address", "entity, type, country_nl, country_fr, zipcode, municipality_nl, municipality_fr, street_nl, street_fr, " +
                                "house_number, box, extra_address_info, date_striking_off, nis");
        w.StartRow();
        w.Write(a.Entity, NpgsqlDbType.Bigint);
        Text(w, a.Type, a.CountryNl, a.CountryFr, a.Zipcode, a.MunicipalityNl, a.MunicipalityFr, a.StreetNl, a.StreetFr, a.HouseNumber, a.Box,
            a.ExtraAddressInfo, a.DateStrikingOff is { } d ? RegisterDates.Iso(d) : null);
        if (nis > 0) w.Write((long)nis, NpgsqlDbType.Bigint);
        else w.WriteNull();
        return true;
    }

    public bool Insert(ContactRow ct)
    {
        var w = Into("contact", "entity, entity_contact, contact_type, value");
        w.StartRow();
        w.Write(ct.Entity, NpgsqlDbType.Bigint);
        Text(w, ct.EntityContact, ct.ContactType, ct.Value);
        return true;
    }

    public bool Insert(in ActivityRow a)
    {
        var w = Into("activity", "entity, activity_group, nace_version, nace_code, classification");
        w.StartRow();
        w.Write(a.Entity, NpgsqlDbType.Bigint);
        w.Write((long)a.Group, NpgsqlDbType.Bigint);
        w.Write((long)a.NaceVersion, NpgsqlDbType.Bigint);
        Text(w, a.Nace.ToString());
        w.Write((long)a.Classification, NpgsqlDbType.Bigint);
        return true;
    }

    /// <summary>The specialisation counts, into the empty spec_counts.</summary>
    public void Insert(SpecCounts counts)
    {
        var w = Into("spec_counts", "unit, version, nis, class, n");
        foreach (var (key, n) in counts.Counts)
        {
            w.StartRow();
            foreach (var v in new long[] { key.Unit, key.Version, key.Nis, key.Class, n }) w.Write(v, NpgsqlDbType.Bigint);
        }
        Complete();
    }

    private static void Text(NpgsqlBinaryImporter w, params string?[] values)
    {
        foreach (var v in values)
            if (v is null) w.WriteNull();
            else w.Write(v, NpgsqlDbType.Text);
    }

    public void Dispose()
    {
        // an unfinished COPY is cancelled when disposed without Complete: nothing half-written stays in its table
        _copy?.Dispose();
        (_copy, _table) = (null, null);
    }
}

/// <summary>
/// The rows of an update, inserted one by one in its transaction by prepared commands (an update is a day of
/// changes); a row the table's key refuses is reported, as on SQLite.
/// </summary>
internal sealed class CommandRegisterRows(NpgsqlConnection c, NpgsqlTransaction tx) : IRegisterRows
{
    private readonly Dictionary<string, NpgsqlCommand> _commands = [];

    /// <summary>Runs an INSERT of <paramref name="values"/> into <paramref name="table"/>; false when a key refused it.</summary>
    private bool Run(string table, string columns, params object?[] values)
    {
        if (!_commands.TryGetValue(table, out var cmd))
        {
            cmd = new NpgsqlCommand($"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", values.Select((_, i) => $"${i + 1}"))}) ON CONFLICT DO NOTHING", c, tx);
            // untyped: each value's type is its own, and a missing one takes its column's
            foreach (var _ in values) cmd.Parameters.Add(new NpgsqlParameter());
            _commands[table] = cmd;
        }
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        return cmd.ExecuteNonQuery() == 1;
    }

    public void Insert(CodeRow code) => Run("code", "category, code, language, description", code.Category, code.Code, code.Language, code.Description);

    public void Insert(NaceEntry n) => Run("nace", "version, code, level, section, label_fr, label_nl, label_en", (long)n.Version, n.Code, n.Level, n.Section, n.Fr, n.Nl, n.En);

    public bool Insert(in EnterpriseRow e) => Run("enterprise", "number, status, juridical_situation, type_of_enterprise, juridical_form, juridical_form_cac, start_date",
        e.Number, e.Status, e.JuridicalSituation, e.TypeOfEnterprise, e.JuridicalForm, e.JuridicalFormCac, RegisterDates.Iso(e.StartDate));

    public bool Insert(in EstablishmentRow e) => Run("establishment", "number, start_date, enterprise", e.Number, RegisterDates.Iso(e.StartDate), e.Enterprise);

    public bool Insert(in BranchRow b) => Run("branch", "id, start_date, enterprise", b.Id, RegisterDates.Iso(b.StartDate), b.Enterprise);

    public bool Insert(DenominationRow d) => Run("denomination", "entity, language, type, name", d.Entity, (long)d.Language, d.Type, d.Name);

    public bool Insert(AddressRow a, int nis) => Run("address",
        "entity, type, country_nl, country_fr, zipcode, municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, extra_address_info, date_striking_off, nis",
        a.Entity, a.Type, a.CountryNl, a.CountryFr, a.Zipcode, a.MunicipalityNl, a.MunicipalityFr, a.StreetNl, a.StreetFr, a.HouseNumber, a.Box,
        a.ExtraAddressInfo, a.DateStrikingOff is { } d ? RegisterDates.Iso(d) : null, nis > 0 ? (long)nis : null);

    public bool Insert(ContactRow ct) => Run("contact", "entity, entity_contact, contact_type, value", ct.Entity, ct.EntityContact, ct.ContactType, ct.Value);

    public bool Insert(in ActivityRow a) => Run("activity", "entity, activity_group, nace_version, nace_code, classification",
        a.Entity, (long)a.Group, (long)a.NaceVersion, a.Nace.ToString(), (long)a.Classification);

    public void Dispose()
    {
        foreach (var cmd in _commands.Values) cmd.Dispose();
        _commands.Clear();
    }
}
