using System.Security.Cryptography;
using System.Text;
using Atlas.Model;
using YamlDotNet.RepresentationModel;
using Atlas.Diagnostics;

namespace Atlas.Data;

/// <summary>
/// Reads the data folder: the curated YAML files and the reference files. Reports every structural problem
/// (missing field, malformed code, unknown value) with its file and line; cross-references are checked by
/// <see cref="Validator"/>.
/// </summary>
public sealed class DataLoader
{
    private readonly string _dataDir;
    private readonly string _displayRoot;
    private readonly List<Problem> _problems = [];

    private DataLoader(string dataDir)
    {
        _dataDir = Path.GetFullPath(dataDir);
        _displayRoot = Path.GetDirectoryName(_dataDir) ?? _dataDir;
    }

    /// <summary>Loads the folder; the data is returned even when problems were found, for the validator to go on.</summary>
    public static (AtlasData Data, IReadOnlyList<Problem> Problems) Load(string dataDir)
    {
        var loader = new DataLoader(dataDir);
        return (loader.LoadAll(), loader._problems);
    }

    /// <summary>The files whose content makes up the data, in a stable order (their hash is the data version).</summary>
    public static IReadOnlyList<string> InputFiles(string dataDir)
    {
        var dir = Path.GetFullPath(dataDir);
        var files = new List<string>();
        foreach (var name in new[] { "sources.yaml", "places.yaml", "sectors.yaml", "technologies.yaml", "organisations.yaml", "programmes.yaml" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) files.Add(path);
        }
        var factsDir = Path.Combine(dir, "facts");
        if (Directory.Exists(factsDir))
            files.AddRange(Directory.GetFiles(factsDir, "*.yaml").Order(StringComparer.Ordinal));
        files.AddRange(ReferenceGeo.Files(dir).Where(File.Exists));
        var overrides = Path.Combine(dir, NameOverrides.FileName);
        if (File.Exists(overrides)) files.Add(overrides);
        files.AddRange(Atlas.Statbel.StatbelLoader.Files(dir).Where(File.Exists));
        var index = Path.Combine(dir, AtlasIndexFile.RelativePath);
        if (File.Exists(index)) files.Add(index);
        return files;
    }

    private AtlasData LoadAll()
    {
        if (!Directory.Exists(_dataDir))
        {
            _problems.Add(new Problem(_dataDir, 0, "the data folder does not exist: point the atlas at its data folder (ATLAS_DATA)"));
            return Empty();
        }
        var hash = HashOf(InputFiles(_dataDir));
        var sources = LoadList(FileOf(EntityType.Source), ReadSource);
        var places = LoadList(FileOf(EntityType.Place), ReadPlace);
        var regionIds = places.Where(p => p.PlaceKind is PlaceKind.Region or PlaceKind.Country && p.Nis is not null)
            .GroupBy(p => p.Nis!.Value.ToString()).ToDictionary(g => g.Key, g => g.First().Id);
        var (referencePlaces, map) = ReferenceGeo.Load(_dataDir, Display, _problems, regionIds);
        var overridesPath = Path.Combine(_dataDir, NameOverrides.FileName);
        NameOverrides.Apply(overridesPath, Display(overridesPath), referencePlaces, _problems);
        places.AddRange(referencePlaces);
        var localitiesPath = Path.Combine(_dataDir, ReferenceGeo.GeocodedPostcodesFile);
        var localities = Atlas.Geo.PostcodeLocalities.Read(localitiesPath, Display(localitiesPath), _problems);
        var sectors = LoadList(FileOf(EntityType.Sector), ReadSector);
        var technologies = LoadList(FileOf(EntityType.Technology), ReadTechnology);
        var organisations = LoadList(FileOf(EntityType.Organisation), ReadOrganisation);
        var programmes = LoadList(FileOf(EntityType.Programme), ReadProgramme);
        var facts = new List<Fact>();
        var factsDir = Path.Combine(_dataDir, "facts");
        if (Directory.Exists(factsDir))
        {
            foreach (var path in Directory.GetFiles(factsDir, "*.yaml").Order(StringComparer.Ordinal))
                facts.AddRange(ReadFactFile(path));
        }
        else
        {
            _problems.Add(new Problem(Display(factsDir), 0, "there is no facts folder: facts live in data/facts/*.yaml"));
        }
        // the Atlas index definition (optional): checked here, kept as text in the store for the query layer
        string? indexText = null;
        var indexPath = Path.Combine(_dataDir, AtlasIndexFile.RelativePath);
        if (File.Exists(indexPath))
        {
            indexText = File.ReadAllText(indexPath);
            AtlasIndexFile.Parse(Display(indexPath), indexText, _problems);
        }
        return new AtlasData
        {
            Places = places, Sectors = sectors, Technologies = technologies, Organisations = organisations,
            Programmes = programmes, Sources = sources, Facts = facts, ContentHash = hash, Map = map, IndexDefinition = indexText,
            Localities = localities,
            Boundaries = map is null ? null : File.ReadAllText(Path.Combine(_dataDir, ReferenceGeo.TopologyFile)),
            Statbel = Atlas.Statbel.StatbelLoader.Load(_dataDir, Atlas.Statbel.MunicipalityMap.Of(referencePlaces), Display, _problems),
        };
    }

