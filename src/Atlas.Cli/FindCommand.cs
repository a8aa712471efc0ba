using System.CommandLine;
using System.Globalization;
using Atlas.Finder;
using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas find locations|partners</c>: the finder on the command line. Starts from --nace, --sector, --technology or
/// --company; prints a table (every component with its value), or the API's CSV or JSON (--format), which it runs
/// in-process. Exit codes: 0 done, 1 bad input (naming the option) or no register for a question that needs one.
/// </summary>
public static class FindCommand
{
    private static readonly Option<string?> Nace = new("--nace") { Description = "NACE-BEL 2008 codes, comma-separated: classes (26.51), groups, divisions or sections" };
    private static readonly Option<string?> Sector = new("--sector") { Description = "a sector of the atlas (id or alias): its nace2008 codes" };
    private static readonly Option<string?> Technology = new("--technology") { Description = "a technology of the atlas (id or alias): its nace2008 codes, when it has any" };
    private static readonly Option<string?> Company = new("--company") { Description = "a register company (enterprise number or name): its MAIN and SECO activities" };
    private static readonly Option<double> Distance = new("--distance") { Description = "kilometres, 0 to 100: the related base around each municipality, or the partners' radius", DefaultValueFactory = _ => FinderQueries.DefaultDistanceKm };
    private static readonly Option<int> Related = new("--related") { Description = "how many related classes (proximity φ ≥ 0.25), 0 to 50", DefaultValueFactory = _ => RelatedClasses.DefaultCount };
    private static readonly Option<int> Top = new("--top") { Description = "how many rows to print", DefaultValueFactory = _ => 20 };
    private static readonly Option<string?> Source = new("--source") { Description = "kbo or statbel-vat-2019 (default: the register when one is imported, else Statbel)" };
    private static readonly Option<string> Lang = new("--lang") { Description = "language of labels: fr, nl or en", DefaultValueFactory = _ => "en" };
    private static readonly Option<string> Format = new("--format") { Description = "table (readable), csv or json (the API's answer)", DefaultValueFactory = _ => "table" };

    public static Command Build()
    {
        Lang.AcceptOnlyFromAmong("fr", "nl", "en");
        Format.AcceptOnlyFromAmong("table", "csv", "json");
        var weights = new Option<string?>("--weights") { Description = "per cent, adding up to 100, e.g. count=30,lq=20,density=20,related=20,claims=0,index=10 (those not given keep their default: 25, 20, 20, 20, 5, 10)" };
        var near = new Option<string?>("--near") { Description = "a city, a municipality or a postcode", Required = true };

        var locations = new Command("locations", "Rank every municipality for an activity, each component with its value: count, LQ, density, related base, claims, index.");
        foreach (var o in new Option[] { Nace, Sector, Technology, Company, Distance, Related, Top, Source, Lang, Format, weights }) locations.Options.Add(o);
        locations.SetAction((parse, ct) => Run(parse, "locations", ("weights", parse.GetValue(weights)), ct));

        var partners = new Command("partners", "Register companies in the same or related classes near a place, and the atlas's organisations and programmes; each with why it is there.");
        foreach (var o in new Option[] { Nace, Sector, Technology, Company, near, Distance, Related, Top, Source, Lang, Format }) partners.Options.Add(o);
        partners.SetAction((parse, ct) => Run(parse, "partners", ("near", parse.GetValue(near)), ct));

        var command = new Command("find", "Where to locate an activity, and whom to partner with (the finder; see /en/methodology/finder).");
        command.Subcommands.Add(locations);
        command.Subcommands.Add(partners);
        return command;
    }

    private static async Task<int> Run(ParseResult parse, string what, (string Name, string? Value) extra, CancellationToken ct)
    {
        var atlas = AtlasCommand.Prepare(parse, Console.Error);
        if (atlas is null) return AtlasCommand.ExitCode;
        var lang = Langs.TryParse(parse.GetValue(Lang), out var l) ? l : Model.Lang.En;
        try
        {
            var start = FinderStart.Of(parse.GetValue(Nace), parse.GetValue(Sector), parse.GetValue(Technology), parse.GetValue(Company));
            var (distance, related, top, source) = (parse.GetValue(Distance), parse.GetValue(Related), parse.GetValue(Top), parse.GetValue(Source));
            var weights = what == "locations" ? ParseWeights(extra.Value) : Weights.Default;
            if (parse.GetValue(Format) is "csv" or "json")
            {
                (string, string?)[] parameters =
                [
                    (FinderStart.Name(start.Kind), start.Text), ("near", what == "partners" ? extra.Value : null),
                    ("distance", distance.ToString(CultureInfo.InvariantCulture)), ("related", related.ToString(CultureInfo.InvariantCulture)),
                    .. Weights.Components.Select(c => (Web.Finder.FinderForm.WeightParams[c], what == "locations" ? weights.Of(c).ToString(CultureInfo.InvariantCulture) : null)),
                    ("source", source), ("lang", lang.Code()), ("format", parse.GetValue(Format)),
                ];
                return await AtlasCommand.Fetch(atlas, $"/api/finder/{what}{Web.Pages.Links.Query(parameters)}", Console.Out, false, ct);
            }
            if (what == "locations") FindTables.Locations(Console.Out, atlas.Finder.Locations(start, weights, distance, related, source), top, lang);
            else FindTables.Partners(Console.Out, atlas.Finder.Partners(start, extra.Value, distance, related, Math.Clamp(top, 1, FinderQueries.MaxTop), source, lang), lang);
            return 0;
        }
        catch (FinderInputException e)
        {
            Console.Error.WriteLine($"--{e.Field}: {e.Message}.");
        }
        catch (Exception e) when (e is NoRegisterException or UnknownSourceException)
        {
            Console.Error.WriteLine(e is UnknownSourceException ? $"--source: {e.Message}." : e.Message);
        }
        return 1;
    }

    /// <summary>"count=30,index=5": the weights given replace the defaults; the sum is checked by the finder.</summary>
    private static Weights ParseWeights(string? text)
    {
        var w = Weights.Components.ToDictionary(c => c, Weights.Default.Of);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', ':');
            var component = Weights.Components.FirstOrDefault(c => kv.Length == 2 && Weights.Name(c) == kv[0].Trim().ToLowerInvariant(), (Component)(-1));
            if ((int)component < 0 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FinderInputException("weights", FinderProblem.Malformed, part,
                    $"'{part}' is not COMPONENT=PERCENT (components: {string.Join(", ", Weights.Components.Select(Weights.Name))})");
            w[component] = value;
        }
        return new Weights(w[Component.Count], w[Component.Lq], w[Component.Density], w[Component.Related], w[Component.Claims], w[Component.Index]);
    }
}
