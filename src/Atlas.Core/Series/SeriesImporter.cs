using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Atlas.Diagnostics;
using Atlas.Store;

namespace Atlas.Series;

/// <summary>What an import may be told that its file does not say, and how many unreadable rows it accepts.</summary>
public sealed record SeriesImportOptions
{
    public Adjustment? Adjustment { get; init; }
    public string? Unit { get; init; }
    public int? BaseYear { get; init; }
    /// <summary>The place the series cover (BE), when the file has no geo or REF_AREA dimension.</summary>
    public string? Geo { get; init; }
    /// <summary>The activity the series cover (B-D), when the file has no NACE dimension.</summary>
    public string? Activity { get; init; }
    /// <summary>Rows that cannot be read are left out up to this many; past it, nothing is imported.</summary>
    public int MaxErrors { get; init; }
    /// <summary>What the vintage says it came from (the address of a fetch); the file name by default.</summary>
    public string? Source { get; init; }
    /// <summary>When the content was fetched; by default what the file says, else the file's time.</summary>
    public DateTimeOffset? FetchedAt { get; init; }
    /// <summary>Today's municipalities, for files that name them (Statbel's establishment units).</summary>
    public Func<IReadOnlyList<MunicipalityName>>? Municipalities { get; init; }

    /// <summary>The options that change what is stored: part of the content hash, so that another reading is another vintage.</summary>
    internal string Signature => $"{Adjustment}|{Unit}|{BaseYear}|{Geo}|{Activity}";
}

public enum SeriesFileFormat { SdmxCsv, NbbCsv, StatbelJson }

/// <summary>What an import did.</summary>
/// <param name="AlreadyImported">the vintage that held this very content: nothing was done</param>
public sealed record ImportReport(string Source, SeriesFileFormat? Format, Vintage? Vintage, Vintage? AlreadyImported, int Rows, int Series,
    int NewSeries, int Added, int Revised, int Unchanged, int Deleted, int Rejected, int Duplicates,
    IReadOnlyList<Problem> Problems, IReadOnlyList<string> Notes, TimeSpan Elapsed);

/// <summary>Why an import was refused, for the caller to say how to go on (the command line names its options).</summary>
public enum SeriesRefusal
{
    /// <summary>More unreadable rows than <see cref="SeriesImportOptions.MaxErrors"/> allows.</summary>
    TooManyUnreadableRows,
    /// <summary>The file does not say the adjustment or the unit of some series, and the import was not told (<see cref="SeriesImportException.Missing"/>).</summary>
    MissingMetadata,
    /// <summary>Anything else (a file that cannot be read, what the import was told against what the file says): the message and the problems say it all.</summary>
    Other,
}

/// <summary>Why an import stopped. Nothing was written: the store is as it was.</summary>
public sealed class SeriesImportException(string message, IReadOnlyList<Problem> problems, int rejected = 0,
    IReadOnlyList<MissingMetadata>? missing = null, SeriesRefusal reason = SeriesRefusal.Other) : Exception(message)
{
    public SeriesRefusal Reason { get; } = reason;
    public IReadOnlyList<Problem> Problems { get; } = problems;
    public int Rejected { get; } = rejected;
    public IReadOnlyList<MissingMetadata> Missing { get; } = missing ?? [];
}

