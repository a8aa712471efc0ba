namespace Atlas.Series;

/// <summary>
/// Reads SDMX-CSV as statistical offices serve it. Version 1.0 (SDMX 2.1 REST): a <c>DATAFLOW</c> column
/// (<c>ESTAT:STS_INPR_M(1.0)</c>), the dimensions, <c>TIME_PERIOD</c>, <c>OBS_VALUE</c>, then the attributes.
/// Version 2.0 (SDMX 3.0): <c>STRUCTURE</c> (dataflow…), <c>STRUCTURE_ID</c>, optionally <c>STRUCTURE_NAME</c> and
/// <c>ACTION</c> (I, A, R merge; D deletes), then the same. Headers and values may carry labels
/// (<c>FREQ: Frequency</c>, <c>M: Monthly</c>): the code before the colon is kept. Eurostat's extra
/// <c>LAST UPDATE</c> column is kept as an attribute. Every dimension and attribute is kept as published.
/// </summary>
public static class SdmxCsvReader
{
    private static readonly string[] StructureColumns = ["DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION"];
    private static readonly string[] AttributeLike = ["LAST UPDATE", "LAST_UPDATE"];
    private static readonly string[] StatusColumns = ["OBS_STATUS", "OBS_FLAG"];
    private static readonly string[] FrequencyColumns = ["FREQ", "FREQUENCY"];

    public static bool Recognises(string firstLine)
    {
        var s = firstLine.TrimStart('\uFEFF', '"');
        return s.StartsWith("DATAFLOW", StringComparison.OrdinalIgnoreCase) || s.StartsWith("STRUCTURE", StringComparison.OrdinalIgnoreCase);
    }

    public static ReadResult Read(string file, string text)
    {
        var collector = new SeriesCollector(file);
        var firstLine = text.AsSpan().TrimStart('\uFEFF');
        var end = firstLine.IndexOfAny('\r', '\n');
        var header = (end < 0 ? firstLine : firstLine[..end]).ToString();
        var v2 = header.TrimStart('"').StartsWith("STRUCTURE", StringComparison.OrdinalIgnoreCase);
        var delimiter = CsvRows.Delimiter(header.Replace("\"", ""), v2 ? "STRUCTURE" : "DATAFLOW");
        using var rows = CsvRows.Read(new StringReader(text), delimiter).GetEnumerator();
        if (!rows.MoveNext()) throw collector.Fatal(1, "the file is empty");

        var raw = rows.Current.Fields;
        var labelled = raw.Any(h => h.Contains(": ", StringComparison.Ordinal));
        var names = raw.Select(Code).ToArray();
        int Find(params string[] wanted) => Array.FindIndex(names, n => wanted.Contains(n, StringComparer.OrdinalIgnoreCase));
        var flowAt = v2 ? Find("STRUCTURE_ID") : 0;
        if (flowAt < 0) throw collector.Fatal(1, "an SDMX-CSV 2.0 header starts STRUCTURE, STRUCTURE_ID: the STRUCTURE_ID column is missing");
        var actionAt = v2 ? Find("ACTION") : -1;
        var nameAt = v2 ? Find("STRUCTURE_NAME") : -1;
        var timeAt = Find("TIME_PERIOD");
        var valueAt = Find("OBS_VALUE");
        if (timeAt < 0 || valueAt < 0)
            throw collector.Fatal(1, $"the header has no {(timeAt < 0 ? "TIME_PERIOD" : "OBS_VALUE")} column: an SDMX-CSV file names its dimensions, then TIME_PERIOD and OBS_VALUE");
        var statusAt = Find(StatusColumns);
        var dims = new List<int>();
        var attrs = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            if (i == timeAt || i == valueAt || i == statusAt || StructureColumns.Contains(names[i], StringComparer.OrdinalIgnoreCase)) continue;
            if (i < valueAt && !AttributeLike.Contains(names[i], StringComparer.OrdinalIgnoreCase)) dims.Add(i);
            else attrs.Add(i);
        }
        if (dims.Count == 0) throw collector.Fatal(1, "the header names no dimension before TIME_PERIOD: the series cannot be told apart");
        var freqAt = dims.FirstOrDefault(i => FrequencyColumns.Contains(names[i], StringComparer.OrdinalIgnoreCase), -1);

