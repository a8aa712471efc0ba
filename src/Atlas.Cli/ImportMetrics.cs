using System.Diagnostics;
using System.Diagnostics.Metrics;
using Atlas.Register.Import;

namespace Atlas.Cli;

/// <summary>
/// An import's progress and duration as .NET metrics of the <c>atlas import kbo</c> process, for any listener:
/// <c>dotnet-counters monitor -n atlas --counters Atlas.Import</c> beside a running import, or a collector. The server
/// reports the register's last import from the register itself (/metrics).
/// </summary>
internal sealed class ImportMetrics
{
    public const string MeterName = "Atlas.Import";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("atlas.import.rows", "{row}", "Rows of the KBO extract read so far");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("atlas.import.duration", "s",
        "How long imports took, by outcome (imported, refused, failed)");

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _counted;

    /// <summary>The rows read since the last report (the importer reports a few times a second).</summary>
    public void Progress(ImportProgress p)
    {
        Rows.Add(p.TotalRows - _counted);
        _counted = p.TotalRows;
    }

    public void Done(string outcome) => Duration.Record(_clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
