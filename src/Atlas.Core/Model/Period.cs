namespace Atlas.Model;

/// <summary>A calendar period a figure refers to: a year (2025) or a month (2025-05).</summary>
public readonly record struct Period : IComparable<Period>
{
    public int Year { get; }
    /// <summary>1–12, or null for a whole year.</summary>
    public int? Month { get; }

    private Period(int year, int? month) { Year = year; Month = month; }

    public static Period OfYear(int year) =>
        year is >= 1000 and <= 9999 ? new(year, null) : throw new ArgumentOutOfRangeException(nameof(year));

    public static Period OfMonth(int year, int month) =>
        year is >= 1000 and <= 9999 && month is >= 1 and <= 12
            ? new(year, month)
            : throw new ArgumentOutOfRangeException(nameof(month));

    public DateOnly Start => new(Year, Month ?? 1, 1);
    public DateOnly End => Month is int m ? new DateOnly(Year, m, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    public override string ToString() => Month is int m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";

    public int CompareTo(Period other) =>
        Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public static bool TryParse(string? text, out Period period, out string? error)
    {
        period = default;
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 4 && int.TryParse(s, out var y) && y >= 1000)
        {
            period = new(y, null);
            return true;
        }
        if (s.Length == 7 && s[4] == '-' && int.TryParse(s[..4], out y) && y >= 1000
            && int.TryParse(s[5..], out var m) && m is >= 1 and <= 12)
        {
            period = new(y, m);
            return true;
        }
        error = $"'{text}' is not a period: write a year (2025) or a month (2025-05)";
        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p, out var error) ? p : throw new FormatException(error);
}
