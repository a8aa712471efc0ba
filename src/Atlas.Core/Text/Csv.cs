namespace Atlas.Text;

/// <summary>
/// The atlas's one way of writing CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
/// comma, a quote, a line break or a leading or trailing space, quotes doubled; a text that a spreadsheet would read as
/// a formula is neutralised (OWASP's CSV injection rule). Used by the API, and by the
/// complexity and composite commands for their result files.
/// </summary>
public static class Csv
{
    public static string Field(string value)
    {
        // a text cell that a spreadsheet would run as a formula (=, +, -, @ first) is written as text: '=… (numbers stay numbers)
        if (value.Length > 0 && FormulaStarts.Contains(value[0]) && !IsNumber(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static bool IsNumber(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>One record, with its CRLF.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>Writes a header and its rows.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        writer.Write(Line(header));
        foreach (var row in rows) writer.Write(Line(row));
    }
}
