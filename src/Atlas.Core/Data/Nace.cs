namespace Atlas.Data;

/// <summary>The NACE Rev. 2 code list (the first four digits of NACE-BEL 2008 are NACE Rev. 2).</summary>
public static class Nace
{
    /// <summary>Every section letter, division, group and class of the list, written as data files write them.</summary>
    public static HashSet<string> ReadCodes(string path)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path);
        while (reader.Read())
        {
            for (var i = 0; i < 4; i++)
            {
                var v = reader.GetString(i).Trim();
                if (v.Length > 0) codes.Add(v);
            }
        }
        return codes;
    }
}