    private static AtlasData Empty() => new()
    {
        Places = [], Sectors = [], Technologies = [], Organisations = [], Programmes = [], Sources = [], Facts = [],
        ContentHash = "",
    };

    private string Display(string path) => Path.GetRelativePath(_displayRoot, path).Replace('\\', '/');

    /// <summary>The data version: SHA-256 over the names and contents of the input files.</summary>
    public static string HashOf(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private YamlFile? Open(string path)
    {
        if (!File.Exists(path))
        {
            _problems.Add(new Problem(Display(path), 0, "the file is missing (see docs/data-format.md for what it holds)"));
            return null;
        }
        return YamlFile.Parse(Display(path), File.ReadAllText(path), _problems);
    }

    private List<T> LoadList<T>(string name, Func<YamlFile, YamlMappingNode, T?> read) where T : class
    {
        var result = new List<T>();
        var file = Open(Path.Combine(_dataDir, name));
        if (file?.Root is null) return result;
        if (file.AsList(file.Root, $"the top of {name}") is not { } list) return result;
        foreach (var item in list)
        {
            if (file.AsMap(item, "an entry") is { } map && read(file, map) is { } entity) result.Add(entity);
        }
        return result;
    }

    /// <summary>The data file that holds the entities of a type (relative to the data folder).</summary>
    public static string FileOf(EntityType type) => type switch
    {
        EntityType.Place => "places.yaml", EntityType.Sector => "sectors.yaml", EntityType.Technology => "technologies.yaml",
        EntityType.Organisation => "organisations.yaml", EntityType.Programme => "programmes.yaml", _ => "sources.yaml",
    };

    /// <summary>Reads one entry of the data file of <paramref name="type"/> by that file's rules (a proposed entity is read so).</summary>
    public static Entity? ReadEntity(EntityType type, YamlFile f, YamlMappingNode m) => type switch
    {
        EntityType.Place => ReadPlace(f, m), EntityType.Sector => ReadSector(f, m), EntityType.Technology => ReadTechnology(f, m),
        EntityType.Organisation => ReadOrganisation(f, m), EntityType.Programme => ReadProgramme(f, m), _ => ReadSource(f, m),
    };

    private static readonly string[] CommonKeys = ["id", "names", "aliases", "description", "note"];

    internal static string What(YamlMappingNode map, string type) =>
        YamlFile.Get(map, "id") is YamlScalarNode { Value: { } id } ? $"{type} '{id}'" : $"this {type}";

    internal static string? ReadId(YamlFile f, YamlMappingNode map, string type)
    {
        var id = f.Str(map, "id", $"this {type}", required: true);
        if (id is not null && !Ids.IsValid(id))
        {
            f.Report(YamlFile.Get(map, "id"), $"'{id}' is not a valid id: use lowercase letters, digits and hyphens (e.g. {Ids.Suggest(id)})");
            return null;
        }
        return id;
    }

    private static readonly Lang[] NameLangs = [Lang.Fr, Lang.Nl, Lang.En];

    private static Place? ReadPlace(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "place");
        f.CheckKeys(m, what, [.. CommonKeys, "kind", "nis", "nuts", "parent", "coordinates", "links"]);
        var id = ReadId(f, m, "place");
        var kind = f.Choice<PlaceKind>(m, "kind", what, "a place kind", required: true) ?? PlaceKind.City;
        NisCode? nis = null;
        if (f.Str(m, "nis", what) is { } nisText)
        {
            if (NisCode.TryParse(nisText, out var code, out var err)) nis = code;
            else f.Report(YamlFile.Get(m, "nis"), err + "; quote it so YAML keeps the leading zero (\"04000\")");
        }
        double? lat = null, lon = null;
        if (YamlFile.Get(m, "coordinates") is { } coordNode)
        {
            var c = f.StrList(m, "coordinates", what);
            if (c.Count == 2 && double.TryParse(c[0], System.Globalization.CultureInfo.InvariantCulture, out var la)
                && double.TryParse(c[1], System.Globalization.CultureInfo.InvariantCulture, out var lo)
                && la is >= 49 and <= 52 && lo is >= 2 and <= 7)
            {
                (lat, lon) = (la, lo);
            }
            else
            {
                f.Report(coordNode, "coordinates must be [latitude, longitude] in decimal degrees within Belgium (e.g. [51.0543, 3.7174])");
            }
        }
        var links = new List<PlaceLink>();
        if (YamlFile.Get(m, "links") is { } linksNode && f.AsList(linksNode, $"'links' of {what}") is { } linkList)
        {
            foreach (var item in linkList)
            {
                if (f.AsMap(item, "a link") is not { } lm) continue;
                f.CheckKeys(lm, "a link", "relation", "place");
                var relation = f.Choice<PlaceRelation>(lm, "relation", "a link", "a link relation", required: true);
                var target = f.Str(lm, "place", "a link", required: true);
                if (relation is not null && target is not null) links.Add(new PlaceLink(relation.Value, target));
            }
        }
        var names = f.Texts(m, "names", what, NameLangs);
        if (id is null) return null;
        return new Place
        {
            Id = id, PlaceKind = kind, Names = names, Aliases = f.StrList(m, "aliases", what),
            Description = f.Texts(m, "description", what), Note = f.Note(m, what),
            Nis = nis, Nuts = f.Str(m, "nuts", what), Parent = f.Str(m, "parent", what),
            Latitude = lat, Longitude = lon, Links = links,
            Position = f.PositionOf(m),
        };
    }

