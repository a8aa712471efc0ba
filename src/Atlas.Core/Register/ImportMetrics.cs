using System.Diagnostics.Metrics;

namespace Atlas.Register;

/// <summary>
/// An import's progress and duration as .NET metrics, for whatever listens in the importing process: the server's
/// /metrics, or <c>dotnet-counters monitor -n atlas --counters Atlas.Register</c> beside a running <c>atlas import kbo</c>.
/// </summary>
public static class ImportMetrics
{
    public const string MeterName = "Atlas.Register";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Rows read from extracts, added every 65,536 rows while an import runs.</summary>
    internal static readonly Counter<long> Rows = Meter.CreateCounter<long>("atlas.register.import.rows", "{row}", "Rows of KBO extracts read by imports");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("atlas.register.import.duration", "s",
        "How long imports took, by extract type (full, update) and outcome (imported, refused)");

    internal static void Done(string type, bool imported, TimeSpan elapsed, long rowsNotYetCounted)
    {
        Rows.Add(rowsNotYetCounted);
        Duration.Record(elapsed.TotalSeconds, new("type", type), new("outcome", imported ? "imported" : "refused"));
    }
}
