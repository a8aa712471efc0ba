using System.Globalization;

namespace Atlas.Series;

/// <summary>
/// Reads the simple CSV of the shipped NBB series (an export of NBB.Stat by a public pipeline):
/// <c>indicator_code,name,period,value,obs_status,unit,source_agency,fetched_at</c>, one series per indicator code.
/// The frequency follows from the periods (2010-01: monthly); the unit says the base of an index (index_2021);
/// the seasonal adjustment is not in the file, so the import must be told it. The latest <c>fetched_at</c> is the
/// vintage's date.
/// </summary>
public static class NbbCsvReader
{
    private static readonly string[] Required = ["indicator_code", "period", "value"];

    public static bool Recognises(string firstLine) =>
        firstLine.TrimStart('\uFEFF', '"').StartsWith("indicator_code", StringComparison.OrdinalIgnoreCase);

    public static ReadResult Read(string file, string text)
    {
        var collector = new SeriesCollector(file);
        using var rows = CsvRows.Read(new StringReader(text), ',').GetEnumerator();
        if (!rows.MoveNext()) throw collector.Fatal(1, "the file is empty");
        var names = rows.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (Required.FirstOrDefault(r => !names.Contains(r)) is { } missing)
            throw collector.Fatal(1, $"the header has no '{missing}' column: the NBB's CSV has indicator_code, name, period, value, obs_status, unit, source_agency, fetched_at");
        int At(string name) => Array.IndexOf(names, name);
        var (codeAt, nameAt, periodAt, valueAt) = (At("indicator_code"), At("name"), At("period"), At("value"));
        var (statusAt, unitAt, agencyAt, fetchedAt) = (At("obs_status"), At("unit"), At("source_agency"), At("fetched_at"));
        var frequencies = new Dictionary<string, (Frequency Frequency, int Line, string Text)>(StringComparer.Ordinal);

        while (rows.MoveNext())
        {
            var (line, f) = (rows.Current.Line, rows.Current.Fields);
            collector.Rows++;
            if (f.Length != names.Length)
            {
                collector.Reject(line, $"{f.Length} field(s) where the header (line 1) has {names.Length}: a value, a comma or a quote is missing or extra");
                continue;
            }
            string? V(int i) => i >= 0 && f[i].Trim().Length > 0 ? f[i].Trim() : null;
            if (V(codeAt) is not { } code)
            {
                collector.Reject(line, "the indicator_code is empty: it names the series");
                continue;
            }
            // the first row of a series sets its frequency; a later period of another frequency does not fit it
            var known = frequencies.TryGetValue(code, out var first) ? first.Frequency : (Frequency?)null;
            if (!SeriesPeriod.TryParse(V(periodAt), known, out var period, out var error))
            {
                collector.Reject(line, known is null ? error! : $"{error} (the series' first row, line {first.Line}, is {first.Text})");
                continue;
            }
            frequencies.TryAdd(code, (period.Frequency, line, V(periodAt)!));
            var status = V(statusAt);
            if (!collector.TryValue(f[valueAt], status, line, out var value)) continue;
            if (V(fetchedAt) is { } fetched)
            {
                if (!DateTimeOffset.TryParse(fetched, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    collector.Reject(line, $"fetched_at '{SeriesCollector.Clip(fetched)}' is not a date and time (2026-08-22T05:21:27Z)");
                    continue;
                }
                if (collector.FetchedAt is null || at > collector.FetchedAt) collector.FetchedAt = at;
            }
            var agency = V(agencyAt) ?? "NBB";
            var attributes = new Dictionary<string, string>();
            if (V(unitAt) is { } unit) attributes["UNIT_MEASURE"] = unit;
            attributes["SOURCE_AGENCY"] = agency;
            var dims = new List<KeyValuePair<string, string>> { new("FREQ", period.Frequency.Code()) };
            var series = collector.SeriesOf(new Dataflow(agency, code, null), dims, () => attributes, V(nameAt), period.Frequency, line);
            var own = attributes.Where(a => series.Attributes.GetValueOrDefault(a.Key) != a.Value).ToDictionary();
            collector.Add(series, new ParsedObservation(period, value, status, own.Count > 0 ? own : null, line));
        }
        return collector.Result();
    }
}
