using System.Globalization;
using Atlas.Diagnostics;

namespace Atlas.Series;

/// <summary>What an observation row asks: merge its value (SDMX actions I, A, R) or delete it (D).</summary>
public enum ObsAction { Merge, Delete }

/// <summary>One observation as read, with the line it came from.</summary>
public sealed record ParsedObservation(SeriesPeriod Period, double? Value, string? Status,
    IReadOnlyDictionary<string, string>? Attributes, int Line, ObsAction Action = ObsAction.Merge);

/// <summary>One series as read from a file: its dataflow, dimensions and attributes as published, and its observations.</summary>
public sealed class ParsedSeries(Dataflow dataflow, IReadOnlyList<KeyValuePair<string, string>> dimensions,
    IReadOnlyDictionary<string, string> attributes, string? name, Frequency frequency, int firstLine)
{
    public Dataflow Dataflow { get; } = dataflow;
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; } = dimensions;
    /// <summary>The attributes of the series' first row; an observation keeps only those that differ.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;
    public string? Name { get; } = name;
    public Frequency Frequency { get; } = frequency;
    public int FirstLine { get; } = firstLine;
    public List<ParsedObservation> Observations { get; } = [];
}

/// <summary>Everything a reader found: the series, the rows it could not read (file:line), and what it noticed.</summary>
public sealed record ReadResult(IReadOnlyList<ParsedSeries> Series, IReadOnlyList<Problem> Problems, int Rows, int Rejected,
    int Duplicates, DateTimeOffset? FetchedAt, IReadOnlyList<string> Notes);

/// <summary>A file the atlas cannot read at all (no header it knows, an HTML page): nothing of it is imported.</summary>
public sealed class SeriesFormatException(Problem problem) : Exception(problem.ToString())
{
    public Problem Problem { get; } = problem;
}

/// <summary>
/// Gathers the rows of one file into series, the way every reader needs: a row it cannot read becomes a file:line
/// problem (and is left out); a value given twice for the same period is dropped when identical and a problem when not.
/// </summary>
public sealed class SeriesCollector(string file)
{
    private readonly Dictionary<string, ParsedSeries> _series = new(StringComparer.Ordinal);
    // by series (the object: its identity) and period ordinal: no string built per row
    private readonly Dictionary<(ParsedSeries, int), (double? Value, string? Status, int Line)> _seen = [];
    private readonly List<Problem> _problems = [];
    private readonly List<string> _notes = [];

    public string File { get; } = file;
    public int Rows { get; set; }
    public int Rejected { get; private set; }
    public int Duplicates { get; private set; }
    public DateTimeOffset? FetchedAt { get; set; }

    /// <summary>A row that cannot be read: reported, counted against the threshold, left out.</summary>
    public void Reject(int line, string message)
    {
        Rejected++;
        // the first hundred problems are enough to see what is wrong; the count says how many there are
        if (_problems.Count < 100) _problems.Add(new Problem(File, line, message));
    }

    public void Note(string note) => _notes.Add(note);

    public SeriesFormatException Fatal(int line, string message) => new(new Problem(File, line, message));

    /// <summary>The series of these dimensions, created on its first row.</summary>
    public ParsedSeries SeriesOf(Dataflow flow, IReadOnlyList<KeyValuePair<string, string>> dimensions,
        Func<IReadOnlyDictionary<string, string>> attributes, string? name, Frequency frequency, int line)
    {
        var key = flow + "|" + string.Join('\u001f', dimensions.Select(d => d.Value));
        if (!_series.TryGetValue(key, out var series))
            _series[key] = series = new ParsedSeries(flow, dimensions, attributes(), name, frequency, line);
        return series;
    }

    /// <summary>Adds an observation unless the same period was given before (identical: dropped and counted; different: a problem).</summary>
    public void Add(ParsedSeries series, ParsedObservation obs)
    {
        var id = (series, obs.Period.Ordinal);
        if (_seen.TryGetValue(id, out var before))
        {
            if (Same(before.Value, obs.Value) && before.Status == obs.Status) Duplicates++;
            else Reject(obs.Line, $"a second value for {string.Join('.', series.Dimensions.Select(d => d.Value))} in {obs.Period}: " +
                                  $"{Show(obs.Value)} here, {Show(before.Value)} on line {before.Line}; keep one of them");
            return;
        }
        _seen[id] = (obs.Value, obs.Status, obs.Line);
        series.Observations.Add(obs);
    }

    public ReadResult Result()
    {
        if (Duplicates > 0) _notes.Add($"{Duplicates} row(s) repeated a value given before, identically: each value was kept once");
        return new ReadResult(_series.Values.ToList(), _problems, Rows, Rejected, Duplicates, FetchedAt, _notes);
    }

    /// <summary>
    /// An observation value: a number (invariant culture), or empty / NaN / a non-number when a status flag says why it
    /// is missing (M missing, L not collected, c confidential…). A non-number without a status is an error.
    /// </summary>
    public bool TryValue(string text, string? status, int line, out double? value)
    {
        value = null;
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            value = v;
            return true;
        }
        if (!string.IsNullOrWhiteSpace(status)) return true;
        Reject(line, s.Length == 0 || s.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            ? "the value is missing and no status flag says why: give the number, or a status (M missing, L not collected, C confidential)"
            : $"the value '{Clip(s)}' is not a number and no status flag says why: write it with a point for decimals (95.4), or give a status");
        return false;
    }

    private static bool Same(double? a, double? b) => a == b || (a is { } x && b is { } y && Math.Abs(x - y) < 1e-12);
    private static string Show(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "no value";
    public static string Clip(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
