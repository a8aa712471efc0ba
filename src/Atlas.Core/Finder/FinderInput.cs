using System.Globalization;
using Atlas.Catalogue;
using Atlas.Companies;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Sources;
using Atlas.Specialisation;

namespace Atlas.Finder;

/// <summary>What a finder question starts from: NACE codes, a sector or technology of the atlas, or a register company.</summary>
public enum StartKind { Nace, Sector, Technology, Company }

/// <summary>What is wrong with an input of a finder question.</summary>
public enum FinderProblem { Missing, Several, Malformed, Unknown, TooMany, NotMeasurable, NoActivity, NoPoint, OutOfRange, BadSum }

/// <summary>
/// A question the finder cannot answer as asked: <see cref="Field"/> names the input to change (nace, sector,
/// technology, company, near, distance, weights, related, top), <see cref="Problem"/> what is wrong with it and
/// <see cref="Value"/> the value at fault, so that a page can say it in its own language; the message says it in English.
/// </summary>
public sealed class FinderInputException(string field, FinderProblem problem, string value, string message) : Exception(message)
{
    public string Field { get; } = field;
    public FinderProblem Problem { get; } = problem;
    public string Value { get; } = value;
}

/// <summary>The one thing a question starts from, as the user wrote it.</summary>
public sealed record FinderStart(StartKind Kind, string Text)
{
    /// <summary>The start from the four inputs, of which exactly one must be given.</summary>
    public static FinderStart Of(string? nace, string? sector, string? technology, string? company)
    {
        var given = new (StartKind Kind, string? Text)[] { (StartKind.Nace, nace), (StartKind.Sector, sector), (StartKind.Technology, technology), (StartKind.Company, company) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
        return given.Count switch
        {
            1 => new FinderStart(given[0].Kind, given[0].Text!.Trim()),
            0 => throw new FinderInputException("nace", FinderProblem.Missing, "", "say what to look for: one or more NACE codes (nace), a sector, a technology, or a company (enterprise number or name)"),
            _ => throw new FinderInputException(Name(given[1].Kind), FinderProblem.Several, string.Join(", ", given.Select(g => Name(g.Kind))), $"give one starting point, not {string.Join(" and ", given.Select(g => Name(g.Kind)))}"),
        };
    }

    public static string Name(StartKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A register company a question starts from, with the activities it brings (NACE-BEL 2008, MAIN and SECO, its own and its establishments').</summary>
public sealed record FinderCompany(long Number, string EnterpriseNumber, string? Name, IReadOnlyList<CompanyActivity> Activities);

/// <summary>
/// The activity a question is about, resolved: the NACE-BEL 2008 classes that measure it (what the user gave, a
/// sector's or technology's codes from the data files, or a company's activities), the codes they came from, and the
/// sectors and technologies whose codes overlap it — the topics of the claims and curated organisations it matches.
/// </summary>
public sealed record Activity(StartKind Kind, string Input, IReadOnlyList<string> Codes, IReadOnlyList<int> Classes, Entity? Entity,
    FinderCompany? Company, IReadOnlyList<Entity> Topics)
{
    public bool Contains(int cls) => Classes.Contains(cls);
}

/// <summary>Turns a <see cref="FinderStart"/> into an <see cref="Activity"/>, or says which input is wrong and why.</summary>
internal static class ActivityResolver
{
    public const int MaxCodes = 20;

    public static Activity Resolve(FinderStart start, AtlasSnapshots snapshots, CompanyQueries companies, CountSource source)
    {
        var curated = snapshots.Curated;
        var counts = ClassCounts.Main(source);
        var labels = source.NaceLabels(2008, Lang.En);
        var universe = labels.Keys.Where(k => k.Length == 4 && k.All(char.IsAsciiDigit)).Select(k => int.Parse(k, CultureInfo.InvariantCulture)).Order().ToArray();
        IReadOnlyList<int> Expand(IEnumerable<string> codes) =>
            universe.Where(cls => codes.Any(code => NaceCode.Covers(code, cls, counts.Section))).ToList();

        switch (start.Kind)
        {
            case StartKind.Nace:
            {
                var codes = start.Text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Written).ToList();
                if (codes.Count > MaxCodes) throw new FinderInputException("nace", FinderProblem.TooMany, codes.Count.ToString(CultureInfo.InvariantCulture), $"give at most {MaxCodes} NACE codes, not {codes.Count}");
                foreach (var code in codes)
                {
                    if (!NaceCode.IsWellFormed(code))
                        throw new FinderInputException("nace", FinderProblem.Malformed, Short(code), $"'{Short(code)}' is not a NACE-BEL 2008 code: write a section letter (C), a division (26), a group (26.5) or a class (26.51)");
                    if (!labels.ContainsKey(code.Replace(".", "")))
                        throw new FinderInputException("nace", FinderProblem.Unknown, code, $"there is no NACE-BEL 2008 code {code}");
                }
                codes = codes.Distinct().ToList();
                return new Activity(StartKind.Nace, start.Text, codes, Expand(codes), null, null, Topics(curated, Expand(codes), counts));
            }
            case StartKind.Sector or StartKind.Technology:
            {
                var type = start.Kind == StartKind.Sector ? EntityType.Sector : EntityType.Technology;
                var field = FinderStart.Name(start.Kind);
                if (curated.Resolve(start.Text, type) is not { } id)
                    throw new FinderInputException(field, FinderProblem.Unknown, Short(start.Text), $"there is no {field} '{Short(start.Text)}' in the atlas: see the list of {field}s");
                var entity = curated.Get(id)!;
                var codes = entity switch { Sector s => s.Nace2008, Technology t => t.Nace2008, _ => [] };
                if (codes.Count == 0)
                    throw new FinderInputException(field, FinderProblem.NotMeasurable, entity.Label(Lang.En), $"no NACE class captures {entity.Label(Lang.En)} well, so the register cannot measure it: start from a sector or from NACE codes instead");
                return new Activity(start.Kind, start.Text, codes, Expand(codes), entity, null, [entity]);
            }
            default:
            {
                var company = Company(start.Text, snapshots, companies);
                var classes = company.Activities.Where(a => a.NaceVersion == 2008 && a.Code.Length >= 4)
                    .Select(a => int.Parse(a.Code[..4], CultureInfo.InvariantCulture)).Distinct().Order().ToList();
                if (classes.Count == 0)
                    throw new FinderInputException("company", FinderProblem.NoActivity, company.EnterpriseNumber, $"{company.EnterpriseNumber} has no MAIN or SECO activity in NACE-BEL 2008 in the register: start from NACE codes instead");
                var codes = classes.Select(c => c.ToString("D4", CultureInfo.InvariantCulture)).ToList();
                return new Activity(StartKind.Company, start.Text, codes, classes, null, company, Topics(curated, classes, counts));
            }
        }
    }

    /// <summary>A code as data files write it: 2651 → 26.51, 265 → 26.5; others as given.</summary>
    private static string Written(string code) =>
        code.Length is 3 or 4 && code.All(char.IsAsciiDigit) ? $"{code[..2]}.{code[2..]}" : code.ToUpperInvariant();

    /// <summary>The sectors and technologies whose codes hold at least one of the classes.</summary>
    private static List<Entity> Topics(CuratedSnapshot curated, IReadOnlyList<int> classes, ClassCounts counts) =>
        curated.Entities.Where(e => e is Sector or Technology)
            .Where(e => (e is Sector s ? s.Nace2008 : ((Technology)e).Nace2008).Any(code => classes.Any(cls => NaceCode.Covers(code, cls, counts.Section))))
            .ToList();

    /// <summary>The company of an enterprise (or establishment) number, else the best match of a name; with its MAIN and SECO activities.</summary>
    private static FinderCompany Company(string text, AtlasSnapshots snapshots, CompanyQueries companies)
    {
        snapshots.RequireRegister();
        long? number = CompanyQueries.NumberQuery(text);
        if (number is null && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ' ' or 'B' or 'E' or 'b' or 'e'))
            throw new FinderInputException("company", FinderProblem.Malformed, Short(text), $"'{Short(text)}' is not a valid enterprise number (ten digits, the last two a mod-97 check)");
        if (number is null)
        {
            var hit = companies.Search(text, Lang.En, new PageRequest(1, 1)).Page.Items.FirstOrDefault()
                ?? throw new FinderInputException("company", FinderProblem.Unknown, Short(text), $"no company of the register has a name holding '{Short(text)}'");
            number = EnterpriseNumber.Parse(hit.EnterpriseNumber).Value;
        }
        var company = companies.Get(number.Value, Lang.En)
            ?? throw new FinderInputException("company", FinderProblem.Unknown, Short(text), $"the register has no enterprise or establishment {Short(text)}");
        var activities = company.Activities.Concat(company.Establishments.SelectMany(e => e.Activities))
            .Where(a => a.Classification is "MAIN" or "SECO").ToList();
        var enterprise = EnterpriseNumber.Parse(company.EnterpriseNumber).Value;
        return new FinderCompany(enterprise, company.EnterpriseNumber, company.Name, activities);
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
