using System.Text;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Store;
using Atlas.Text;

namespace Atlas.Query;

public sealed partial class AtlasQueries
{
    public const int MaxQueryLength = 200;

    /// <summary>Narrows a search: a kind or type, a region, a sector, a technology (ids).</summary>
    public sealed record SearchFilters(string? Kind = null, string? Region = null, string? Sector = null, string? Technology = null);

    /// <summary>
    /// Full-text search over names, aliases, descriptions and fact statements in every language, accent- and
    /// case-insensitive. A fact that matches leads to its subject (a search for "blockchain" finds Ghent through its
    /// agri-food traceability fact); direct name or alias matches rank first. The query is cut into words and each
    /// word is quoted, so no user input is ever read as FTS syntax. Facets count the results by kind, region, sector
    /// and technology.
    /// </summary>
    public SearchResult Search(string query, Lang lang, SearchFilters? filters = null, int limit = 20)
    {
        filters ??= new SearchFilters();
        var terms = Terms(query);
        var hits = terms.Count == 0 ? [] : Match(terms, all: true);
        if (hits.Count == 0 && terms.Count > 1) hits = Match(terms, all: false);

        using var c = Store.Connect();
        var labels = Labels(c, hits.Select(h => h.EntityId), lang);
        var exact = ExactAliases(c, TextFolding.Fold(query.Trim()));
        var facets = FacetIndex;

        var ranked = hits
            .GroupBy(h => h.EntityId)
            .Where(g => labels.ContainsKey(g.Key))
            .Select(g =>
            {
                var entity = labels[g.Key];
                var direct = g.Where(h => h.FactId is null).Select(h => h.Score).DefaultIfEmpty(0).Max();
                var viaFacts = g.Where(h => h.FactId is not null).ToList();
                var factScore = viaFacts.Select(h => h.Score).DefaultIfEmpty(0).Max() * 0.6 + 0.05 * viaFacts.Count;
                var score = Math.Max(direct, factScore) + (exact.TryGetValue(g.Key, out var rank) ? 100 - rank : 0);
                if (entity.Kind == "city") score *= 1.5;
                return (Entity: entity, Score: score, Facts: viaFacts.OrderByDescending(h => h.Score).Select(h => h.FactId!).ToList());
            })
            .Where(x => Keep(x.Entity, facets.GetValueOrDefault(x.Entity.Id), filters))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Entity.Label, StringComparer.Ordinal)
            .ToList();

        var facetIds = ranked.Select(x => facets.GetValueOrDefault(x.Entity.Id)).Where(f => f is not null).ToList();
        var facetLabels = Labels(c, facetIds.SelectMany(f => f!.Regions.Concat(f.Sectors).Concat(f.Technologies)), lang);
        IReadOnlyList<FacetValue> Count(Func<Facets, IEnumerable<string>> pick) => facetIds
            .SelectMany(f => pick(f!)).GroupBy(id => id)
            .Where(g => facetLabels.ContainsKey(g.Key))
            .Select(g => new FacetValue(g.Key, facetLabels[g.Key].Label, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal).ToList();
        var facetCounts = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["kind"] = ranked.GroupBy(x => x.Entity.Kind).Select(g => new FacetValue(g.Key, g.Key, g.Count()))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Id, StringComparer.Ordinal).ToList(),
            ["region"] = Count(f => f.Regions),
            ["sector"] = Count(f => f.Sectors),
            ["technology"] = Count(f => f.Technologies),
        };

        var results = ranked.Take(Math.Clamp(limit, 1, 100))
            .Select(x => new SearchHit(x.Entity, Snippet(c, x.Entity.Id, x.Facts.FirstOrDefault(), terms, lang), x.Score, x.Facts.Take(5).ToList()))
            .ToList();
        return new SearchResult(query, lang, terms, ranked.Count, results, facetCounts);
    }

    private static bool Keep(EntityRef e, Facets? f, SearchFilters filters) =>
        (filters.Kind is null || e.Kind == filters.Kind || e.Type == filters.Kind)
        && (filters.Region is null || (f?.Regions.Contains(filters.Region) ?? false))
        && (filters.Sector is null || (f?.Sectors.Contains(filters.Sector) ?? false))
        && (filters.Technology is null || (f?.Technologies.Contains(filters.Technology) ?? false));

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
            text = e?.Description(lang);
            if (text is null && e is not null)
            {
                var names = e["names"]!.AsObject().Select(kv => kv.Value!.GetValue<string>()).Concat(e.Aliases).Distinct();
                text = string.Join(", ", names);
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
