using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Store;
using Atlas.Text;
using Microsoft.Data.Sqlite;

namespace Atlas.Query;

/// <summary>
/// The one query layer that pages, the API and the CLI use. It reads the store with plain SQL and returns the JSON
/// shapes of the API. Entities come back with a <c>label</c> in the requested language; facts with their statement
/// (<c>text</c>) in it.
/// </summary>
public sealed partial class AtlasQueries(AtlasStore store)
{
    public AtlasStore Store { get; } = store;

    /// <summary>The data version the store holds (its content hash); it changes only when the data files change.</summary>
    public string DataVersion => _dataVersion ??= Store.DataHash ?? "";
    private string? _dataVersion;

    /// <summary>The map of Belgium, projected when the store was seeded; null if the boundaries were missing.</summary>
    public Atlas.Geo.BelgiumMap? Map => _map ??= Store.Meta("map") is { Length: > 0 } json ? JsonSerializer.Deserialize<Atlas.Geo.BelgiumMap>(json) : null;
    private Atlas.Geo.BelgiumMap? _map;

    // ---------- entities ----------

    /// <summary>Finds the id of an entity from its id or any alias, in any case and with or without accents.</summary>
    public string? Resolve(string idOrAlias, EntityType? type = null)
    {
        if (string.IsNullOrWhiteSpace(idOrAlias) || idOrAlias.Length > 200) return null;
        var raw = idOrAlias.Trim();
        if (!AliasIndex.TryGetValue(TextFolding.Fold(raw), out var candidates)) return null;
        var typeName = TypeName(type);
        string? best = null;
        foreach (var (id, entityType) in candidates)
        {
            if (typeName is not null && entityType != typeName) continue;
            if (id == raw) return id;   // the exact id wins over any alias
            best ??= id;                // candidates are in rank order: cities before municipalities
        }
        return best;
    }

    /// <summary>
    /// Every folded alias → the entities it names, best first. The store does not change while this object lives
    /// (it is re-seeded only before a new one is made), so the table is read once: look-ups are the hot path of
    /// every request by id.
    /// </summary>
    private FrozenDictionary<string, (string Id, string Type)[]> AliasIndex => _aliases ??= LoadAliases();
    private FrozenDictionary<string, (string Id, string Type)[]>? _aliases;

