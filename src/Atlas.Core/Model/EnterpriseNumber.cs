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

    public override string ToString() => KboDigits.Format(_digits);

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

    /// <summary>The number whose ten digits are <paramref name="digits"/> (202239951 → 0202.239.951), if it is one.</summary>
    public static bool TryFromDigits(long digits, out EnterpriseNumber number)
    {
        number = default;
        if (!KboDigits.IsEnterprise(digits) || !KboCheck.IsValid(digits)) return false;
        number = new EnterpriseNumber(digits);
        return true;
    }

    /// <summary>The ten digits as a number (202239951): how the register stores it.</summary>
    public long Value => _digits;
}

/// <summary>
/// The ten digits of a KBO/BCE number as the register stores them, in a <see cref="long"/> (0202.239.951 → 202239951):
/// the first digit says what they number (0 or 1 an enterprise, 2 to 8 an establishment unit; a branch's Id has ten
/// digits too) and how the register writes them. The one place for these rules: <see cref="EnterpriseNumber"/>,
/// <see cref="EstablishmentNumber"/> and the register's reader all ask here.
/// </summary>
public static class KboDigits
{
    private const long FirstEstablishment = 2_000_000_000;

    public static bool IsEnterprise(long digits) => digits is >= 0 and < FirstEstablishment;

    public static bool IsEstablishment(long digits) => digits is >= FirstEstablishment and <= 8_999_999_999;

    /// <summary>0202.239.951 for an enterprise, 2.190.171.611 for an establishment unit or a branch.</summary>
    public static string Format(long digits)
    {
        var d = digits.ToString("D10");
        return IsEnterprise(digits) ? $"{d[..4]}.{d[4..7]}.{d[7..]}" : $"{d[..1]}.{d[1..4]}.{d[4..7]}.{d[7..]}";
    }
}

/// <summary>The check of KBO/BCE numbers: the last two of the ten digits are 97 − (the first eight mod 97).</summary>
public static class KboCheck
{
    public static bool IsValid(long tenDigits) => tenDigits % 100 == 97 - tenDigits / 100 % 97;

    /// <summary>The two check digits of an eight-digit body.</summary>
    public static int CheckDigits(long body) => (int)(97 - body % 97);
}

/// <summary>
/// A KBO/BCE establishment unit number: ten digits starting with 2 to 8, the last two a mod-97 check of the first
/// eight, like an enterprise number. Written as the register publishes it: 2.190.171.611.
/// </summary>
public readonly record struct EstablishmentNumber
{
    private readonly long _digits;
    private EstablishmentNumber(long digits) => _digits = digits;

    public long Value => _digits;
    public string Digits => _digits.ToString("D10");
    public override string ToString() => KboDigits.Format(_digits);

    public static bool TryFromDigits(long digits, out EstablishmentNumber number)
    {
        number = default;
        if (!KboDigits.IsEstablishment(digits) || !KboCheck.IsValid(digits)) return false;
        number = new EstablishmentNumber(digits);
        return true;
    }

    /// <summary>Accepts 2.190.171.611 or 2190171611; rejects other lengths, a first digit outside 2–8 and a failed check.</summary>
    public static bool TryParse(string? text, out EstablishmentNumber number, out string? error)
    {
        number = default;
        error = null;
        var digits = new System.Text.StringBuilder(10);
        foreach (var c in (text ?? "").Trim())
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is '.' or ' ') continue;
            else { error = $"'{text}' is not an establishment unit number: only digits and dots are allowed"; return false; }
        }
        if (digits.Length != 10) { error = $"'{text}' is not an establishment unit number: it needs 10 digits, it has {digits.Length}"; return false; }
        var value = long.Parse(digits.ToString());
        if (KboDigits.IsEnterprise(value)) { error = $"'{text}' is not an establishment unit number: it starts with 2 to 8 (0 or 1 is an enterprise number)"; return false; }
        if (!KboDigits.IsEstablishment(value)) { error = $"'{text}' is not an establishment unit number: it starts with 2 to 8 (9 is a branch's Id)"; return false; }
        if (!KboCheck.IsValid(value)) { error = $"'{text}' fails the mod-97 check: its last two digits should be {KboCheck.CheckDigits(value / 100):D2}"; return false; }
        number = new EstablishmentNumber(value);
        return true;
    }

    public static EstablishmentNumber Parse(string text) =>
        TryParse(text, out var n, out var error) ? n : throw new FormatException(error);
}
