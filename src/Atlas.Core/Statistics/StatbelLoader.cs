using Atlas.Data;
using Atlas.Model;

namespace Atlas.Statistics;

/// <summary>One cell of the VAT table as the atlas keeps it: a seat (today's municipality, abroad or unknown) and a
/// NACE class (four digits, 6201) or XXXXX (activity unknown); legal forms, sub-classes and merged municipalities summed.</summary>
public readonly record struct VatRow(Seat Seat, string Nace, VatFigures Figures);

/// <summary>What the shipped Statbel files hold, read, checked and brought to today's municipalities: what seeding stores.</summary>
/// <param name="RowsRead">Rows of the published table (municipality × legal form × sub-class).</param>
/// <param name="Municipalities2019">Municipalities with a row (the 581 of 2019).</param>
public sealed record StatbelData(StatisticalSource Source, IReadOnlyList<VatRow> Vat, NaceLabels Labels, Population Population,
    int RowsRead, int Municipalities2019)
{
    /// <summary>One line for the seeding log: where the enterprises went, the ones no municipality holds included.</summary>
    public string Summary()
    {
        int Sum(SeatKind kind) => Vat.Where(r => r.Seat.Kind == kind).Sum(r => r.Figures.Enterprises);
        var now = Vat.Where(r => r.Seat.Kind == SeatKind.Municipality).Select(r => r.Seat.Municipality).Distinct().Count();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Source.Title.Get(Lang.En)}: {RowsRead:N0} rows; {Sum(SeatKind.Municipality):N0} enterprises with a seat in " +
            $"{Municipalities2019} municipalities of 2019, {now} today; not in any municipality: {Sum(SeatKind.Abroad):N0} with a seat abroad, " +
            $"{Sum(SeatKind.Unknown):N0} with an unknown seat.");
    }
}

/// <summary>
/// Reads the Statbel copy shipped in <c>data/reference/statbel/</c> (made by <c>tools/statbel-copy.sh</c>, see
/// <c>data/reference/MANIFEST.md</c>): every wrong header, malformed count, unknown NIS, legal-form or NACE code is a
/// <see cref="Problem"/> at its file and line.
/// </summary>
public static class StatbelLoader
{
    public const string Folder = "reference/statbel";
    public const string VatFile = Folder + "/vat-nace-2019.csv.gz";
    public const string NaceFile = Folder + "/nace-bel-2008.csv.gz";
    public const string LegalFormsFile = Folder + "/legal-forms.csv";
    public const string ChangesFile = Folder + "/refnis-2018-2019.csv";
    public const string VatHeader = "refnis,legal_form,nace,enterprises,registrations,cessations";
    public const string Abroad = "-----", UnknownSeat = "XXXXX";
    public static readonly int[] PopulationYears = [2018, 2019, 2020];

    public static string PopulationFile(int year) => $"{Folder}/population-{year}.csv";

    /// <summary>The files, in a stable order: their content is part of the data version.</summary>
    public static IEnumerable<string> Files(string dataDir) =>
        new[] { VatFile, NaceFile, LegalFormsFile, ChangesFile }.Concat(PopulationYears.Select(PopulationFile))
            .Select(f => Path.Combine(dataDir, f));

    public static StatbelData Load(string dataDir, MunicipalityMap map, Func<string, string> display, List<Problem> problems)
    {
        CsvLines Open(string relative) => new(Path.Combine(dataDir, relative), display(Path.Combine(dataDir, relative)), problems);

        var labels = NaceLabels.Read(Open(NaceFile));
        var legalForms = new HashSet<string>(Open(LegalFormsFile).Rows("code,fr,nl,en").Select(r => r.Fields[0]), StringComparer.Ordinal);
        var (vat, rowsRead, municipalities) = ReadVat(Open(VatFile), map, labels, legalForms);
        var changes = PopulationReader.ReadChanges(Open(ChangesFile), map);
        var population = PopulationYears.SelectMany(year => PopulationReader.Read(Open(PopulationFile(year)), year, map, changes));
        return new StatbelData(StatisticalSource.StatbelVat2019, vat, labels, new Population(population), rowsRead, municipalities);
    }

    private static (List<VatRow> Rows, int Read, int Municipalities) ReadVat(CsvLines file, MunicipalityMap map, NaceLabels labels, HashSet<string> legalForms)
    {
        var cells = new Dictionary<(Seat, string), VatFigures>();
        var seats = new Dictionary<string, Seat?>(StringComparer.Ordinal); // 583 distinct codes: each read once
        var seen = new Dictionary<long, int>();
        var codeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string code) => codeIndex.TryGetValue(code, out var i) ? i : codeIndex[code] = codeIndex.Count;
        var read = 0;
        foreach (var (line, f) in file.Rows(VatHeader))
        {
            read++;
            var (refnis, legalForm, nace) = (f[0], f[1], f[2]);
            if (!seats.TryGetValue(refnis, out var seat)) seats[refnis] = seat = SeatOf(refnis, map);
            if (seat is not { } where) { file.Report(line, SeatProblem(refnis)); continue; }
            if (!legalForms.Contains(legalForm)) { file.Report(line, $"unknown legal form '{legalForm}': not a code of {LegalFormsFile}"); continue; }
            if (!labels.IsRowCode(nace))
            {
                file.Report(line, $"unknown NACE code '{nace}': not a NACE-BEL 2008 sub-class of {NaceFile}, nor {NaceLabels.UnknownActivity} (activity unknown)");
                continue;
            }
            if (!Count(file, line, f, 3, out var stock) || !Count(file, line, f, 4, out var start) || !Count(file, line, f, 5, out var stop)) continue;
            // a repeated row would count its enterprises twice; the key packs the three codes' indexes into one number
            var rowKey = ((long)Index(refnis) << 40) | ((long)Index(legalForm) << 20) | (long)Index(nace);
            if (!seen.TryAdd(rowKey, line)) { file.Report(line, $"this row repeats line {seen[rowKey]}"); continue; }
            // the analyses go down to the class: summing the sub-classes here keeps the store and the model small
            var key = (where, nace == NaceLabels.UnknownActivity ? nace : nace[..4]);
            cells[key] = cells.GetValueOrDefault(key) + new VatFigures(stock, start, stop);
        }
        var municipalities = seats.Values.Count(s => s?.Kind == SeatKind.Municipality);
        return (cells.Select(kv => new VatRow(kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), read, municipalities);
    }

    /// <summary>The seat of a REFNIS code of the table, brought to today's municipality; null when the code is no seat.</summary>
    private static Seat? SeatOf(string refnis, MunicipalityMap map) => refnis switch
    {
        Abroad => Seat.Abroad,
        UnknownSeat => Seat.Unknown,
        _ => NisCode.TryParse(refnis, out var nis) && map.Contains(nis) ? Seat.In(map.Current(nis)) : null,
    };

    private static string SeatProblem(string refnis) => NisCode.TryParse(refnis, out _, out var error)
        ? $"unknown NIS code {refnis}: not a municipality of the REFNIS 2019 list (data/reference/geo/REFNIS_2019.csv)"
        : $"{error}, or {Abroad} (abroad) or {UnknownSeat} (unknown)";

    private static readonly string[] CountColumns = ["", "", "", "enterprises", "registrations", "cessations"];

    private static bool Count(CsvLines file, int line, string[] fields, int column, out int count)
    {
        if (CsvLines.TryCount(fields[column], out count)) return true;
        file.Report(line, $"'{fields[column]}' is not a number of {CountColumns[column]}: write a whole number (0 or more)");
        return false;
    }
}
