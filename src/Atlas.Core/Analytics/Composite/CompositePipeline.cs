using System.Globalization;

namespace Atlas.Analytics.Composite;

/// <summary>
/// Builds an index the way the OECD/JRC Handbook and COINr do: denominate, screen units, impute, treat outliers,
/// normalise, aggregate up the tree. Every stage is kept in the <see cref="CompositeResult"/>.
/// </summary>
public static class CompositePipeline
{
    public static CompositeResult Run(IndexInput input, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var structure = input.Structure;
        var indicators = structure.Indicators;
        var codes = indicators.Select(i => i.Code).ToList();
        var warnings = new List<string>();
        var stages = new List<StageTable>();

        var raw = new StageTable("Raw", input.Raw.Units, codes, codes.Select(c => input.Raw.Column(c).ToArray()).ToArray());
        stages.Add(raw);

        var denominated = Denominate(input, raw, warnings);
        stages.Add(denominated);

        var (screened, screening) = Screen(denominated, options.MinDataAvailability);
        stages.Add(screened);
        var units = screened.Units.Select(u => input.Units[input.Raw.UnitIndex(u)]).ToList();

        var imputed = new StageTable("Imputed", screened.Units, codes,
            codes.Select(c => options.Imputation.Apply(screened.Column(c), units)).ToArray());
        foreach (var c in codes)
            if (Statistics.CountPresent(imputed.Column(c)) < imputed.Units.Count && options.Imputation is not NoImputation)
                warnings.Add($"{c}: some values are still missing after imputation ({options.Imputation}): their group has no data");
        stages.Add(imputed);

        var limit = options.Treatment.LimitFor(imputed.Units.Count);
        var (treated, treatment, flags) = Treat(imputed, options.Treatment, limit);
        stages.Add(treated);

        var normalised = new StageTable("Normalised", treated.Units, codes,
            indicators.Select(i => options.Normalisation.Apply(treated.Column(i.Code), i)).ToArray());
        foreach (var c in codes)
            if (Statistics.CountPresent(normalised.Column(c)) == 0 && Statistics.CountPresent(treated.Column(c)) > 0)
                warnings.Add($"{c}: the indicator has the same value for every unit, so {options.Normalisation} leaves it empty; it drops out of the aggregates");
        stages.Add(normalised);

        stages.Add(Aggregate(structure, normalised, options));
        return new CompositeResult(input, options, stages, screening, treatment, flags, options.Treatment.Enabled ? limit : 0, warnings);
    }

    /// <summary>Divides each indicator that names a denominator by it; a zero or missing denominator leaves the value missing.</summary>
    internal static StageTable Denominate(IndexInput input, StageTable raw, List<string>? warnings = null)
    {
        var columns = raw.CopyColumns();
        for (var c = 0; c < columns.Length; c++)
        {
            if (input.Structure[raw.Columns[c]] is not Indicator { Denominator: { } d }) continue;
            var den = input.Denominators.Column(d);
            for (var u = 0; u < columns[c].Length; u++)
            {
                if (den[u] == 0 && !double.IsNaN(columns[c][u]))
                    warnings?.Add($"{raw.Columns[c]}: the denominator {d} of {raw.Units[u]} is 0, so its value is left missing");
                columns[c][u] = den[u] == 0 ? double.NaN : columns[c][u] / den[u];
            }
        }
        return new StageTable("Denominated", raw.Units, raw.Columns, columns);
    }

    /// <summary>Keeps the units with at least the given share of indicators present (COINr's Screen byNA: availability &lt; threshold is out).</summary>
    internal static (StageTable, IReadOnlyList<UnitScreening>) Screen(StageTable table, double? threshold)
    {
        if (threshold is { } t && (t < 0 || t > 1 || double.IsNaN(t)))
            throw new CompositeException($"the data availability threshold must lie between 0 and 1, not {t.ToString(CultureInfo.InvariantCulture)}");
        var report = new List<UnitScreening>();
        for (var u = 0; u < table.Units.Count; u++)
        {
            var missing = 0;
            for (var c = 0; c < table.Columns.Count; c++) if (double.IsNaN(table[u, c])) missing++;
            var availability = 1 - (double)missing / table.Columns.Count;
            report.Add(new UnitScreening(table.Units[u], missing, availability, threshold is not { } th || availability >= th));
        }
        var kept = report.Where(r => r.Included).Select(r => r.Unit).ToList();
        if (kept.Count < 2)
            throw new CompositeException($"screening at {threshold} keeps {kept.Count} unit(s): an index needs at least 2; lower the threshold");
        return (table.SelectUnits("Screened", kept), report);
    }

    internal static (StageTable, IReadOnlyList<IndicatorTreatment>, IReadOnlyDictionary<string, CellTreatment[]>) Treat(
        StageTable imputed, OutlierTreatment treatment, int limit)
    {
        var columns = new double[imputed.Columns.Count][];
        var summaries = new List<IndicatorTreatment>();
        var flags = new Dictionary<string, CellTreatment[]>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Length; c++)
        {
            var code = imputed.Columns[c];
            var cellFlags = new CellTreatment[imputed.Units.Count];
            if (!treatment.Enabled)
            {
                columns[c] = imputed.Column(c).ToArray();
                double sk = Statistics.Skewness(imputed.Column(c)), kt = Statistics.Kurtosis(imputed.Column(c));
                summaries.Add(new IndicatorTreatment(code, TreatmentKind.None, 0, 0, sk, kt, sk, kt, treatment.Passes(sk, kt)));
            }
            else
            {
                var (values, summary) = treatment.Apply(code, imputed.Column(c), cellFlags, limit);
                columns[c] = values;
                summaries.Add(summary);
            }
            flags[code] = cellFlags;
        }
        return (new StageTable("Treated", imputed.Units, imputed.Columns, columns), summaries, flags);
    }

    /// <summary>The normalised indicators, then every aggregate, level by level up to the index.</summary>
    internal static StageTable Aggregate(IndexStructure structure, StageTable normalised, PipelineOptions options)
    {
        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var c in normalised.Columns) values[c] = normalised.Column(c).ToArray();
        foreach (var a in structure.Aggregates)
        {
            var children = structure.ChildrenOf(a.Code);
            values[a.Code] = options.AggregationFor(a.Level).Combine(
                children.Select(ch => values[ch.Code]).ToList(), children.Select(ch => ch.Weight).ToList(),
                a.Code, children.Select(ch => ch.Code).ToList(), normalised.Units);
        }
        var columns = normalised.Columns.Concat(structure.Aggregates.Select(a => a.Code)).ToList();
        return new StageTable("Aggregated", normalised.Units, columns, columns.Select(c => values[c]).ToArray());
    }
}
