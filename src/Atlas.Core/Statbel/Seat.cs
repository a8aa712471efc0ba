using Atlas.Model;

namespace Atlas.Statbel;

public enum SeatKind { Municipality, Abroad, Unknown }

/// <summary>
/// Where an enterprise has its seat (head office) in Statbel's tables: a municipality, abroad (Statbel writes
/// <c>-----</c>: foreign enterprises registered for VAT in Belgium) or unknown (<c>XXXXX</c>).
/// </summary>
public readonly record struct Seat
{
    public SeatKind Kind { get; }
    /// <summary>The municipality's NIS code; meaningful only when <see cref="Kind"/> is Municipality.</summary>
    public NisCode Municipality { get; }

    private Seat(SeatKind kind, NisCode municipality) { Kind = kind; Municipality = municipality; }

    public static readonly Seat Abroad = new(SeatKind.Abroad, default), Unknown = new(SeatKind.Unknown, default);

    public static Seat In(NisCode municipality) => new(SeatKind.Municipality, municipality);

    /// <summary>How the store writes it: the NIS code, <c>abroad</c> or <c>unknown</c>.</summary>
    public override string ToString() => Kind switch
    {
        SeatKind.Municipality => Municipality.ToString(),
        SeatKind.Abroad => "abroad",
        _ => "unknown",
    };

    /// <summary>Reads what <see cref="ToString"/> wrote.</summary>
    public static bool TryParse(string text, out Seat seat)
    {
        switch (text)
        {
            case "abroad": seat = Abroad; return true;
            case "unknown": seat = Unknown; return true;
        }
        var ok = NisCode.TryParse(text, out var nis);
        seat = ok ? In(nis) : default;
        return ok;
    }
}
