using System.Globalization;

namespace Atlas.Series;

/// <summary>
/// The period of an observation: a year (2025), a quarter (2025-Q2) or a month (2025-05). It carries its frequency,
/// so that a monthly value is never compared with a quarterly one by accident, and it counts in periods
/// (<see cref="Plus"/>) for the derived measures.
/// </summary>
public readonly record struct SeriesPeriod : IComparable<SeriesPeriod>
{
    public Frequency Frequency { get; }
    public int Year { get; }
    /// <summary>1 for a year, 1–4 for a quarter, 1–12 for a month.</summary>
    public int Number { get; }

    private SeriesPeriod(Frequency frequency, int year, int number) => (Frequency, Year, Number) = (frequency, year, number);

    public static SeriesPeriod OfYear(int year) => Create(Frequency.Annual, year, 1);
    public static SeriesPeriod Quarter(int year, int quarter) => Create(Frequency.Quarterly, year, quarter);
    public static SeriesPeriod Month(int year, int month) => Create(Frequency.Monthly, year, month);

    private static SeriesPeriod Create(Frequency f, int year, int number) =>
        year is >= 1000 and <= 9999 && number >= 1 && number <= f.PerYear()
            ? new(f, year, number)
            : throw new ArgumentOutOfRangeException(nameof(number), $"{year}/{number} is not a {f} period");

    /// <summary>The period of a frequency that holds a day: 2025-05-17 is in 2025-05, 2025-Q2 and 2025.</summary>
    public static SeriesPeriod Containing(DateOnly day, Frequency frequency) => frequency switch
    {
        Frequency.Annual => OfYear(day.Year),
        Frequency.Quarterly => Quarter(day.Year, (day.Month + 2) / 3),
        _ => Month(day.Year, day.Month),
    };

    /// <summary>Periods since year 0: consecutive periods differ by one.</summary>
    public int Ordinal => Year * Frequency.PerYear() + Number - 1;

    public SeriesPeriod Plus(int periods)
    {
        var per = Frequency.PerYear();
        var ordinal = Ordinal + periods;
        return Create(Frequency, Math.DivRem(ordinal, per, out var rest), rest + 1);
    }

    public DateOnly Start => new(Year, Frequency switch { Frequency.Quarterly => Number * 3 - 2, Frequency.Monthly => Number, _ => 1 }, 1);
    public DateOnly End => Start.AddMonths(12 / Frequency.PerYear()).AddDays(-1);

    /// <summary>SDMX's forms: <c>2025</c>, <c>2025-Q2</c>, <c>2025-05</c>. They sort in time order within a frequency.</summary>
    public override string ToString() => Frequency switch
    {
        Frequency.Annual => Year.ToString("D4", CultureInfo.InvariantCulture),
        Frequency.Quarterly => $"{Year:D4}-Q{Number}",
        _ => $"{Year:D4}-{Number:D2}",
    };

    public int CompareTo(SeriesPeriod other) =>
        Start != other.Start ? Start.CompareTo(other.Start) : other.Frequency.PerYear().CompareTo(Frequency.PerYear());

    public static bool operator <(SeriesPeriod a, SeriesPeriod b) => a.CompareTo(b) < 0;
    public static bool operator >(SeriesPeriod a, SeriesPeriod b) => a.CompareTo(b) > 0;
    public static bool operator <=(SeriesPeriod a, SeriesPeriod b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SeriesPeriod a, SeriesPeriod b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// Reads the SDMX period formats the atlas knows: <c>2025</c> and <c>2025-A1</c> (a year), <c>2025-Q2</c> and
    /// <c>2025Q2</c> (a quarter), <c>2025-05</c>, <c>2025-M05</c> and <c>2025M05</c> (a month). With
    /// <paramref name="expected"/>, the period must be of that frequency.
    /// </summary>
    public static bool TryParse(string? text, Frequency? expected, out SeriesPeriod period, out string? error)
    {
        period = default;
        error = null;
        var s = text?.Trim() ?? "";
        SeriesPeriod? p = null;
        if (s.Length >= 4 && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1000)
        {
            var rest = s[4..];
            if (rest.StartsWith('-')) rest = rest[1..];
            else if (rest.Length > 0 && !char.IsLetter(rest[0])) rest = "?";
            if (s.Length == 4 || rest is "A1" or "A") p = OfYear(year);
            else if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4') p = Quarter(year, rest[1] - '0');
            else if (TwoDigits(rest.StartsWith('M') ? rest[1..] : rest) is int m and >= 1 and <= 12 && rest.Length is 2 or 3) p = Month(year, m);
        }
        if (p is not { } parsed)
        {
            error = $"'{Clip(s)}' is not a period the atlas reads: write a year (2025), a quarter (2025-Q2) or a month (2025-05)";
            return false;
        }
        if (expected is { } f && parsed.Frequency != f)
        {
            error = $"the period '{s}' is {Describe(parsed.Frequency)}, but the frequency of the series is {f.Code()}: " +
                    $"write {Describe(f)} as {Example(f)}";
            return false;
        }
        period = parsed;
        return true;
    }

    /// <summary>
    /// Reads a period in the form <see cref="ToString"/> writes, as the store keeps them: digits at fixed places, no
    /// search for a format (a page reads hundreds of them).
    /// </summary>
    public static SeriesPeriod FromStored(string text, Frequency frequency)
    {
        var year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        return frequency switch
        {
            Frequency.Annual => OfYear(year),
            Frequency.Quarterly => Quarter(year, text[6] - '0'),
            _ => Month(year, (text[5] - '0') * 10 + (text[6] - '0')),
        };
    }

    public static SeriesPeriod Parse(string text, Frequency? expected = null) =>
        TryParse(text, expected, out var p, out var error) ? p : throw new FormatException(error);

    private static int? TwoDigits(string digits) =>
        digits.Length == 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Describe(Frequency f) => f switch { Frequency.Annual => "a year", Frequency.Quarterly => "a quarter", _ => "a month" };
    private static string Example(Frequency f) => f switch { Frequency.Annual => "2025", Frequency.Quarterly => "2025-Q2", _ => "2025-05" };
    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
