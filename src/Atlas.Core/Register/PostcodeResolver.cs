using System.Globalization;
using System.Text;
using Atlas.Data;
using Atlas.Geo;
using Atlas.Text;

namespace Atlas.Register;

/// <summary>
/// Finds the municipality (NIS code, as since the 1 January 2025 mergers) of a Belgian address from its postcode,
/// with the statistical dictionary shipped in <c>data/reference/geo/be-dictionary.csv</c> (statistical sector →
/// postcode → NIS5, published in Windows-1252) and the merger list (old NIS → new NIS).
/// <para>
/// Most postcodes lie in one municipality. A few span two: the address's municipality name (French or Dutch) picks
/// the one whose REFNIS name it is; otherwise the municipality holding most of the postcode's statistical sectors.
/// </para>
/// <para>
/// The dictionary gives each statistical sector one postcode, so a postcode of a small locality can be missing
/// (3941 Eksel, 5589 Jemelle) or lack the municipality of one of its localities (9921 Vinderhoute, in Ghent). The
/// bpost localities geocoded in <c>postcodes-geocoded.csv</c> fill both gaps: the municipality whose 2020 boundary
/// holds a locality's point becomes a candidate after the dictionary's, so that the address's name can pick it, and
/// the only one when the dictionary lacks the postcode.
/// </para>
/// </summary>
public sealed class PostcodeResolver
{
    private readonly int[][] _candidates = new int[10000][];   // postcode → NIS codes, most sectors first
    private readonly Dictionary<int, (string Fr, string Nl)> _names = [];

    /// <summary>Distinct postcodes known.</summary>
    public int Postcodes { get; }

    private PostcodeResolver(Dictionary<int, Dictionary<int, int>> sectorsByPostcode, Dictionary<int, (string Fr, string Nl)> names)
    {
        foreach (var (postcode, byNis) in sectorsByPostcode)
            _candidates[postcode] = byNis.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToArray();
        Postcodes = sectorsByPostcode.Count;
        _names = names;
    }

    /// <summary>
    /// The mergers of 1 January 2019 (Statbel): the statistical dictionary still gives the sectors of these former
    /// municipalities, whose codes are gone from the REFNIS list of 2019.
    /// </summary>
    private static readonly Dictionary<string, string> Mergers2019 = new(StringComparer.Ordinal)
    {
        ["puurs"] = "puurs-sint-amands", ["sint-amands"] = "puurs-sint-amands",
        ["knesselare"] = "aalter", ["nevele"] = "deinze",
        ["lovendegem"] = "lievegem", ["waarschoot"] = "lievegem", ["zomergem"] = "lievegem",
        ["kruishoutem"] = "kruisem", ["zingem"] = "kruisem",
        ["meeuwen-gruitrode"] = "oudsbergen", ["opglabbeek"] = "oudsbergen",
        ["neerpelt"] = "pelt", ["overpelt"] = "pelt",
    };

    /// <summary>Codes of the dictionary that could not be brought to a municipality of the REFNIS list (none with the shipped files).</summary>
    public IReadOnlyList<string> UnmappedCodes { get; private init; } = [];

