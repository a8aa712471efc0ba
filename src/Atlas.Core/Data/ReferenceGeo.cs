using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Atlas.Geo;
using Atlas.Model;
using Atlas.Diagnostics;

namespace Atlas.Data;

/// <summary>
/// Builds the provinces, arrondissements and municipalities (the 581 of 2019–2024 and the 565 since the 1 January
/// 2025 mergers) from the real published files shipped in <c>data/reference/geo/</c>: Statbel's REFNIS list for codes
/// and FR/NL names, the 2025 merger list, the municipal boundaries (centroids, population) and the statistical
/// dictionary (NUTS 3 codes).
/// </summary>
public static partial class ReferenceGeo
{
    public const string RefnisFile = "reference/geo/REFNIS_2019.csv";
    public const string MergersFile = "reference/geo/municipal-mergers-2025.csv";
    public const string TopologyFile = "reference/geo/belgium-municipalities-2020.topojson";
    public const string GeocodedPostcodesFile = "reference/geo/postcodes-geocoded.csv";
    public const string DictionaryFile = "reference/geo/be-dictionary.csv";

    public static readonly DateOnly MergerDate = new(2025, 1, 1);

    public static IEnumerable<string> Files(string dataDir) =>
        new[] { RefnisFile, MergersFile, TopologyFile, GeocodedPostcodesFile, DictionaryFile }.Select(f => Path.Combine(dataDir, f));

    /// <summary>The id of a place that has a NIS code and no curated id.</summary>
    public static string IdOf(NisCode nis) => $"nis-{nis}";

    // English exonyms of the municipalities that have one in common use; the others keep their local name.
    private static readonly Dictionary<string, string> EnglishNames = new()
    {
        ["21004"] = "City of Brussels", ["11002"] = "Antwerp", ["44021"] = "Ghent", ["31005"] = "Bruges",
        ["35013"] = "Ostend", ["62063"] = "Liège", ["52011"] = "Charleroi", ["92094"] = "Namur", ["53053"] = "Mons",
    };

    private static readonly Dictionary<string, string> EnglishProvinceNames = new()
    {
        ["10000"] = "Province of Antwerp", ["20001"] = "Province of Flemish Brabant", ["20002"] = "Province of Walloon Brabant",
        ["30000"] = "Province of West Flanders", ["40000"] = "Province of East Flanders", ["50000"] = "Province of Hainaut",
        ["60000"] = "Province of Liège", ["70000"] = "Province of Limburg", ["80000"] = "Province of Luxembourg",
        ["90000"] = "Province of Namur",
    };

    private static readonly LocalizedText ProvisionalNameNote = new([
        new(Lang.Fr, "La liste des fusions donne ce nom comme provisoire (voorlopige naam)."),
        new(Lang.Nl, "De fusielijst vermeldt deze naam als voorlopige naam."),
        new(Lang.En, "The merger list gives this name as provisional (voorlopige naam)."),
    ]);

    private sealed record RefnisRow(NisCode Code, string Fr, string Nl, string Lang, int Line);

