using System.Globalization;
using System.Text.RegularExpressions;

namespace Atlas.Series;

/// <summary>What an import needs to know of a series and may have to be told when the file does not say it.</summary>
public enum MetadataField { Adjustment, Unit }

/// <summary>A series whose file does not say its adjustment or unit, and nobody gave it.</summary>
public sealed record MissingMetadata(MetadataField Field, string SeriesId);

/// <summary>
/// Reads from a series' dimensions and attributes what the atlas needs to compare it with others: frequency,
/// seasonal adjustment, unit and base year, the measured concept, the place and the activity. What the file does not
/// say comes from the import's options; what it says and the options contradict is a conflict, never overridden.
/// A series whose adjustment was given (not read) carries it in its key, so that a CA and an SA import of the same
/// file stay two series.
/// </summary>
public static partial class SeriesDescriber
{
    private static readonly string[] AdjustmentNames = ["S_ADJ", "ADJUSTMENT", "SEASONAL_ADJUST", "ADJUST"];
    private static readonly string[] UnitNames = ["UNIT", "UNIT_MEASURE", "UNIT_MEAS"];
    private static readonly string[] BaseNames = ["BASE", "BASE_YEAR", "BASE_PER"];
    private static readonly string[] ConceptNames = ["INDIC_BT", "INDICATOR", "INDIC"];
    private static readonly string[] GeoNames = ["GEO", "REF_AREA", "COUNTRY"];
    private static readonly string[] ActivityNames = ["NACE_R2", "NACE", "ACTIVITY", "ECONOMIC_ACTIVITY"];

