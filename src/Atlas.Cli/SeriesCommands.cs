using System.CommandLine;
using System.Globalization;
using Atlas.Diagnostics;
using Atlas.Series;
using Atlas.Store;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas import series PATH</c> and <c>atlas fetch series PROVIDER KEY</c>: official series into the series file
/// beside the database (atlas.db → atlas.series.db), each import one vintage. Exit codes: 0 imported (or nothing new),
/// 1 the file or the answer cannot be imported (nothing was changed), 2 the series file cannot be written.
/// </summary>
public static class SeriesCommands
{
    private sealed record Told(Option<string?> Adjustment, Option<string?> Unit, Option<int?> BaseYear, Option<string?> Geo,
        Option<string?> Activity, Option<int> MaxErrors)
    {
        public static Told Create() => new(
            new Option<string?>("--adjustment") { Description = "the seasonal adjustment when the file does not say: NSA, CA (calendar), SA (seasonal) or SCA (both)" },
            new Option<string?>("--unit") { Description = "the unit when the file does not say (I21, index_2021, NUMBER, PCH_SM…)" },
            new Option<int?>("--base-year") { Description = "the base year of an index when neither the file nor the unit says it" },
            new Option<string?>("--geo") { Description = "the place the series cover (BE) when the file has no geo or REF_AREA column" },
            new Option<string?>("--activity") { Description = "the activity the series cover (B-D) when the file has no NACE column" },
            new Option<int>("--max-errors") { Description = "leave out up to this many unreadable rows (0); past it, nothing is imported", DefaultValueFactory = _ => 0 });

        public void AddTo(Command c)
        {
            foreach (var o in new Option[] { Adjustment, Unit, BaseYear, Geo, Activity, MaxErrors }) c.Options.Add(o);
        }

        /// <summary>The options as the importer takes them, or null after saying what is wrong.</summary>
        public SeriesImportOptions? Read(ParseResult parse)
        {
            Adjustment? adjustment = null;
            if (parse.GetValue(Adjustment) is { } a)
            {
                if (!Enum.TryParse<Adjustment>(a, true, out var x) || !Enum.IsDefined(x))
                {
                    Console.Error.WriteLine($"--adjustment {a}: use NSA, CA, SA or SCA.");
                    return null;
                }
                adjustment = x;
            }
            if (parse.GetValue(MaxErrors) is < 0)
            {
                Console.Error.WriteLine("--max-errors: give a number of rows, 0 or more.");
                return null;
            }
            return new SeriesImportOptions
            {
                Adjustment = adjustment, Unit = parse.GetValue(Unit), BaseYear = parse.GetValue(BaseYear), Geo = parse.GetValue(Geo),
                Activity = parse.GetValue(Activity), MaxErrors = parse.GetValue(MaxErrors),
            };
        }
    }

