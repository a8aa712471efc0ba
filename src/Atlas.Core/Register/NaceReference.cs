namespace Atlas.Register;

/// <summary>
/// The NACE Rev. 2 (NACE-BEL 2008) and Rev. 2.1 (NACE-BEL 2025) hierarchies from the reference files in
/// <c>data/reference/nace/</c>: the section of each division, and English labels, keyed the way the register
/// writes codes (digits only: 62, 620, 6201).
/// </summary>
public sealed class NaceReference
{
    public const string Rev20File = "reference/nace/nace_rev2.0_en.csv";
    public const string Rev21File = "reference/nace/nace_rev2.1_en.csv";

    private readonly Dictionary<(int Version, int Division), string> _sections = [];
    private readonly Dictionary<(int Version, string Code), string> _english = [];

    public static NaceReference Load(string dataDir)
    {
        var reference = new NaceReference();
        reference.Read(2008, Path.Combine(dataDir, Rev20File));
        reference.Read(2025, Path.Combine(dataDir, Rev21File));
        return reference;
    }

    private void Read(int version, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the NACE reference is missing (see data/reference/MANIFEST.md)");
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path);
        string? section = null;
        while (reader.Read())
        {
            var (s, d, g, c, label) = (reader.GetString(0).Trim(), reader.GetString(1).Trim(), reader.GetString(2).Trim(), reader.GetString(3).Trim(), reader.GetString(4).Trim());
            string code;
            if (s.Length > 0) { section = s; code = s; }
            else if (d.Length > 0)
            {
                code = d;
                if (section is not null && int.TryParse(d, out var division)) _sections[(version, division)] = section;
            }
            else if (g.Length > 0) code = g.Replace(".", "");
            else if (c.Length > 0) code = c.Replace(".", "");
            else continue;
            _english.TryAdd((version, code), label);
        }
    }

    /// <summary>The section letter of a division (62 → J), or null.</summary>
    public string? Section(int version, int division) => _sections.GetValueOrDefault((version, division));

    public IEnumerable<(int Division, string Section)> Divisions(int version) =>
        _sections.Where(kv => kv.Key.Version == version).Select(kv => (kv.Key.Division, kv.Value)).OrderBy(x => x.Division);

    public string? English(int version, string code) => _english.GetValueOrDefault((version, code));

    /// <summary>The level of a code by its length: a letter is a section, then division (2 digits) … national detail (7).</summary>
    public static string Level(string code) => code.Length switch
    {
        1 => "section",
        2 => "division",
        3 => "group",
        4 => "class",
        5 => "subclass",
        _ => "national",
    };
}
