using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Model;
using Atlas.Register;
using Microsoft.Data.Sqlite;

namespace Atlas.Query;

/// <summary>No enterprise register is loaded: the caller should run <c>atlas import kbo</c>.</summary>
public sealed class NoRegisterException(string? problem = null) : Exception(
    (problem is null ? "This atlas has no enterprise register yet. " : $"The enterprise register cannot be used: {problem}. ") +
    "Load the KBO/BCE Open Data with `atlas import kbo PATH` (a full dump, folder or zip; then the daily updates the same way), and ask again.");

/// <summary>
/// The register (KBO/BCE) side of the query layer: companies found by any of their names or by enterprise number,
/// one company with its names, juridical form, seat and establishments, and the link between curated organisations
/// and their register record. The register lives in its own file (<see cref="RegisterStore"/>), opened per request.
/// </summary>
public sealed partial class AtlasQueries
{
    public RegisterStore Register => _register ??= RegisterStore.For(Store.Path);
    private RegisterStore? _register;

    /// <summary>The register's extract, or null when none is loaded.</summary>
    public RegisterInfo? RegisterInfo => Register.Info;

    private SqliteConnection RegisterConnection()
    {
        if (Register.Info is null) throw new NoRegisterException(Register.Problem);
        return Register.Connect();
    }

    /// <summary>The most hits a name search ranks (the best first); a page beyond them is empty.</summary>
    public const int MaxRegisterHits = 2000;

    /// <summary>
    /// Enterprises whose name (any denomination: name, abbreviation, commercial name, in any language, of the
    /// enterprise or of one of its establishments) holds every word of the query, accents and case ignored, the last
    /// word as a prefix; or the enterprise with that number when the query is an enterprise number (dots optional)
    /// or an establishment unit number.
    /// </summary>
    public (Page<JsonObject> Page, bool Limited) SearchRegister(string query, Lang lang, PageRequest page)
    {
        using var c = RegisterConnection();
        var ranked = new List<long>();
        var matched = new Dictionary<long, string>();
        var limited = false;
        if (NumberQuery(query) is { } number)
        {
            var enterprise = RegisterNumbers.IsEnterprise(number) ? number
                : ScalarLong(c, "SELECT enterprise FROM establishment WHERE number = $n", ("$n", number));
            if (enterprise is { } e && ScalarLong(c, "SELECT number FROM enterprise WHERE number = $n", ("$n", e)) is not null) ranked.Add(e);
        }
        else
        {
            var terms = Terms(query);
            if (terms.Count > 0)
            {
                var match = string.Join(" ", terms.Select((t, i) => $"\"{t}\"" + (i == terms.Count - 1 ? "*" : "")));
                using var cmd = c.CreateCommand();
                cmd.CommandText = """
                    SELECT d.entity, d.name FROM denomination_search s JOIN denomination d ON d.rowid = s.rowid
                    WHERE denomination_search MATCH $q ORDER BY s.rank LIMIT $limit
                    """;
                cmd.Parameters.AddWithValue("$q", match);
                cmd.Parameters.AddWithValue("$limit", MaxRegisterHits + 1);
                var entities = new List<(long Entity, string Name)>();
                using (var r = cmd.ExecuteReader())
                    while (r.Read()) entities.Add((r.GetInt64(0), r.GetString(1)));
                limited = entities.Count > MaxRegisterHits;
                var seen = new HashSet<long>();
                using var up = c.CreateCommand();
                up.CommandText = "SELECT enterprise FROM establishment WHERE number = $n UNION ALL SELECT enterprise FROM branch WHERE id = $n";
                var p = up.Parameters.Add("$n", SqliteType.Integer);
                foreach (var (entity, name) in entities.Take(MaxRegisterHits))
                {
                    long? e = entity;
                    if (!RegisterNumbers.IsEnterprise(entity))
                    {
                        p.Value = entity;
                        e = up.ExecuteScalar() is long x ? x : null;
                    }
                    if (e is { } en && seen.Add(en))
                    {
                        ranked.Add(en);
                        matched[en] = name;
                    }
                }
            }
        }
        var items = new List<JsonObject>();
        foreach (var n in ranked.Skip(page.Offset).Take(page.Size))
        {
            if (CompanySummary(c, n, lang) is not { } item) continue;
            // the name that matched, when it is not the one shown (a commercial name, an establishment's name …)
            if (matched.TryGetValue(n, out var name) && name != item["name"]?.GetValue<string>()) item["matched"] = name;
            items.Add(item);
        }
        return (new Page<JsonObject>(items, ranked.Count, page.Number, page.Size), limited);
    }

