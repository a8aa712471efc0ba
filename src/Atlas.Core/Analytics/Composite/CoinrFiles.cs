using System.Globalization;
using Atlas.Data;
using Sylvan.Data.Csv;
using Atlas.Diagnostics;

namespace Atlas.Analytics.Composite;

/// <summary>
/// Reads an index in COINr's own input layout, so that a COINr user can bring it as it is:
/// <list type="bullet">
/// <item><b>iMeta</b>: a row per column of the data and per aggregate, with <c>iCode</c>, <c>Level</c>, <c>Parent</c>,
/// <c>Direction</c>, <c>Weight</c>, <c>Type</c> (Indicator, Aggregate, Group, Denominator, Other) and, optionally,
/// <c>iName</c>, <c>Unit</c>, <c>Target</c>, <c>Denominator</c>, <c>goalpost_lower</c>, <c>goalpost_upper</c>,
/// <c>goalpost_scale</c>, <c>goalpost_trunc2posts</c>.</item>
/// <item><b>iData</b>: a row per unit with <c>uCode</c>, optionally <c>uName</c> and <c>Time</c>, and a column per
/// indicator, group and denominator named in iMeta.</item>
/// </list>
/// Missing values may be written empty, NA, NaN, N/A, #N/A or null. Every problem is reported as <c>file:line: what</c>,
/// all of them at once, in an <see cref="DataProblemsException"/>.
/// </summary>
public static class CoinrFiles
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "NaN", "N/A", "#N/A", "null" };
    private static readonly string[] RequiredMetaColumns = ["iCode", "Level", "Parent", "Direction", "Weight", "Type"];

    /// <summary>The metadata, as read: the index tree and the codes of the other columns the data may have.</summary>
    public sealed record Meta(IndexStructure Structure, IReadOnlySet<string> Groups, IReadOnlySet<string> Denominators, IReadOnlySet<string> Others);

    /// <summary>Reads both files. With several values in the data's Time column, <paramref name="time"/> says which to use.</summary>
    public static IndexInput Read(string dataPath, string metaPath, string? time = null)
    {
        var meta = ReadMeta(metaPath);
        return ReadData(dataPath, meta, metaPath, time);
    }

    public static Meta ReadMeta(string path)
    {
        var problems = new List<Problem>();
        var rows = ReadCsv(path, problems);
        if (rows is null) throw new DataProblemsException(problems);
        var (header, lines) = rows.Value;
        var col = Columns(header);
        var missing = RequiredMetaColumns.Where(c => !col.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new DataProblemsException([new Problem(path, 1,
                $"missing column(s) {string.Join(", ", missing)}: COINr's iMeta needs {string.Join(", ", RequiredMetaColumns)}")]);

        string? Cell(string[] row, string name) => col.TryGetValue(name, out var i) && i < row.Length && !MissingMarkers.Contains(row[i].Trim()) ? row[i].Trim() : null;

        var nodes = new List<IndexNode>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var denominators = new HashSet<string>(StringComparer.Ordinal);
        var others = new HashSet<string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var denominatorOf = new List<(Indicator Indicator, string Denominator, int Line)>();

        foreach (var (row, line) in lines)
        {
            var code = Cell(row, "iCode");
            if (code is null) { problems.Add(new Problem(path, line, "the row has no iCode")); continue; }
            if (firstLine.TryGetValue(code, out var first))
            {
                problems.Add(new Problem(path, line, $"the code '{code}' is used twice (first at line {first}): every row of iMeta needs its own iCode"));
                continue;
            }
            firstLine[code] = line;
            var type = Cell(row, "Type");
            var origin = new SourcePosition(path, line);
            switch (type?.ToLowerInvariant())
            {
                case "group": groups.Add(code); continue;
                case "denominator": denominators.Add(code); continue;
                case "other": others.Add(code); continue;
                case "indicator" or "aggregate": break;
                default:
                    problems.Add(new Problem(path, line, $"the type of '{code}' is '{type}': use Indicator, Aggregate, Group, Denominator or Other"));
                    continue;
            }
            var name = Cell(row, "iName") ?? code;
            var parent = Cell(row, "Parent");
            var level = WholeNumber(Cell(row, "Level"), $"the level of '{code}'", path, line, problems);
            var weightText = Cell(row, "Weight");
            double weight = 1;
            if (weightText is null && parent is not null)
                problems.Add(new Problem(path, line, $"the weight of '{code}' is missing: give a number (weights are relative to the siblings)"));
            else if (weightText is not null && !TryNumber(weightText, out weight))
                problems.Add(new Problem(path, line, $"the weight of '{code}' is '{weightText}', not a number"));

            if (type!.Equals("indicator", StringComparison.OrdinalIgnoreCase))
            {
                if (level is not null and not 1)
                    problems.Add(new Problem(path, line, $"the indicator '{code}' is at level {level}: indicators are level 1"));
                var dirText = Cell(row, "Direction");
                Direction direction = Direction.Positive;
                if (dirText is null || !TryNumber(dirText, out var dir) || dir is not (1 or -1))
                    problems.Add(new Problem(path, line, $"the direction of '{code}' is '{dirText ?? "missing"}': use 1 (more is better) or -1 (less is better)"));
                else direction = (Direction)(int)dir;
                var indicator = new Indicator(code, name, parent, weight, direction)
                {
                    Origin = origin,
                    Denominator = Cell(row, "Denominator"),
                    Target = OptionalNumber(Cell(row, "Target"), $"the target of '{code}'", path, line, problems),
                    Goalposts = ReadGoalposts(code, Cell, row, path, line, problems),
                };
                if (indicator.Denominator is { } d) denominatorOf.Add((indicator, d, line));
                nodes.Add(indicator);
            }
            else nodes.Add(new Aggregate(code, name, level ?? 0, parent, weight) { Origin = origin });
        }

        foreach (var (indicator, d, line) in denominatorOf)
            if (!denominators.Contains(d))
                problems.Add(new Problem(path, line, $"'{indicator.Code}' is divided by '{d}', which is not a row of Type Denominator in {Path.GetFileName(path)}"));

        IndexStructure? structure = null;
        if (problems.Count == 0)
        {
            try { structure = IndexStructure.Create(nodes); }
            catch (DataProblemsException e) { problems.AddRange(e.Problems); }
        }
        if (problems.Count > 0) throw new DataProblemsException(problems);
        return new Meta(structure!, groups, denominators, others);
    }

    public static IndexInput ReadData(string path, Meta meta, string metaPath, string? time = null)
    {
        var problems = new List<Problem>();
        var rows = ReadCsv(path, problems);
        if (rows is null) throw new DataProblemsException(problems);
        var (header, lines) = rows.Value;
        var col = Columns(header);
        if (!col.ContainsKey("uCode"))
            throw new DataProblemsException([new Problem(path, 1, "there is no uCode column: COINr's iData needs one, holding a unique code per unit")]);

        var structure = meta.Structure;
        var indicatorCodes = structure.Indicators.Select(i => i.Code).ToList();
        foreach (var name in header)
        {
            if (name is "" || IsSpecial(name)) continue;
            if (structure.Contains(name) && structure[name] is Aggregate)
                problems.Add(new Problem(path, 1, $"the column '{name}' is an aggregate in {Path.GetFileName(metaPath)}: aggregates are computed, not read; remove the column"));
            else if (!structure.Contains(name) && !meta.Groups.Contains(name) && !meta.Denominators.Contains(name) && !meta.Others.Contains(name))
                problems.Add(new Problem(path, 1, $"the column '{name}' is not described in {Path.GetFileName(metaPath)}: add a row for it there (Type Other if it is not used) or remove it"));
        }
        foreach (var i in structure.Indicators.Where(i => !col.ContainsKey(i.Code)))
            problems.Add(new Problem(i.Origin?.File ?? metaPath, i.Origin?.Line ?? 0, $"the indicator '{i.Code}' has no column in {Path.GetFileName(path)}"));
        foreach (var d in meta.Denominators.Where(d => !col.ContainsKey(d)).Where(d => structure.Indicators.Any(i => i.Denominator == d)))
            problems.Add(new Problem(path, 1, $"there is no column for the denominator '{d}'"));
        if (problems.Count > 0) throw new DataProblemsException(problems);

        string Cell(string[] row, string name) => col.TryGetValue(name, out var i) && i < row.Length ? row[i].Trim() : "";

        // one time point at a time: a panel needs a choice
        if (col.ContainsKey("Time"))
        {
            var times = lines.Select(l => Cell(l.Row, "Time")).Distinct().ToList();
            if (time is not null)
            {
                var wanted = times.FirstOrDefault(t => SameTime(t, time));
                if (wanted is null)
                    throw new DataProblemsException([new Problem(path, 0, $"no row has Time {time}: the data has {string.Join(", ", times)}")]);
                lines = lines.Where(l => Cell(l.Row, "Time") == wanted).ToList();
            }
            else if (times.Count > 1)
                throw new DataProblemsException([new Problem(path, 0, $"the data holds several times ({string.Join(", ", times)}): choose one of them")]);
        }

        var groupCols = meta.Groups.Where(col.ContainsKey).OrderBy(g => col[g]).ToList();
        var denCols = meta.Denominators.Where(col.ContainsKey).OrderBy(d => col[d]).ToList();
        var units = new List<Unit>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = indicatorCodes.Select(_ => new List<double>()).ToArray();
        var dens = denCols.Select(_ => new List<double>()).ToArray();
        foreach (var (row, line) in lines)
        {
            var code = Cell(row, "uCode");
            if (MissingMarkers.Contains(code)) { problems.Add(new Problem(path, line, "the row has no uCode")); continue; }
            if (seen.TryGetValue(code, out var first))
            {
                problems.Add(new Problem(path, line, $"the unit code '{code}' appears twice (first at line {first}): every unit needs its own uCode"));
                continue;
            }
            seen[code] = line;
            var name = Cell(row, "uName");
            units.Add(new Unit(code, MissingMarkers.Contains(name) ? code : name)
            {
                Groups = groupCols.ToDictionary(g => g, g => MissingMarkers.Contains(Cell(row, g)) ? null : (string?)Cell(row, g), StringComparer.Ordinal),
                Origin = new SourcePosition(path, line),
            });
            for (var i = 0; i < indicatorCodes.Count; i++) values[i].Add(Value(row, indicatorCodes[i]));
            for (var i = 0; i < denCols.Count; i++) dens[i].Add(Value(row, denCols[i]));

            double Value(string[] r, string column)
            {
                var text = Cell(r, column);
                if (MissingMarkers.Contains(text)) return double.NaN;
                if (TryNumber(text, out var v)) return v;
                problems.Add(new Problem(path, line, $"'{text}' in column {column} (unit {code}) is not a number; write missing values as NA or leave the cell empty"));
                return double.NaN;
            }
        }
        if (units.Count < 2) problems.Add(new Problem(path, 0, $"the data has {units.Count} unit(s): an index needs at least 2"));
        if (problems.Count > 0) throw new DataProblemsException(problems);

        var unitCodes = units.Select(u => u.Code).ToList();
        var raw = new StageTable("Raw", unitCodes, indicatorCodes, values.Select(v => v.ToArray()).ToArray());
        var denominators = new StageTable("Denominators", unitCodes, denCols, dens.Select(v => v.ToArray()).ToArray());
        return new IndexInput(structure, units, raw, denominators);
    }

    private static bool IsSpecial(string column) =>
        column.Equals("uCode", StringComparison.OrdinalIgnoreCase) || column.Equals("uName", StringComparison.OrdinalIgnoreCase) || column.Equals("Time", StringComparison.OrdinalIgnoreCase);

    private static bool SameTime(string a, string b) =>
        a == b || (TryNumber(a, out var x) && TryNumber(b, out var y) && x == y);

    private static Goalposts? ReadGoalposts(string code, Func<string[], string, string?> cell, string[] row, string path, int line, List<Problem> problems)
    {
        var lower = OptionalNumber(cell(row, "goalpost_lower"), $"goalpost_lower of '{code}'", path, line, problems);
        var upper = OptionalNumber(cell(row, "goalpost_upper"), $"goalpost_upper of '{code}'", path, line, problems);
        if (lower is null && upper is null) return null;
        if (lower is null || upper is null || lower == upper)
        {
            problems.Add(new Problem(path, line, $"'{code}' needs both goalpost_lower and goalpost_upper, and they must differ"));
            return null;
        }
        var scale = OptionalNumber(cell(row, "goalpost_scale"), $"goalpost_scale of '{code}'", path, line, problems) ?? 1;
        var truncText = cell(row, "goalpost_trunc2posts");
        var truncate = truncText is null || !(truncText.Equals("FALSE", StringComparison.OrdinalIgnoreCase) || truncText == "0");
        return new Goalposts(lower.Value, upper.Value, scale, truncate);
    }

    private static int? WholeNumber(string? text, string what, string path, int line, List<Problem> problems)
    {
        if (text is not null && TryNumber(text, out var v) && v == Math.Floor(v) && v >= 1) return (int)v;
        problems.Add(new Problem(path, line, $"{what} is '{text ?? "missing"}': give a whole number, 1 for indicators and 2 and above for aggregates"));
        return null;
    }

    private static double? OptionalNumber(string? text, string what, string path, int line, List<Problem> problems)
    {
        if (text is null) return null;
        if (TryNumber(text, out var v)) return v;
        problems.Add(new Problem(path, line, $"{what} is '{text}', not a number"));
        return null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static Dictionary<string, int> Columns(string[] header)
    {
        var col = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) col.TryAdd(header[i], i);
        return col;
    }

    /// <summary>The header and the rows with their line numbers, or null (with a problem) if the file cannot be read.</summary>
    private static (string[] Header, List<(string[] Row, int Line)> Rows)? ReadCsv(string path, List<Problem> problems)
    {
        if (!File.Exists(path)) { problems.Add(new Problem(path, 0, "no such file")); return null; }
        try
        {
            using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
            var rows = new List<(string[], int)>();
            while (csv.Read())
            {
                var row = new string[csv.RowFieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
                if (row.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add((row, csv.RowNumber + 1)); // RowNumber counts records after the header; a record is a line unless a quoted cell spans several
            }
            if (header.Length == 0) { problems.Add(new Problem(path, 1, "the file is empty: it needs a header row")); return null; }
            return (header, rows);
        }
        catch (CsvFormatException e)
        {
            problems.Add(new Problem(path, e.RowNumber, $"not a valid CSV file: {e.Message}"));
            return null;
        }
    }
}
