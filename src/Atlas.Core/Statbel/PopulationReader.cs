using System.Text.RegularExpressions;
using Atlas.Data;
using Atlas.Model;

namespace Atlas.Statbel;

/// <summary>
/// Reads the three population files as published (1 January 2018, 2019, 2020). The 2019 and 2020 files use the
/// REFNIS codes of 2019; the 2018 one the codes before the mergers and renumbering of 1 January 2019, brought to
/// 2019 by <c>refnis-2018-2019.csv</c>. Each year formats its numbers its own way ("14,304", "14 293", "14427").
/// </summary>
public static partial class PopulationReader
{
    public const string Header = "NIS_code,municipality_NL,municipality_FR,arrondissement_NL,arrondissement_FR,province_NL,province_FR,region_NL,region_FR,inhabitants,zip";
    public const string ChangesHeader = "nis_2018,name_2018,nis_2019,name_2019,change";

    // digits, or groups of three separated by a comma, a space or a (narrow) no-break space
    [GeneratedRegex(@"^(\d+|\d{1,3}([, \u00A0\u202F]\d{3})+)$")]
    private static partial Regex Number();

    /// <summary>A number of inhabitants as any of the three files writes it; null when it is not one.</summary>
    public static long? ParseCount(string text)
    {
        var s = text.Trim();
        if (!Number().IsMatch(s)) return null;
        return long.TryParse(s.Replace(",", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", ""), out var n) ? n : null;
    }

    /// <summary>REFNIS code of 2018 → code of 2019, for the codes that changed on 1 January 2019.</summary>
    internal static Dictionary<NisCode, NisCode> ReadChanges(CsvLines file, MunicipalityMap map)
    {
        var changes = new Dictionary<NisCode, NisCode>();
        foreach (var (line, f) in file.Rows(ChangesHeader))
        {
            if (!NisCode.TryParse(f[0], out var old, out var error) || !NisCode.TryParse(f[2], out var now, out error))
                file.Report(line, error!);
            else if (!map.Contains(now))
                file.Report(line, $"unknown NIS code {now}: not a municipality of the REFNIS 2019 list (data/reference/geo/REFNIS_2019.csv)");
            else if (!changes.TryAdd(old, now))
                file.Report(line, $"the 2018 code {old} is given twice");
        }
        return changes;
    }

    /// <summary>One year's file, each municipality brought to today's; every 2019 municipality must be there.</summary>
    internal static List<Inhabitants> Read(CsvLines file, int year, MunicipalityMap map, IReadOnlyDictionary<NisCode, NisCode> changes2019)
    {
        var byCurrent = new Dictionary<NisCode, long>();
        var seen = new Dictionary<NisCode, int>();
        var covered = new HashSet<NisCode>();
        var any = false;
        foreach (var (line, f) in file.Rows(Header))
        {
            any = true;
            if (!NisCode.TryParse(f[0], out var nis, out var error)) { file.Report(line, error!); continue; }
            var nis2019 = changes2019.TryGetValue(nis, out var renamed) && year < 2019 ? renamed : nis;
            if (!map.Contains(nis2019))
            {
                file.Report(line, $"unknown NIS code {nis}: not a municipality of the REFNIS 2019 list (data/reference/geo/REFNIS_2019.csv)"
                    + (year < 2019 ? " nor a 2018 code of refnis-2018-2019.csv" : ""));
                continue;
            }
            if (ParseCount(f[9]) is not { } count)
            {
                file.Report(line, $"'{f[9]}' is not a number of inhabitants: write digits, grouped by three or not (14427, 14,427, 14 427)");
                continue;
            }
            if (!seen.TryAdd(nis, line)) { file.Report(line, $"{nis} already has a row at line {seen[nis]}"); continue; }
            covered.Add(nis2019);
            var current = map.Current(nis2019);
            byCurrent[current] = byCurrent.GetValueOrDefault(current) + count;
        }
        if (any)
            foreach (var missing in map.Municipalities2019.Where(m => !covered.Contains(m)).OrderBy(m => m.Value).Take(5))
                file.Report(0, $"the municipality {missing} has no row: every municipality of REFNIS 2019 needs its population");
        return byCurrent.Select(kv => new Inhabitants(kv.Key, year, kv.Value)).ToList();
    }
}
