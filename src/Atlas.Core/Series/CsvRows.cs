using System.Text;

namespace Atlas.Series;

/// <summary>One row of a delimited file and the line it starts on (for file:line errors).</summary>
public readonly record struct CsvRow(int Line, string[] Fields);

/// <summary>
/// Reads delimited text (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes) row by row, keeping the
/// line number of each row. Hand-written because the readers need that line number for every error they report;
/// blank lines are skipped.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<CsvRow> Read(TextReader reader, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            if (text.Length == 0) continue;
            // most rows quote nothing: a plain split is several times faster than the character loop below
            if (!text.Contains('"'))
            {
                var plain = text.Split(delimiter);
                if (start == 1 && plain[0].Length > 0 && plain[0][0] == '\uFEFF') plain[0] = plain[0][1..];
                yield return new CsvRow(start, plain);
                continue;
            }
            fields.Clear();
            field.Clear();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!quoted) break;
                    // a line break inside quotes: the field goes on on the next line
                    if (reader.ReadLine() is not { } next) break;
                    line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }
                var c = text[i++];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else if (c == '"' && field.Length == 0) quoted = true;
                else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (start == 1 && fields[0].Length > 0 && fields[0][0] == '\uFEFF') fields[0] = fields[0][1..];
            yield return new CsvRow(start, fields.ToArray());
        }
    }

    /// <summary>The delimiter of a file whose first field is <paramref name="firstName"/>: the character after it (',' if none).</summary>
    public static char Delimiter(string headerLine, string firstName)
    {
        var line = headerLine.TrimStart('\uFEFF');
        var i = firstName.Length;
        // SDMX-CSV 2.0 may write STRUCTURE[;] to say that ';' separates sub-fields: skip the bracket
        if (i < line.Length && line[i] == '[')
        {
            var close = line.IndexOf(']', i);
            if (close > 0) i = close + 1;
        }
        // a label after the code (FREQ: Frequency) ends at the delimiter as well
        while (i < line.Length && line[i] is not (',' or ';' or '\t' or '|')) i++;
        return i < line.Length ? line[i] : ',';
    }
}
