using System.CommandLine;
using System.Globalization;
using Atlas.Analytics.Composite;
using Atlas.Diagnostics;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas composite DATA.csv META.csv --out DIR</c>: builds a composite index from COINr's input layout (iData and
/// iMeta), writes every stage and the results as CSV and, with <c>--uncertainty N</c>, the rank intervals and
/// sensitivity indices. Needs no database. Exit codes: 0 built, 1 bad input or a method that cannot apply.
/// </summary>
public static class CompositeCommand
{
    public static Command Build()
    {
        var data = new Argument<string>("data") { Description = "the unit data in COINr's iData layout: uCode, uName, [Time], then a column per indicator, group and denominator" };
        var meta = new Argument<string>("meta") { Description = "the metadata in COINr's iMeta layout: iCode, iName, Level, Parent, Direction, Weight, Type, [Denominator, Target...]" };
        var output = new Option<string>("--out", "-o") { Description = "the folder to write the CSV files into", Required = true };
        var time = new Option<string?>("--time") { Description = "the Time to use when the data holds several (a panel)" };
        var screen = new Option<double?>("--screen") { Description = "keep only the units with at least this share of indicators present, 0 to 1 (default: keep every unit)" };
        var impute = new Option<string>("--impute") { Description = "none, mean, median, group-mean:GROUP or group-median:GROUP", DefaultValueFactory = _ => "none" };
        var winsorLimit = new Option<int?>("--winsor-limit") { Description = "the most points to winsorise per indicator (default: 10 % of the units, rounded up)" };
        var noTreat = new Option<bool>("--no-treat") { Description = "skip outlier treatment" };
        var skew = new Option<double>("--skew-threshold") { Description = "an indicator passes when |skewness| is below this...", DefaultValueFactory = _ => 2 };
        var log = new Option<string>("--log") { Description = "the log transform when winsorising is not enough: ct (COINr's log_CT) or ct-skew (log_CT_skew, which also shortens a low tail)", DefaultValueFactory = _ => "ct" };
        var kurt = new Option<double>("--kurtosis-threshold") { Description = "...or its kurtosis below this", DefaultValueFactory = _ => 3.5 };
        var normalise = new Option<string>("--normalise") { Description = "minmax[:l:u], zscore[:mean:sd], rank, prank[:l:u], target[:cap] or goalposts", DefaultValueFactory = _ => "minmax:0:100" };
        var aggregate = new Option<string>("--aggregate") { Description = "amean, gmean, hmean, genmean:p or copeland; or one per level from the pillars up, separated by commas", DefaultValueFactory = _ => "amean" };
        var rankDigits = new Option<int>("--rank-digits") { Description = "round scores to this many decimals before ranking, as COINr's results tables do (ties then share a rank)", DefaultValueFactory = _ => 2 };
        var uncertainty = new Option<int?>("--uncertainty") { Description = "run N Monte Carlo replications for rank intervals, and a sensitivity analysis" };
        var seed = new Option<ulong>("--seed") { Description = "the seed of the Monte Carlo (the same seed gives the same output)", DefaultValueFactory = _ => 1 };
        var noise = new Option<double>("--weight-noise") { Description = "relative half-width of the weight noise (0.25: ±25 %)", DefaultValueFactory = _ => 0.25 };
        var mcNormalise = new Option<string>("--mc-normalise") { Description = "normalisations the Monte Carlo chooses from, separated by commas", DefaultValueFactory = _ => "minmax:1:100,zscore:10:2" };
        var mcAggregate = new Option<string>("--mc-aggregate") { Description = "aggregations the Monte Carlo chooses from, separated by commas", DefaultValueFactory = _ => "amean,gmean" };
        var mcLimits = new Option<string?>("--mc-winsor-limits") { Description = "winsorisation limits the Monte Carlo chooses from, e.g. 3,6,12 (default: half, nominal and double)" };
        var saSamples = new Option<int?>("--sensitivity-samples") { Description = "base sample N of the Saltelli design, N·(k+2) runs (default: the replications / (k+2))" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "bootstrap resamples for the confidence intervals of the sensitivity indices", DefaultValueFactory = _ => 1000 };

        var command = new Command("composite", "Build a composite index from COINr-style DATA.csv and META.csv: denominate, screen, impute, treat outliers, normalise, aggregate; write every stage and the scores and ranks as CSV.");
        command.Arguments.Add(data);
        command.Arguments.Add(meta);
        foreach (var o in new Option[] { output, time, screen, impute, winsorLimit, noTreat, skew, kurt, log, normalise, aggregate, rankDigits, uncertainty, seed, noise, mcNormalise, mcAggregate, mcLimits, saSamples, bootstrap })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            try
            {
                var aggregations = List(parse.GetValue(aggregate)!).Select(Aggregation.Parse).ToList();
                var options = new PipelineOptions
                {
                    MinDataAvailability = parse.GetValue(screen),
                    Imputation = Imputation.Parse(parse.GetValue(impute)!),
                    Treatment = new OutlierTreatment
                    {
                        Enabled = !parse.GetValue(noTreat),
                        WinsorLimit = parse.GetValue(winsorLimit) is < 0 ? throw new FormatException("--winsor-limit must be 0 or more") : parse.GetValue(winsorLimit),
                        SkewThreshold = parse.GetValue(skew),
                        KurtosisThreshold = parse.GetValue(kurt),
                        Log = parse.GetValue(log) switch
                        {
                            "ct" => LogTransform.Ct,
                            "ct-skew" => LogTransform.CtSkew,
                            var other => throw new FormatException($"'{other}' is not a log transform: use --log ct or --log ct-skew"),
                        },
                    },
                    Normalisation = Normalisation.Parse(parse.GetValue(normalise)!),
                    Aggregation = aggregations[0],
                    AggregationByLevel = aggregations.Count > 1 ? aggregations : null,
                };
                var input = CoinrFiles.Read(parse.GetValue(data)!, parse.GetValue(meta)!, parse.GetValue(time));
                var result = CompositePipeline.Run(input, options);
                foreach (var w in result.Warnings) Console.Error.WriteLine($"note: {w}");

                UncertaintyResult? mc = null;
                CompositeSensitivityResult? sa = null;
                if (parse.GetValue(uncertainty) is { } n)
                {
                    if (n < 2) throw new FormatException("--uncertainty needs at least 2 replications");
                    var spec = new UncertaintySpec
                    {
                        WeightNoise = parse.GetValue(noise),
                        Normalisations = List(parse.GetValue(mcNormalise)!).Select(Normalisation.Parse).ToList(),
                        Aggregations = List(parse.GetValue(mcAggregate)!).Select(Aggregation.Parse).ToList(),
                        WinsorLimits = parse.GetValue(mcLimits) is { } limits
                            ? List(limits).Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{t}' in --mc-winsor-limits is not a whole number ≥ 0")).ToList()
                            : null,
                    };
                    var s = parse.GetValue(seed);
                    mc = IndexUncertainty.MonteCarlo(input, options, spec, n, s);
                    var k = Math.Max(1, mc.Factors.Count);
                    var baseSamples = parse.GetValue(saSamples) ?? Math.Max(2, (int)Math.Ceiling(n / (k + 2.0)));
                    if (mc.Factors.Count > 0) sa = IndexUncertainty.Sensitivity(input, options, spec, baseSamples, s, parse.GetValue(bootstrap));
                }

                var files = ResultFiles.Write(result, parse.GetValue(output)!, parse.GetValue(rankDigits), mc, sa);
                Report(result, mc, sa, files, parse.GetValue(output)!, parse.GetValue(rankDigits));
                return 0;
            }
            catch (DataProblemsException e)
            {
                foreach (var p in e.Problems) Console.Error.WriteLine(p);
                Console.Error.WriteLine($"{e.Problems.Count} problem(s) in the input: nothing was written.");
            }
            catch (Exception e) when (e is FormatException or CompositeException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
            }
            return 1;
        });
        return command;
    }

    private static List<string> List(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() is { Count: > 0 } list
            ? list
            : throw new FormatException($"'{text}' is an empty list");

    private static void Report(CompositeResult result, UncertaintyResult? mc, CompositeSensitivityResult? sa, IReadOnlyList<string> files, string dir, int rankDigits)
    {
        var root = result.Structure.Root;
        var kept = result.Screening.Count(s => s.Included);
        Console.WriteLine($"{root.Name}: {kept} of {result.Screening.Count} units, {result.Structure.Indicators.Count} indicators, {result.Structure.LevelCount} levels; " +
                          $"{result.Treatment.Count(t => t.Kind == TreatmentKind.Winsorised)} indicators winsorised, {result.Treatment.Count(t => t.Kind == TreatmentKind.LogTransformed)} log-transformed (limit {result.WinsorLimit}).");
        var scores = result.IndexScores;
        var ranks = result.Ranks(rankDigits).Column(result.Structure.Root.Code).ToArray();
        var intervals = mc?.Units.ToDictionary(u => u.Unit);
        foreach (var u in Enumerable.Range(0, scores.Length).OrderBy(u => ranks[u]).Take(10))
        {
            var code = result.Units[u];
            var line = $"{ranks[u],4}  {code,-10} {scores[u].ToString("0.00", CultureInfo.InvariantCulture),8}";
            if (intervals?[code] is { } i) line += $"   median rank {i.MedianRank.ToString(CultureInfo.InvariantCulture)}, 5-95 %: {i.Rank5.ToString(CultureInfo.InvariantCulture)}-{i.Rank95.ToString(CultureInfo.InvariantCulture)}";
            Console.WriteLine(line);
        }
        if (mc is not null) Console.WriteLine($"Monte Carlo: {mc.Replications} replications (seed {mc.Seed}) over {string.Join(", ", mc.Factors)}.");
        if (sa is not null)
        {
            Console.WriteLine($"Sensitivity of the {sa.Output} ({sa.Indices.Runs} runs):");
            foreach (var f in sa.Indices.Factors)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Factor,-20} first-order {f.FirstOrder,6:0.000} [{f.FirstOrderLow:0.000}, {f.FirstOrderHigh:0.000}]   total {f.Total,6:0.000} [{f.TotalLow:0.000}, {f.TotalHigh:0.000}]"));
        }
        Console.WriteLine($"Wrote {files.Count} files to {dir}.");
    }
}
