using Atlas.Diagnostics;
using Atlas.Data;
using Atlas.Model;

namespace Atlas.Statbel;

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
        var legalForms = Open(LegalFormsFile).Rows("code,fr,nl,en").Select(r => r.Fields[0]).ToList();
        var (vat, rowsRead, municipalities) = VatTableReader.Read(Open(VatFile), map, labels, legalForms);
        var changes = PopulationReader.ReadChanges(Open(ChangesFile), map);
        var population = PopulationYears.SelectMany(year => PopulationReader.Read(Open(PopulationFile(year)), year, map, changes));
        return new StatbelData(StatisticalSource.StatbelVat2019, vat, labels, new Population(population), rowsRead, municipalities);
    }
}
