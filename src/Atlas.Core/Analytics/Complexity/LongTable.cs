using System.Globalization;
using Atlas.Data;
using Sylvan.Data.Csv;
using Atlas.Diagnostics;

namespace Atlas.Analytics.Complexity;

/// <summary>The columns of a long-format table: which hold the region, the activity, the value and (optionally) the time.</summary>
public sealed record LongTableColumns(string Region, string Activity, string Value, string? Time = null);

/// <summary>The matrix of one period of a long-format table (<see cref="Time"/> is null when the table has no time column).</summary>
public sealed record LongTableSlice(string? Time, ActivityMatrix Matrix);

/// <summary>
/// Reads a long-format CSV (one row per region × activity [× time], like a trade table or employment by region and
/// industry) into one matrix per period. A combination that is not in the file is 0. Every problem is reported as
/// <c>file:line: what is wrong</c>; nothing is returned unless the whole file is right.
/// </summary>
public static class LongTable
{
    /// <summary>Reading stops after this many problems: enough to see a pattern, not a flood.</summary>
    public const int MaxProblems = 20;

    /// <exception cref="DataProblemsException">the file is missing, empty or has bad rows</exception>
    public static IReadOnlyList<LongTableSlice> Read(string path, LongTableColumns columns)
    {
        if (!File.Exists(path)) throw Invalid(new Problem(path, 0, "no such file"));
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(text, path, columns);
    }

    /// <param name="name">the file name to put in problems</param>
    public static IReadOnlyList<LongTableSlice> Read(TextReader text, string name, LongTableColumns columns)
    {
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        }
        catch (CsvMissingHeadersException)
        {
            throw Invalid(new Problem(name, 0, "the file is empty: it needs a header line naming the columns, then one line per region × activity"));
        }
        using (csv)
        {
            var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
            var problems = new List<Problem>();
            int Ordinal(string column, string role)
            {
                var i = Array.IndexOf(header, column);
                if (i < 0)
                {
                    var near = header.FirstOrDefault(h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase));
                    var hint = near is null ? "" : $"; did you mean '{near}'?";
                    problems.Add(new Problem(name, 1, $"no column '{column}' for the {role} (the columns are: {string.Join(", ", header)}){hint}"));
                }
                return i;
            }
            var region = Ordinal(columns.Region, "region");
            var activity = Ordinal(columns.Activity, "activity");
            var value = Ordinal(columns.Value, "value");
            var time = columns.Time is null ? -1 : Ordinal(columns.Time, "time");
            var roles = new[] { (region, "region"), (activity, "activity"), (value, "value"), (time, "time") }.Where(r => r.Item1 >= 0).ToArray();
            foreach (var group in roles.GroupBy(r => r.Item1).Where(g => g.Count() > 1))
                problems.Add(new Problem(name, 1, $"the column '{header[group.Key]}' is given for both the {string.Join(" and the ", group.Select(r => r.Item2))}: each needs its own column"));
            if (problems.Count > 0) throw Invalid(problems);
            var needed = new[] { region, activity, value, time }.Max() + 1;

            var periods = new Dictionary<string, List<(string, string, double)>>(StringComparer.Ordinal);
            var firstLine = new Dictionary<(string, string, string), int>();
            var line = 2 + header.Sum(h => h.Count('\n')); // where the next record starts
            try
            {
                while (problems.Count < MaxProblems && csv.Read())
                {
                    var at = line;
                    line += 1 + Enumerable.Range(0, csv.RowFieldCount).Sum(i => csv.GetFieldSpan(i).Count('\n'));
                    if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsWhiteSpace()) continue; // a blank line
                    if (csv.RowFieldCount < needed)
                    {
                        problems.Add(new Problem(name, at, $"the row has {csv.RowFieldCount} field(s) but the columns used need {needed}"));
                        continue;
                    }
                    var r = Name(csv, region, columns.Region, name, at, problems);
                    var a = Name(csv, activity, columns.Activity, name, at, problems);
                    var t = time < 0 ? "" : Name(csv, time, columns.Time!, name, at, problems);
                    var v = Number(csv, value, columns.Value, name, at, problems);
                    if (r is null || a is null || t is null || v is null) continue;
                    if (firstLine.TryGetValue((t, r, a), out var first))
                    {
                        var when = time < 0 ? "" : $", {columns.Time} '{t}'";
                        problems.Add(new Problem(name, at, $"duplicate row for {columns.Region} '{r}', {columns.Activity} '{a}'{when} (first at line {first}): give each combination once"));
                        continue;
                    }
                    firstLine.Add((t, r, a), at);
                    if (!periods.TryGetValue(t, out var cells)) periods.Add(t, cells = []);
                    cells.Add((r, a, v.Value));
                }
            }
            catch (CsvFormatException e)
            {
                problems.Add(new Problem(name, line, $"not valid CSV: {e.Message}"));
            }
            if (problems.Count == 0 && periods.Count == 0)
                problems.Add(new Problem(name, 0, "the file has a header but no data rows"));
            if (problems.Count > 0) throw Invalid(problems);
            return [.. periods.Select(p => new LongTableSlice(time < 0 ? null : p.Key, ActivityMatrix.FromCells(p.Value)))];
        }
    }

    private static string? Name(CsvDataReader csv, int ordinal, string column, string file, int line, List<Problem> problems)
    {
        var text = csv.GetString(ordinal).Trim();
        if (text.Length > 0) return text;
        problems.Add(new Problem(file, line, $"the {column} is empty"));
        return null;
    }

    private static double? Number(CsvDataReader csv, int ordinal, string column, string file, int line, List<Problem> problems)
    {
        var text = csv.GetFieldSpan(ordinal).Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            var hint = text.Contains(',') ? " (write decimals with a point: 1.5, not 1,5)" : text.IsEmpty ? " (write 0 for none)" : "";
            problems.Add(new Problem(file, line, $"the {column} '{text}' is not a number{hint}"));
            return null;
        }
        if (v < 0)
        {
            problems.Add(new Problem(file, line, $"the {column} {text} is negative: values must be zero or more"));
            return null;
        }
        return v;
    }

    private static DataProblemsException Invalid(params IReadOnlyList<Problem> problems) => new(problems);
}
