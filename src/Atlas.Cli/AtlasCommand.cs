using System.CommandLine;
using Atlas.Data;
using Atlas.Catalogue;
using Atlas.Store;
using Atlas.Text;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Atlas.Diagnostics;

namespace Atlas.Cli;

/// <summary>The <c>atlas</c> command: serve, validate, get, export (and import, find, complexity, composite in their files). Exit codes: 0 ok, 1 bad data or a failed request, 2 store error.</summary>
public static class AtlasCommand
{
    internal static readonly Option<string?> Db = new("--db")
    {
        Description = $"the SQLite database file (default: ${AtlasSetup.DbEnv}, else {AtlasSetup.DefaultDbPath})",
        Recursive = true,
    };

    internal static readonly Option<string?> DataDir = new("--data")
    {
        Description = $"the data folder (default: ${AtlasSetup.DataEnv}, else the data files shipped with this build of the atlas)",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Belgian Innovation Atlas: the article's facts with their sources, search and comparison, as a web API and a command line.");
        root.Options.Add(Db);
        root.Options.Add(DataDir);
        root.Options.Add(StoreChoice.Store);
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Validate());
        root.Subcommands.Add(Get());
        root.Subcommands.Add(Export());
        root.Subcommands.Add(CompositeCommand.Build());
        root.Subcommands.Add(ComplexityCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(FindCommand.Build());
        root.Subcommands.Add(StoreChoice.Migrate());
        root.Subcommands.Add(SeriesCommands.FetchGroup());
        root.Subcommands.Add(UsersCommands.Users());
        root.Subcommands.Add(UsersCommands.Tokens());
        return root;
    }

