namespace Atlas.Register.Import;

/// <summary>
/// A full dump, loaded into a new register beside the current one (<see cref="IRegisterBuild"/>) that takes its place
/// only once complete: a failure at any point leaves the previous register as it was. The specialisation counts are
/// gathered as the rows go by (<see cref="UnitTally"/>), so that no row is read back.
/// </summary>
internal sealed class FullImport(ExtractReader rows, AddressPlacer addresses, CodeTables codes, ImportResult result)
{
    public void Run(IRegisterTarget target)
    {
        using var build = target.BeginFull();
        codes.Load(build.Rows);
        var units = new UnitTally();
        LoadRows(build.Rows, units);
        rows.CheckShare();
        rows.Step(ImportStep.CountingUnits);
        result.DuplicateActivities += build.Finish(units.Count(),
            () => RegisterMeta.Values(rows.Extract, codes.Hash(), result, previous: null, rows.Elapsed), rows.Step);
        rows.Step(ImportStep.ReplacingRegister);
        result.PreviousExtract = target.ExtractNumber;
        build.Replace();
    }

    /// <summary>Every data file, enterprises first: the establishments, addresses and activities that follow are tallied against them.</summary>
    private void LoadRows(IRegisterRows writer, UnitTally units)
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
