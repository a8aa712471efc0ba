using System.Text;
using System.Text.Unicode;

namespace Atlas.Register;

/// <summary>A file of an extract cannot be used at all (a wrong header, a truncated end, an unreadable archive).</summary>
public sealed class KboFormatException(string message) : Exception(message);

/// <summary>
/// Reads one CSV file of a KBO/BCE Open Data extract exactly as the Cookbook describes it: comma separated, a header
/// row, text in double quotes with <c>""</c> for a quote, an empty value written as nothing between two commas,
/// UTF-8 (a byte order mark is skipped), every row ended by a line feed (a carriage return before it is accepted).
/// <para>
/// It streams: rows are parsed in place in a buffer of bytes, and fields are handed out as spans, so that the
/// 36 million rows of a full activity file cost no allocation each. A row that breaks the format (a quote in an
/// unquoted field, text after a closing quote, the wrong number of fields) is still returned, with
/// <see cref="RowError"/> saying what is wrong, so that the caller counts it and reports it as
/// <c>file:line: problem</c>. What makes the whole file unusable — a header that is not the expected one, or a file
/// that ends in the middle of a row (truncated) — throws <see cref="KboFormatException"/>.
/// </para>
/// </summary>
public sealed class KboCsvReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _end;           // bytes [0, _end) hold data
    private int _position;      // where the next row starts
    private bool _eof;
    private long _nextLine = 1;
    private readonly int _expectedFields;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _quoted = new bool[16];
    private bool[] _escaped = new bool[16];
    private bool _headerRead;

    /// <summary>The file as it appears in messages (a path, or archive/name for a file in a zip).</summary>
    public string Display { get; }
    /// <summary>The physical line (from 1, the header is line 1) where the current row starts.</summary>
    public long Line { get; private set; }
    /// <summary>Rows read after the header, malformed ones included.</summary>
    public long Rows { get; private set; }
    public int FieldCount { get; private set; }
    /// <summary>What is wrong with the current row, or null if it is well formed.</summary>
    public string? RowError { get; private set; }
    public IReadOnlyList<string> Header { get; }
    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesRead { get; private set; }

    private KboCsvReader(Stream stream, string display, IReadOnlyList<string> expectedHeader, int bufferSize)
    {
        _stream = stream;
        Display = display;
        _buffer = new byte[bufferSize];
        _expectedFields = expectedHeader.Count;
        if (!Read())
            throw new KboFormatException($"{display}:1: the file is empty; it should start with the header {Quote(expectedHeader)}");
        var header = new string[FieldCount];
        for (var i = 0; i < FieldCount; i++) header[i] = Encoding.UTF8.GetString(Field(i));
        Header = header;
        _headerRead = true;
        if (!header.SequenceEqual(expectedHeader, StringComparer.Ordinal))
            throw new KboFormatException($"{display}:1: the header is {Quote(header)}; a KBO {System.IO.Path.GetFileNameWithoutExtension(display.Split('/', '\\').Last())} file has {Quote(expectedHeader)}");
        Rows = 0;
    }

    /// <summary>Opens a reader and checks the header row against <paramref name="expectedHeader"/>.</summary>
    public static KboCsvReader Open(Stream stream, string display, IReadOnlyList<string> expectedHeader, int bufferSize = 1 << 20) =>
        new(stream, display, expectedHeader, bufferSize);

    private static string Quote(IEnumerable<string> names) => string.Join(",", names.Select(n => $"\"{n}\""));

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            var status = TryParseRow();
            if (status == ParseStatus.Row)
            {
                Rows++;
                return true;
            }
            if (status == ParseStatus.End) return false;
            // NeedMore: keep the partial row, read more bytes, parse it again
            if (_eof)
            {
                throw new KboFormatException($"{Display}:{_nextLine}: the file ends in the middle of a row: it is truncated " +
                    "(every row of a complete extract ends with a line feed); download the extract again");
            }
            Fill();
        }
    }

    private enum ParseStatus { Row, NeedMore, End }

    private void Fill()
    {
        if (_position > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a row longer than the buffer
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        else
        {
            if (BytesRead == 0 && _end == 0 && n >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                Buffer.BlockCopy(_buffer, 3, _buffer, 0, n - 3);
                n -= 3;
                BytesRead += 3;
            }
            _end += n;
            BytesRead += n;
        }
    }

    private ParseStatus TryParseRow()
    {
        var buf = _buffer;
        var p = _position;
        var end = _end;
        if (p >= end) return _eof ? ParseStatus.End : ParseStatus.NeedMore;
        var fields = 0;
        var lines = 0;
        string? error = null;
        while (true)
        {
            // one field starts at p
            if (p >= end) return ParseStatus.NeedMore;
            int start, length;
            bool quoted, escaped = false;
            if (buf[p] == (byte)'"')
            {
                quoted = true;
                p++;
                start = p;
                var escapes = false;
                while (true)
                {
                    var rel = Array.IndexOf(buf, (byte)'"', p, end - p);
                    if (rel < 0) return ParseStatus.NeedMore;
                    lines += CountLineFeeds(buf, p, rel - p);
                    if (rel + 1 >= end) return ParseStatus.NeedMore; // at the end of the file: a row without its line feed
                    if (buf[rel + 1] == (byte)'"') { escapes = true; p = rel + 2; continue; }
                    p = rel;
                    break;
                }
                length = p - start;
                escaped = escapes;
                p++; // the closing quote
                if (p >= end) return ParseStatus.NeedMore;
                var c = buf[p];
                if (c != (byte)',' && c != (byte)'\n' && !(c == (byte)'\r' && p + 1 < end && buf[p + 1] == (byte)'\n'))
                {
                    if (c == (byte)'\r' && p + 1 >= end && !_eof) return ParseStatus.NeedMore;
                    error ??= $"field {fields + 1} has text after its closing quote (write a quote inside text as \"\")";
                    // skip to the next separator
                    while (p < end && buf[p] != (byte)',' && buf[p] != (byte)'\n') p++;
                    if (p >= end) return ParseStatus.NeedMore;
                }
            }
            else
            {
                quoted = false;
                start = p;
                while (true)
                {
                    var k = new ReadOnlySpan<byte>(buf, p, end - p).IndexOfAny((byte)',', (byte)'\n', (byte)'"');
                    if (k < 0) return ParseStatus.NeedMore;
                    p += k;
                    if (buf[p] != (byte)'"') break;
                    error ??= $"field {fields + 1} has a quote but does not start with one (quote the whole field and write a quote as \"\")";
                    p++;
                }
                length = p - start;
                if (length > 0 && buf[p] == (byte)'\n' && buf[p - 1] == (byte)'\r') length--;
            }
            if (buf[p] == (byte)'\r') p++; // CR LF after a quoted field
            AddField(fields++, start, length, quoted, escaped);
            if (buf[p] == (byte)',') { p++; continue; }
            // a line feed ends the row
            p++;
            lines++;
            FieldCount = fields;
            // the row is complete: only now may quoted fields be unescaped in place (a partial row is parsed again)
            for (var i = 0; i < fields; i++)
                if (_escaped[i]) _lengths[i] = Unescape(buf, _starts[i], _lengths[i]);
            Line = _nextLine;
            _nextLine += lines;
            _position = p;
            if (error is null && _headerRead && fields != _expectedFields)
                error = $"expected {_expectedFields} fields, found {fields}";
            RowError = error;
            return ParseStatus.Row;
        }
    }

    private static int CountLineFeeds(byte[] buf, int from, int count) =>
        count <= 0 ? 0 : new ReadOnlySpan<byte>(buf, from, count).Count((byte)'\n');

    /// <summary>Turns each "" into " in place; returns the new length.</summary>
    private static int Unescape(byte[] buf, int start, int length)
    {
        var w = start;
        var end = start + length;
        for (var r = start; r < end; r++)
        {
            buf[w++] = buf[r];
            if (buf[r] == (byte)'"') r++;
        }
        return w - start;
    }

    private void AddField(int index, int start, int length, bool quoted, bool escaped)
    {
        if (index >= _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
            Array.Resize(ref _quoted, _quoted.Length * 2);
            Array.Resize(ref _escaped, _escaped.Length * 2);
        }
        _starts[index] = start;
        _lengths[index] = length;
        _quoted[index] = quoted;
        _escaped[index] = escaped;
    }

    /// <summary>The bytes of field <paramref name="i"/>, quotes removed and "" unescaped.</summary>
    public ReadOnlySpan<byte> Field(int i) => i < FieldCount ? new ReadOnlySpan<byte>(_buffer, _starts[i], _lengths[i]) : default;

    /// <summary>True when the field is empty: nothing between the commas, or "".</summary>
    public bool IsEmpty(int i) => i >= FieldCount || _lengths[i] == 0;

    /// <summary>True when the field was written in quotes.</summary>
    public bool IsQuoted(int i) => i < FieldCount && _quoted[i];

    /// <summary>The field as text; null when it is empty. Throws <see cref="FormatException"/> when it is not UTF-8.</summary>
    public string? String(int i)
    {
        var span = Field(i);
        if (span.IsEmpty) return null;
        if (!Utf8.IsValid(span)) throw new FormatException($"field {i + 1} is not valid UTF-8");
        return Encoding.UTF8.GetString(span);
    }

    public void Dispose() => _stream.Dispose();
}
