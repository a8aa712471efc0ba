using System.Diagnostics;

namespace Atlas.Register.Import;

/// <summary>What an import is doing when it reports progress.</summary>
public enum ImportStep
{
    /// <summary>Reading the rows of a file of the extract (<see cref="ImportProgress.File"/>).</summary>
    ReadingFile,
    /// <summary>Counting the units by municipality and NACE class (a full import, after the rows).</summary>
    CountingUnits,
    /// <summary>Building the indexes of the tables (a full import).</summary>
    Indexing,
    /// <summary>Building the full-text search index of the denominations (a full import).</summary>
    BuildingSearchIndex,
    /// <summary>Putting the new register file in the place of the old one (a full import).</summary>
    ReplacingRegister,
}

/// <summary>
/// Where an import is. <see cref="File"/>, <see cref="FileRows"/> and <see cref="FileFraction"/> describe the file
/// being read (<see cref="ImportStep.ReadingFile"/>); for the other steps File is null and FileFraction 1.
/// </summary>
public sealed record ImportProgress(ImportStep Step, string? File, long FileRows, long TotalRows, double RowsPerSecond, double FileFraction, TimeSpan Elapsed);

/// <summary>The import's clock, and its progress handed to <see cref="ImportOptions.Progress"/> no more than a few times a second.</summary>
internal sealed class ProgressReporter(Action<ImportProgress>? report)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReport;

    public TimeSpan Elapsed => _clock.Elapsed;
    public bool Wanted => report is not null;

    /// <summary>Where the reading of a file is: at most every 250 ms, unless <paramref name="force"/> (the end of a file).</summary>
    public void Reading(string file, long fileRows, long totalRows, double fileFraction, bool force)
    {
        if (report is null) return;
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastReport < 250) return;
        _lastReport = now;
        report(new ImportProgress(ImportStep.ReadingFile, file, fileRows, totalRows, Rate(totalRows), fileFraction, _clock.Elapsed));
    }

    /// <summary>A step after the reading: each is reported once, as it starts.</summary>
    public void Step(ImportStep step, long totalRows) =>
        report?.Invoke(new ImportProgress(step, null, 0, totalRows, Rate(totalRows), 1, _clock.Elapsed));

    private double Rate(long rows) => rows / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
}
