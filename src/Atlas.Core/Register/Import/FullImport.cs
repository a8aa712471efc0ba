using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>
/// A full dump, loaded into a new file beside the register that replaces it by an atomic rename only once complete
/// (<see cref="RegisterFileSwap"/>): a failure at any point leaves the previous register as it was. The new file is
/// written for speed — journal off, one transaction, indexes and the search index built after the rows — since a
/// crash costs only the file being built; the specialisation counts are gathered as the rows go by (<see cref="UnitTally"/>).
/// </summary>
internal sealed class FullImport(ExtractReader rows, AddressPlacer addresses, CodeTables codes, ImportResult result)
{
    public void Run(string registerPath)
    {
        using var swap = RegisterFileSwap.Begin(registerPath);
        using (var c = RegisterSql.OpenForWriting(swap.NewFile))
        {
            c.Exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
            c.Exec(RegisterSchema.Tables);
            c.Exec("BEGIN");
            codes.Load(c);
            var units = new UnitTally();
            using (var writer = new RegisterWriter(c)) LoadRows(writer, units);
            rows.CheckShare();
            rows.Step(ImportStep.CountingUnits);
            units.Count().AddTo(c, null);
            rows.Step(ImportStep.Indexing);
            c.Exec(RegisterSchema.Indexes);
            rows.Step(ImportStep.BuildingSearchIndex);
            c.Exec(RegisterSchema.Search);
            RegisterMeta.Write(c, rows.Extract, codes.Hash(), result, previous: null, rows.Elapsed);
            c.Exec("COMMIT");
            c.Exec($"PRAGMA user_version = {RegisterSchema.Version}");
            c.Exec("PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE;");
            c.Exec("ANALYZE");
        }
        SqliteConnection.ClearAllPools();
        rows.Step(ImportStep.ReplacingRegister);
        result.PreviousExtract = RegisterMeta.ReadExtractNumber(registerPath);
        swap.Replace();
    }

    /// <summary>Every data file, enterprises first: the establishments, addresses and activities that follow are tallied against them.</summary>
    private void LoadRows(RegisterWriter writer, UnitTally units)
    {
        rows.Read(KboTables.Enterprise, KboFiles.Enterprise.FullFile, e =>
        {
            if (!writer.Insert(e)) return "this enterprise number is already in the file";
            units.AddEnterprise(e.Number);
            return null;
        });
        rows.Read(KboTables.Establishment, KboFiles.Establishment.FullFile, e =>
        {
            if (!writer.Insert(e)) return "this establishment unit number is already in the file";
            units.AddEstablishment(e);
            return null;
        });
        rows.Read(KboTables.Branch, KboFiles.Branch.FullFile, b =>
            writer.Insert(b) ? null : "a branch with this Id is already in the file");
        rows.Read(KboTables.Denomination, KboFiles.Denomination.FullFile, d =>
            writer.Insert(d) ? null : "the store refused this row");
        rows.Read(KboTables.Address, KboFiles.Address.FullFile, a =>
        {
            var nis = addresses.Place(a);
            if (!writer.Insert(a, nis)) return "the store refused this row";
            if (nis != 0) units.Place(a, nis);
            return null;
        });
        rows.Read(KboTables.Contact, KboFiles.Contact.FullFile, ct =>
            writer.Insert(ct) ? null : "the store refused this row");
        rows.Read(KboTables.Activity, KboFiles.Activity.FullFile, a =>
        {
            if (!writer.Insert(a)) result.DuplicateActivities++;
            units.Activity(a);
            return null;
        });
    }
}
