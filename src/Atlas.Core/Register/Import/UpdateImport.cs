using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>
/// A daily update, applied in one transaction on the register: for each file, every row whose key is listed in
/// X_delete.csv is deleted, then X_insert.csv is inserted; the specialisation counts are adjusted for the units it
/// touches, and the code tables rewritten if they changed. An update whose extract number is not newer than the
/// register's is refused unless forced.
/// </summary>
internal sealed class UpdateImport(ExtractReader rows, AddressPlacer addresses, CodeTables codes, ImportOptions options, ImportResult result)
{
    public void Run(string registerPath)
    {
        var stored = CheckRegister(registerPath);
        result.PreviousExtract = stored;

        var changes = UpdateChanges.Read(rows);
        rows.CheckShare();

        using var c = RegisterSql.OpenForWriting(registerPath);
        c.Exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL;");
        // one transaction, opened in SQL so that every statement of this connection runs inside it
        c.Exec("BEGIN IMMEDIATE");
        try
        {
            // the units whose counts may change: subtract what they count now, apply, add what they count after
            var units = changes.AffectedUnits(c);
            result.UnitsTouched = units.Count;
            var counts = new SpecCounts();
            foreach (var n in units)
                if (SpecCounts.ProfileFromStore(c, null, n) is { } p) counts.Add(p, -1);
            Apply(c, changes);
            foreach (var n in units)
                if (SpecCounts.ProfileFromStore(c, null, n) is { } p) counts.Add(p, +1);
            counts.AddTo(c, null);
            // code.csv holds the complete code tables; most updates carry them unchanged, so they are rewritten only
            // when their content differs from what the register holds
            var codeHash = codes.Hash();
            if (codeHash != RegisterMeta.Read(c, "code_hash")) codes.Load(c);
            RegisterMeta.Write(c, rows.Extract, codeHash, result, stored, rows.Elapsed);
            rows.CheckShare();
            c.Exec("COMMIT");
        }
        catch
        {
            c.Exec("ROLLBACK");
            throw;
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The extract number of the register the update applies to; refuses a missing or unusable register and an update that is not newer.</summary>
    private int CheckRegister(string registerPath)
    {
        if (!File.Exists(registerPath))
            throw new RegisterImportException($"there is no register at {registerPath} yet: an update applies to a full dump, so import a full extract (KboOpenData_NNNN_…_Full.zip) first. Nothing was changed.",
                reason: ImportRefusal.NoRegister);
        if (new RegisterStore(registerPath).Problem is { } problem)
            throw new RegisterImportException($"{problem}: an update cannot be applied to it. Nothing was changed.");
        var stored = RegisterMeta.ReadExtractNumber(registerPath)
            ?? throw new RegisterImportException($"{registerPath} holds no complete register (no extract number): import a full extract again. Nothing was changed.");
        var number = rows.Extract.Meta.Number;
        if (number <= stored && !options.Force)
            throw new RegisterImportException($"update extract {number} is not newer than the register's extract {stored}: it was applied already or is out of order, so it was not applied. " +
                "Apply the updates after the register's extract in order, or force it to apply it anyway. Nothing was changed.", reason: ImportRefusal.NotNewer);
        return stored;
    }

    /// <summary>Each table in the order of <see cref="KboFiles.Data"/>: its listed rows deleted, then its new rows inserted.</summary>
    private void Apply(SqliteConnection c, UpdateChanges ch)
    {
        using var writer = new RegisterWriter(c);

        // a number inserted while it is already there (an update forced again) replaces its row
        Delete(c, "enterprise", "number", ch.Enterprises.Deletes);
        foreach (var e in ch.Enterprises.Inserts)
            if (!writer.Insert(e)) { Replace(c, "enterprise", "number", e.Number); writer.Insert(e); }
        Delete(c, "establishment", "number", ch.Establishments.Deletes);
        foreach (var e in ch.Establishments.Inserts)
            if (!writer.Insert(e)) { Replace(c, "establishment", "number", e.Number); writer.Insert(e); }
        Delete(c, "branch", "id", ch.Branches.Deletes);
        foreach (var b in ch.Branches.Inserts)
            if (!writer.Insert(b)) { Replace(c, "branch", "id", b.Id); writer.Insert(b); }

        // the rows of these tables are a set: a row already there (an update applied again) is not added twice
        Delete(c, "denomination", "entity", ch.Denominations.Deletes);
        using (var present = Present(c, "denomination", "entity", "language", "type", "name"))
            foreach (var d in ch.Denominations.Inserts)
                if (!present.Has(d.Entity, d.Language, d.Type, d.Name)) writer.Insert(d);
        Delete(c, "address", "entity", ch.Addresses.Deletes);
        using (var present = Present(c, "address", "entity", "type", "country_nl", "country_fr", "zipcode", "municipality_nl", "municipality_fr",
                   "street_nl", "street_fr", "house_number", "box", "extra_address_info", "date_striking_off"))
            foreach (var a in ch.Addresses.Inserts)
                if (!present.Has(a.Entity, a.Type, a.CountryNl, a.CountryFr, a.Zipcode, a.MunicipalityNl, a.MunicipalityFr, a.StreetNl, a.StreetFr,
                        a.HouseNumber, a.Box, a.ExtraAddressInfo, a.DateStrikingOff is { } d ? RegisterWriter.Iso(d) : null))
                    writer.Insert(a, addresses.Place(a));
        Delete(c, "contact", "entity", ch.Contacts.Deletes);
        using (var present = Present(c, "contact", "entity", "entity_contact", "contact_type", "value"))
            foreach (var ct in ch.Contacts.Inserts)
                if (!present.Has(ct.Entity, ct.EntityContact, ct.ContactType, ct.Value)) writer.Insert(ct);

        // the store keeps one of activity rows repeated exactly (INSERT OR IGNORE): they are counted
        Delete(c, "activity", "entity", ch.Activities.Deletes);
        foreach (var a in ch.Activities.Inserts)
            if (!writer.Insert(a)) result.DuplicateActivities++;
    }

    private static void Delete(SqliteConnection c, string table, string key, List<long> keys)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DELETE FROM {table} WHERE {key} = $k";
        var p = cmd.Parameters.Add("$k", SqliteType.Integer);
        foreach (var k in keys)
        {
            p.Value = k;
            cmd.ExecuteNonQuery();
        }
    }

    private void Replace(SqliteConnection c, string table, string key, long number)
    {
        result.Replaced++;
        c.Exec($"DELETE FROM {table} WHERE {key} = {number}");
    }

    private PresentQuery Present(SqliteConnection c, string table, params string[] columns)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT 1 FROM {table} WHERE {string.Join(" AND ", columns.Select((col, i) => $"{col} IS $p{i}"))} LIMIT 1";
        for (var i = 0; i < columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return new PresentQuery(cmd, result);
    }

    /// <summary>Asks whether the very same row is in a table already (and counts it when it is).</summary>
    private sealed class PresentQuery(SqliteCommand cmd, ImportResult result) : IDisposable
    {
        public bool Has(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (cmd.ExecuteScalar() is null) return false;
            result.AlreadyPresent++;
            return true;
        }

        public void Dispose() => cmd.Dispose();
    }
}
