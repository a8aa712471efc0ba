namespace Atlas.Model;

/// <summary>
/// A KBO/BCE enterprise number: ten digits whose last two are 97 − (first eight mod 97).
/// It cannot hold an invalid number: the only way in is <see cref="TryParse"/> or <see cref="Parse"/>.
/// Written with dots as the register publishes it (0202.239.951).
/// </summary>
public readonly record struct EnterpriseNumber
{
    private readonly long _digits;

    private EnterpriseNumber(long digits) => _digits = digits;

    /// <summary>The ten digits without separators, zero-padded (0202239951).</summary>
    public string Digits => _digits.ToString("D10");

    public override string ToString() => $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";

    /// <summary>Accepts 0202.239.951, 0202 239 951, 202239951, BE0202239951; rejects a failed check.</summary>
    public static bool TryParse(string? text, out EnterpriseNumber number, out string? error)
    {
        number = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "an enterprise number is empty"; return false; }
        var s = text.Trim();
        if (s.StartsWith("BE", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        var digits = new System.Text.StringBuilder(10);
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is '.' or ' ' or '-') continue;
            else { error = $"'{text}' is not an enterprise number: only digits, dots and spaces are allowed"; return false; }
        }
        if (digits.Length == 9) digits.Insert(0, '0'); // old numbers are often written without the leading 0
        if (digits.Length != 10) { error = $"'{text}' is not an enterprise number: it needs 10 digits, it has {digits.Length}"; return false; }
        if (digits[0] is not ('0' or '1')) { error = $"'{text}' is not an enterprise number: it starts with 0 or 1 (2 is an establishment unit number)"; return false; }
        var value = long.Parse(digits.ToString());
        var body = value / 100;
        var check = value % 100;
        var expected = 97 - body % 97;
        if (check != expected)
        {
            error = $"'{text}' fails the mod-97 check: its last two digits should be {expected:D2}, not {check:D2}";
            return false;
        }
        number = new EnterpriseNumber(value);
        return true;
    }

    public static bool TryParse(string? text, out EnterpriseNumber number) => TryParse(text, out number, out _);

    public static EnterpriseNumber Parse(string text) =>
        TryParse(text, out var n, out var error) ? n : throw new FormatException(error);
}
