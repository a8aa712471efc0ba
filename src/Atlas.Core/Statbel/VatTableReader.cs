using System.Runtime.InteropServices;
using Atlas.Data;
using Atlas.Model;

namespace Atlas.Statbel;

/// <summary>
/// Reads the VAT table (municipality of 2019 × legal form × NACE sub-class) into cells of today's municipality ×
/// NACE class, legal forms and sub-classes summed. Every code is checked once, the first time it is met (583 seats,
/// 10 legal forms, 1,025 sub-classes), so that the 304,245 rows cost little more than reading them.
/// </summary>
internal static class VatTableReader
{
    private const int UnknownClass = 9999; // no NACE class has this number: the key of the unknown activity

    /// <summary>A code met in the table: its own index (for the repeated-row check) and what it adds to (a seat or a class).</summary>
    private sealed record Code(int Index, int Into);

    public static (List<VatRow> Rows, int Read, int Municipalities) Read(CsvLines file, MunicipalityMap map, NaceLabels labels, IReadOnlyList<string> legalForms)
    {
        var refnis = new Dictionary<string, Code?>(StringComparer.Ordinal);   // → today's seat (an index in seats); null: no seat
        var seats = new List<Seat>();
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in legalForms) forms.TryAdd(code, forms.Count);
        var naces = new Dictionary<string, Code?>(StringComparer.Ordinal);
        var seen = new Dictionary<long, int>();   // (seat, legal form, sub-class) → line: a repeated row would count twice
        var cells = new Dictionary<long, VatFigures>();   // (seat, class) → figures
        var read = 0;
        foreach (var (line, f) in file.Rows(StatbelLoader.VatHeader))
        {
            read++;
            if (!refnis.TryGetValue(f[0], out var seat))
                refnis[f[0]] = seat = SeatOf(f[0], map) is { } s ? new Code(refnis.Count, SeatIndex(seats, s)) : null;
            if (seat is null) { file.Report(line, SeatProblem(f[0])); continue; }
            if (!forms.TryGetValue(f[1], out var form)) { file.Report(line, $"unknown legal form '{f[1]}': not a code of {StatbelLoader.LegalFormsFile}"); continue; }
            if (!naces.TryGetValue(f[2], out var nace))
                naces[f[2]] = nace = labels.IsRowCode(f[2]) ? new Code(naces.Count, NaceLabels.ClassOf(f[2]) ?? UnknownClass) : null;
            if (nace is null)
            {
                file.Report(line, $"unknown NACE code '{f[2]}': not a NACE-BEL 2008 sub-class of {StatbelLoader.NaceFile}, nor {NaceLabels.UnknownActivity} (activity unknown)");
                continue;
            }
            if (!Count(file, line, f, 3, out var stock) || !Count(file, line, f, 4, out var start) || !Count(file, line, f, 5, out var stop)) continue;
            var rowKey = ((long)seat.Index << 40) | ((long)form << 20) | (long)nace.Index;
            if (!seen.TryAdd(rowKey, line)) { file.Report(line, $"this row repeats line {seen[rowKey]}"); continue; }
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, ((long)seat.Into << 20) | (long)nace.Into, out _);
            cell += new VatFigures(stock, start, stop);
        }
        var rows = cells.Select(kv => new VatRow(seats[(int)(kv.Key >> 20)], ClassCode((int)(kv.Key & 0xFFFFF)), kv.Value)).ToList();
        var municipalities2019 = refnis.Values.Count(c => c is not null && seats[c.Into].Kind == SeatKind.Municipality);
        return (rows, read, municipalities2019);
    }

    /// <summary>The index of a seat in the list, added when new: merged municipalities of 2019 share today's.</summary>
    private static int SeatIndex(List<Seat> seats, Seat seat)
    {
        var i = seats.IndexOf(seat);
        if (i >= 0) return i;
        seats.Add(seat);
        return seats.Count - 1;
    }

    private static string ClassCode(int cls) => cls == UnknownClass ? NaceLabels.UnknownActivity : cls.ToString("D4");

    /// <summary>The seat of a REFNIS code of the table, brought to today's municipality; null when the code is no seat.</summary>
    private static Seat? SeatOf(string refnis, MunicipalityMap map) => refnis switch
    {
        StatbelLoader.Abroad => Seat.Abroad,
        StatbelLoader.UnknownSeat => Seat.Unknown,
        _ => NisCode.TryParse(refnis, out var nis) && map.Contains(nis) ? Seat.In(map.Current(nis)) : null,
    };

    private static string SeatProblem(string refnis) => NisCode.TryParse(refnis, out _, out var error)
        ? $"unknown NIS code {refnis}: not a municipality of the REFNIS 2019 list (data/reference/geo/REFNIS_2019.csv)"
        : $"{error}, or {StatbelLoader.Abroad} (abroad) or {StatbelLoader.UnknownSeat} (unknown)";

    private static readonly string[] CountColumns = ["", "", "", "enterprises", "registrations", "cessations"];

    private static bool Count(CsvLines file, int line, string[] fields, int column, out int count)
    {
        if (CsvLines.TryCount(fields[column], out count)) return true;
        file.Report(line, $"'{fields[column]}' is not a number of {CountColumns[column]}: write a whole number (0 or more)");
        return false;
    }
}
