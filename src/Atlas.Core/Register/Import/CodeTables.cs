using System.Security.Cryptography;

namespace Atlas.Register.Import;

/// <summary>
/// The code tables of the register from the extract's code.csv: <c>code</c> as published (every category, code and
/// language), and <c>nace</c>, one row per NACE-BEL code of each version with its level, section and labels in
/// French, Dutch and English (English from the atlas's NACE reference, which the KBO does not publish).
/// </summary>
internal sealed class CodeTables(ExtractReader rows, NaceReference nace)
{
    /// <summary>The SHA-256 of code.csv: an update rewrites the tables only when it differs from the register's.</summary>
    public string Hash()
    {
        using var stream = rows.Extract.OpenStream(KboFiles.Code.FullFile);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Writes both tables from code.csv (into empty tables: a new register, or an update after clearing them).</summary>
    public void Load(IRegisterRows into)
    {
        // a code repeated in the file counts once, as its last row says
        var codes = new Dictionary<(string Category, string Code, string Language), CodeRow>();
        var labels = new Dictionary<(int Version, string Code), (string? Fr, string? Nl)>();
        rows.Read(KboTables.Code, KboFiles.Code.FullFile, row =>
        {
            codes[(row.Category, row.Code, row.Language)] = row;
            if (row.Category is "Nace2003" or "Nace2008" or "Nace2025")
            {
                var key = (int.Parse(row.Category[4..]), row.Code);
                var known = labels.GetValueOrDefault(key);
                labels[key] = row.Language switch
                {
                    "FR" => (row.Description, known.Nl),
                    "NL" => (known.Fr, row.Description),
                    _ => known,
                };
            }
            return null;
        });
        foreach (var code in codes.Values) into.Insert(code);
        foreach (var ((version, naceCode), (fr, nl)) in labels)
            into.Insert(new NaceEntry(version, naceCode, NaceReference.Level(naceCode),
                naceCode.Length == 1 ? naceCode
                : naceCode.Length >= 2 && int.TryParse(naceCode[..2], out var division) ? nace.Section(version, division) : null,
                fr, nl, nace.English(version, naceCode)));
    }
}
