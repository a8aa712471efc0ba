namespace Atlas.Analytics.Composite;

/// <summary>A unit's data availability, and whether screening kept it.</summary>
public sealed record UnitScreening(string Unit, int Missing, double DataAvailability, bool Included);

/// <summary>
/// One build of an index, every stage kept: Raw → Denominated → Screened → Imputed → Treated → Normalised →
/// Aggregated, with what screening and outlier treatment did, and the scores and ranks of every node.
/// </summary>
public sealed class CompositeResult
{
    internal CompositeResult(IndexInput input, PipelineOptions options, IReadOnlyList<StageTable> stages,
        IReadOnlyList<UnitScreening> screening, IReadOnlyList<IndicatorTreatment> treatment,
        IReadOnlyDictionary<string, CellTreatment[]> treatmentFlags, int winsorLimit, IReadOnlyList<string> warnings)
    {
        Input = input;
        Options = options;
        Stages = stages;
        Screening = screening;
        Treatment = treatment;
        TreatmentFlags = treatmentFlags;
        WinsorLimit = winsorLimit;
        Warnings = warnings;
    }

    public IndexInput Input { get; }
    public PipelineOptions Options { get; }
    public IndexStructure Structure => Input.Structure;

    /// <summary>Every stage, in pipeline order.</summary>
    public IReadOnlyList<StageTable> Stages { get; }

    public StageTable Stage(string name) => Stages.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no stage '{name}': the stages are {string.Join(", ", Stages.Select(s => s.Name))}");

    public StageTable Raw => Stage("Raw");
    public StageTable Denominated => Stage("Denominated");
    public StageTable Screened => Stage("Screened");
    public StageTable Imputed => Stage("Imputed");
    public StageTable Treated => Stage("Treated");
    public StageTable Normalised => Stage("Normalised");

    /// <summary>The normalised indicators and every aggregate computed from them: the score of every node.</summary>
    public StageTable Aggregated => Stage("Aggregated");

    /// <summary>The units that passed screening, in input order.</summary>
    public IReadOnlyList<string> Units => Aggregated.Units;

    public IReadOnlyList<UnitScreening> Screening { get; }
    public IReadOnlyList<IndicatorTreatment> Treatment { get; }

    /// <summary>What happened to each value of each indicator (by indicator code, a flag per screened unit).</summary>
    public IReadOnlyDictionary<string, CellTreatment[]> TreatmentFlags { get; }

    /// <summary>The winsorisation limit that was applied.</summary>
    public int WinsorLimit { get; }

    /// <summary>Things the pipeline did that a user should know (a zero denominator, a constant indicator...).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The index score of every unit.</summary>
    public ReadOnlySpan<double> IndexScores => Aggregated.Column(Structure.Root.Code);

    /// <summary>
    /// Ranks of every node (1 = best, ties sharing the best rank). With <paramref name="digits"/>, scores are first
    /// rounded to that many decimals, as COINr's results tables do, so that units equal at the shown precision share a rank.
    /// </summary>
    public StageTable Ranks(int? digits = null)
    {
        var table = Aggregated;
        var columns = new double[table.Columns.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            var x = table.Column(c).ToArray();
            if (digits is { } d)
                for (var i = 0; i < x.Length; i++) x[i] = Math.Round(x[i], d, MidpointRounding.ToEven);
            columns[c] = Statistics.RanksDescending(x);
        }
        return new StageTable("Ranks", table.Units, table.Columns, columns);
    }
}
