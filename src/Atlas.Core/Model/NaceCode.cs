using System.Text.RegularExpressions;

namespace Atlas.Model;

/// <summary>The NACE level a figure is computed at: section (C), division (26), group (26.1) or class (26.11).</summary>
public enum NaceLevel { Section, Division, Group, Class }

/// <summary>
/// A NACE-BEL code as the register writes it: digits only, 5 (sub-class, 62010) or 7 (national detail, 0111001).
/// Its class is its first four digits, its group three, its division two. The first four digits of NACE-BEL 2008 are
/// NACE Rev. 2, of NACE-BEL 2025 NACE Rev. 2.1.
/// </summary>
public readonly partial record struct NaceCode(int Value, byte Digits)
{
    public override string ToString() => Value.ToString("D" + Digits);

    /// <summary>The class (first four digits) as a number: 6201 for 62010, 111 for 0111001.</summary>
    public int Class => Digits >= 4 ? (int)(Value / Pow10(Digits - 4)) : -1;

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    [GeneratedRegex(@"^([A-U]|\d{2}(\.\d{1,2})?)$")]
    private static partial Regex Written();

    /// <summary>A code as data files write it: a section letter (C), a division (26), a group (26.1) or a class (26.11).</summary>
    public static bool IsWellFormed(string code) => Written().IsMatch(code);

    /// <summary>
    /// Whether a code as data files write it (a section letter, 62, 62.0 or 62.01) holds a NACE class (6201) — the one
    /// prefix rule of the atlas. A section letter needs <paramref name="sectionOfDivision"/>; without it, it holds nothing.
    /// </summary>
    public static bool Covers(string code, int cls, Func<int, string?>? sectionOfDivision = null)
    {
        var digits = code.Replace(".", "");
        if (digits.Length == 1 && char.IsAsciiLetterUpper(digits[0])) return sectionOfDivision?.Invoke(cls / 100) == digits;
        return cls.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).StartsWith(digits, StringComparison.Ordinal);
    }

    /// <summary>The code of a class at a level: 6201 → "J" (with the sections), "62", "620", "6201".</summary>
    public static string At(NaceLevel level, int cls, Func<int, string?> sectionOfDivision) => level switch
    {
        NaceLevel.Section => sectionOfDivision(cls / 100) ?? "?",
        NaceLevel.Division => (cls / 100).ToString("D2"),
        NaceLevel.Group => (cls / 10).ToString("D3"),
        _ => cls.ToString("D4"),
    };
}