    /// <summary>
    /// The dictionary predates 2019: codes of municipalities merged or renumbered then (in Hainaut) are brought to the
    /// 2019 code (REFNIS) of the municipality of the same name, or of the merger that absorbed it. Gives a function of
    /// (dictionary code, dictionary name) → 2019 code, null when there is none; and the codes it could not map.
    /// </summary>
    public static (Func<string, string, string?> Current, Func<IReadOnlyList<string>> Unmapped) DictionaryCodes(string dataDir)
    {
        var refnis = ReferenceGeo.MunicipalityNames(dataDir);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, n) in refnis)
        {
            byName.TryAdd(TextFolding.Fold(n.Fr), code);
            byName.TryAdd(TextFolding.Fold(n.Nl), code);
        }
        var renumbered = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Current(string code, string name)
        {
            if (refnis.ContainsKey(code)) return code;
            if (renumbered.TryGetValue(code, out var known)) return known;
            var folded = TextFolding.Fold(name);
            var found = byName.GetValueOrDefault(folded) ?? (Mergers2019.TryGetValue(folded, out var into) ? byName.GetValueOrDefault(into) : null);
            return renumbered[code] = found;
        }
        return (Current, () => renumbered.Where(kv => kv.Value is null).Select(kv => kv.Key).Order().ToList());
    }

    public static PostcodeResolver Load(string dataDir)
    {
        var mergers = ReferenceGeo.MergerMap(dataDir);
        var refnis = ReferenceGeo.MunicipalityNames(dataDir);
        var (Current, unmapped) = DictionaryCodes(dataDir);
        var path = Path.Combine(dataDir, ReferenceGeo.DictionaryFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the statistical dictionary is missing (see data/reference/MANIFEST.md)");
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        var sectors = new Dictionary<int, Dictionary<int, int>>();
        using (var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(path, encoding)))
        {
            int postcodeCol = reader.GetOrdinal("PostCode"), nisCol = reader.GetOrdinal("NIS5"), nameCol = reader.GetOrdinal("Municipality");
            while (reader.Read())
            {
                if (!int.TryParse(reader.GetString(postcodeCol), out var postcode) || postcode is < 1000 or > 9999) continue;
                var nisText = Current(reader.GetString(nisCol), reader.GetString(nameCol));
                if (nisText is null) continue;
                if (mergers.TryGetValue(nisText, out var merged)) nisText = merged;
                if (!int.TryParse(nisText, out var nis)) continue;
                var byNis = sectors.TryGetValue(postcode, out var d) ? d : sectors[postcode] = [];
                byNis[nis] = byNis.GetValueOrDefault(nis) + 1;
            }
        }
        AddGeocodedLocalities(dataDir, mergers, sectors);
        var names = new Dictionary<int, (string Fr, string Nl)>();
        foreach (var (code, n) in refnis)
        {
            var nis = int.Parse(mergers.GetValueOrDefault(code, code));
            if (!names.ContainsKey(nis) || code == mergers.GetValueOrDefault(code, code)) names[nis] = (TextFolding.Fold(n.Fr), TextFolding.Fold(n.Nl));
        }
        return new PostcodeResolver(sectors, names) { UnmappedCodes = unmapped() };
    }

    /// <summary>
    /// Adds the municipality of each geocoded bpost locality to its postcode's candidates, after the dictionary's
    /// (a count of 0 orders it last: only the address's name chooses it) or alone when the dictionary lacks the
    /// postcode (one count per locality).
    /// </summary>
    private static void AddGeocodedLocalities(string dataDir, IReadOnlyDictionary<string, string> mergers, Dictionary<int, Dictionary<int, int>> sectors)
    {
        var path = Path.Combine(dataDir, ReferenceGeo.GeocodedPostcodesFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the geocoded postcodes are missing (see data/reference/MANIFEST.md)");
        var topology = Topology.Read(Path.Combine(dataDir, ReferenceGeo.TopologyFile));
        var shapes = topology.Objects["municipalities"].Select(topology.Shape).ToList();
        var known = sectors.Keys.ToHashSet();
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path);
        int postcodeCol = reader.GetOrdinal("postal"), latCol = reader.GetOrdinal("lat"), lonCol = reader.GetOrdinal("lng");
        while (reader.Read())
        {
            // a row of several postcodes ("2870,2890") names a merged municipality, not a locality
            if (!int.TryParse(reader.GetString(postcodeCol), NumberStyles.None, CultureInfo.InvariantCulture, out var postcode) || postcode is < 1000 or > 9999) continue;
            if (!double.TryParse(reader.GetString(latCol), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(reader.GetString(lonCol), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)) continue;
            if (shapes.FirstOrDefault(sh => sh.Contains(lon, lat))?.Prop("nis") is not { } code) continue;   // a point off the generalised borders
            var nis = int.Parse(mergers.GetValueOrDefault(code, code), CultureInfo.InvariantCulture);
            var byNis = sectors.TryGetValue(postcode, out var d) ? d : sectors[postcode] = [];
            if (!known.Contains(postcode)) byNis[nis] = byNis.GetValueOrDefault(nis) + 1;
            else byNis.TryAdd(nis, 0);
        }
    }

    /// <summary>The NIS code of the municipality, or 0 when the postcode is not a Belgian postcode the reference files know.</summary>
    public int Resolve(string? zipcode, string? municipalityNl = null, string? municipalityFr = null)
    {
        if (zipcode is null || zipcode.Length != 4 || !int.TryParse(zipcode, out var postcode) || postcode < 1000) return 0;
        var candidates = _candidates[postcode];
        if (candidates is null) return 0;
        if (candidates.Length == 1) return candidates[0];
        foreach (var name in new[] { municipalityNl, municipalityFr })
        {
            if (string.IsNullOrEmpty(name)) continue;
            var folded = TextFolding.Fold(name);
            foreach (var nis in candidates)
                if (_names.TryGetValue(nis, out var n) && (n.Fr == folded || n.Nl == folded)) return nis;
        }
        return candidates[0];
    }

    /// <summary>Every postcode with its municipality (the first choice when it spans two): for tools that join on it.</summary>
    public IEnumerable<(int Postcode, int Nis)> Table()
    {
        for (var p = 0; p < _candidates.Length; p++)
            if (_candidates[p] is { } c) yield return (p, c[0]);
    }

    /// <summary>The NIS codes a postcode may lie in, most sectors first, then those known only from a geocoded locality.</summary>
    public IReadOnlyList<int> Candidates(int postcode) => postcode is >= 0 and < 10000 ? _candidates[postcode] ?? [] : [];
}
