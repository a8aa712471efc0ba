using System.Text;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Store;
using Atlas.Text;

namespace Atlas.Search;

/// <summary>
/// Full-text search over names, aliases, descriptions and fact statements in every language, accent- and
/// case-insensitive. A fact that matches leads to its subject (a search for "blockchain" finds Ghent through its
/// agri-food traceability fact); direct name or alias matches rank first. The store's full-text index finds the
/// documents; ranking, facets and snippets come from the snapshot.
/// </summary>
public sealed class SearchQueries(AtlasSnapshots snapshots)
{
    public const int MaxQueryLength = 200;

    public SearchResult Search(string query, Lang lang, SearchFilters? filters = null, int limit = 20)
    {
        filters ??= new SearchFilters();
        var s = snapshots.Curated;
        var store = snapshots.CuratedStore;
        var terms = Terms(query);
        var hits = store.Match(terms, all: true, limit: 500);
        if (hits.Count == 0 && terms.Count > 1) hits = store.Match(terms, all: false, limit: 500);

        var exact = s.ExactAliases(TextFolding.Fold(query.Trim()));
        var facets = Facets.Of(s);
        var ranked = hits
            .GroupBy(h => h.EntityId)
            .Where(g => s.Get(g.Key) is not null)
            .Select(g =>
            {
                var entity = s.Get(g.Key)!;
                var direct = g.Where(h => h.FactId is null).Select(h => h.Score).DefaultIfEmpty(0).Max();
                var viaFacts = g.Where(h => h.FactId is not null).ToList();
                var factScore = viaFacts.Select(h => h.Score).DefaultIfEmpty(0).Max() * 0.6 + 0.05 * viaFacts.Count;
                var rank = exact.Select((id, i) => (id, i)).FirstOrDefault(x => x.id == entity.Id);
                var score = Math.Max(direct, factScore) + (rank.id is not null ? 100 - CuratedSnapshot.AliasRank(entity) : 0);
                if (entity is Place { PlaceKind: PlaceKind.City }) score *= 1.5;
                return (Entity: entity, Label: entity.Label(lang), Score: score,
                    Facts: viaFacts.OrderByDescending(h => h.Score).Select(h => h.FactId!).ToList());
            })
            .Where(x => Keep(x.Entity, facets.GetValueOrDefault(x.Entity.Id), filters))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Label, StringComparer.Ordinal)
            .ToList();

        var facetsOfResults = ranked.Select(x => facets.GetValueOrDefault(x.Entity.Id)).OfType<Facets>().ToList();
        IReadOnlyList<FacetValue> Count(Func<Facets, IEnumerable<string>> pick) => facetsOfResults
            .SelectMany(pick).GroupBy(id => id)
            .Where(g => s.Get(g.Key) is not null)
            .Select(g => new FacetValue(g.Key, s.Label(g.Key, lang), g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal).ToList();
        var kinds = ranked.GroupBy(x => x.Entity.Kind).Select(g => new FacetValue(g.Key, g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();

        var results = ranked.Take(Math.Clamp(limit, 1, 100))
            .Select(x => (Hit: x, Snippet: Snippet(s, x.Entity, x.Facts.FirstOrDefault(), terms, lang)))
            .Select(x => new SearchHit(x.Hit.Entity, x.Snippet.Text, x.Hit.Score, x.Hit.Facts.Take(5).ToList(), x.Snippet.Lang))
            .ToList();
        return new SearchResult(query, lang, terms, ranked.Count, results,
            new SearchFacets(kinds, Count(f => f.Regions), Count(f => f.Sectors), Count(f => f.Technologies)));
    }

    private static bool Keep(Entity e, Facets? f, SearchFilters filters) =>
        (filters.Kind is null || e.Kind == filters.Kind || Slugs.Of(e.Type) == filters.Kind)
        && (filters.Region is null || (f?.Regions.Contains(filters.Region) ?? false))
        && (filters.Sector is null || (f?.Sectors.Contains(filters.Sector) ?? false))
        && (filters.Technology is null || (f?.Technologies.Contains(filters.Technology) ?? false));

    /// <summary>The words of a query, folded: letters and digits only, so quotes and operators are just text.</summary>
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

    /// <summary>
    /// A short text that shows why a result matched: the fact statement in the requested language, else the
    /// entity's description, else its names, cut around the first matching word.
    /// </summary>
    /// <summary>What to show of a hit: the matching fact's statement (in the page's language if it matches there), else the description or the names; with the language it is in, when known.</summary>
    private static (string Text, Lang? Lang) Snippet(CuratedSnapshot s, Entity entity, string? factId, List<string> terms, Lang lang)
    {
        (string? Text, Lang? Lang) found = (null, null);
        if (factId is not null && s.Fact(factId) is { } fact)
        {
            var candidates = new[] { lang, Lang.En, Lang.Fr, Lang.Nl }.Select(l => (Text: fact.Statement.Exact(l), Lang: (Lang?)l))
                .Append((fact.Locator.Phrase, null)).Where(c => c.Text is not null).ToList();
            found = candidates.FirstOrDefault(c => terms.Any(term => TextFolding.Fold(c.Text!).Contains(term)), candidates.FirstOrDefault());
        }
        if (found.Text is null && !entity.Description.IsEmpty)
            found = entity.Description.Exact(lang) is { } d ? (d, lang) : (entity.Description.Exact(Lang.En), Lang.En);
        if (found.Text is null) found = (string.Join(", ", entity.Names.All.Concat(entity.Aliases).Distinct()), null);
        return (Cut(found.Text!, terms), found.Lang);
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
