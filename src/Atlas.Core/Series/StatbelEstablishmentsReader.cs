using System.Text.Json;
using System.Text.RegularExpressions;
using Atlas.Text;

namespace Atlas.Series;

/// <summary>
/// A municipality as the name matcher needs it: its NIS code, its Dutch name, its other names, and for one merged
/// away on 1 January 2025 the municipality it is part of now.
/// </summary>
public sealed record MunicipalityName(int Nis, string Dutch, IReadOnlyList<string> OtherNames, int? MergedInto = null);

/// <summary>
/// Reads Statbel's "establishment units per municipality" (be.STAT, JSON: <c>{"facts": [{Gewest, Provincie,
/// Arrondissement, Gemeente, Kwartaal, Aantal vestigingseenheden}]}</c>): one quarterly series per municipality. The
/// file names municipalities in Dutch only, without NIS codes, so each name is matched to today's municipalities:
/// their Dutch names first (Saint-Nicolas is the one in Liège, not Sint-Niklaas), then their other names, then the
/// names of municipalities merged in 2025 (Bastenaken → Bastogne); case, accents, apostrophes and hyphens do not
/// matter. Every name that matches none is reported.
/// </summary>
public static partial class StatbelEstablishmentsReader
{
    public static readonly Dataflow Flow = new("STATBEL", "ESTABLISHMENT_UNITS", null);
    private const string ValueField = "Aantal vestigingseenheden";

    public static bool Recognises(string text) =>
        text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith('{') && text.Contains("\"facts\"", StringComparison.Ordinal)
        && text.Contains(ValueField, StringComparison.Ordinal);

    public static ReadResult Read(string file, byte[] utf8, IReadOnlyList<MunicipalityName> municipalities)
    {
        var collector = new SeriesCollector(file);
        var match = Matcher(municipalities);
        var lines = LineStarts(utf8);
        var unmatched = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unlocated = 0;
        var byNis = new Dictionary<int, string>();
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            if (!doc.RootElement.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Array)
                throw collector.Fatal(1, "the file has no \"facts\" list: Statbel's be.STAT export is {\"facts\": [ … ]}");
            // JsonDocument gives no positions: a second pass with the reader finds where each fact starts
            var starts = FactOffsets(utf8);
            var n = 0;
            foreach (var fact in facts.EnumerateArray())
            {
                var line = n < starts.Count ? LineOf(lines, starts[n]) : 0;
                n++;
                collector.Rows++;
                string? S(string name) => fact.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var name = S("Gemeente");
                if (name is null)
                {
                    unlocated++;
                    continue;
                }
                if (!TryQuarter(S("Kwartaal"), out var period))
                {
                    collector.Reject(line, $"the quarter '{S("Kwartaal")}' is not written as Statbel writes it ('4de kwartaal 2023')");
                    continue;
                }
                if (!fact.TryGetProperty(ValueField, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var value))
                {
                    collector.Reject(line, $"'{ValueField}' of {name} in {period} is not a number");
                    continue;
                }
                if (match(name) is not int nis)
                {
                    unmatched[name] = unmatched.GetValueOrDefault(name) + 1;
                    continue;
                }
                if (byNis.TryGetValue(nis, out var other) && other != name)
                {
                    collector.Reject(line, $"'{name}' and '{other}' both name the municipality {nis:D5}: correct one of them");
                    continue;
                }
                byNis[nis] = name;
                var dims = new List<KeyValuePair<string, string>> { new("FREQ", "Q"), new("REF_AREA", nis.ToString("D5")) };
                var series = collector.SeriesOf(Flow, dims, () => new Dictionary<string, string>
                {
                    ["UNIT_MEASURE"] = "NUMBER",
                    ["ADJUSTMENT"] = "NSA",
                    ["GEMEENTE"] = name,
                    ["ARRONDISSEMENT"] = S("Arrondissement") ?? "",
                    ["PROVINCIE"] = S("Provincie") ?? "",
                    ["GEWEST"] = S("Gewest") ?? "",
                }, name, Frequency.Quarterly, line);
                collector.Add(series, new ParsedObservation(period, value, null, null, line));
            }
        }
        catch (JsonException e)
        {
            throw collector.Fatal((int)(e.LineNumber ?? 0) + 1, $"the file is not valid JSON ({e.Message})");
        }
        if (unlocated > 0) collector.Note($"{unlocated} row(s) of an undetermined location (Onbepaalde locatie) left out: they are not a municipality");
        foreach (var (name, rows) in unmatched)
            collector.Note($"the name '{name}' matches no municipality of 2025: its {rows} row(s) were left out");
        return collector.Result();
    }

    /// <summary>Finds the NIS code of today's municipality that a Dutch name means, or null.</summary>
    public static Func<string, int?> Matcher(IReadOnlyList<MunicipalityName> municipalities)
    {
        var current = municipalities.Where(m => m.MergedInto is null).ToList();
        var levels = new[]
        {
            Index(current.Select(m => (m.Dutch, m.Nis))),
            Index(current.SelectMany(m => m.OtherNames.Select(n => (n, m.Nis)))),
            Index(municipalities.Where(m => m.MergedInto is not null)
                .SelectMany(m => m.OtherNames.Append(m.Dutch).Select(n => (n, m.MergedInto!.Value)))),
        };
        return name =>
        {
            var folded = Key(name);
            foreach (var level in levels)
                if (level.TryGetValue(folded, out var codes)) return codes.Count == 1 ? codes.First() : null;
            return null;
        };

        static Dictionary<string, HashSet<int>> Index(IEnumerable<(string Name, int Nis)> names)
        {
            var d = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var (name, nis) in names)
            {
                var key = Key(name);
                if (!d.TryGetValue(key, out var set)) d[key] = set = [];
                set.Add(nis);
            }
            return d;
        }
    }

    /// <summary>A name as matched: folded, and a hyphen the same as a space (Statbel's ’s Gravenbrakel is 's-Gravenbrakel).</summary>
    private static string Key(string name) => TextFolding.Fold(name).Replace('-', ' ');

    private static bool TryQuarter(string? text, out SeriesPeriod period)
    {
        period = default;
        var m = QuarterPattern().Match(text ?? "");
        if (!m.Success) return false;
        period = SeriesPeriod.Quarter(int.Parse(m.Groups["year"].Value), m.Groups["q"].Value[0] - '0');
        return true;
    }

    [GeneratedRegex(@"^(?<q>[1-4])(ste|de|e)? kwartaal (?<year>\d{4})$")]
    private static partial Regex QuarterPattern();

    /// <summary>The byte offset where each object of the "facts" list starts.</summary>
    private static List<long> FactOffsets(byte[] utf8)
    {
        var offsets = new List<long>();
        var reader = new Utf8JsonReader(utf8);
        int depth = 0, factsDepth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when depth == 1 && reader.ValueTextEquals("facts"u8):
                    factsDepth = 2;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.TokenType == JsonTokenType.StartObject && depth == factsDepth) offsets.Add(reader.TokenStartIndex);
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
            }
        }
        return offsets;
    }

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        var i = starts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }
}
