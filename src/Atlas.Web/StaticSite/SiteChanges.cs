using System.Text;
using System.Text.Json;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Web.Catalogue;
using Atlas.Web.Http;

namespace Atlas.Web.StaticSite;

/// <summary>
/// What an export must render again after the data changed. Every entity and fact has a fingerprint (the hash of its
/// JSON); every address of the last export is kept with the ids it mentions (in its links, anchors and JSON fields).
/// When facts or entities changed but none was added or removed, only the addresses that mention a changed one are
/// rendered again — every page that shows a fact names it (the home page names each city's lead line in a data-fact
/// attribute), so a fact reworded renders only those; a fact that says something else (its subject, object, figure,
/// status …) also renders the addresses that mention its subject or object, whose derived content it may change —
/// and those that show the data version.
/// Anything else (a new build of the atlas or other export options, a new register or series import, items added or
/// removed, a change outside the entities and facts) renders everything; either way only files whose content changed
/// are written.
/// </summary>
public static class SiteChanges
{
    public const string VersionMention = "@data-version";

    /// <summary>The build of the atlas that renders: a new build may render any page differently.</summary>
    public static string Build { get; } = string.Join("+", new[] { typeof(SiteExport).Assembly, typeof(AtlasServices).Assembly }
        .Select(a => a.ManifestModule.ModuleVersionId.ToString("N")[..12]));

    public static Dictionary<string, string> Fingerprints(CuratedSnapshot s)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in s.Entities)
            items[e.Id] = SiteWriter.Hash(JsonSerializer.SerializeToUtf8Bytes(EntityJson.Of(e, Lang.En), ApiJson.Info<EntityJson>()));
        foreach (var f in s.Facts)
        {
            var json = FactJson.Of(f, s, Lang.En, []);
            var bare = json with { Text = "", Statement = Empty, Note = null, StatusEvidence = [] };
            items[f.Id] = Hash(bare) + WordsOnly + Hash(json);
        }
        return items;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
    private static string Hash(FactJson json) => SiteWriter.Hash(JsonSerializer.SerializeToUtf8Bytes(json, ApiJson.Info<FactJson>()));

    /// <summary>Between a fact's two fingerprints: what it is without its words (statement, note, the words of its evidence), and all of it.</summary>
    private const char WordsOnly = '.';

    /// <summary>Whether only a fact's words changed: then only what names the fact shows them (every page that shows a fact names it).</summary>
    private static bool OnlyWordsChanged(string before, string now) =>
        before.IndexOf(WordsOnly) is var i and > 0 && now.IndexOf(WordsOnly) == i && before.AsSpan(0, i).SequenceEqual(now.AsSpan(0, i));

    /// <summary>
    /// The register's version and the series' (their last import, by number and time: another store may number its
    /// imports alike): the pages that show them are not traced by mentions.
    /// </summary>
    public static string SourcesVersion(AtlasSnapshots snapshots) =>
        $"{snapshots.Register?.Version}|{snapshots.Series.Version}@{snapshots.SeriesStore.Vintages().Select(v => (DateTimeOffset?)v.ImportedAt).Max():O}";

    /// <summary>What renders the site: the build and the export's own options (its addresses are in the files).</summary>
    public static string Renderer(SiteExportOptions options) => $"{Build} {options.BaseUrl} {options.LiveUrl}";

    /// <summary>The ids to render again for, or null when everything must be rendered again.</summary>
    public static HashSet<string>? Changed(SiteManifest? last, string renderer, CuratedSnapshot s, IReadOnlyDictionary<string, string> items, string sources)
    {
        if (last is null || last.Build != renderer || last.SourcesVersion != sources || last.Items.Count != items.Count
            || items.Keys.Any(k => !last.Items.ContainsKey(k))) return null;
        var changed = items.Where(kv => last.Items[kv.Key] != kv.Value).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (last.DataVersion == s.Version) return changed;
        if (changed.Count == 0) return null; // something else than the entities and facts changed
        // a fact that says something else may change what its subject and object show (their themes, figures …)
        foreach (var fact in changed.Select(s.Fact).OfType<Fact>().Where(f => !OnlyWordsChanged(last.Items[f.Id], items[f.Id])).ToList())
            changed.UnionWith(fact.Object is null ? [fact.Subject] : [fact.Subject, fact.Object]);
        changed.Add(VersionMention);
        return changed;
    }

    /// <summary>Finds the ids of entities and facts in a body (a dash-separated part of a word counts: #fact-ID), and the data version.</summary>
    public sealed class Scanner(IEnumerable<string> ids, string version)
    {
        private readonly HashSet<string> _ids = ids.ToHashSet(StringComparer.Ordinal);
        private readonly byte[] _version = Encoding.ASCII.GetBytes(version.Length > 16 ? version[..16] : version);

        public IReadOnlyList<string> Mentions(byte[] body)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            var found = new HashSet<string>(StringComparer.Ordinal);
            Span<char> word = stackalloc char[200];
            var span = body.AsSpan();
            for (var i = 0; i < span.Length;)
            {
                if (!IsIdByte(span[i])) { i++; continue; }
                var start = i;
                var letters = false;
                for (; i < span.Length && IsIdByte(span[i]); i++) letters |= span[i] >= (byte)'a';
                if (!letters || i - start > word.Length) continue; // every id has a letter: numbers (coordinates) are skipped
                for (var k = start; k < i; k++) word[k - start] = (char)span[k];
                Parts(word[..(i - start)], lookup, found);
            }
            if (_version.Length > 0 && span.IndexOf(_version) >= 0) found.Add(VersionMention);
            return [.. found.Order(StringComparer.Ordinal)];
        }

        /// <summary>Every run of whole dash-separated parts of a word that is an id.</summary>
        private static void Parts(ReadOnlySpan<char> word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ids, HashSet<string> found)
        {
            for (var a = 0; a < word.Length; a = word[a..].IndexOf('-') is var d and >= 0 ? a + d + 1 : word.Length)
                for (var b = a; ; )
                {
                    var dash = word[b..].IndexOf('-');
                    var end = dash < 0 ? word.Length : b + dash;
                    if (end > a && ids.TryGetValue(word[a..end], out var id)) found.Add(id);
                    if (dash < 0) break;
                    b = end + 1;
                }
        }

        private static bool IsIdByte(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-';
    }
}
