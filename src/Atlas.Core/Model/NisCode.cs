namespace Atlas.Model;

/// <summary>
/// A REFNIS (NIS/INS) code of Statbel: five digits. 01000 is the Kingdom, 0X000 a region, X0000 a province,
/// XY000 an arrondissement, any other code a municipality (44021 Ghent).
/// </summary>
public readonly record struct NisCode
{
    private readonly int _value;
    private NisCode(int value) => _value = value;

    public int Value => _value;
    public override string ToString() => _value.ToString("D5");

    /// <summary>A municipality: any code but the Kingdom, a region, a province or an arrondissement (XY000), and the two Brabant provinces, whose codes (20001, 20002) are not round.</summary>
    public bool IsMunicipality => IsMunicipalityCode(_value);

    /// <summary>The municipality rule on a code as a number (44021); see <see cref="IsMunicipality"/>.</summary>
    public static bool IsMunicipalityCode(int code) => code % 1000 != 0 && code is not (20001 or 20002);

    /// <summary>The arrondissement a municipality code belongs to: its first two digits followed by 000.</summary>
    public NisCode Arrondissement => new(_value / 1000 * 1000);

    public static bool TryParse(string? text, out NisCode code, out string? error)
    {
        code = default;
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length != 5 || !s.All(char.IsAsciiDigit))
        {
            error = $"'{text}' is not a NIS code: it needs exactly 5 digits (44021)";
            return false;
        }
        var v = int.Parse(s);
        if (v == 0) { error = "00000 is not a NIS code"; return false; }
        code = new NisCode(v);
        return true;
    }

    public static bool TryParse(string? text, out NisCode code) => TryParse(text, out code, out _);

    public static NisCode Parse(string text) =>
        TryParse(text, out var c, out var error) ? c : throw new FormatException(error);
}