    /// <summary>The ten digits of an enterprise or establishment number typed by a person, or null.</summary>
    public static long? NumberQuery(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("BE", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        if (t.Length == 0 || !t.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ' ')) return null;
        var digits = new string(t.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 9) digits = "0" + digits;
        if (digits.Length != 10) return null;
        var n = long.Parse(digits);
        return KboCheck.IsValid(n) ? n : null;
    }

    /// <summary>The enterprise as a search result: number, name, juridical form, seat municipality, main activity.</summary>
    private JsonObject? CompanySummary(SqliteConnection c, long number, Lang lang)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT e.juridical_form, e.start_date, e.type_of_enterprise,
                   (SELECT nis FROM address WHERE entity = e.number AND type = 'REGO' AND nis IS NOT NULL ORDER BY nis LIMIT 1),
                   (SELECT count(*) FROM establishment WHERE enterprise = e.number)
            FROM enterprise e WHERE e.number = $n
            """;
        cmd.Parameters.AddWithValue("$n", number);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var names = Names(c, number, lang);
        var o = new JsonObject
        {
            ["enterpriseNumber"] = RegisterNumbers.Format(number),
            ["type"] = "enterprise",
            ["name"] = names.FirstOrDefault()?["name"]?.DeepClone(),
            ["juridicalForm"] = r.IsDBNull(0) ? null : Code(c, "JuridicalForm", r.GetString(0), lang),
            ["typeOfEnterprise"] = Code(c, "TypeOfEnterprise", r.GetString(2), lang),
            ["startDate"] = r.GetString(1),
            ["seat"] = r.IsDBNull(3) ? null : Municipality(r.GetInt32(3), lang),
            ["establishments"] = r.GetInt32(4),
            ["mainActivity"] = MainActivities(c, number, lang).FirstOrDefault(a => a["naceVersion"]!.GetValue<int>() == 2008)?.DeepClone(),
        };
        if (CuratedByNumber.TryGetValue(number, out var org)) o["organisation"] = org;
        return o;
    }

    /// <summary>The most establishments listed with an enterprise (a chain may have thousands; the count is given).</summary>
    public const int MaxEstablishmentsListed = 500;

    /// <summary>One enterprise by its number with everything the register says of it; null if the register lacks it.</summary>
    public JsonObject? RegisterCompany(long number, Lang lang)
    {
        using var c = RegisterConnection();
        if (!RegisterNumbers.IsEnterprise(number))
        {
            if (ScalarLong(c, "SELECT enterprise FROM establishment WHERE number = $n", ("$n", number)) is not { } e) return null;
            number = e;
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT status, juridical_situation, type_of_enterprise, juridical_form, juridical_form_cac, start_date FROM enterprise WHERE number = $n";
        cmd.Parameters.AddWithValue("$n", number);
        JsonObject o;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            o = new JsonObject
            {
                ["enterpriseNumber"] = RegisterNumbers.Format(number),
                ["type"] = "enterprise",
                ["name"] = null,
                ["names"] = null,
                ["status"] = Code(c, "Status", r.GetString(0), lang),
                ["juridicalSituation"] = Code(c, "JuridicalSituation", r.GetString(1), lang),
                ["typeOfEnterprise"] = Code(c, "TypeOfEnterprise", r.GetString(2), lang),
                ["juridicalForm"] = r.IsDBNull(3) ? null : Code(c, "JuridicalForm", r.GetString(3), lang),
                ["juridicalFormCAC"] = r.IsDBNull(4) ? null : Code(c, "JuridicalForm", r.GetString(4), lang),
                ["startDate"] = r.GetString(5),
            };
        }
        var names = Names(c, number, lang);
        o["name"] = names.FirstOrDefault()?["name"]?.DeepClone();
        o["names"] = new JsonArray(names.ToArray<JsonNode?>());
        o["seat"] = Addresses(c, number, lang).FirstOrDefault(a => a["type"]!.GetValue<string>() == "REGO")?.DeepClone();
        o["addresses"] = new JsonArray(Addresses(c, number, lang).ToArray<JsonNode?>());
        o["activities"] = new JsonArray(Activities(c, number, lang).ToArray<JsonNode?>());
        o["contacts"] = new JsonArray(Contacts(c, number).ToArray<JsonNode?>());

        var establishments = new List<(long Number, string Start)>();
        using (var e = c.CreateCommand())
        {
            e.CommandText = "SELECT number, start_date FROM establishment WHERE enterprise = $n ORDER BY number";
            e.Parameters.AddWithValue("$n", number);
            using var r = e.ExecuteReader();
            while (r.Read()) establishments.Add((r.GetInt64(0), r.GetString(1)));
        }
        o["establishmentCount"] = establishments.Count;
        o["establishments"] = new JsonArray(establishments.Take(MaxEstablishmentsListed).Select(s => (JsonNode?)new JsonObject
        {
            ["establishmentNumber"] = RegisterNumbers.Format(s.Number),
            ["startDate"] = s.Start,
            ["names"] = new JsonArray(Names(c, s.Number, lang).ToArray<JsonNode?>()),
            ["address"] = Addresses(c, s.Number, lang).FirstOrDefault()?.DeepClone(),
            ["municipality"] = Addresses(c, s.Number, lang).FirstOrDefault()?["municipality"]?.DeepClone(),
            ["activities"] = new JsonArray(Activities(c, s.Number, lang).ToArray<JsonNode?>()),
        }).ToArray());
        if (CuratedByNumber.TryGetValue(number, out var org)) o["organisation"] = org;
        o["register"] = Register.Info?.ToJson();
        return o;
    }

    private static readonly string[] LanguageCodes = ["unknown", "fr", "nl", "de", "en"];

    private static List<JsonObject> Names(SqliteConnection c, long entity, Lang lang)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT language, type, name FROM denomination WHERE entity = $n ORDER BY type, language, name";
        cmd.Parameters.AddWithValue("$n", entity);
        var list = new List<(int Lang, string Type, string Name)>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) list.Add((r.GetInt32(0), r.GetString(1), r.GetString(2)));
        // the official name in the requested language first
        var wanted = lang switch { Lang.Fr => 1, Lang.Nl => 2, Lang.De => 3, _ => 4 };
        return list.OrderBy(x => x.Type).ThenBy(x => x.Lang == wanted ? 0 : 1).ThenBy(x => x.Lang)
            .Select(x => new JsonObject
            {
                ["name"] = x.Name,
                ["language"] = x.Lang is >= 0 and <= 4 ? LanguageCodes[x.Lang] : x.Lang.ToString(),
                ["type"] = x.Type switch { "001" => "name", "002" => "abbreviation", "003" => "commercial-name", "004" => "branch-name", _ => x.Type },
            }).ToList();
    }

    private List<JsonObject> Addresses(SqliteConnection c, long entity, Lang lang)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT type, country_nl, country_fr, zipcode, municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, extra_address_info, nis
            FROM address WHERE entity = $n ORDER BY type, nis
            """;
        cmd.Parameters.AddWithValue("$n", entity);
        var list = new List<JsonObject>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var nl = lang == Lang.Nl;
            list.Add(new JsonObject
            {
                ["type"] = r.GetString(0),
                ["street"] = (nl ? S(6) ?? S(7) : S(7) ?? S(6)),
                ["houseNumber"] = S(8),
                ["box"] = S(9),
                ["zipcode"] = S(3),
                ["locality"] = nl ? S(4) ?? S(5) : S(5) ?? S(4),
                ["country"] = nl ? S(1) : S(2) ?? S(1),
                ["extra"] = S(10),
                ["municipality"] = r.IsDBNull(11) ? null : Municipality(r.GetInt32(11), lang),
            });
        }
        return list;
    }

    private static List<JsonObject> Contacts(SqliteConnection c, long entity)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT contact_type, value FROM contact WHERE entity = $n ORDER BY contact_type, value";
        cmd.Parameters.AddWithValue("$n", entity);
        var list = new List<JsonObject>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new JsonObject { ["type"] = r.GetString(0), ["value"] = r.GetString(1) });
        return list;
    }

    private List<JsonObject> Activities(SqliteConnection c, long entity, Lang lang, bool mainOnly = false)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT activity_group, nace_version, nace_code, classification FROM activity WHERE entity = $n {(mainOnly ? "AND classification = 1" : "")}
            ORDER BY classification, nace_version DESC, activity_group, nace_code
            """;
        cmd.Parameters.AddWithValue("$n", entity);
        var rows = new List<(int Group, int Version, string Code, int Class)>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3)));
        return rows.Select(x => new JsonObject
        {
            ["classification"] = ((Classification)x.Class).Code(),
            ["naceVersion"] = x.Version,
            ["code"] = x.Code,
            ["label"] = NaceLabel(c, x.Version, x.Code, lang),
            ["group"] = x.Group.ToString("D3"),
        }).ToList();
    }

    /// <summary>The main activity of each version, by the rule of <see cref="MainActivity"/>.</summary>
    private List<JsonObject> MainActivities(SqliteConnection c, long entity, Lang lang) =>
        Activities(c, entity, lang, mainOnly: true)
            .GroupBy(a => a["naceVersion"]!.GetValue<int>())
            .Select(g => g.OrderBy(a => a["group"]!.GetValue<string>(), StringComparer.Ordinal)
                .ThenBy(a => a["code"]!.GetValue<string>().PadRight(7, '0'), StringComparer.Ordinal).First())
            .OrderByDescending(a => a["naceVersion"]!.GetValue<int>() == 2008).ToList();

    /// <summary>The label of a NACE code in a language (English from the NACE reference at class level).</summary>
    private static string? NaceLabel(SqliteConnection c, int version, string code, Lang lang)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT label_fr, label_nl, label_en FROM nace WHERE version = $v AND code IN ($c, $class) ORDER BY length(code) DESC";
        cmd.Parameters.AddWithValue("$v", version);
        cmd.Parameters.AddWithValue("$c", code);
        cmd.Parameters.AddWithValue("$class", code.Length > 4 ? code[..4] : code);
        using var r = cmd.ExecuteReader();
        string? fr = null, nl = null, en = null;
        while (r.Read())
        {
            fr ??= r.IsDBNull(0) ? null : r.GetString(0);
            nl ??= r.IsDBNull(1) ? null : r.GetString(1);
            en ??= r.IsDBNull(2) ? null : r.GetString(2);
        }
        return lang switch { Lang.Nl => nl ?? fr, Lang.En => en ?? fr, _ => fr ?? nl };
    }

    private static JsonObject Code(SqliteConnection c, string category, string code, Lang lang)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT language, description FROM code WHERE category = $cat AND code = $code";
        cmd.Parameters.AddWithValue("$cat", category);
        cmd.Parameters.AddWithValue("$code", code);
        var labels = new Dictionary<string, string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) labels[r.GetString(0)] = r.GetString(1).Trim();
        var label = lang == Lang.Nl ? labels.GetValueOrDefault("NL") ?? labels.GetValueOrDefault("FR")
            : labels.GetValueOrDefault("FR") ?? labels.GetValueOrDefault("NL");
        return new JsonObject { ["code"] = code, ["label"] = label };
    }

    /// <summary>A municipality of the atlas by NIS code: its id and label.</summary>
    private JsonObject Municipality(int nis, Lang lang)
    {
        var id = $"nis-{nis:D5}";
        var label = MunicipalityLabels(lang).GetValueOrDefault(id);
        return new JsonObject { ["id"] = id, ["nis"] = nis.ToString("D5"), ["label"] = label };
    }

    private readonly Dictionary<Lang, Dictionary<string, string>> _municipalityLabels = [];

    private Dictionary<string, string> MunicipalityLabels(Lang lang)
    {
        lock (_municipalityLabels)
        {
            if (_municipalityLabels.TryGetValue(lang, out var d)) return d;
            using var c = Store.Connect();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT id, name_{lang.Code()} FROM entities WHERE type = 'place' AND kind = 'municipality'";
            d = [];
            using var r = cmd.ExecuteReader();
            while (r.Read()) d[r.GetString(0)] = r.GetString(1);
            return _municipalityLabels[lang] = d;
        }
    }

    /// <summary>Curated organisations by enterprise number (from data/organisations.yaml).</summary>
    public IReadOnlyDictionary<long, string> CuratedByNumber => _curatedByNumber ??= LoadCurated();
    private IReadOnlyDictionary<long, string>? _curatedByNumber;

    private Dictionary<long, string> LoadCurated()
    {
        using var c = Store.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, json_extract(json, '$.enterpriseNumber') FROM entities WHERE type = 'organisation' AND json_extract(json, '$.enterpriseNumber') IS NOT NULL";
        var d = new Dictionary<long, string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (EnterpriseNumber.TryParse(r.GetString(1), out var n)) d[n.Value] = r.GetString(0);
        return d;
    }

    /// <summary>
    /// The register record of a curated organisation, in short, when it has an enterprise number and the register
    /// holds it: what the organisation page and API show beside the curated facts.
    /// </summary>
    public JsonObject? RegisterLink(EntityView organisation, Lang lang)
    {
        if (organisation.Str("enterpriseNumber") is not { } text || !EnterpriseNumber.TryParse(text, out var number)) return null;
        if (Register.Info is null) return new JsonObject { ["enterpriseNumber"] = number.ToString(), ["loaded"] = false };
        using var c = Register.Connect();
        var summary = CompanySummary(c, number.Value, lang);
        if (summary is null) return new JsonObject { ["enterpriseNumber"] = number.ToString(), ["loaded"] = true, ["found"] = false };
        summary.Remove("organisation");
        summary["loaded"] = true;
        summary["found"] = true;
        summary["href"] = $"/api/organisations/{number}";
        return summary;
    }

    private static long? ScalarLong(SqliteConnection c, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd.ExecuteScalar() is long l ? l : null;
    }

    internal static string ToJsonString(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