        // rows of one series usually follow each other: the last series is reused while the key stays the same
        ParsedSeries? last = null;
        string[] lastKey = [];
        (string Text, Dataflow Flow)? lastFlow = null;
        while (rows.MoveNext())
        {
            var (line, f) = (rows.Current.Line, rows.Current.Fields);
            collector.Rows++;
            if (f.Length != names.Length)
            {
                collector.Reject(line, $"{f.Length} field(s) where the header (line 1) has {names.Length}: a value, a delimiter or a quote is missing or extra");
                continue;
            }
            string V(int i) => labelled ? Code(f[i]) : f[i].Trim();
            var flowText = V(flowAt);
            if (lastFlow?.Text != flowText)
            {
                if (!Dataflow.TryParse(flowText, out var parsed))
                {
                    collector.Reject(line, $"the dataflow '{SeriesCollector.Clip(flowText)}' is not written AGENCY:ID(VERSION), as ESTAT:STS_INPR_M(1.0)");
                    continue;
                }
                lastFlow = (flowText, parsed);
                last = null;
            }
            var flow = lastFlow!.Value.Flow;
            var action = ObsAction.Merge;
            if (actionAt >= 0)
            {
                switch (V(actionAt).ToUpperInvariant())
                {
                    case "" or "I" or "A" or "R" or "M": break;
                    case "D": action = ObsAction.Delete; break;
                    default:
                        collector.Reject(line, $"the action '{SeriesCollector.Clip(V(actionAt))}' is not I, A, R or D");
                        continue;
                }
            }
            if (dims.FirstOrDefault(i => V(i).Length == 0, -1) is var empty and >= 0)
            {
                collector.Reject(line, $"the dimension {names[empty]} is empty: every dimension has a value in SDMX-CSV");
                continue;
            }
            Frequency? frequency = null;
            if (freqAt >= 0)
            {
                if (!SeriesCodes.TryFrequency(V(freqAt), out var fr))
                {
                    collector.Reject(line, $"unknown frequency '{SeriesCollector.Clip(V(freqAt))}' in {names[freqAt]}: the atlas reads A (annual), Q (quarterly) and M (monthly) series");
                    continue;
                }
                frequency = fr;
            }
            if (!SeriesPeriod.TryParse(V(timeAt), frequency, out var period, out var periodError))
            {
                collector.Reject(line, periodError!);
                continue;
            }
            var status = statusAt >= 0 && V(statusAt).Length > 0 ? V(statusAt) : null;
            double? value = null;
            if (action == ObsAction.Merge && !collector.TryValue(f[valueAt], status, line, out value)) continue;

            var series = last;
            var sameKey = series is not null;
            for (var k = 0; sameKey && k < dims.Count; k++) sameKey = V(dims[k]) == lastKey[k];
            if (series is null || !sameKey)
            {
                lastKey = dims.Select(V).ToArray();
                var dimensions = dims.Select((d, k) => KeyValuePair.Create(names[d], lastKey[k])).ToList();
                series = last = collector.SeriesOf(flow, dimensions, () => attrs.Where(i => V(i).Length > 0).ToDictionary(i => names[i], V),
                    nameAt >= 0 && V(nameAt).Length > 0 ? V(nameAt) : null, period.Frequency, line);
            }
            if (series.Frequency != period.Frequency)
            {
                collector.Reject(line, $"the period '{V(timeAt)}' is not of the frequency of the series' earlier periods ({series.Frequency.Code()}, line {series.FirstLine})");
                continue;
            }
            // an observation keeps the attributes that differ from its series' (most rows: none)
            Dictionary<string, string>? own = null;
            foreach (var i in attrs)
            {
                var v = V(i);
                if (v.Length > 0 && series.Attributes.GetValueOrDefault(names[i]) != v) (own ??= [])[names[i]] = v;
            }
            collector.Add(series, new ParsedObservation(period, value, status, own, line, action));
        }
        return collector.Result();
    }

    /// <summary>The code of a labelled header or value ("FREQ: Frequency" → "FREQ"), trimmed.</summary>
    private static string Code(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return (colon > 0 ? text[..colon] : text).Trim();
    }
}
