using Atlas.Text;
using System.Globalization;
using System.Text;

namespace Atlas.Analytics.Composite;

/// <summary>
/// Writes a build of an index as CSV files (RFC 4180, invariant numbers at full precision, NA for a missing value):
/// every stage, the screening and treatment reports, the scores and ranks at every level and, when given, the rank
/// uncertainty and the sensitivity indices.
/// </summary>
public static class ResultFiles
{
    /// <summary>Writes the files into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    /// <param name="rankDigits">Decimals the scores are rounded to before ranking (COINr's results tables use 2); null ranks exact scores.</param>
    public static IReadOnlyList<string> Write(CompositeResult result, string directory, int? rankDigits = 2,
        UncertaintyResult? uncertainty = null, CompositeSensitivityResult? sensitivity = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Save(string name, IEnumerable<IEnumerable<string>> rows)
        {
            var path = Path.Combine(directory, name);
            var text = new StringBuilder();
            foreach (var row in rows) text.Append(Csv.Line(row));
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            written.Add(path);
        }

        var input = result.Input;
        var groups = input.Units.FirstOrDefault()?.Groups.Keys.ToList() ?? [];
        IEnumerable<string> UnitCells(string code)
        {
            var unit = input.Units[input.Raw.UnitIndex(code)];
            return new[] { unit.Code, unit.Name }.Concat(groups.Select(g => unit.Groups[g] ?? "NA"));
        }
        var unitHeader = new[] { "uCode", "uName" }.Concat(groups).ToList();

        for (var s = 0; s < result.Stages.Count; s++)
        {
            var stage = result.Stages[s];
            Save($"{s + 1}_{stage.Name}.csv", new[] { unitHeader.Concat(stage.Columns) }.Concat(
                Enumerable.Range(0, stage.Units.Count).Select(u => UnitCells(stage.Units[u]).Concat(Enumerable.Range(0, stage.Columns.Count).Select(c => Num(stage[u, c]))))));
        }

        Save("Structure.csv", new[] { new[] { "Level", "iCode", "iName", "Parent", "Weight", "Direction", "Denominator" }.AsEnumerable() }.Concat(
            result.Structure.Nodes.OrderByDescending(n => n.Level).Select(n => new[]
            {
                n.Level.ToString(CultureInfo.InvariantCulture), n.Code, n.Name, n.Parent ?? "NA", Num(n.Weight),
                n is Indicator i ? ((int)i.Direction).ToString(CultureInfo.InvariantCulture) : "NA",
                n is Indicator { Denominator: { } d } ? d : "NA",
            })));

        Save("Screening.csv", new[] { unitHeader.Concat(["Missing", "DataAvailability", "Included"]) }.Concat(
            result.Screening.Select(r => UnitCells(r.Unit).Concat([r.Missing.ToString(CultureInfo.InvariantCulture), Num(r.DataAvailability), r.Included ? "TRUE" : "FALSE"]))));

        Save("TreatSummary.csv", new[] { new[] { "iCode", "Low", "High", "Treatment", "SkewBefore", "KurtBefore", "SkewAfter", "KurtAfter", "PassesAfter", "WinsorLimit" }.AsEnumerable() }.Concat(
            result.Treatment.Select(t => new[]
            {
                t.Indicator, t.WinsorisedLow.ToString(CultureInfo.InvariantCulture), t.WinsorisedHigh.ToString(CultureInfo.InvariantCulture), t.Description,
                Num(t.SkewnessBefore), Num(t.KurtosisBefore), Num(t.SkewnessAfter), Num(t.KurtosisAfter), t.PassesAfter ? "TRUE" : "FALSE",
                result.WinsorLimit.ToString(CultureInfo.InvariantCulture),
            })));

        var treated = result.Treated;
        Save("TreatFlags.csv", new[] { new[] { "uCode" }.Concat(treated.Columns) }.Concat(
            Enumerable.Range(0, treated.Units.Count).Select(u => new[] { treated.Units[u] }.Concat(
                treated.Columns.Select(c => result.TreatmentFlags[c][u] switch
                {
                    CellTreatment.WinsorisedHigh => "WHigh", CellTreatment.WinsorisedLow => "WLow", CellTreatment.Log => "Log", _ => "No",
                })))));

        // results: the index first, then each level down to the indicators; units from best to worst
        var scores = result.Aggregated;
        var ranks = result.Ranks(rankDigits);
        var order = result.Structure.Nodes.OrderByDescending(n => n.Level).Select(n => n.Code).ToList();
        var root = result.Structure.Root.Code;
        var byRank = Enumerable.Range(0, scores.Units.Count).OrderBy(u => double.IsNaN(ranks[u, ranks.ColumnIndex(root)]) ? double.MaxValue : ranks[u, ranks.ColumnIndex(root)]).ToList();
        foreach (var (name, table) in new[] { ("Results_Scores.csv", scores), ("Results_Ranks.csv", ranks) })
            Save(name, new[] { new[] { "uCode", "uName", "Rank" }.Concat(order) }.Concat(byRank.Select(u =>
            {
                var unit = input.Units[input.Raw.UnitIndex(scores.Units[u])];
                return new[] { unit.Code, unit.Name, Num(ranks[u, ranks.ColumnIndex(root)]) }.Concat(order.Select(c => Num(table[u, table.ColumnIndex(c)])));
            })));

        if (uncertainty is not null)
            Save("Uncertainty_Ranks.csv", new[] { new[] { "uCode", "uName", "NominalRank", "MedianRank", "Rank5", "Rank95", "MeanRank" }.AsEnumerable() }.Concat(
                uncertainty.Units.OrderBy(u => u.NominalRank).Select(u => new[] { u.Unit, u.Name, Num(u.NominalRank), Num(u.MedianRank), Num(u.Rank5), Num(u.Rank95), Num(u.MeanRank) })));

        if (sensitivity is not null)
        {
            var ix = sensitivity.Indices;
            var level = (ix.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture);
            Save("Sensitivity.csv", new[] { new[] { "Factor", "FirstOrder", $"FirstOrder{level}Low", $"FirstOrder{level}High", "Total", $"Total{level}Low", $"Total{level}High", "Runs", "Output" }.AsEnumerable() }.Concat(
                ix.Factors.Select(f => new[]
                {
                    f.Factor, Num(f.FirstOrder), Num(f.FirstOrderLow), Num(f.FirstOrderHigh), Num(f.Total), Num(f.TotalLow), Num(f.TotalHigh),
                    ix.Runs.ToString(CultureInfo.InvariantCulture), sensitivity.Output,
                })));
        }
        return written;
    }

    private static string Num(double v) => double.IsNaN(v) ? "NA" : v.ToString("R", CultureInfo.InvariantCulture);
}
