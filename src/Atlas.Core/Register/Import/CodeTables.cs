using System.Security.Cryptography;
using Atlas.Store;
using Microsoft.Data.Sqlite;

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

    /// <summary>Replaces both tables with the content of code.csv.</summary>
    public void Load(SqliteConnection c)
    {
        c.Exec("DELETE FROM code; DELETE FROM nace;");
        using var code = new FastStatement(c, "INSERT OR REPLACE INTO code VALUES (?1, ?2, ?3, ?4)");
        var labels = new Dictionary<(int Version, string Code), (string? Fr, string? Nl)>();
        rows.Read(KboTables.Code, KboFiles.Code.FullFile, row =>
        {
            code.Text(1, row.Category);
            code.Text(2, row.Code);
            code.Text(3, row.Language);
            code.Text(4, row.Description);
            code.Run();
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
        using var ins = new FastStatement(c, "INSERT INTO nace (version, code, level, section, label_fr, label_nl, label_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        foreach (var ((version, naceCode), (fr, nl)) in labels)
        {
            ins.Int(1, version);
            ins.Text(2, naceCode);
            ins.Text(3, NaceReference.Level(naceCode));
            ins.Text(4, naceCode.Length == 1 ? naceCode
                : naceCode.Length >= 2 && int.TryParse(naceCode[..2], out var division) ? nace.Section(version, division) : null);
            ins.Text(5, fr);
            ins.Text(6, nl);
            ins.Text(7, nace.English(version, naceCode));
            ins.Run();
        }
    }
}