    /// <param name="regionIds">Curated places by NIS code (the regions), so that provinces hang below them.</param>
    public static (IReadOnlyList<Place> Places, BelgiumMap? Map) Load(string dataDir, Func<string, string> display, List<Problem> problems,
        IReadOnlyDictionary<string, string>? regionIds = null)
    {
        var refnisPath = Path.Combine(dataDir, RefnisFile);
        if (!File.Exists(refnisPath))
        {
            problems.Add(new Problem(display(refnisPath), 0, "the REFNIS list is missing: copy it from the reference data (see data/reference/MANIFEST.md)"));
            return ([], null);
        }
        var rows = ReadRefnis(refnisPath, display, problems);
        var topology = ReadTopology(Path.Combine(dataDir, TopologyFile), display, problems);
        var shapes = topology?.Objects.GetValueOrDefault("municipalities")?
            .Where(g => g.Prop("nis") is not null)
            .ToDictionary(g => g.Prop("nis")!, topology.Shape) ?? [];
        var nuts3 = ReadNuts3(Path.Combine(dataDir, DictionaryFile), display, problems);
        var mergers = ReadMergers(Path.Combine(dataDir, MergersFile), display, problems);
        var refnisDisplay = display(refnisPath);

        string RegionId(string nis) => regionIds?.GetValueOrDefault(nis) ?? $"nis-{nis}";

        var places = new List<Place>();
        string? region = null, province = null, arrondissement = null;
        foreach (var row in rows)
        {
            var code = row.Code.ToString();
            var position = new SourcePosition(refnisDisplay, row.Line);
            if (code == "01000") continue;
            if (code is "02000" or "03000" or "04000") { region = code; province = null; continue; }
            var isProvince = code is "20001" or "20002" || (row.Code.Value % 10000 == 0);
            if (isProvince)
            {
                province = code;
                places.Add(new Place
                {
                    Id = IdOf(row.Code), PlaceKind = PlaceKind.Province, Nis = row.Code,
                    Names = Names(row.Fr, row.Nl, EnglishProvinceNames.GetValueOrDefault(code) ?? row.Fr),
                    Aliases = [code], Parent = region is null ? null : RegionId(region), Position = position,
                    Nuts = nuts3.Values.Where(v => v.Province == code).Select(v => v.Nuts2).FirstOrDefault(),
                });
                continue;
            }
            if (row.Code.Value % 1000 == 0)
            {
                arrondissement = code;
                // the arrondissement of Brussels-Capital belongs to no province
                var parent = code == "21000" ? RegionId("04000") : province is null ? null : $"nis-{province}";
                places.Add(new Place
                {
                    Id = IdOf(row.Code), PlaceKind = PlaceKind.Arrondissement, Nis = row.Code,
                    Names = Names(row.Fr, row.Nl, row.Fr.Replace("Arrondissement de ", "Arrondissement of ").Replace("Arrondissement d'", "Arrondissement of ")),
                    Aliases = [code], Parent = parent, Position = position,
                    Nuts = nuts3.Values.Where(v => v.Arrondissement == code).Select(v => v.Nuts3).FirstOrDefault(),
                });
                continue;
            }
            var shape = shapes.GetValueOrDefault(code);
            var (lat, lon) = shape?.Centroid() ?? (double.NaN, double.NaN);
            var merger = mergers.FirstOrDefault(mg => mg.Old.Contains(code));
            var mergedAway = merger is not null && merger.New.ToString() != code;
            places.Add(new Place
            {
                Id = IdOf(row.Code), PlaceKind = PlaceKind.Municipality, Nis = row.Code,
                Names = MunicipalityNames(row, EnglishNames.GetValueOrDefault(code)),
                Aliases = [code], Parent = arrondissement is null ? null : $"nis-{arrondissement}",
                Nuts = nuts3.GetValueOrDefault(code)?.Nuts3, Position = position,
                Latitude = double.IsNaN(lat) ? null : Math.Round(lat, 5), Longitude = double.IsNaN(lon) ? null : Math.Round(lon, 5),
                Population = ReadPopulation(shape),
                ValidTo = mergedAway ? MergerDate.AddDays(-1) : null,
                MergedInto = mergedAway ? IdOf(merger!.New) : null,
                MergedFrom = merger is not null && !mergedAway ? merger.Old.Where(o => o != code).Select(o => $"nis-{o}").ToList() : [],
            });
        }

        // municipalities created by the 2025 mergers (a new code, or a name kept for a new code)
        var mergersDisplay = display(Path.Combine(dataDir, MergersFile));
        foreach (var merger in mergers.Where(mg => !mg.Old.Contains(mg.New.ToString())))
        {
            var parts = merger.Old.Select(o => shapes.GetValueOrDefault(o)).Where(s => s is not null).Cast<Shape>().ToList();
            double? lat = null, lon = null;
            if (parts.Count > 0)
            {
                var total = parts.Sum(p => p.Area);
                lat = Math.Round(parts.Sum(p => p.Centroid().Lat * p.Area) / total, 5);
                lon = Math.Round(parts.Sum(p => p.Centroid().Lon * p.Area) / total, 5);
            }
            var arr = merger.New.Arrondissement.ToString();
            var sameArr = merger.Old.FirstOrDefault(o => o[..2] == arr[..2]) ?? merger.Old[0];
            places.Add(new Place
            {
                Id = IdOf(merger.New), PlaceKind = PlaceKind.Municipality, Nis = merger.New,
                Names = Names(merger.Name, merger.Name, merger.Name), Aliases = [merger.New.ToString()],
                Parent = $"nis-{arr}", Nuts = nuts3.GetValueOrDefault(sameArr)?.Nuts3,
                Latitude = lat, Longitude = lon, ValidFrom = MergerDate,
                Population = parts.Sum(p => ReadPopulation(p) ?? 0),
                MergedFrom = merger.Old.Select(o => $"nis-{o}").ToList(),
                Note = merger.Note is null ? new LocalizedText() : ProvisionalNameNote, Position = new SourcePosition(mergersDisplay, merger.Line),
            });
        }
        return (places, topology is null ? null : BelgiumMap.From(topology));
    }

