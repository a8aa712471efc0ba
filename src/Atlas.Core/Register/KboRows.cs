using System.Diagnostics.CodeAnalysis;
using Atlas.Model;

namespace Atlas.Register;

/// <summary>Parsers of the values of an extract, from the bytes of a field (no allocation for numbers and dates).</summary>
public static class KboValues
{
    /// <summary>A number of ten digits, with or without dots (0202.239.951, 2.190.171.611).</summary>
    public static bool TryNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var digits = 0;
        foreach (var b in field)
        {
            if (b == (byte)'.') continue;
            var d = b - (byte)'0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
            digits++;
        }
        return digits == 10;
    }

    /// <summary>A date written dd-mm-yyyy.</summary>
    public static bool TryDate(ReadOnlySpan<byte> f, out DateOnly date)
    {
        date = default;
        if (f.Length != 10 || f[2] != (byte)'-' || f[5] != (byte)'-') return false;
        if (!TryDigits(f[..2], out var d) || !TryDigits(f.Slice(3, 2), out var m) || !TryDigits(f[6..], out var y)) return false;
        if (m is < 1 or > 12 || d < 1 || y < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Digits only (leading zeros allowed: "001" → 1).</summary>
    public static bool TryDigits(ReadOnlySpan<byte> f, out int value)
    {
        value = 0;
        if (f.IsEmpty || f.Length > 9) return false;
        foreach (var b in f)
        {
            var d = b - (byte)'0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}

/// <summary>
/// Turns a row of each file into its typed record, checking every value as the Cookbook defines it. On a problem
/// it returns false with a message naming the column and what was expected (the caller adds file:line).
/// </summary>
public static class KboRows
{
    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }

    private static bool RowOk(KboCsvReader r, out string error)
    {
        error = r.RowError ?? "";
        return r.RowError is null;
    }

    // Numbers are read from the field's bytes by KboValues.TryNumber, not through EnterpriseNumber.TryParse: the
    // 46.8 million rows of a full dump must not cost a string each. What the digits may be is the Model's rule.

    /// <summary>An enterprise number (0/1 first, mod-97 checked).</summary>
    public static bool TryEnterpriseNumber(ReadOnlySpan<byte> f, string column, out long number, out string error)
    {
        error = "";
        if (!KboValues.TryNumber(f, out number) || !KboDigits.IsEnterprise(number))
            return Fail(out error, $"{column} '{Text(f)}' is not an enterprise number (ten digits starting with 0 or 1, as 0202.239.951)");
        if (!EnterpriseNumber.TryFromDigits(number, out _))
            return Fail(out error, $"{column} '{Text(f)}' fails the mod-97 check");
        return true;
    }

    /// <summary>The number of an enterprise (0/1, mod-97 checked), establishment unit or branch (ten digits).</summary>
    public static bool TryEntityNumber(ReadOnlySpan<byte> f, string column, out long number, out string error)
    {
        error = "";
        if (!KboValues.TryNumber(f, out number))
            return Fail(out error, $"{column} '{Text(f)}' is not an entity number (ten digits, as 0202.239.951 or 2.190.171.611)");
        if (KboDigits.IsEnterprise(number) && !EnterpriseNumber.TryFromDigits(number, out _))
            return Fail(out error, $"{column} '{Text(f)}' fails the mod-97 check of enterprise numbers");
        return true;
    }

    private static bool TryDate(KboCsvReader r, int i, string column, out DateOnly date, out string error)
    {
        error = "";
        if (KboValues.TryDate(r.Field(i), out date)) return true;
        return Fail(out error, $"{column} '{Text(r.Field(i))}' is not a date written dd-mm-yyyy");
    }

    private static bool Required(KboCsvReader r, int i, string column, out string value, out string error)
    {
        error = "";
        value = r.String(i) ?? "";
        if (value.Length > 0) return true;
        return Fail(out error, $"{column} is empty");
    }

    public static bool TryEnterprise(KboCsvReader r, out EnterpriseRow row, out string error)
    {
        row = default;
        if (!RowOk(r, out error)) return false;
        if (!TryEnterpriseNumber(r.Field(0), "EnterpriseNumber", out var number, out error)) return false;
        if (!Required(r, 1, "Status", out var status, out error)) return false;
        if (!Required(r, 2, "JuridicalSituation", out var situation, out error)) return false;
        if (!Required(r, 3, "TypeOfEnterprise", out var type, out error)) return false;
        if (!TryDate(r, 6, "StartDate", out var start, out error)) return false;
        row = new EnterpriseRow(number, status, situation, type, r.String(4), r.String(5), start);
        return true;
    }

    public static bool TryEstablishment(KboCsvReader r, out EstablishmentRow row, out string error)
    {
        row = default;
        if (!RowOk(r, out error)) return false;
        if (!KboValues.TryNumber(r.Field(0), out var number) || !KboDigits.IsEstablishment(number))
            return Fail(out error, $"EstablishmentNumber '{Text(r.Field(0))}' is not an establishment unit number (ten digits starting with 2 to 8, as 2.190.171.611)");
        if (!EstablishmentNumber.TryFromDigits(number, out _)) return Fail(out error, $"EstablishmentNumber '{Text(r.Field(0))}' fails the mod-97 check");
        if (!TryDate(r, 1, "StartDate", out var start, out error)) return false;
        if (!TryEnterpriseNumber(r.Field(2), "EnterpriseNumber", out var enterprise, out error)) return false;
        row = new EstablishmentRow(number, start, enterprise);
        return true;
    }

    public static bool TryBranch(KboCsvReader r, out BranchRow row, out string error)
    {
        row = default;
        if (!RowOk(r, out error)) return false;
        if (!KboValues.TryNumber(r.Field(0), out var id)) return Fail(out error, $"Id '{Text(r.Field(0))}' is not a branch number (ten digits)");
        if (!TryDate(r, 1, "StartDate", out var start, out error)) return false;
        if (!TryEnterpriseNumber(r.Field(2), "EnterpriseNumber", out var enterprise, out error)) return false;
        row = new BranchRow(id, start, enterprise);
        return true;
    }

    public static bool TryDenomination(KboCsvReader r, [MaybeNullWhen(false)] out DenominationRow row, out string error)
    {
        row = null;
        if (!RowOk(r, out error)) return false;
        if (!TryEntityNumber(r.Field(0), "EntityNumber", out var entity, out error)) return false;
        if (!KboValues.TryDigits(r.Field(1), out var language) || language > 4)
            return Fail(out error, $"Language '{Text(r.Field(1))}' is not a language code (0 unknown, 1 FR, 2 NL, 3 DE, 4 EN)");
        if (!Required(r, 2, "TypeOfDenomination", out var type, out error)) return false;
        if (!Required(r, 3, "Denomination", out var name, out error)) return false;
        row = new DenominationRow(entity, language, type, name);
        return true;
    }

    public static bool TryAddress(KboCsvReader r, [MaybeNullWhen(false)] out AddressRow row, out string error)
    {
        row = null;
        if (!RowOk(r, out error)) return false;
        if (!TryEntityNumber(r.Field(0), "EntityNumber", out var entity, out error)) return false;
        if (!Required(r, 1, "TypeOfAddress", out var type, out error)) return false;
        DateOnly? striking = null;
        if (!r.IsEmpty(12))
        {
            if (!TryDate(r, 12, "DateStrikingOff", out var d, out error)) return false;
            striking = d;
        }
        row = new AddressRow(entity, type, r.String(2), r.String(3), r.String(4), r.String(5), r.String(6), r.String(7), r.String(8),
            r.String(9), r.String(10), r.String(11), striking);
        return true;
    }

    public static bool TryContact(KboCsvReader r, [MaybeNullWhen(false)] out ContactRow row, out string error)
    {
        row = null;
        if (!RowOk(r, out error)) return false;
        if (!TryEntityNumber(r.Field(0), "EntityNumber", out var entity, out error)) return false;
        if (!Required(r, 1, "EntityContact", out var entityContact, out error)) return false;
        if (!Required(r, 2, "ContactType", out var type, out error)) return false;
        if (!Required(r, 3, "Value", out var value, out error)) return false;
        row = new ContactRow(entity, entityContact, type, value);
        return true;
    }

    public static bool TryActivity(KboCsvReader r, out ActivityRow row, out string error)
    {
        row = default;
        if (!RowOk(r, out error)) return false;
        if (!TryEntityNumber(r.Field(0), "EntityNumber", out var entity, out error)) return false;
        if (!KboValues.TryDigits(r.Field(1), out var group) || r.Field(1).Length != 3)
            return Fail(out error, $"ActivityGroup '{Text(r.Field(1))}' is not a three-digit group (001)");
        if (!KboValues.TryDigits(r.Field(2), out var version) || !NaceVersions.IsValid(version))
            return Fail(out error, $"NaceVersion '{Text(r.Field(2))}' is not 2003, 2008 or 2025");
        var code = r.Field(3);
        if (code.Length is < 4 or > 7 || !KboValues.TryDigits(code, out var value))
            return Fail(out error, $"NaceCode '{Text(code)}' is not a NACE-BEL code (digits only, 5 or 7 of them)");
        var classification = ParseClassification(r.Field(4));
        if (classification is null)
            return Fail(out error, $"Classification '{Text(r.Field(4))}' is not MAIN, SECO or ANCI");
        row = new ActivityRow(entity, group, version, new NaceCode(value, (byte)code.Length), classification.Value);
        return true;
    }

    public static Classification? ParseClassification(ReadOnlySpan<byte> f) =>
        f.SequenceEqual("MAIN"u8) ? Classification.Main
        : f.SequenceEqual("SECO"u8) ? Classification.Secondary
        : f.SequenceEqual("ANCI"u8) ? Classification.Ancillary
        : null;

    public static bool TryCode(KboCsvReader r, [MaybeNullWhen(false)] out CodeRow row, out string error)
    {
        row = null;
        if (!RowOk(r, out error)) return false;
        if (!Required(r, 0, "Category", out var category, out error)) return false;
        if (!Required(r, 1, "Code", out var code, out error)) return false;
        if (!Required(r, 2, "Language", out var language, out error)) return false;
        row = new CodeRow(category, code, language, r.String(3) ?? "");
        return true;
    }

    /// <summary>The key of a row of an X_delete.csv file: an entity number, or a branch Id.</summary>
    public static bool TryDeleteKey(KboCsvReader r, KboFileSpec spec, out long key, out string error)
    {
        key = 0;
        if (!RowOk(r, out error)) return false;
        if (spec == KboFiles.Enterprise) return TryEnterpriseNumber(r.Field(0), spec.Key, out key, out error);
        return TryEntityNumber(r.Field(0), spec.Key, out key, out error);
    }

    /// <summary>A field shown in a message: at most 40 characters, invalid UTF-8 replaced.</summary>
    public static string Text(ReadOnlySpan<byte> f)
    {
        var s = System.Text.Encoding.UTF8.GetString(f);
        return s.Length <= 40 ? s : s[..40] + "…";
    }
}
