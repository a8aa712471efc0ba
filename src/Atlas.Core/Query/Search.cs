using System.Text;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Store;
using Atlas.Text;

namespace Atlas.Query;

public sealed partial class AtlasQueries
{
    public const int MaxQueryLength = 200;

    /// <summary>
    /// Full-text search over names, aliases, descriptions and fact statements in every language, accent- and
    /// case-insensitive. A fact that matches leads to its subject (a search for "blockchain" finds Ghent through its
    /// agri-food traceability fact); direct name or alias matches rank first. The query is cut into words and each
    /// word is quoted, so no user input is ever read as FTS syntax.
    /// </summary>
    public JsonObject Search(string query, Lang lang, string? kind = null, int limit = 20)
    {
        var terms = Terms(query);
        var result = new JsonObject { ["query"] = query, ["lang"] = lang.Code() };
        var hits = terms.Count == 0 ? [] : Match(terms, all: true);
        if (hits.Count == 0 && terms.Count > 1) hits = Match(terms, all: false);

        using var c = Store.Connect();
        var labels = Labels(c, hits.Select(h => h.EntityId), lang);
        var folded = TextFolding.Fold(query.Trim());
        var exact = ExactAliases(c, folded);

        var ranked = hits
            .GroupBy(h => h.EntityId)
            .Where(g => labels.ContainsKey(g.Key))
            .Select(g =>
            {
                var (label, type, entityKind) = labels[g.Key];
                var direct = g.Where(h => h.FactId is null).Select(h => h.Score).DefaultIfEmpty(0).Max();
                var viaFacts = g.Where(h => h.FactId is not null).ToList();
                var factScore = viaFacts.Select(h => h.Score).DefaultIfEmpty(0).Max() * 0.6 + 0.05 * viaFacts.Count;
                var score = Math.Max(direct, factScore) + (exact.TryGetValue(g.Key, out var rank) ? 100 - rank : 0);
                if (entityKind == "city") score *= 1.5;
                return (Id: g.Key, Label: label, Type: type, Kind: entityKind, Score: score,
                        Facts: viaFacts.OrderByDescending(h => h.Score).Select(h => h.FactId!).ToList());
            })
            .Where(x => kind is null || x.Kind == kind || x.Type == kind)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Label, StringComparer.Ordinal)
            .ToList();

        var items = new JsonArray();
        foreach (var x in ranked.Take(Math.Clamp(limit, 1, 100)))
        {
            var item = new JsonObject
            {
                ["type"] = x.Type, ["kind"] = x.Kind, ["id"] = x.Id, ["label"] = x.Label,
                ["snippet"] = Snippet(c, x.Id, x.Facts.FirstOrDefault(), terms, lang),
                ["score"] = Math.Round(x.Score, 3),
            };
            if (x.Facts.Count > 0) item["facts"] = new JsonArray(x.Facts.Take(5).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray());
            items.Add(item);
        }
        result["total"] = ranked.Count;
        result["results"] = items;
        return result;
    }

    /// <summary>The words of a query, folded: letters and digits only, so quotes and FTS operators are just text.</summary>
    public static List<string> Terms(string query)
    {
        var terms = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in TextFolding.Fold(query))
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0) { terms.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) terms.Add(sb.ToString());
        return terms.Distinct().Take(16).ToList();
    }

    private sealed record Hit(string EntityId, string? FactId, double Score);

    private List<Hit> Match(List<string> terms, bool all)
    {
        // every term is a quoted FTS string; the last one also matches as a prefix while the user is typing
        var parts = terms.Select((t, i) => i == terms.Count - 1 && t.Length >= 3 ? $"\"{t}\"*" : $"\"{t}\"");
        var expression = string.Join(all ? " AND " : " OR ", parts);
        using var c = Store.Connect();
        using var cmd = AtlasStore.Command(c, null, """
            SELECT entity_id, fact_id, bm25(search, 0, 0, 10.0, 5.0, 1.0) FROM search
            WHERE search MATCH $q ORDER BY 3 LIMIT 500
            """);
        AtlasStore.Bind(cmd, ("$q", expression));
        var hits = new List<Hit>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) hits.Add(new Hit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), -r.GetDouble(2)));
        return hits;
    }

    /// <summary>Entities whose id, name or alias is exactly the query, with the alias rank (cities first).</summary>
    private static Dictionary<string, int> ExactAliases(Microsoft.Data.Sqlite.SqliteConnection c, string folded)
    {
        using var cmd = AtlasStore.Command(c, null, "SELECT entity_id, rank FROM aliases WHERE alias = $a");
        AtlasStore.Bind(cmd, ("$a", folded));
        var result = new Dictionary<string, int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = r.GetInt32(1);
        return result;
    }

    /// <summary>
    /// A short text that shows why a result matched: the fact statement in the requested language, else the
    /// entity's description, else its kind and parent, cut around the first matching word.
    /// </summary>
    private static string Snippet(Microsoft.Data.Sqlite.SqliteConnection c, string entityId, string? factId, List<string> terms, Lang lang)
    {
        string? text = null;
        if (factId is not null)
        {
            using var cmd = AtlasStore.Command(c, null, "SELECT statement_fr, statement_nl, statement_en, phrase FROM facts WHERE id = $id");
            AtlasStore.Bind(cmd, ("$id", factId));
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                var candidates = new[] { lang switch { Lang.Nl => 1, Lang.En => 2, _ => 0 }, 2, 0, 1, 3 }
                    .Where(i => !r.IsDBNull(i)).Select(i => r.GetString(i)).ToList();
                text = candidates.FirstOrDefault(t => terms.Any(term => TextFolding.Fold(t).Contains(term))) ?? candidates.FirstOrDefault();
            }
        }
        if (text is null)
        {
            var e = EntityRow(c, entityId, lang);
            var description = e?["description"]?.AsObject();
            text = description?[lang.Code()]?.GetValue<string>() ?? description?["en"]?.GetValue<string>();
            if (text is null && e is not null)
            {
                var aliases = e["aliases"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
                var names = e["names"]!.AsObject().Select(kv => kv.Value!.GetValue<string>()).Concat(aliases).Distinct();
                text = $"{e["kind"]}: {string.Join(", ", names)}";
            }
        }
        return Cut(text ?? "", terms);
    }

    private static string Cut(string text, List<string> terms, int width = 160)
    {
        if (text.Length <= width) return text;
        var folded = TextFolding.Fold(text);
        var at = terms.Select(t => folded.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - width / 3);
        var end = Math.Min(text.Length, start + width);
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }
}