    private static Command Serve()
    {
        var port = new Option<int?>("--port") { Description = "port to listen on, on 127.0.0.1 (default 5080, or ASPNETCORE_URLS)" };
        var host = new Option<string>("--host") { Description = "address to bind (default 127.0.0.1; 0.0.0.0 to listen on every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Create or update the database from the data files, then serve the atlas over HTTP.");
        command.Options.Add(port);
        command.Options.Add(host);
        var operations = new ServeOptions();
        operations.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var atlas = Prepare(parse, Console.Out);
            if (atlas is null) return ExitCode;
            string? urls = null;
            if (parse.GetValue(port) is int p)
            {
                if (p is < 1 or > 65535) { Console.Error.WriteLine($"--port {p} is not a port: use 1 to 65535."); return 1; }
                urls = $"http://{parse.GetValue(host)}:{p}";
            }
            else if (parse.GetResult(host) is { Implicit: false }) urls = $"http://{parse.GetValue(host)}:5080";
            var app = AtlasWebApp.Create(atlas, operations.Read(parse, urls));
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"cannot listen: {e.Message}. Another program may use the port: choose one with --port.");
                return 2;
            }
            Console.WriteLine($"The atlas is served at {string.Join(", ", app.Urls)} (database {atlas.CuratedStore.Location}). Press Ctrl+C to stop.");
            Console.WriteLine(atlas.RegisterStore.Info is { } register
                ? $"Enterprise register: extract {register.ExtractNumber} ({register.ExtractType}, snapshot {register.SnapshotDate}) in {atlas.RegisterStore.Location}."
                : $"Enterprise register: {atlas.RegisterStore.Problem ?? "none loaded"} (load one with: atlas import kbo PATH).");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var texts = new Option<string?>("--texts")
        {
            Description = $"folder holding the texts of the sources, to check every key phrase against them (default: ${SourceTexts.Env}, else ../shared/seed beside the repository)",
        };
        var command = new Command("validate", "Check every data file; print 'file:line: problem' for each problem and exit 1 if there is any.");
        command.Options.Add(texts);
        command.SetAction(parse =>
        {
            var dataDir = AtlasSetup.FindDataDir(parse.GetValue(DataDir));
            var textsDir = SourceTexts.Find(parse.GetValue(texts));
            if (textsDir is not null && !Directory.Exists(textsDir))
            {
                var named = parse.GetValue(texts) is not null ? "--texts" : SourceTexts.Env;
                Console.Error.WriteLine($"{named} {textsDir}: no such folder.");
                return 1;
            }
            var report = Validator.Run(dataDir, textsDir);
            foreach (var problem in report.Problems) Console.Out.WriteLine(problem);
            var data = report.Data;
            var summary = $"{data.Entities.Count()} entities ({data.Places.Count} places, {data.Sectors.Count} sectors, {data.Technologies.Count} technologies, {data.Organisations.Count} organisations, {data.Programmes.Count} programmes, {data.Sources.Count} sources) and {data.Facts.Count} facts in {dataDir}";
            var phrases = report.PhrasesChecked > 0
                ? $"; {report.PhrasesChecked} key phrases checked against their source"
                : $"; key phrases NOT checked: the source texts were not found (give --texts DIR or set {SourceTexts.Env}; by default ../shared/seed beside the repository)";
            if (report.IsValid)
            {
                Console.Out.WriteLine($"OK: {summary}{phrases}.");
                return 0;
            }
            Console.Error.WriteLine($"{report.Problems.Count} problem(s) in {summary}{phrases}.");
            return 1;
        });
        return command;
    }

    private static Command Get()
    {
        var path = new Argument<string>("path") { Description = "an API path, e.g. /api/places/ghent or '/api/search?q=Gand&lang=nl'" };
        var headers = new Option<bool>("--headers", "-i") { Description = "print the status line and headers before the body" };
        var command = new Command("get", "Run one request in-process (no server) and print the response body; exit 1 on a 4xx or 5xx status.");
        command.Arguments.Add(path);
        command.Options.Add(headers);
        command.SetAction(async (parse, ct) =>
        {
            var atlas = Prepare(parse, Console.Error);
            if (atlas is null) return ExitCode;
            return await Fetch(atlas, parse.GetValue(path)!, Console.Out, parse.GetValue(headers), ct);
        });
        return command;
    }

    private static Command Export()
    {
        var what = new Argument<string>("table") { Description = "places, sectors, technologies, organisations, programmes, sources or facts; entities (with --format yaml)" };
        what.AcceptOnlyFromAmong("places", "sectors", "technologies", "organisations", "programmes", "sources", "facts", "entities");
        var format = new Option<string>("--format") { Description = "csv or json; yaml for facts or entities: the curated state in the data/ format, into --out (a folder: ./facts, ./entities by default)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "yaml");
        var lang = new Option<string>("--lang") { Description = "language of labels and statements: fr, nl or en", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("fr", "nl", "en");
        var output = new Option<string?>("--out", "-o") { Description = "file to write (default: standard output)" };
        var command = new Command("export", "Write a whole table as CSV or JSON, the curated facts or entities as the data files' YAML, or (with `export site DIR`) the whole atlas as a static site.");
        command.Arguments.Add(what);
        command.Options.Add(format);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.Subcommands.Add(ExportSiteCommand.Build());
        command.SetAction(async (parse, ct) =>
        {
            var atlas = Prepare(parse, Console.Error);
            if (atlas is null) return ExitCode;
            var table = parse.GetValue(what)!;
            if (parse.GetValue(format) == "yaml")
            {
                if (table is not ("facts" or "entities"))
                {
                    Console.Error.WriteLine("--format yaml writes the curated facts (atlas export facts --format yaml --out data/facts) or entities (atlas export entities --format yaml --out data): the other tables are edited in their data files.");
                    return 1;
                }
                var curated = atlas.CuratedStore.Load();
                var folder = parse.GetValue(output) ?? table;
                var files = table == "facts" ? Atlas.Curation.CuratedExport.Facts(curated.Facts, folder) : Atlas.Curation.CuratedExport.Entities(curated.Entities, folder);
                Console.Error.WriteLine(table == "facts"
                    ? $"Wrote {files.Count} facts files into {Path.GetFullPath(folder)}: put them in data/facts/ and run atlas validate."
                    : $"Wrote {files.Count} entity files into {Path.GetFullPath(folder)}: put them in data/ and run atlas validate.");
                return 0;
            }
            if (table == "entities")
            {
                Console.Error.WriteLine("the entities are written as the data files' YAML (atlas export entities --format yaml --out DIR); as CSV or JSON, export a type: places, organisations …");
                return 1;
            }
            var all = table == "places" ? "&current=false" : "";
            var request = $"/api/{table}?format={parse.GetValue(format)}&lang={parse.GetValue(lang)}&pageSize={PageRequest.MaxSize}{all}";
            if (parse.GetValue(format) == "csv") request = $"/api/{table}?format=csv&lang={parse.GetValue(lang)}{all}";
            if (parse.GetValue(output) is { } file)
            {
                await using var writer = new StreamWriter(file);
                var code = await Fetch(atlas, request, writer, false, ct);
                if (code == 0) Console.Error.WriteLine($"Wrote {file}.");
                return code;
            }
            return await Fetch(atlas, request, Console.Out, false, ct);
        });
        return command;
    }

    internal static int ExitCode { get; set; }

    /// <summary>Validates and seeds the store if the data changed; prints what is wrong and returns null if it cannot.</summary>
    internal static AtlasServices? Prepare(ParseResult parse, TextWriter log)
    {
        var (atlas, code) = StoreChoice.Prepare(parse, log);
        ExitCode = code;
        return atlas;
    }

    /// <summary>Runs one GET through the whole application in-process and writes the body.</summary>
    public static async Task<int> Fetch(AtlasServices atlas, string path, TextWriter output, bool showHeaders, CancellationToken ct)
    {
        if (!path.StartsWith('/')) path = "/" + path;
        await using var app = AtlasWebApp.Create(atlas, new WebOptions { InProcess = true });
        await app.StartAsync(ct);
        using var client = app.GetTestClient();
        using var response = await client.GetAsync(path, ct);
        if (showHeaders)
        {
            await output.WriteLineAsync($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}");
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                await output.WriteLineAsync($"{name}: {string.Join(", ", values)}");
            await output.WriteLineAsync();
        }
        await output.WriteAsync(await response.Content.ReadAsStringAsync(ct));
        await output.WriteLineAsync();
        await app.StopAsync(ct);
        var status = (int)response.StatusCode;
        if (status >= 400) Console.Error.WriteLine($"{path}: HTTP {status} {response.ReasonPhrase}");
        return status >= 400 ? 1 : 0;
    }
}