/// <summary>
/// Imports a file of series as one vintage: recognise the format, read every row (file:line for each one it cannot
/// read), stop past the error threshold, describe each series (adjustment, unit…), then write everything in one
/// transaction. The same content imported again changes nothing.
/// </summary>
public static class SeriesImporter
{
    public static ImportReport Import(ISeriesStore store, string path, SeriesImportOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeriesImportException($"cannot read {path}: {e.Message}", []);
        }
        var fileTime = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        return Import(store, bytes, path, options with { Source = options.Source ?? Path.GetFileName(path) }, fileTime);
    }

    /// <param name="display">the name problems are reported under (file:line)</param>
    /// <param name="fileTime">when the content was fetched if neither the options nor the content say (a file's time)</param>
    public static ImportReport Import(ISeriesStore store, byte[] content, string display, SeriesImportOptions options, DateTimeOffset? fileTime = null)
    {
        var watch = Stopwatch.StartNew();
        var hash = Hash(content, options);
        var source = options.Source ?? display;
        if (store.VintageWithHash(hash) is { } earlier)
            return new ImportReport(source, null, null, earlier, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [], watch.Elapsed);

        SeriesFileFormat format;
        ReadResult read;
        try
        {
            format = Detect(display, content, out var text);
            read = format switch
            {
                SeriesFileFormat.SdmxCsv => SdmxCsvReader.Read(display, text),
                SeriesFileFormat.NbbCsv => NbbCsvReader.Read(display, text),
                _ => StatbelEstablishmentsReader.Read(display, content, options.Municipalities?.Invoke()
                    ?? throw new SeriesImportException("Statbel's establishment units name municipalities: the import needs the atlas's municipalities to match them", [])),
            };
        }
        catch (SeriesFormatException e)
        {
            throw new SeriesImportException("the file cannot be read: nothing was imported", [e.Problem]);
        }
        if (read.Rejected > options.MaxErrors)
            throw new SeriesImportException(
                $"{read.Rejected} row(s) of {read.Rows} cannot be read, more than the {options.MaxErrors} allowed: nothing was imported and the series are as they were",
                read.Problems, read.Rejected, reason: SeriesRefusal.TooManyUnreadableRows);
        if (read.Series.Count == 0)
            throw new SeriesImportException($"{display} holds no observation to import", read.Problems, read.Rejected);

        var missing = new List<MissingMetadata>();
        var conflicts = new List<string>();
        var writes = new List<SeriesWrite>();
        foreach (var s in read.Series)
            if (SeriesDescriber.Describe(s, options, missing, conflicts) is { } descriptor)
                writes.Add(new SeriesWrite(descriptor, s.Observations));
        if (conflicts.Count > 0)
            throw new SeriesImportException($"{conflicts.Count} series cannot be imported as told: nothing was imported",
                conflicts.Distinct().Select(c => new Problem(display, 0, c)).ToList());
        if (missing.Count > 0)
            throw new SeriesImportException(
                $"the file does not say the {string.Join(" and ", missing.Select(m => Word(m.Field)).Distinct())} of {missing.Select(m => m.SeriesId).Distinct().Count()} series: nothing was imported",
                [], 0, missing, SeriesRefusal.MissingMetadata);
        var duplicateIds = writes.GroupBy(w => w.Descriptor.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicateIds is not null)
            throw new SeriesImportException($"two series of the file have the id {duplicateIds.Key}: nothing was imported", []);

        var vintage = new VintageInput(source, options.FetchedAt ?? read.FetchedAt ?? fileTime ?? DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, hash,
            [.. read.Notes, .. read.Problems.Select(p => $"left out: {p}")]);
        var outcome = store.Write(writes, vintage);
        return new ImportReport(source, format, outcome.Vintage, null, read.Rows, writes.Count, outcome.NewSeries, outcome.Added, outcome.Revised,
            outcome.Unchanged, outcome.Deleted, read.Rejected, read.Duplicates, read.Problems, read.Notes, watch.Elapsed);
    }

    /// <summary>Which reader a content needs, from its first line; an HTML page or an unknown layout is refused.</summary>
    public static SeriesFileFormat Detect(string display, byte[] content, out string text)
    {
        text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var start = text.TrimStart();
        var end = start.IndexOf('\n');
        var firstLine = (end < 0 ? start : start[..end]).TrimEnd('\r');
        if (SdmxCsvReader.Recognises(firstLine)) return SeriesFileFormat.SdmxCsv;
        if (NbbCsvReader.Recognises(firstLine)) return SeriesFileFormat.NbbCsv;
        if (StatbelEstablishmentsReader.Recognises(start)) return SeriesFileFormat.StatbelJson;
        if (start.StartsWith('<'))
            throw new SeriesFormatException(new Problem(display, 1, $"this is an HTML or XML page{Title(start)}, not SDMX-CSV: the query was probably refused or mistyped"));
        throw new SeriesFormatException(new Problem(display, 1, start.Length == 0 ? "the file is empty" :
            "the atlas does not know this layout: it reads SDMX-CSV 1.0 (first column DATAFLOW) and 2.0 (STRUCTURE, STRUCTURE_ID, ACTION), the NBB's CSV (indicator_code, name, period, value, …) and Statbel's establishment units (JSON)"));
    }

    private static string Title(string html)
    {
        var open = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var close = open < 0 ? -1 : html.IndexOf("</title>", open, StringComparison.OrdinalIgnoreCase);
        return close > open + 7 ? $" (\"{SeriesCollector.Clip(html[(open + 7)..close].Trim(), 80)}\")" : "";
    }

    private static string Word(MetadataField f) => f == MetadataField.Adjustment ? "seasonal adjustment" : "unit";

    private static string Hash(byte[] content, SeriesImportOptions options)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(content);
        sha.AppendData(Encoding.UTF8.GetBytes("\n" + options.Signature));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
