using Atlas.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Atlas.Data;

namespace Atlas.Statbel;

/// <summary>
/// Reads the shipped Statbel copies line by line (gzip when the name ends in .gz), so that every problem names its
/// file and line. Fields follow RFC 4180 within a line (quotes, "" escapes); none of these files has a line break
/// inside a field. Reports at most <see cref="MaxProblems"/> problems per file, then how many more there were.
/// </summary>
internal sealed class CsvLines(string path, string display, List<Problem> problems)
{
    public const int MaxProblems = 20;
    private int _problems;

    public string Display => display;

    /// <summary>The data rows with their line numbers, once the header is the expected one; none when the file is missing or its header is wrong.</summary>
    public IEnumerable<(int Line, string[] Fields)> Rows(string expectedHeader)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Problem(display, 0, "the file is missing: make the copy with tools/statbel-copy.sh (see data/reference/MANIFEST.md)"));
            yield break;
        }
        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream, Encoding.UTF8);
        var header = reader.ReadLine();
        var expected = Split(expectedHeader);
        if (header is null || !Split(header).SequenceEqual(expected))
        {
            problems.Add(new Problem(display, 1, $"the header is '{header}', expected '{string.Join(",", expected)}': is this the right file?"));
            yield break;
        }
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var fields = Split(line);
            if (fields.Length != expected.Length)
            {
                Report(lineNo, $"{fields.Length} fields where the header has {expected.Length}");
                continue;
            }
            yield return (lineNo, fields);
        }
        if (_problems > MaxProblems)
            problems.Add(new Problem(display, 0, $"{_problems - MaxProblems} more problems like the ones above"));
    }

    public void Report(int line, string message)
    {
        if (++_problems <= MaxProblems) problems.Add(new Problem(display, line, message));
    }

    /// <summary>Splits one CSV line; a field may be quoted, with "" for a quote inside it.</summary>
    public static string[] Split(string line)
    {
        if (!line.Contains('"')) return line.Split(',');
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>A count: a whole number ≥ 0, digits only.</summary>
    public static bool TryCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count); // no sign, no space, no separator
}