    private FrozenDictionary<string, (string Id, string Type)[]> LoadAliases()
    {
        using var c = Store.Connect();
        using var cmd = AtlasStore.Command(c, null, """
            SELECT a.alias, a.entity_id, e.type FROM aliases a JOIN entities e ON e.id = a.entity_id
            ORDER BY a.alias, a.rank, e.is_current DESC, e.id
            """);
        var rows = new List<(string Alias, string Id, string Type)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        return rows.GroupBy(x => x.Alias, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Id, x.Type)).ToArray(), StringComparer.Ordinal);
    }

    public Page<EntityView> ListEntities(EntityType type, Lang lang, PageRequest page, string? kind = null, string? parent = null, bool currentOnly = true)
    {
        using var c = Store.Connect();
        const string where = """
            WHERE type = $type AND ($kind IS NULL OR kind = $kind) AND ($parent IS NULL OR parent_id = $parent)
              AND ($all = 1 OR is_current = 1)
            """;
        var args = new (string, object?)[] { ("$type", TypeName(type)), ("$kind", kind), ("$parent", parent), ("$all", currentOnly ? 0 : 1) };
        var total = Count(c, $"SELECT count(*) FROM entities {where}", args);
        using var cmd = AtlasStore.Command(c, null, $"SELECT json FROM entities {where} ORDER BY sort_key, id LIMIT $limit OFFSET $offset");
        AtlasStore.Bind(cmd, args);
        AtlasStore.Bind(cmd, ("$limit", page.Size), ("$offset", page.Offset));
        var items = new List<EntityView>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) items.Add(WithLabel(r.GetString(0), lang));
        return new Page<EntityView>(items, total, page.Number, page.Size);
    }

    /// <summary>One entity with everything the atlas says of it: its facts as subject and the facts about it.</summary>
    public EntityDetail? GetEntity(string idOrAlias, Lang lang, EntityType? type = null)
    {
        var id = Resolve(idOrAlias, type);
        if (id is null) return null;
        using var c = Store.Connect();
        var entity = EntityRow(c, id, lang);
        if (entity is null) return null;
        var facts = QueryFacts(c, "f.subject_id = $id", [("$id", id)], lang, PageRequest.All).Items;
        var about = QueryFacts(c, "f.id IN (SELECT fact_id FROM fact_entities WHERE entity_id = $id AND role <> 'subject')",
            [("$id", id)], lang, PageRequest.All).Items;
        var children = entity.Type == "place" ? Children(c, id, lang) : [];
        int? factCount = entity.Type == "source" ? Count(c, "SELECT count(*) FROM facts WHERE source_id = $id", [("$id", id)]) : null;
        return new EntityDetail(entity, facts, about, children, factCount);
    }

    private static List<EntityRef> Children(SqliteConnection c, string id, Lang lang)
    {
        using var cmd = AtlasStore.Command(c, null,
            $"SELECT id, name_{lang.Code()}, type, kind FROM entities WHERE parent_id = $id AND is_current = 1 ORDER BY sort_key");
        AtlasStore.Bind(cmd, ("$id", id));
        var list = new List<EntityRef>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new EntityRef(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    internal static EntityView? EntityRow(SqliteConnection c, string id, Lang lang)
    {
        using var cmd = AtlasStore.Command(c, null, "SELECT json FROM entities WHERE id = $id");
        AtlasStore.Bind(cmd, ("$id", id));
        return cmd.ExecuteScalar() is string json ? WithLabel(json, lang) : null;
    }

    /// <summary>Id, label, type and kind of several entities at once.</summary>
    public Dictionary<string, EntityRef> Refs(IEnumerable<string> ids, Lang lang)
    {
        using var c = Store.Connect();
        return Labels(c, ids, lang);
    }

    internal static Dictionary<string, EntityRef> Labels(SqliteConnection c, IEnumerable<string> ids, Lang lang)
    {
        var result = new Dictionary<string, EntityRef>();
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return result;
        using var cmd = AtlasStore.Command(c, null,
            $"SELECT id, name_{lang.Code()}, type, kind FROM entities WHERE id IN (SELECT value FROM json_each($ids))");
        AtlasStore.Bind(cmd, ("$ids", JsonSerializer.Serialize(list)));
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = new EntityRef(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
        return result;
    }

    private static EntityView WithLabel(string json, Lang lang)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var names = o["names"]?.AsObject();
        var label = names?[lang.Code()]?.GetValue<string>() ?? names?["en"]?.GetValue<string>() ?? names?["fr"]?.GetValue<string>() ?? o["id"]!.GetValue<string>();
        // put the label right after the id, where a reader looks for it
        var ordered = new JsonObject();
        foreach (var (k, v) in o.ToList())
        {
            o.Remove(k);
            ordered[k] = v;
            if (k == "id") ordered["label"] = label;
        }
        return new EntityView(ordered);
    }

    // ---------- facts ----------

    public Page<FactView> Facts(FactFilter filter, Lang lang, PageRequest page)
    {
        var conditions = new List<string>();
        var args = new List<(string, object?)>();
        if (filter.Subject is not null)
        {
            conditions.Add("f.subject_id = $subject");
            args.Add(("$subject", Resolve(filter.Subject) ?? filter.Subject));
        }
        if (filter.About is not null)
        {
            conditions.Add("f.id IN (SELECT fact_id FROM fact_entities WHERE entity_id = $about)");
            args.Add(("$about", Resolve(filter.About) ?? filter.About));
        }
        if (filter.Predicate is not null) { conditions.Add("f.predicate = $predicate"); args.Add(("$predicate", filter.Predicate)); }
        if (filter.Source is not null) { conditions.Add("f.source_id = $source"); args.Add(("$source", filter.Source)); }
        if (filter.Status is not null) { conditions.Add("f.status = $status"); args.Add(("$status", filter.Status)); }
        if (filter.Role is not null) { conditions.Add("f.role = $role"); args.Add(("$role", filter.Role)); }
        using var c = Store.Connect();
        return QueryFacts(c, conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions), args, lang, page);
    }

    public FactView? GetFact(string id, Lang lang)
    {
        using var c = Store.Connect();
        return QueryFacts(c, "f.id = $id", [("$id", id)], lang, new PageRequest(1, 1)).Items.FirstOrDefault();
    }

    private Page<FactView> QueryFacts(SqliteConnection c, string where, IReadOnlyList<(string, object?)> args, Lang lang, PageRequest page)
    {
        var total = Count(c, $"SELECT count(*) FROM facts f WHERE {where}", args);
        using var cmd = AtlasStore.Command(c, null, $"""
            SELECT f.id, f.subject_id, f.predicate, f.object_id, f.context, f.statement_fr, f.statement_nl, f.statement_en,
                   f.value, f.unit, f.qualifier, f.period, f.indicator, f.source_id, f.section, f.passage, f.phrase,
                   f.status, f.note_fr, f.note_nl, f.note_en, f.url, f.row, f.evidence, f.role
            FROM facts f WHERE {where} ORDER BY f.seq LIMIT $limit OFFSET $offset
            """);
        AtlasStore.Bind(cmd, [.. args, ("$limit", page.Size), ("$offset", page.Offset)]);
        var rows = new List<Func<Dictionary<string, EntityRef>, FactView>>();
        var ids = new List<string>();
        var evidenceIds = new List<string>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var context = JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [];
                var statement = Texts(S(5), S(6), S(7));
                var text = S(lang switch { Lang.Nl => 6, Lang.En => 7, _ => 5 }) ?? S(7) ?? S(5) ?? "";
                var (id, subject, predicate, obj, source) = (r.GetString(0), r.GetString(1), r.GetString(2), S(3), r.GetString(13));
                decimal? value = S(8) is { } v ? decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
                var (unit, qualifier, period, indicator) = (S(9), S(10), S(11), S(12));
                var locator = new LocatorView(S(14), S(15), r.GetString(16)) { Url = S(21), Row = r.IsDBNull(22) ? null : r.GetInt32(22) };
                var notes = Texts(S(18), S(19), S(20));
                var note = S(lang switch { Lang.Nl => 19, Lang.En => 20, _ => 18 }) ?? S(20) ?? S(18);
                var (status, role) = (r.GetString(17), r.GetString(24));
                var evidence = JsonSerializer.Deserialize<List<string>>(r.GetString(23)) ?? [];
                evidenceIds.AddRange(evidence);
                ids.Add(subject);
                ids.Add(source);
                if (obj is not null) ids.Add(obj);
                rows.Add(labels => new FactView(id, subject, labels.GetValueOrDefault(subject)?.Label ?? subject, predicate, obj,
                    obj is null ? null : labels.GetValueOrDefault(obj)?.Label ?? obj, context, text, statement, value, unit, qualifier,
                    period, indicator, source, labels.GetValueOrDefault(source)?.Label ?? source, locator, status, note)
                {
                    Role = role, Notes = notes, PhraseLanguage = SourceLanguage(c, source),
                    StatusEvidence = evidence.Select(e => EvidenceOf(c, e, lang)).Where(e => e is not null).Cast<EvidenceView>().ToList(),
                });
            }
        }
        var refs = Labels(c, ids, lang);
        return new Page<FactView>(rows.Select(make => WithEvidence(make(refs), lang)).ToList(), total, page.Number, page.Size);
    }

    private static SortedDictionary<string, string> Texts(string? fr, string? nl, string? en)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, text) in new[] { ("fr", fr), ("nl", nl), ("en", en) })
            if (text is not null) texts[code] = text;
        return texts;
    }

    /// <summary>A fact that shows another's status, as the evidence beside it: its statement, source and locator.</summary>
    private EvidenceView? EvidenceOf(SqliteConnection c, string id, Lang lang)
    {
        using var cmd = AtlasStore.Command(c, null, $"""
            SELECT f.id, coalesce(f.statement_{lang.Code()}, f.statement_en, f.statement_fr), f.source_id,
                   e.name_{lang.Code()}, json_extract(e.json, '$.url'), f.section, f.passage, f.phrase, f.url, f.row
            FROM facts f JOIN entities e ON e.id = f.source_id WHERE f.id = $id
            """);
        AtlasStore.Bind(cmd, ("$id", id));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var locator = new LocatorView(S(5), S(6), r.GetString(7)) { Url = S(8), Row = r.IsDBNull(9) ? null : r.GetInt32(9) };
        return new EvidenceView(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), S(4), locator, SourceLanguage(c, r.GetString(2)));
    }

    /// <summary>The language a source is written in (its key phrases are in it); French when it does not say.</summary>
    private string SourceLanguage(SqliteConnection c, string sourceId)
    {
        if (_sourceLanguages is null)
        {
            using var cmd = AtlasStore.Command(c, null, "SELECT id, coalesce(json_extract(json, '$.language'), 'fr') FROM entities WHERE type = 'source'");
            var map = new Dictionary<string, string>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) map[r.GetString(0)] = r.GetString(1);
            _sourceLanguages = map;
        }
        return _sourceLanguages.GetValueOrDefault(sourceId, "fr");
    }
    private Dictionary<string, string>? _sourceLanguages;

    // ---------- helpers ----------

    internal static int Count(SqliteConnection c, string sql, IEnumerable<(string, object?)> args)
    {
        using var cmd = AtlasStore.Command(c, null, sql);
        AtlasStore.Bind(cmd, args.ToArray());
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    private static string? TypeName(EntityType? type) => type?.ToString().ToLowerInvariant();
}
