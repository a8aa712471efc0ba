using System.CommandLine;
using Atlas.Analytics.Complexity;
using Atlas.Diagnostics;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas complexity FILE.csv --region COL --activity COL --value COL [--time COL]</c>: every relatedness and
/// complexity measure for a user's own long-format table, written as CSV. Needs no database.
/// Exit codes: 0 done, 1 bad input (with <c>file:line: problem</c> on standard error).
/// </summary>
public static class ComplexityCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "a CSV with a header and one row per region × activity [× time]" };
        var region = new Option<string>("--region") { Description = "the column naming the region (country, municipality...)", Required = true };
        var activity = new Option<string>("--activity") { Description = "the column naming the activity (product, industry, NACE class...)", Required = true };
        var value = new Option<string>("--value") { Description = "the column holding the value (exports, employment, establishments): a number ≥ 0", Required = true };
        var time = new Option<string?>("--time") { Description = "the column of the period; each period is computed on its own" };
        var threshold = new Option<double>("--threshold") { Description = "an activity is present where its RCA is above this", DefaultValueFactory = _ => 1 };
        var proximity = new Option<string>("--proximity") { Description = "how relatedness is measured: co-occurrence (discrete, asymmetric) or correlation of RCA (continuous)", DefaultValueFactory = _ => "discrete" };
        proximity.AcceptOnlyFromAmong("discrete", "asymmetric", "continuous");
        var scaling = new Option<string>("--scaling") { Description = "standardise ECI, PCI, COI and COG as the Growth Lab's Stata ecomplexity or as py-ecomplexity", DefaultValueFactory = _ => "stata" };
        scaling.AcceptOnlyFromAmong("stata", "py-ecomplexity");
        var output = new Option<string?>("--out", "-o") { Description = "the CSV file to write (default: standard output)" };

        var command = new Command("complexity",
            "Compute RCA, presence, density, complexity outlook gain, ECI, PCI, diversity, ubiquity and complexity outlook " +
            "for a long-format CSV, as the Harvard Growth Lab's ecomplexity does; write one CSV row per region × activity [× time].");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { region, activity, value, time, threshold, proximity, scaling, output }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var columns = new LongTableColumns(parse.GetValue(region)!, parse.GetValue(activity)!, parse.GetValue(value)!, parse.GetValue(time));
            var options = new ComplexityOptions
            {
                Threshold = parse.GetValue(threshold),
                Proximity = parse.GetValue(proximity) switch
                {
                    "asymmetric" => ProximityMethod.Asymmetric,
                    "continuous" => ProximityMethod.Continuous,
                    _ => ProximityMethod.Discrete,
                },
                Scaling = parse.GetValue(scaling) == "py-ecomplexity" ? ComplexityScaling.PyEcomplexity : ComplexityScaling.Stata,
            };
            return Run(parse.GetValue(file)!, columns, options, parse.GetValue(output));
        });
        return command;
    }

    private static int Run(string path, LongTableColumns columns, ComplexityOptions options, string? outPath)
    {
        if (!double.IsFinite(options.Threshold) || options.Threshold < 0)
        {
            Console.Error.WriteLine($"--threshold {options.Threshold}: give a number zero or more (the default is 1).");
            return 1;
        }

        IReadOnlyList<LongTableSlice> slices;
        try
        {
            slices = LongTable.Read(path, columns);
        }
        catch (DataProblemsException e)
        {
            foreach (var problem in e.Problems) Console.Error.WriteLine(problem);
            var more = e.Problems.Count >= LongTable.MaxProblems ? $" (reading stopped after {LongTable.MaxProblems})" : "";
            Console.Error.WriteLine($"{e.Problems.Count} problem(s) in {path}{more}; nothing was written.");
            return 1;
        }

        var results = new List<(LongTableSlice, ComplexityResult)>();
        foreach (var slice in slices)
        {
            var where = slice.Time is null ? path : $"{path}: {columns.Time} {slice.Time}";
            try
            {
                var result = EconomicComplexity.Compute(slice.Matrix, options);
                foreach (var dropped in result.Dropped) Console.Error.WriteLine($"{where}: left out {dropped}");
                results.Add((slice, result));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"{where}: {e.Message}; nothing was written.");
                return 1;
            }
        }

        try
        {
            int rows;
            if (outPath is null) rows = ComplexityCsv.Write(Console.Out, columns, results);
            else
            {
                using var writer = new StreamWriter(outPath);
                rows = ComplexityCsv.Write(writer, columns, results);
            }
            var periods = slices.Count > 1 ? $" over {slices.Count} periods" : "";
            Console.Error.WriteLine($"Wrote {rows} rows{periods} to {outPath ?? "standard output"}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out {outPath}: cannot write: {e.Message}");
            return 1;
        }
    }
}
