namespace Atlas.Register;

/// <summary>
/// The municipality × NACE table of establishments computed straight from the CSV files of a full extract, in one
/// streaming pass per file, with the import's parser, postcode resolver and main-activity rule: establishment.csv
/// (which units exist), address.csv (the municipality of each establishment address), activity.csv (the main
/// activity of each establishment). It is what the import computes on its way; benchmarks set it against DuckDB
/// running the equivalent SQL over the same files.
/// </summary>
public static class CsvSpecialisation
{
    /// <param name="byNameToo">use the address's municipality name for postcodes that span two municipalities, as the
    /// import does; false places every address by its postcode alone</param>
    public static Dictionary<(int Nis, int Division), int> EstablishmentsByDivision(string extractPath, PostcodeResolver postcodes,
        int version = 2008, bool byNameToo = true)
    {
        using var extract = KboExtract.Open(extractPath);
        var index = new Dictionary<long, int>();
        using (var r = extract.OpenCsv(KboFiles.Establishment.FullFile, KboFiles.Establishment.Header))
            while (r.Read())
                if (r.RowError is null && KboValues.TryNumber(r.Field(0), out var n)) index.TryAdd(n, index.Count);

        var nis = new int[index.Count];
        var main = new int[index.Count];
        Array.Fill(main, MainActivity.None);
        using (var r = extract.OpenCsv(KboFiles.Address.FullFile, KboFiles.Address.Header))
        {
            while (r.Read())
            {
                if (r.RowError is not null || !r.Field(1).SequenceEqual("BAET"u8) || !r.IsEmpty(2) || !r.IsEmpty(3)) continue;
                if (!KboValues.TryNumber(r.Field(0), out var n) || !index.TryGetValue(n, out var i)) continue;
                var place = byNameToo ? postcodes.Resolve(r.String(4), r.String(5), r.String(6)) : postcodes.Resolve(r.String(4));
                if (place != 0 && (nis[i] == 0 || place < nis[i])) nis[i] = place;
            }
        }
        Span<byte> versionText = stackalloc byte[4];
        version.TryFormat(versionText, out _);
        using (var r = extract.OpenCsv(KboFiles.Activity.FullFile, KboFiles.Activity.Header))
        {
            while (r.Read())
            {
                // only the main activities of the version asked, of establishment units (numbers starting with 2 to 8)
                if (r.RowError is not null || !r.Field(4).SequenceEqual("MAIN"u8) || !r.Field(2).SequenceEqual(versionText)) continue;
                var first = r.Field(0);
                if (first.IsEmpty || first[0] is (byte)'0' or (byte)'1') continue;
                if (!KboRows.TryActivity(r, out var a, out _) || !index.TryGetValue(a.Entity, out var i)) continue;
                var key = MainActivity.Key(a.Group, a.Nace);
                if (key < main[i]) main[i] = key;
            }
        }
        var table = new Dictionary<(int, int), int>();
        for (var i = 0; i < nis.Length; i++)
        {
            if (nis[i] == 0 || main[i] == MainActivity.None) continue;
            var key = (nis[i], MainActivity.Class(main[i]) / 100);
            table[key] = table.GetValueOrDefault(key) + 1;
        }
        return table;
    }
}