    private static Sector? ReadSector(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "sector");
        f.CheckKeys(m, what, [.. CommonKeys, "nace2008"]);
        var id = ReadId(f, m, "sector");
        var nace = ReadNace(f, m, what);
        var names = f.Texts(m, "names", what, NameLangs);
        if (id is null) return null;
        return new Sector
        {
            Id = id, Names = names, Aliases = f.StrList(m, "aliases", what), Description = f.Texts(m, "description", what),
            Note = f.Note(m, what), Nace2008 = nace, Position = f.PositionOf(m),
        };
    }

    private static Technology? ReadTechnology(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "technology");
        f.CheckKeys(m, what, [.. CommonKeys, "nace2008"]);
        var id = ReadId(f, m, "technology");
        var nace = ReadNace(f, m, what);
        var names = f.Texts(m, "names", what, NameLangs);
        if (id is null) return null;
        return new Technology
        {
            Id = id, Names = names, Aliases = f.StrList(m, "aliases", what), Description = f.Texts(m, "description", what),
            Note = f.Note(m, what), Nace2008 = nace, Position = f.PositionOf(m),
        };
    }

    /// <summary>The NACE-BEL 2008 codes of a sector or technology, each checked for its form (the validator checks that it exists).</summary>
    private static IReadOnlyList<string> ReadNace(YamlFile f, YamlMappingNode m, string what)
    {
        var nace = f.StrList(m, "nace2008", what);
        foreach (var code in nace)
        {
            if (!NaceCode.IsWellFormed(code))
                f.Report(YamlFile.Get(m, "nace2008"), $"'{code}' is not a NACE-BEL 2008 code: write a section letter (C), a division (26), a group (26.1) or a class (26.11), quoted");
        }
        return nace;
    }

    private static Organisation? ReadOrganisation(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "organisation");
        f.CheckKeys(m, what, [.. CommonKeys, "kind", "enterpriseNumber", "places", "sectors", "technologies", "website", "wikidata"]);
        var id = ReadId(f, m, "organisation");
        var kind = f.Choice<OrganisationKind>(m, "kind", what, "an organisation kind", required: true) ?? OrganisationKind.Company;
        EnterpriseNumber? number = null;
        if (f.Str(m, "enterpriseNumber", what) is { } numberText)
        {
            if (EnterpriseNumber.TryParse(numberText, out var n, out var err)) number = n;
            else f.Report(YamlFile.Get(m, "enterpriseNumber"), err + ": check the number in the KBO/BCE public search");
        }
        var places = new List<OrganisationPlace>();
        if (YamlFile.Get(m, "places") is { } placesNode && f.AsList(placesNode, $"'places' of {what}") is { } list)
        {
            foreach (var item in list)
            {
                if (f.AsMap(item, "a place of an organisation") is not { } pm) continue;
                f.CheckKeys(pm, "a place of an organisation", "place", "role");
                var place = f.Str(pm, "place", "a place of an organisation", required: true);
                var role = f.Choice<OrganisationRole>(pm, "role", "a place of an organisation", "a role", required: true);
                if (place is not null && role is not null) places.Add(new OrganisationPlace(place, role.Value));
            }
        }
        var wikidata = f.Str(m, "wikidata", what);
        if (wikidata is not null && !System.Text.RegularExpressions.Regex.IsMatch(wikidata, "^Q[1-9][0-9]*$"))
            f.Report(YamlFile.Get(m, "wikidata"), $"'{wikidata}' is not a Wikidata id: write Q followed by digits (Q1141826)");
        var website = f.Str(m, "website", what);
        CheckUrl(f, m, "website", website);
        var names = f.Texts(m, "names", what, NameLangs);
        if (id is null) return null;
        return new Organisation
        {
            Id = id, OrganisationKind = kind, Names = names, Aliases = f.StrList(m, "aliases", what),
            Description = f.Texts(m, "description", what), Note = f.Note(m, what),
            EnterpriseNumber = number, Places = places, Sectors = f.StrList(m, "sectors", what),
            Technologies = f.StrList(m, "technologies", what), Website = website, Wikidata = wikidata,
            Position = f.PositionOf(m),
        };
    }

    internal static void CheckUrl(YamlFile f, YamlMappingNode m, string key, string? url)
    {
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            f.Report(YamlFile.Get(m, key), $"'{url}' is not a web address: write it in full, starting with https://");
    }

    private static Programme? ReadProgramme(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "programme");
        f.CheckKeys(m, what, [.. CommonKeys, "kind", "scope", "period", "website"]);
        var id = ReadId(f, m, "programme");
        var kind = f.Choice<ProgrammeKind>(m, "kind", what, "a programme kind", required: true) ?? ProgrammeKind.Initiative;
        var period = f.Str(m, "period", what);
        if (period is not null && !PeriodRange.IsValid(period))
            f.Report(YamlFile.Get(m, "period"), $"'{period}' is not a period: write a year (2025), a month (2025-05) or a range (2014/2020)");
        var website = f.Str(m, "website", what);
        CheckUrl(f, m, "website", website);
        var names = f.Texts(m, "names", what, NameLangs);
        if (id is null) return null;
        return new Programme
        {
            Id = id, ProgrammeKind = kind, Names = names, Aliases = f.StrList(m, "aliases", what),
            Description = f.Texts(m, "description", what), Note = f.Note(m, what),
            Scope = f.Str(m, "scope", what), Period = period, Website = website,
            Position = f.PositionOf(m),
        };
    }

    private static Source? ReadSource(YamlFile f, YamlMappingNode m)
    {
        var what = What(m, "source");
        f.CheckKeys(m, what, [.. CommonKeys, "type", "title", "publisher", "language", "year", "date", "accessed", "url", "licence", "text", "file"]);
        var id = ReadId(f, m, "source");
        var type = f.Choice<SourceType>(m, "type", what, "a source type", required: true) ?? SourceType.Document;
        var title = f.Str(m, "title", what, required: true);
        int? year = null;
        if (f.Str(m, "year", what) is { } yearText)
        {
            if (int.TryParse(yearText, out var y) && y is >= 1800 and <= 2100) year = y;
            else f.Report(YamlFile.Get(m, "year"), $"'{yearText}' is not a year: write four digits (2025)");
        }
        var language = f.Str(m, "language", what);
        if (language is not null && !Langs.TryParse(language, out _))
            f.Report(YamlFile.Get(m, "language"), $"'{language}' is not a language code: use fr, nl, en or de");
        var url = f.Str(m, "url", what);
        CheckUrl(f, m, "url", url);
        var date = f.Str(m, "date", what);
        var accessed = f.Str(m, "accessed", what);
        foreach (var (key, value) in new[] { ("date", date), ("accessed", accessed) })
        {
            if (value is not null && !SourceRules.IsDate(value))
                f.Report(YamlFile.Get(m, key), $"'{value}' is not a date: write 2025-07-16 (or 2025-07, 2025 where the page shows no day)");
        }
        if (id is null || title is null) return null;
        var names = f.Texts(m, "names", what);
        if (names.IsEmpty) foreach (var l in NameLangs) names.Set(l, title);
        return new Source
        {
            Id = id, SourceType = type, Title = title, Names = names, Description = f.Texts(m, "description", what),
            Aliases = f.StrList(m, "aliases", what), Note = f.Note(m, what),
            Publisher = f.Str(m, "publisher", what), Language = language, Year = year, Date = date, Accessed = accessed,
            Url = url, Licence = f.Str(m, "licence", what), TextFile = f.Str(m, "text", what), File = f.Str(m, "file", what),
            Position = f.PositionOf(m),
        };
    }

    private IEnumerable<Fact> ReadFactFile(string path)
    {
        var f = Open(path);
        if (f?.Root is null) yield break;
        if (f.AsMap(f.Root, "a facts file (source: ..., facts: [...])") is not { } top) yield break;
        f.CheckKeys(top, "a facts file", "source", "facts");
        var defaultSource = f.Str(top, "source", "the facts file");
        if (YamlFile.Get(top, "facts") is not { } factsNode)
        {
            f.Report(top, "the file has no 'facts:' list");
            yield break;
        }
        if (f.AsList(factsNode, "'facts'") is not { } list) yield break;
        foreach (var item in list)
        {
            if (f.AsMap(item, "a fact") is { } m && FactReader.Read(f, m, defaultSource) is { } fact) yield return fact;
        }
    }
}