    public static Command Import()
    {
        var path = new Argument<string>("path") { Description = "an SDMX-CSV file (1.0 or 2.0), the NBB's CSV export, or Statbel's establishment units (JSON)" };
        var told = Told.Create();
        var command = new Command("series", "Import a file of official series as one vintage into the series file beside the database (atlas.db → atlas.series.db).");
        command.Arguments.Add(path);
        told.AddTo(command);
        command.SetAction(parse =>
        {
            if (told.Read(parse) is not { } options) return 1;
            var file = parse.GetValue(path)!;
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file}: no such file.");
                return 1;
            }
            return Run(parse, store => SeriesImporter.Import(store, file, options with { Municipalities = () => Municipalities(parse) }));
        });
        return command;
    }

    /// <summary><c>atlas fetch</c>, whose one subcommand is <c>series</c>.</summary>
    public static Command FetchGroup()
    {
        var fetch = new Command("fetch", "Fetch data from the statistical offices and import it.");
        fetch.Subcommands.Add(Fetch());
        return fetch;
    }

    public static Command Fetch()
    {
        var provider = new Argument<string>("provider") { Description = "nbb (NBB.Stat, agency BE2) or eurostat" };
        provider.AcceptOnlyFromAmong("nbb", "eurostat");
        var key = new Argument<string>("key") { Description = "the series key: M.2021.INDPROD.W.B_C_D.BE (NBB DF_INDPROD), M.PRD.B-D.CA.I21.BE (Eurostat sts_inpr_m: freq.indic_bt.nace_r2.s_adj.unit.geo)" };
        var flow = new Option<string?>("--flow") { Description = "the dataflow (default: DF_INDPROD for the NBB, sts_inpr_m for Eurostat)" };
        var from = new Option<string?>("--from") { Description = "the first period (2020-01)" };
        var to = new Option<string?>("--to") { Description = "the last period (2025-12)" };
        var url = new Option<string?>("--url") { Description = "the provider's SDMX REST address, for a mirror (default: the public one)" };
        var timeout = new Option<double>("--timeout") { Description = "seconds to wait for the answer (30)", DefaultValueFactory = _ => 30 };
        var told = Told.Create();
        var command = new Command("series", "Ask the NBB or Eurostat for a series in SDMX-CSV and import the answer as one vintage.");
        command.Arguments.Add(provider);
        command.Arguments.Add(key);
        foreach (var o in new Option[] { flow, from, to, url, timeout }) command.Options.Add(o);
        told.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (told.Read(parse) is not { } options) return 1;
            SeriesPeriod? Period(Option<string?> o)
            {
                if (parse.GetValue(o) is not { } text) return null;
                if (SeriesPeriod.TryParse(text, null, out var p, out var error)) return p;
                throw new ArgumentException($"{o.Name} {error}");
            }
            FetchRequest request;
            Uri address;
            try
            {
                Uri? baseAddress = parse.GetValue(url) is { } u
                    ? Uri.TryCreate(u, UriKind.Absolute, out var b) && b.Scheme is "http" or "https" ? b : throw new ArgumentException($"--url {u}: give an http or https address")
                    : null;
                if (parse.GetValue(timeout) is not > 0) throw new ArgumentException("--timeout: give a number of seconds above 0");
                request = new FetchRequest(parse.GetValue(provider) == "nbb" ? SdmxProvider.Nbb : SdmxProvider.Eurostat, parse.GetValue(key)!,
                    parse.GetValue(flow), Period(from), Period(to), baseAddress);
                address = SdmxFetch.Query(request);
            }
            catch (Exception e) when (e is ArgumentException or SeriesFetchException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            byte[] body;
            try
            {
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                Console.Error.WriteLine($"Asking {SdmxFetch.Name(request.Provider)}: {address}");
                body = await SdmxFetch.Fetch(http, request.Provider, address, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
            }
            catch (SeriesFetchException e)
            {
                Console.Error.WriteLine($"{e.Message}. Nothing was imported." +
                    (e.Failure == FetchFailure.Timeout ? " Try again later, or wait longer with --timeout SECONDS." : ""));
                return 1;
            }
            var fetched = DateTimeOffset.UtcNow;
            return Run(parse, store => SeriesImporter.Import(store, body, address.ToString(),
                options with { Source = address.ToString(), FetchedAt = fetched, Municipalities = () => Municipalities(parse) }));
        });
        return command;
    }

    private static int Run(ParseResult parse, Func<ISeriesStore, ImportReport> import)
    {
        try
        {
            var store = StoreChoice.Series(parse);
            Summary(import(store), store, Console.Out);
            return 0;
        }
        catch (SeriesImportException e)
        {
            foreach (var p in e.Problems) Console.Error.WriteLine(p);
            if (e.Rejected > e.Problems.Count) Console.Error.WriteLine($"… and {e.Rejected - e.Problems.Count} more row(s) that cannot be read.");
            foreach (var field in e.Missing.Select(m => m.Field).Distinct())
                Console.Error.WriteLine(field == MetadataField.Adjustment
                    ? $"The file does not say the seasonal adjustment of {Names(e, field)}: give it with --adjustment NSA, CA, SA or SCA."
                    : $"The file does not say the unit of {Names(e, field)}: give it with --unit CODE (or --base-year YEAR for an index).");
            // how to go on, with this command's options
            Console.Error.WriteLine(e.Message.TrimEnd('.') + (e.Reason == SeriesRefusal.TooManyUnreadableRows ? " (--max-errors N leaves out up to N unreadable rows)." : "."));
            return 1;
        }
        catch (DataProblemsException e)
        {
            foreach (var p in e.Problems) Console.Error.WriteLine(p);
            Console.Error.WriteLine("The atlas's data has problems, so its municipalities cannot be matched: nothing was imported.");
            return 1;
        }
        catch (Exception e) when (e is StoreUnavailableException or Postgres.StoreSpecException or Postgres.SchemaException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static string Names(SeriesImportException e, MetadataField field)
    {
        var ids = e.Missing.Where(m => m.Field == field).Select(m => m.SeriesId).Distinct().ToList();
        return string.Join(", ", ids.Take(3)) + (ids.Count > 3 ? $" and {ids.Count - 3} more" : "");
    }

    /// <summary>Today's municipalities from the atlas's curated data (prepared if needed), for files that name them.</summary>
    private static IReadOnlyList<MunicipalityName> Municipalities(ParseResult parse)
    {
        return ShippedSeries.Municipalities(StoreChoice.Open(parse, null).Snapshots.Curated);
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static void Summary(ImportReport r, ISeriesStore store, TextWriter o)
    {
        if (r.AlreadyImported is { } v)
        {
            o.WriteLine($"{r.Source} was imported already (vintage {v.Id}, fetched {v.FetchedAt:yyyy-MM-dd}, imported {v.ImportedAt:yyyy-MM-dd HH:mm} UTC): nothing changed.");
            return;
        }
        if (r.Vintage is not { } vintage)
            o.WriteLine($"Nothing new in {r.Source}: its {N(r.Unchanged)} values of {N(r.Series)} series are in {store.Location} already.");
        else
            o.WriteLine($"Imported {r.Source} into {store.Location} as vintage {vintage.Id} (fetched {vintage.FetchedAt:yyyy-MM-dd}): " +
                        $"{N(r.Series)} series ({N(r.NewSeries)} new), {N(r.Added)} values added, {N(r.Revised)} revised, {N(r.Unchanged)} unchanged" +
                        (r.Deleted > 0 ? $", {N(r.Deleted)} deleted" : "") + $"; {N(r.Rows)} rows in {r.Elapsed.TotalSeconds:0.00} s.");
        foreach (var note in r.Notes) o.WriteLine("  " + note);
        if (r.Rejected > 0)
        {
            o.WriteLine($"Rows left out, under --max-errors: {N(r.Rejected)}");
            foreach (var p in r.Problems) o.WriteLine("  " + p);
        }
    }
}
