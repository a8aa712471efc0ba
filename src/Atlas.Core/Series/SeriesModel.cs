namespace Atlas.Series;

/// <summary>How often a series has a value. The atlas reads annual, quarterly and monthly series.</summary>
public enum Frequency { Annual, Quarterly, Monthly }

/// <summary>
/// What a series has been adjusted for: NSA neither, CA calendar (working days) only, SA seasonal only, SCA both.
/// Eurostat computes year-on-year rates from CA data and period-on-period rates from SCA data, so the same month can
/// show different changes on different series: the atlas never mixes them.
/// </summary>
public enum Adjustment { NSA, CA, SA, SCA }

/// <summary>What a series' numbers are: an index (base year = 100), a level (a count), or a rate of change in percent.</summary>
public enum UnitKind { Index, Level, PercentChangeOnYear, PercentChangeOnPeriod }

/// <summary>The unit of a series: the code as published (I21, index_2021, NUMBER), what kind it is, and the base year of an index.</summary>
public sealed record SeriesUnit(string Code, UnitKind Kind, int? BaseYear)
{
    public static SeriesUnit Index(int baseYear, string? code = null) => new(code ?? $"INDEX_{baseYear}", UnitKind.Index, baseYear);
    public static SeriesUnit Count(string code = "NUMBER") => new(code, UnitKind.Level, null);
}

/// <summary>A dataflow as SDMX writes it: <c>ESTAT:STS_INPR_M(1.0)</c> — agency, id and version.</summary>
public sealed record Dataflow(string Agency, string Id, string? Version)
{
    public override string ToString() => Version is null ? $"{Agency}:{Id}" : $"{Agency}:{Id}({Version})";

    /// <summary>Reads <c>AGENCY:ID(VERSION)</c>, <c>AGENCY:ID</c> or <c>AGENCY,ID,VERSION</c> (the REST form).</summary>
    public static bool TryParse(string text, out Dataflow flow)
    {
        flow = null!;
        var s = text.Trim();
        string agency, rest;
        if (s.Split(',') is [var a, var i, var v] && a.Length > 0 && i.Length > 0)
        {
            flow = new Dataflow(a.Trim(), i.Trim(), v.Trim().Length > 0 ? v.Trim() : null);
            return true;
        }
        var colon = s.IndexOf(':');
        if (colon <= 0) return false;
        (agency, rest) = (s[..colon], s[(colon + 1)..]);
        string? version = null;
        var open = rest.IndexOf('(');
        if (open >= 0)
        {
            if (!rest.EndsWith(')')) return false;
            version = rest[(open + 1)..^1];
            rest = rest[..open];
        }
        if (rest.Length == 0 || rest.Any(char.IsWhiteSpace) || agency.Any(char.IsWhiteSpace)) return false;
        flow = new Dataflow(agency, rest, version);
        return true;
    }
}

/// <summary>
/// What a series is, as the importer found it: identity (dataflow and key), every dimension and attribute as
/// published, and what the atlas reads from them (frequency, adjustment, unit, the measured concept, place, activity).
/// </summary>
/// <param name="Id">the dataflow's agency and id and the key: <c>ESTAT.STS_INPR_M.M.PRD.B-D.CA.I21.BE</c></param>
/// <param name="Concept">what is measured, in the atlas's words: <c>industrial-production</c>, <c>establishment-units</c></param>
/// <param name="Geo">the place: a country code (BE) or a NIS code (44021)</param>
/// <param name="Activity">the activity covered: a NACE aggregate such as <c>B-D</c> (industry without construction)</param>
public sealed record SeriesDescriptor(
    string Id, Dataflow Dataflow, string Key, string? Name, Frequency Frequency, Adjustment Adjustment, SeriesUnit Unit,
    string Concept, string? Geo, string? Activity,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions, IReadOnlyDictionary<string, string> Attributes);

/// <summary>One import: where the values came from, when they were fetched and when they were imported.</summary>
public sealed record Vintage(long Id, string Source, DateTimeOffset FetchedAt, DateTimeOffset ImportedAt, IReadOnlyList<string> Notes);

/// <summary>A series as the store holds it: what it is, its span, its latest vintage and how many values were revised.</summary>
public sealed record SeriesInfo(SeriesDescriptor Descriptor, SeriesPeriod? First, SeriesPeriod? Last, int Count, int Revisions,
    Vintage FirstVintage, Vintage LastVintage)
{
    public string Id => Descriptor.Id;
    public Frequency Frequency => Descriptor.Frequency;
    public Adjustment Adjustment => Descriptor.Adjustment;
    public SeriesUnit Unit => Descriptor.Unit;
}

/// <summary>One value: its period, the number (null when missing, with a status saying why) and the status flag.</summary>
public sealed record Observation(SeriesPeriod Period, double? Value, string? Status);

/// <summary>A value that a later vintage replaced: what it was, in which vintage, and which vintage replaced it.</summary>
public sealed record Revision(SeriesPeriod Period, double? Value, string? Status, Vintage Vintage, Vintage ReplacedBy, double? Current);

/// <summary>Codes of frequencies and adjustments as providers write them.</summary>
public static class SeriesCodes
{
    public static string Code(this Frequency f) => f switch { Frequency.Annual => "A", Frequency.Quarterly => "Q", _ => "M" };

    public static int PerYear(this Frequency f) => f switch { Frequency.Annual => 1, Frequency.Quarterly => 4, _ => 12 };

    public static bool TryFrequency(string? code, out Frequency frequency)
    {
        frequency = Frequency.Monthly;
        switch (code?.Trim().ToUpperInvariant())
        {
            case "A": frequency = Frequency.Annual; return true;
            case "Q": frequency = Frequency.Quarterly; return true;
            case "M": frequency = Frequency.Monthly; return true;
            default: return false;
        }
    }

    /// <summary>
    /// Eurostat's codes (NSA, CA, SA, SCA) and those of the ECB and the NBB (N neither, W or C working-day/calendar
    /// adjusted, S seasonally, Y seasonally and working-day adjusted).
    /// </summary>
    public static bool TryAdjustment(string? code, out Adjustment adjustment)
    {
        adjustment = Adjustment.NSA;
        switch (code?.Trim().ToUpperInvariant())
        {
            case "NSA" or "N": adjustment = Adjustment.NSA; return true;
            case "CA" or "W" or "C": adjustment = Adjustment.CA; return true;
            case "SA" or "S": adjustment = Adjustment.SA; return true;
            case "SCA" or "Y": adjustment = Adjustment.SCA; return true;
            default: return false;
        }
    }
}
