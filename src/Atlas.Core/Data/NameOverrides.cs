using Atlas.Diagnostics;
using Atlas.Model;
using YamlDotNet.RepresentationModel;

namespace Atlas.Data;

/// <summary>
/// Corrections to the names the reference files give the municipalities (<c>data/name-overrides.yaml</c>): slips in
/// Statbel's REFNIS list (Genepien for Genepiën), a Dutch name a 2025 merger lost (Bastenaken), the German names that
/// are official. Each override names the value it replaces, so that when a new reference file fixes the slip the
/// validator says the override is no longer needed instead of silently keeping it.
/// </summary>
public static class NameOverrides
{
    public const string FileName = "name-overrides.yaml";

    /// <summary>
    /// The municipalities whose German name is official: the nine of the German-speaking Community, and Malmedy and
    /// Waimes (Weismes), French-speaking municipalities with language facilities for German speakers.
    /// </summary>
    public static readonly IReadOnlySet<string> OfficialGerman = new HashSet<string>
    {
        "63001", "63012", "63087", "63013", "63023", "63040", "63048", "63061", "63067", // Amel … Sankt Vith
        "63049", "63080",                                                             // Malmedy, Weismes
    };

    /// <summary>Applies the overrides to the places built from the reference files; reports each problem at its line.</summary>
    public static void Apply(string path, string display, IReadOnlyList<Place> places, List<Problem> problems)
    {
        if (!File.Exists(path)) return;
        var file = YamlFile.Parse(display, File.ReadAllText(path), problems);
        if (file.Root is null || file.AsList(file.Root, $"the top of {FileName}") is not { } list) return;
        var byNis = places.Where(p => p.Nis is not null && p.PlaceKind == PlaceKind.Municipality)
            .GroupBy(p => p.Nis!.Value.ToString()).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in list)
        {
            if (file.AsMap(item, "a name override") is not { } m) continue;
            const string what = "the name override";
            file.CheckKeys(m, what, "nis", "names", "replaces", "note");
            var nis = file.Str(m, "nis", what, required: true);
            var names = file.Texts(m, "names", what);
            var replaces = file.Texts(m, "replaces", what);
            var note = file.Note(m, what);
            if (note.IsEmpty) file.Report(m, $"{what} for {nis} does not say why: add note: {{fr: ..., nl: ..., en: ...}} with the source of the name");
            if (names.IsEmpty) file.Report(m, $"{what} for {nis} sets no name: add names: {{nl: ...}}");
            if (nis is null) continue;
            if (!byNis.TryGetValue(nis, out var place))
            {
                file.Report(YamlFile.Get(m, "nis"), $"no municipality has the NIS code {nis} in the reference files: correct the code");
                continue;
            }
            if (names.Exact(Lang.De) is not null && !OfficialGerman.Contains(nis))
                file.Report(YamlFile.Get(m, "names"), $"{place.Names.Get(Lang.Fr)} ({nis}) has no official German name: German names are official only for the nine German-speaking municipalities, Malmedy and Waimes");
            foreach (var (code, expected) in replaces.ByCode)
            {
                Langs.TryParse(code, out var lang);
                var current = place.Names.Exact(lang);
                if (current != expected)
                    file.Report(YamlFile.Get(m, "replaces"), $"the reference files now give {code} '{current ?? "(none)"}' for {nis}, not '{expected}': the slip is fixed there, remove this override or update 'replaces'");
            }
            foreach (var (code, value) in names.ByCode)
            {
                Langs.TryParse(code, out var lang);
                if (replaces.Exact(lang) is null && place.Names.Exact(lang) is { } existing && existing != value)
                    file.Report(YamlFile.Get(m, "names"), $"{code} '{value}' would replace '{existing}' for {nis}: say so with replaces: {{{code}: {existing}}}");
                place.Names.Set(lang, value);
            }
        }
    }

    /// <summary>The NIS codes the file overrides, each with the names it sets (for tests and the documentation).</summary>
    public static IReadOnlyDictionary<string, LocalizedText> Read(string path)
    {
        var problems = new List<Problem>();
        var result = new Dictionary<string, LocalizedText>();
        var file = YamlFile.Parse(FileName, File.ReadAllText(path), problems);
        if (file.Root is YamlSequenceNode list)
            foreach (var m in list.OfType<YamlMappingNode>())
                if (file.Str(m, "nis", "") is { } nis) result[nis] = file.Texts(m, "names", "");
        return result;
    }
}
