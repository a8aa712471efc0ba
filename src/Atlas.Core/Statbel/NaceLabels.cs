using Atlas.Data;
using Atlas.Model;

namespace Atlas.Statbel;

/// <summary>The levels of NACE-BEL 2008 in Statbel's table; <c>Unknown</c> is its code XXXXX (activity unknown).</summary>
public enum NaceBelLevel { Section, Division, Group, Class, Subclass, Unknown }

/// <summary>A NACE-BEL 2008 code with its section letter and its labels, as Statbel's TD_NACE gives them.</summary>
/// <param name="Code">Digits only at every level but the section: C, 13, 139, 1392, 13920; 1392X when Statbel
/// does not know the fifth digit; XXXXX for an unknown activity.</param>
/// <param name="Section">The section letter (empty for the unknown activity).</param>
public sealed record NaceLabel(string Code, NaceBelLevel Level, string Section, LocalizedText Names);

/// <summary>
/// The NACE-BEL 2008 codes of Statbel's table with their FR/NL/EN labels at every level (section, division, group,
/// class, sub-class). Statbel publishes no English label for most sub-classes: <see cref="Name"/> then falls back
/// to the class.
/// </summary>
public sealed class NaceLabels
{
    public const string UnknownActivity = "XXXXX";
    public const string Header = "level,code,section,fr,nl,en";
    private static readonly string[] Levels = ["section", "division", "group", "class", "subclass", "unknown"];
    private static readonly int[] CodeLengths = [1, 2, 3, 4, 5, 5];

    private readonly Dictionary<string, NaceLabel> _byCode;

    public NaceLabels(IEnumerable<NaceLabel> labels)
    {
        _byCode = labels.ToDictionary(l => l.Code, StringComparer.Ordinal);
        SectionOfDivision = _byCode.Values.Where(l => l.Level == NaceBelLevel.Division)
            .ToDictionary(l => int.Parse(l.Code), l => l.Section);
    }

    public IReadOnlyCollection<NaceLabel> All => _byCode.Values;

    /// <summary>Division (13) → section letter (C): the register's <c>ClassCounts.SectionOfDivision</c>.</summary>
    public IReadOnlyDictionary<int, string> SectionOfDivision { get; }

    /// <summary>A code as data files write it (13.92, 13.9, 13, C) or digits only (1392, 13920, 1392X).</summary>
    public NaceLabel? Find(string code) => _byCode.GetValueOrDefault(code.Replace(".", ""));

    /// <summary>The label of a code in a language; a sub-class without one in that language takes its class's.</summary>
    public string? Name(string code, Lang lang)
    {
        if (Find(code) is not { } label) return null;
        if (label.Names.Exact(lang) is { } exact) return exact;
        return label.Level == NaceBelLevel.Subclass && Find(label.Code[..4])?.Names.Exact(lang) is { } ofClass ? ofClass : label.Names.Get(lang);
    }

    /// <summary>A sub-class code of the table, or the unknown activity: what a row of the VAT table may hold.</summary>
    public bool IsRowCode(string code) => code == UnknownActivity || _byCode.GetValueOrDefault(code)?.Level == NaceBelLevel.Subclass;

    /// <summary>Reads <c>nace-bel-2008.csv.gz</c>, reporting every malformed or repeated row.</summary>
    internal static NaceLabels Read(CsvLines file)
    {
        var labels = new Dictionary<string, NaceLabel>(StringComparer.Ordinal);
        foreach (var (line, f) in file.Rows(Header))
        {
            var (level, code, section) = (Array.IndexOf(Levels, f[0]), f[1], f[2]);
            if (level < 0)
                file.Report(line, $"unknown level '{f[0]}': one of {string.Join(", ", Levels)}");
            else if (code.Length != CodeLengths[level] || (level == (int)NaceBelLevel.Unknown) != (code == UnknownActivity))
                file.Report(line, $"'{code}' is not a {f[0]} code");
            else if (labels.ContainsKey(code))
                file.Report(line, $"the code {code} is given twice");
            else
                labels[code] = new NaceLabel(code, (NaceBelLevel)level, section, new([new(Lang.Fr, f[3]), new(Lang.Nl, f[4]), new(Lang.En, f[5])]));
        }
        return new NaceLabels(labels.Values);
    }

    /// <summary>The NACE class (first four digits, 6201) of a row code, or null for the unknown activity.</summary>
    public static int? ClassOf(string rowCode) =>
        rowCode.Length >= 4 && int.TryParse(rowCode.AsSpan(0, 4), out var cls) ? cls : null;
}