    /// <summary>The 2025 mergers: each NIS code merged away (and each kept) → the NIS code of the municipality since 2025.</summary>
    public static IReadOnlyDictionary<string, string> MergerMap(string dataDir)
    {
        var problems = new List<Problem>();
        var map = new Dictionary<string, string>();
        foreach (var m in ReadMergers(Path.Combine(dataDir, MergersFile), f => f, problems))
            foreach (var old in m.Old) map[old] = m.New.ToString();
        if (problems.Count > 0) throw new DataProblemsException(problems);
        return map;
    }

    /// <summary>Municipality NIS code → (French name, Dutch or German name), from the REFNIS list.</summary>
    public static IReadOnlyDictionary<string, (string Fr, string Nl)> MunicipalityNames(string dataDir)
    {
        var problems = new List<Problem>();
        var rows = ReadRefnis(Path.Combine(dataDir, RefnisFile), f => f, problems);
        if (problems.Count > 0) throw new DataProblemsException(problems);
        return rows.Where(r => r.Code.IsMunicipality).ToDictionary(r => r.Code.ToString(), r => (r.Fr, r.Nl));
    }

    /// <summary>The 2020 population of each municipality (NIS codes before the 2025 mergers), from the boundaries file.</summary>
    public static IReadOnlyDictionary<string, long> Populations2020(string dataDir)
    {
        var topology = Topology.Read(Path.Combine(dataDir, TopologyFile));
        var result = new Dictionary<string, long>();
        foreach (var g in topology.Objects.GetValueOrDefault("municipalities") ?? [])
            if (g.Prop("nis") is { } nis && g.Prop("population") is { } p && long.TryParse(p, out var n)) result[nis] = n;
        return result;
    }

    private static long? ReadPopulation(Shape? shape) =>
        shape?.Prop("population") is { } p && long.TryParse(p, out var n) ? n : null;

    private static LocalizedText Names(string fr, string nl, string en) =>
        new([new(Lang.Fr, fr), new(Lang.Nl, nl), new(Lang.En, en)]);

    private static LocalizedText MunicipalityNames(RefnisRow row, string? english)
    {
        // REFNIS gives the French name and, in its second column, the Dutch one (the German one for the German-speaking
        // municipalities, whose language code is D). The English name is the exonym, else the local official name.
        var local = row.Lang.StartsWith('N') ? row.Nl : row.Lang == "D" ? row.Nl : row.Fr;
        var names = Names(row.Fr, row.Nl, english ?? local);
        if (row.Lang == "D") names.Set(Lang.De, row.Nl);
        return names;
    }

