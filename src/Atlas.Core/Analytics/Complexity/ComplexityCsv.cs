using Atlas.Text;
using System.Globalization;

namespace Atlas.Analytics.Complexity;

/// <summary>
/// Writes complexity results as CSV (RFC 4180), one row per region × activity [× time], in the long format they
/// were read from: the input's own column names, its value, then rca, M, density, cog, eci, pci, diversity,
/// ubiquity, coi. Numbers are written in full (round-trip) precision; an undefined COI is an empty field.
/// </summary>
public static class ComplexityCsv
{
    public static readonly string[] Measures = ["rca", "M", "density", "cog", "eci", "pci", "diversity", "ubiquity", "coi"];

    /// <returns>the number of data rows written</returns>
    public static int Write(TextWriter writer, LongTableColumns columns, IEnumerable<(LongTableSlice Slice, ComplexityResult Result)> results)
    {
        var header = new List<string>();
        if (columns.Time is not null) header.Add(columns.Time);
        header.AddRange([columns.Region, columns.Activity, columns.Value, .. Measures]);
        writer.Write(string.Join(',', header.Select(Csv.Field)));
        writer.Write("\r\n");

        var rows = 0;
        var fields = new List<string>(header.Count);
        foreach (var (slice, result) in results)
        {
            var input = slice.Matrix;
            var inputRegion = Index(input.Regions);
            var inputActivity = Index(input.Activities);
            for (var c = 0; c < result.Regions.Count; c++)
            {
                var r = inputRegion[result.Regions[c]];
                for (var p = 0; p < result.Activities.Count; p++)
                {
                    fields.Clear();
                    if (columns.Time is not null) fields.Add(Csv.Field(slice.Time ?? ""));
                    fields.Add(Csv.Field(result.Regions[c]));
                    fields.Add(Csv.Field(result.Activities[p]));
                    fields.Add(Number(input[r, inputActivity[result.Activities[p]]]));
                    fields.Add(Number(result.Rca[c, p]));
                    fields.Add(result.IsPresent(c, p) ? "1" : "0");
                    fields.Add(Number(result.Density[c, p]));
                    fields.Add(Number(result.Cog[c, p]));
                    fields.Add(Number(result.Eci[c]));
                    fields.Add(Number(result.Pci[p]));
                    fields.Add(result.Diversity[c].ToString(CultureInfo.InvariantCulture));
                    fields.Add(result.Ubiquity[p].ToString(CultureInfo.InvariantCulture));
                    fields.Add(Number(result.Coi[c]));
                    writer.Write(string.Join(',', fields));
                    writer.Write("\r\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        return index;
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
