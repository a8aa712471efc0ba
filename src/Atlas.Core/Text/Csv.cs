namespace Atlas.Text;

/// <summary>
/// The atlas's one way of writing CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
/// comma, a quote, a line break or a leading or trailing space, quotes doubled. Used by the API, and by the
/// complexity and composite commands for their result files.
/// </summary>
public static class Csv
{
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>One record, with its CRLF.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>Writes a header and its rows.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        writer.Write(Line(header));
        foreach (var row in rows) writer.Write(Line(row));
    }
}