    private static List<RefnisRow> ReadRefnis(string path, Func<string, string> display, List<Problem> problems)
    {
        var rows = new List<RefnisRow>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            if (lineNo == 1) continue;
            if (line.Length == 0) continue;
            var cols = line.Split(';');
            if (cols.Length < 6 || !NisCode.TryParse(cols[0], out var code))
            {
                problems.Add(new Problem(display(path), lineNo, "a REFNIS row needs 'code;FR name;language;code;NL name;language' with a 5-digit code"));
                continue;
            }
            rows.Add(new RefnisRow(code, cols[1].Trim(), cols[4].Trim(), cols[2].Trim(), lineNo));
        }
        return rows;
    }

    private static Topology? ReadTopology(string path, Func<string, string> display, List<Problem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Problem(display(path), 0, "the municipal boundaries are missing: copy them from the reference data"));
            return null;
        }
        try
        {
            var topology = Topology.Read(path);
            if (topology.Objects.ContainsKey("municipalities")) return topology;
            problems.Add(new Problem(display(path), 0, "the boundaries file has no 'municipalities' object"));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            problems.Add(new Problem(display(path), 0, $"the boundaries file cannot be read as TopoJSON ({e.Message})"));
        }
        return null;
    }

    private sealed record NutsRow(string Nuts3, string Nuts2, string Arrondissement, string Province);

    /// <summary>NIS5 → NUTS codes, from the statistical dictionary (published in Windows-1252).</summary>
    private static Dictionary<string, NutsRow> ReadNuts3(string path, Func<string, string> display, List<Problem> problems)
    {
        var result = new Dictionary<string, NutsRow>();
        if (!File.Exists(path))
        {
            problems.Add(new Problem(display(path), 0, "the statistical dictionary is missing: copy it from the reference data"));
            return result;
        }
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StreamReader(path, encoding));
        int nis5 = reader.GetOrdinal("NIS5"), nuts3 = reader.GetOrdinal("NUTS3"), nuts2 = reader.GetOrdinal("NUTS2"), nis2 = reader.GetOrdinal("NIS2");
        while (reader.Read())
        {
            var code = reader.GetString(nis5);
            if (result.ContainsKey(code)) continue;
            var arr = reader.GetString(nis2).PadRight(2, '0') + "000";
            result[code] = new NutsRow(reader.GetString(nuts3), reader.GetString(nuts2), arr, ProvinceOf(arr));
        }
        return result;
    }

    /// <summary>The province code of an arrondissement code (the Brabant provinces are 20001 and 20002).</summary>
    private static string ProvinceOf(string arrondissement) => arrondissement[..2] switch
    {
        "23" or "24" => "20001",
        "25" => "20002",
        "21" => "04000",
        var p => p[0] + "0000",
    };

    private sealed record Merger(IReadOnlyList<string> Old, NisCode New, string Name, string? Note, int Line);

    [GeneratedRegex(@"^(?<name>.+?)\s*\((?<code>\d{5})\)$")]
    private static partial Regex NameAndCode();

    private static List<Merger> ReadMergers(string path, Func<string, string> display, List<Problem> problems)
    {
        var result = new List<Merger>();
        if (!File.Exists(path))
        {
            problems.Add(new Problem(display(path), 0, "the 2025 merger list is missing: copy it from the reference data"));
            return result;
        }
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (lineNo == 1 || line.Trim().Length == 0) continue;
            var sides = line.Split(",\t");
            if (sides.Length != 2)
            {
                problems.Add(new Problem(display(path), lineNo, "a merger row needs 'Old (NIS) + Old (NIS),<TAB>New (NIS)'"));
                continue;
            }
            var olds = sides[0].Split(" + ").Select(s => NameAndCode().Match(s.Trim())).ToList();
            var newSide = sides[1].Trim();
            string? note = null;
            if (newSide.Contains("(voorlopige naam)"))
            {
                newSide = newSide.Replace(" (voorlopige naam)", "");
                note = "provisional";
            }
            var nw = NameAndCode().Match(newSide);
            if (!nw.Success || olds.Any(o => !o.Success) || !NisCode.TryParse(nw.Groups["code"].Value, out var newCode))
            {
                problems.Add(new Problem(display(path), lineNo, "cannot read the names and NIS codes of this merger: write 'Name (12345)'"));
                continue;
            }
            result.Add(new Merger(olds.Select(o => o.Groups["code"].Value).ToList(), newCode, nw.Groups["name"].Value, note, lineNo));
        }
        return result;
    }
}