    /// <summary>Provider codes of the concepts the atlas compares (Eurostat PRD/PROD, the NBB's INDPROD…).</summary>
    private static readonly Dictionary<string, string> Concepts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PRD"] = "industrial-production", ["PROD"] = "industrial-production", ["INDPROD"] = "industrial-production",
        ["INDUSTRIAL_PROD"] = "industrial-production", ["STS_INPR_M"] = "industrial-production",
        ["ESTABLISHMENT_UNITS"] = "establishment-units",
    };

    public static SeriesDescriptor? Describe(ParsedSeries s, SeriesImportOptions options, List<MissingMetadata> missing, List<string> conflicts)
    {
        string? Find(string[] names) =>
            s.Dimensions.FirstOrDefault(d => names.Contains(d.Key, StringComparer.OrdinalIgnoreCase)).Value
            ?? s.Attributes.FirstOrDefault(a => names.Contains(a.Key, StringComparer.OrdinalIgnoreCase)).Value;
        var dims = s.Dimensions.ToList();
        var key = string.Join('.', dims.Select(d => d.Value));
        var label = $"{s.Dataflow.Agency}.{s.Dataflow.Id}.{key}";

        Adjustment? adjustment = null;
        if (Find(AdjustmentNames) is { } code)
        {
            if (!SeriesCodes.TryAdjustment(code, out var a))
                conflicts.Add($"the adjustment code '{code}' of {label} is not one the atlas knows (NSA, CA, SA, SCA; or N, W, C, S, Y)");
            else if (options.Adjustment is { } given && given != a)
                conflicts.Add($"{label} is {a} by its file, but the import was told {given}: the file's word stands; leave the adjustment out");
            else adjustment = a;
        }
        else if (options.Adjustment is { } given)
        {
            adjustment = given;
            dims.Add(new("ADJUSTMENT", given.ToString()));
        }
        else missing.Add(new MissingMetadata(MetadataField.Adjustment, label));

        var unit = Unit(Find(UnitNames) ?? options.Unit, Find(BaseNames), options.BaseYear);
        if (unit is null) missing.Add(new MissingMetadata(MetadataField.Unit, label));

        var geo = Given(Find(GeoNames), options.Geo, "place", label, conflicts);
        var activity = Given(Find(ActivityNames), options.Activity, "activity", label, conflicts);
        if (adjustment is null || unit is null) return null;

        var conceptCode = Find(ConceptNames) ?? s.Dataflow.Id;
        var concept = Concepts.GetValueOrDefault(conceptCode) ?? conceptCode.ToLowerInvariant().Replace('_', '-');
        key = string.Join('.', dims.Select(d => d.Value));
        // what the import was told joins the attributes, so that an SDMX-CSV download of the series says it too
        var attributes = new Dictionary<string, string>(s.Attributes);
        if (Find(GeoNames) is null && geo is not null) attributes["REF_AREA"] = geo;
        if (Find(ActivityNames) is null && activity is not null) attributes["ACTIVITY"] = activity;
        if (Find(UnitNames) is null) attributes["UNIT_MEASURE"] = unit.Code;
        return new SeriesDescriptor($"{s.Dataflow.Agency}.{s.Dataflow.Id}.{key}", s.Dataflow, key, s.Name, s.Frequency, adjustment.Value,
            unit, concept, geo, activity is null ? null : Activity(activity), dims, attributes);
    }

    private static string? Given(string? inFile, string? option, string what, string label, List<string> conflicts)
    {
        if (inFile is not null && option is not null && !string.Equals(inFile, option, StringComparison.OrdinalIgnoreCase))
            conflicts.Add($"the {what} of {label} is {inFile} by its file, but the import was told {option}: leave it out");
        return inFile ?? option;
    }

    /// <summary>
    /// The unit from its code: an index when a base year is known (I21, index_2021, 2021=100, or a BASE dimension),
    /// a year-on-year or period-on-period percentage change (Eurostat's PCH_SM, PCH_PRE), else a level.
    /// </summary>
    public static SeriesUnit? Unit(string? code, string? baseText, int? baseOption)
    {
        int? baseYear = Year(baseText) ?? BaseOf(code) ?? baseOption;
        if (code is null) return baseYear is int y ? SeriesUnit.Index(y) : null;
        var upper = code.ToUpperInvariant();
        if (upper.StartsWith("PCH_SM", StringComparison.Ordinal)) return new SeriesUnit(code, UnitKind.PercentChangeOnYear, null);
        if (upper.StartsWith("PCH_PRE", StringComparison.Ordinal)) return new SeriesUnit(code, UnitKind.PercentChangeOnPeriod, null);
        return baseYear is not null || upper.StartsWith("INDEX", StringComparison.Ordinal) || upper == "IX"
            ? new SeriesUnit(code, UnitKind.Index, baseYear)
            : new SeriesUnit(code, UnitKind.Level, null);
    }

    private static int? BaseOf(string? code)
    {
        if (code is null) return null;
        if (ShortIndex().Match(code) is { Success: true } m)
        {
            var yy = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return yy > 50 ? 1900 + yy : 2000 + yy;
        }
        return LongIndex().Match(code) is { Success: true } l
            ? int.Parse(l.Groups[1].Success ? l.Groups[1].Value : l.Groups[2].Value, CultureInfo.InvariantCulture)
            : null;
    }

    private static int? Year(string? text) =>
        text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1900 ? y : null;

    /// <summary>Consecutive NACE sections written as B_C_D, B+C+D or B-D are the aggregate B-D; other codes stay as written.</summary>
    public static string Activity(string code)
    {
        var parts = code.Split(['_', '+', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts.All(p => p.Length == 1 && char.IsAsciiLetterUpper(p[0])))
        {
            var consecutive = parts.Zip(parts.Skip(1)).All(x => x.Second[0] == x.First[0] + 1) || (parts.Length == 2 && parts[1][0] > parts[0][0]);
            if (consecutive) return $"{parts[0]}-{parts[^1]}";
        }
        return code;
    }

    [GeneratedRegex(@"^(?:I|CLV_I)(\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ShortIndex();

    [GeneratedRegex(@"^(?:INDEX_?(\d{4})|(\d{4}) ?= ?100)$", RegexOptions.IgnoreCase)]
    private static partial Regex LongIndex();
}
