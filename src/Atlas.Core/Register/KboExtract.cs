using System.Globalization;
using System.IO.Compression;

namespace Atlas.Register;

/// <summary>One kind of file of an extract: its name, its header and, for updates, the column that keys its rows.</summary>
public sealed record KboFileSpec(string Name, string[] Header, string Key)
{
    public string FullFile => $"{Name}.csv";
    public string DeleteFile => $"{Name}_delete.csv";
    public string InsertFile => $"{Name}_insert.csv";
    public string[] DeleteHeader => [Key];
}

/// <summary>The files of a KBO/BCE Open Data extract, with the headers of the Cookbook.</summary>
public static class KboFiles
{
    public static readonly KboFileSpec Enterprise = new("enterprise",
        ["EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "JuridicalFormCAC", "StartDate"], "EnterpriseNumber");
    public static readonly KboFileSpec Establishment = new("establishment", ["EstablishmentNumber", "StartDate", "EnterpriseNumber"], "EstablishmentNumber");
    public static readonly KboFileSpec Branch = new("branch", ["Id", "StartDate", "EnterpriseNumber"], "Id");
    public static readonly KboFileSpec Denomination = new("denomination", ["EntityNumber", "Language", "TypeOfDenomination", "Denomination"], "EntityNumber");
    public static readonly KboFileSpec Address = new("address",
        ["EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR",
         "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff"], "EntityNumber");
    public static readonly KboFileSpec Contact = new("contact", ["EntityNumber", "EntityContact", "ContactType", "Value"], "EntityNumber");
    public static readonly KboFileSpec Activity = new("activity", ["EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"], "EntityNumber");
    public static readonly KboFileSpec Code = new("code", ["Category", "Code", "Language", "Description"], "Code");
    public static readonly KboFileSpec Meta = new("meta", ["Variable", "Value"], "Variable");

    /// <summary>The data files, in the order an import reads them (enterprises before what refers to them).</summary>
    public static readonly KboFileSpec[] Data = [Enterprise, Establishment, Branch, Denomination, Address, Contact, Activity];
}

public enum ExtractType { Full, Update }

/// <summary>What meta.csv says of an extract.</summary>
public sealed record ExtractMeta(ExtractType Type, int Number, DateOnly? SnapshotDate, string? Timestamp, string? Version)
{
    public string TypeName => Type == ExtractType.Full ? "full" : "update";
}

/// <summary>
/// An extract on disk: a folder or a zip archive holding the CSV files (at its root or in one folder). Gives each file
/// as a stream and names it in messages as a path, or as <c>archive.zip/name.csv</c>.
/// </summary>
public sealed class KboExtract : IDisposable
{
    private readonly string? _folder;
    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public string Path { get; }
    public ExtractMeta Meta { get; }

    private KboExtract(string path, string? folder, ZipArchive? zip)
    {
        Path = path;
        _folder = folder;
        _zip = zip;
        if (zip is not null)
            foreach (var e in zip.Entries)
                if (e.Name.Length > 0 && e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) _entries.TryAdd(e.Name, e);
        Meta = ReadMeta();
    }

    /// <summary>Opens a folder or a zip file and reads its meta.csv.</summary>
    /// <exception cref="KboFormatException">not an extract, or meta.csv is missing or unreadable.</exception>
    public static KboExtract Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) return new KboExtract(full, full, null);
        if (!File.Exists(full)) throw new KboFormatException($"{path}: no such file or folder: give the folder or the zip file of a KBO Open Data extract");
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(full);
        }
        catch (InvalidDataException e)
        {
            throw new KboFormatException($"{path}: not a zip archive ({e.Message}): give the folder or the zip file of a KBO Open Data extract");
        }
        try
        {
            return new KboExtract(full, null, zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public bool Has(string file) => _zip is null ? File.Exists(System.IO.Path.Combine(_folder!, file)) : _entries.ContainsKey(file);

    /// <summary>The uncompressed size of a file, for progress.</summary>
    public long Length(string file) => _zip is null ? new FileInfo(System.IO.Path.Combine(_folder!, file)).Length : _entries[file].Length;

    public string Display(string file) => _zip is null
        ? System.IO.Path.Combine(_folder!, file)
        : $"{System.IO.Path.GetFileName(Path)}/{file}";

    /// <summary>The files the extract lacks, for its type: every one is needed before anything is written.</summary>
    public IReadOnlyList<string> MissingFiles()
    {
        var needed = new List<string> { KboFiles.Code.FullFile };
        foreach (var spec in KboFiles.Data)
        {
            if (Meta.Type == ExtractType.Full) needed.Add(spec.FullFile);
            else { needed.Add(spec.DeleteFile); needed.Add(spec.InsertFile); }
        }
        return needed.Where(f => !Has(f)).ToList();
    }

    /// <summary>The bytes of a file of the extract.</summary>
    public Stream OpenStream(string file)
    {
        if (!Has(file)) throw new KboFormatException($"{Display(file)}: the extract has no {file}: it is incomplete; download it again");
        try
        {
            return _zip is null
                ? new FileStream(System.IO.Path.Combine(_folder!, file), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)
                : _entries[file].Open();
        }
        catch (InvalidDataException e)
        {
            throw new KboFormatException($"{Display(file)}: cannot be read from the archive ({e.Message})");
        }
    }

    public KboCsvReader OpenCsv(string file, IReadOnlyList<string> header)
    {
        var stream = OpenStream(file);
        try
        {
            return KboCsvReader.Open(stream, Display(file), header);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private ExtractMeta ReadMeta()
    {
        var file = KboFiles.Meta.FullFile;
        if (!Has(file))
            throw new KboFormatException($"{Path}: no meta.csv: this is not a KBO Open Data extract (a folder or zip holding meta.csv, code.csv, enterprise.csv …)");
        var values = new Dictionary<string, (string Value, long Line)>(StringComparer.OrdinalIgnoreCase);
        using (var r = OpenCsv(file, KboFiles.Meta.Header))
        {
            while (r.Read())
            {
                if (r.RowError is { } error) throw new KboFormatException($"{r.Display}:{r.Line}: {error}");
                values[r.String(0) ?? ""] = (r.String(1) ?? "", r.Line);
            }
        }
        var display = Display(file);
        if (!values.TryGetValue("ExtractType", out var type))
            throw new KboFormatException($"{display}: no ExtractType: it should say full or update");
        var kind = type.Value.ToLowerInvariant() switch
        {
            "full" => ExtractType.Full,
            "update" => ExtractType.Update,
            _ => throw new KboFormatException($"{display}:{type.Line}: ExtractType is '{type.Value}'; it should be full or update"),
        };
        if (!values.TryGetValue("ExtractNumber", out var number) || !int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new KboFormatException($"{display}: no ExtractNumber, or it is not a whole number");
        DateOnly? snapshot = null;
        if (values.TryGetValue("SnapshotDate", out var date))
        {
            if (!KboValues.TryDate(System.Text.Encoding.UTF8.GetBytes(date.Value), out var d))
                throw new KboFormatException($"{display}:{date.Line}: SnapshotDate '{date.Value}' is not a date written dd-mm-yyyy");
            snapshot = d;
        }
        return new ExtractMeta(kind, n, snapshot, values.GetValueOrDefault("ExtractTimestamp").Value, values.GetValueOrDefault("Version").Value);
    }

    public void Dispose() => _zip?.Dispose();
}
