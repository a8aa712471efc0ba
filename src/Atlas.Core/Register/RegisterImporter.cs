using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Atlas.Register;

/// <summary>How an import may go: when it stops on malformed rows, whether an old update may be applied, progress.</summary>
public sealed record ImportOptions
{
    /// <summary>Stop (and change nothing) when more rows than this are malformed; null for no count limit.</summary>
    public long? MaxErrors { get; init; } = 1000;
    /// <summary>Stop when more than this share of the rows read is malformed (0.001 = 0.1 %); null for no share limit.</summary>
    public double? MaxErrorShare { get; init; }
    /// <summary>Apply an update even when its extract number is not newer than the register's.</summary>
    public bool Force { get; init; }
    /// <summary>Called a few times a second during the import.</summary>
    public Action<ImportProgress>? Progress { get; init; }
    /// <summary>How many problems are kept to be shown (all are counted).</summary>
    public int ProblemsShown { get; init; } = 20;

    /// <summary>Reads a threshold as a count (1000) or a share (0.1%).</summary>
    public static ImportOptions WithThreshold(string text, ImportOptions? basis = null)
    {
        basis ??= new ImportOptions();
        var t = text.Trim();
        if (t.EndsWith('%') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) && pct is >= 0 and <= 100)
            return basis with { MaxErrors = null, MaxErrorShare = pct / 100 };
        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return basis with { MaxErrors = n, MaxErrorShare = null };
        throw new FormatException($"'{text}' is not a threshold: give a number of rows (1000) or a share (0.1%)");
    }
}

public sealed record ImportProgress(string File, long FileRows, long TotalRows, double RowsPerSecond, double FileFraction, TimeSpan Elapsed);

/// <summary>The import could not be done; the register was not changed.</summary>
public sealed class RegisterImportException(string message, IReadOnlyList<string>? problems = null, long malformed = 0) : Exception(message)
{
    public IReadOnlyList<string> Problems { get; } = problems ?? [];
    public long Malformed { get; } = malformed;
}

/// <summary>What an import did.</summary>
public sealed class ImportResult
{
    public required ExtractMeta Meta { get; init; }
    public required string RegisterPath { get; init; }
    public Dictionary<string, long> RowsByFile { get; } = [];
    public long Rows => RowsByFile.Values.Sum();
    public long Malformed { get; set; }
    public List<string> Problems { get; } = [];
    public long DuplicateActivities { get; set; }
    /// <summary>Rows of an update inserted while their number was already in the register (not listed for deletion).</summary>
    public long Replaced { get; set; }
    /// <summary>Rows of an update that were in the register already, to the letter (an update applied again).</summary>
    public long AlreadyPresent { get; set; }
    public long AddressesResolved { get; set; }
    public long AddressesAbroad { get; set; }
    public long AddressesUnresolved { get; set; }
    public Dictionary<string, long> UnresolvedPostcodes { get; } = [];
    public long UnitsTouched { get; set; }
    public TimeSpan Elapsed { get; set; }
    public int? PreviousExtract { get; set; }
}

/// <summary>
/// Imports a KBO/BCE Open Data extract into the register's own SQLite file.
/// <list type="bullet">
/// <item>A full dump is loaded into a new file beside the register (journal off, one transaction, indexes and the
/// search index built after the rows), which replaces the register by an atomic rename only once complete: a failure
/// at any point leaves the previous register as it was.</item>
/// <item>An update is applied in one transaction on the register: for each file, every row whose key is listed in
/// X_delete.csv is deleted, then X_insert.csv is inserted; the specialisation counts are adjusted for the units it
/// touches. An update whose extract number is not newer than the register's is refused unless forced.</item>
/// <item>Malformed rows are counted and reported as <c>file:line: problem</c>; past the threshold the import stops
/// and nothing changes. A wrong header, a truncated file or a missing file stops it at once.</item>
/// </list>
/// </summary>
public sealed class RegisterImporter
{
    private readonly KboExtract _extract;
    private readonly string _registerPath;
    private readonly ImportOptions _options;
    private readonly PostcodeResolver _postcodes;
    private readonly NaceReference _nace;
    private readonly ImportResult _result;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _totalRows;
    private long _lastProgress;

    private RegisterImporter(KboExtract extract, string registerPath, string dataDir, ImportOptions options)
    {
        _extract = extract;
        _registerPath = registerPath;
        _options = options;
        _postcodes = PostcodeResolver.Load(dataDir);
        _nace = NaceReference.Load(dataDir);
        _result = new ImportResult { Meta = extract.Meta, RegisterPath = registerPath };
    }

    /// <summary>Imports the extract at <paramref name="extractPath"/> (a folder or a zip) into <paramref name="registerPath"/>.</summary>
    /// <exception cref="RegisterImportException">the extract cannot be imported; the register is unchanged.</exception>
    public static ImportResult Import(string extractPath, string registerPath, string dataDir, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        KboExtract extract;
        try
        {
            extract = KboExtract.Open(extractPath);
        }
        catch (KboFormatException e)
        {
            throw new RegisterImportException(e.Message);
        }
        using (extract)
        {
            var missing = extract.MissingFiles();
            if (missing.Count > 0)
                throw new RegisterImportException($"{extractPath}: this {extract.Meta.TypeName} extract lacks {string.Join(", ", missing)}: it is incomplete; download it again. The register was not changed.");
            var importer = new RegisterImporter(extract, Path.GetFullPath(registerPath), dataDir, options);
            try
            {
                if (extract.Meta.Type == ExtractType.Full) importer.Full();
                else importer.Update();
            }
            catch (KboFormatException e)
            {
                throw new RegisterImportException($"{e.Message}. The register was not changed.", importer._result.Problems, importer._result.Malformed);
            }
            importer._result.Elapsed = importer._clock.Elapsed;
            return importer._result;
        }
    }

    // ---------- problems and progress ----------

    private void Problem(KboCsvReader r, string message)
    {
        _result.Malformed++;
        if (_result.Problems.Count < _options.ProblemsShown) _result.Problems.Add($"{r.Display}:{r.Line}: {message}");
        if (_options.MaxErrors is { } max && _result.Malformed > max) Stop($"more than {max} malformed rows");
    }

    private void CheckShare()
    {
        if (_options.MaxErrorShare is { } share && _totalRows > 0 && _result.Malformed > share * _totalRows)
            Stop($"{_result.Malformed} malformed rows of {_totalRows:N0} read, more than {share * 100:0.###} %");
    }

    private void Stop(string why) => throw new RegisterImportException(
        $"the import stopped: {why} (the threshold is set with --max-errors). The register was not changed.", _result.Problems, _result.Malformed);

    private void Tick(KboCsvReader r, string file, bool force = false)
    {
        _totalRows++;
        if (_options.Progress is null || (!force && (_totalRows & 0xFFFF) != 0)) return;
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastProgress < 250) return;
        _lastProgress = now;
        var length = Math.Max(1, _extract.Length(file));
        _options.Progress(new ImportProgress(file, r.Rows, _totalRows, _totalRows / Math.Max(0.001, _clock.Elapsed.TotalSeconds),
            Math.Min(1, (double)r.BytesRead / length), _clock.Elapsed));
    }

    /// <summary>Reads every row of a file, handing the well-formed ones to <paramref name="row"/>; counts the rest.</summary>
    private void ForEachRow(string file, IReadOnlyList<string> header, Func<KboCsvReader, string?> row)
    {
        using var r = _extract.OpenCsv(file, header);
        long rows = 0;
        while (r.Read())
        {
            rows++;
            string? problem;
            try
            {
                problem = row(r);
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is not null) Problem(r, problem);
            Tick(r, file);
        }
        Tick(r, file, force: true);
        _result.RowsByFile[file] = rows;
        CheckShare();
    }

    // ---------- full ----------

    private sealed class Units
    {
        public readonly Dictionary<long, int> Enterprises = [];
        public readonly List<int> EnterpriseSeat = [], EnterpriseMain2008 = [], EnterpriseMain2025 = [];
        public readonly Dictionary<long, int> Establishments = [];
        public readonly List<long> EstablishmentEnterprise = [];
        public readonly List<int> EstablishmentNis = [], EstablishmentMain2008 = [], EstablishmentMain2025 = [];
    }

    private void Full()
    {
        var dir = Path.GetDirectoryName(_registerPath)!;
        Directory.CreateDirectory(dir);
        var building = Path.Combine(dir, $"{Path.GetFileName(_registerPath)}.building-{Environment.ProcessId}");
        DeleteDatabase(building);
        try
        {
            using (var c = Connect(building))
            {
                Exec(c, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
                Exec(c, RegisterSchema.Tables);
                Exec(c, "BEGIN");
                LoadCodes(c);
                var units = new Units();
                using (var writer = new RegisterWriter(c))
                {
                    LoadEnterprises(writer, units);
                    LoadEstablishments(writer, units);
                    ForEachRow(KboFiles.Branch.FullFile, KboFiles.Branch.Header, r =>
                        !KboRows.TryBranch(r, out var b, out var e) ? e : writer.Insert(b) ? null : "a branch with this Id is already in the file");
                    ForEachRow(KboFiles.Denomination.FullFile, KboFiles.Denomination.Header, r =>
                        !KboRows.TryDenomination(r, out var d, out var e) ? e : writer.Insert(d!) ? null : "the store refused this row");
                    LoadAddresses(writer, units);
                    ForEachRow(KboFiles.Contact.FullFile, KboFiles.Contact.Header, r =>
                        !KboRows.TryContact(r, out var d, out var e) ? e : writer.Insert(d!) ? null : "the store refused this row");
                    LoadActivities(writer, units);
                }
                CheckShare();
                Progress("counting units by municipality and NACE");
                Counts(units).AddTo(c, null);
                Progress("indexing");
                Exec(c, RegisterSchema.Indexes);
                Progress("building the search index of denominations");
                Exec(c, RegisterSchema.Search);
                WriteMeta(c, previous: null);
                Exec(c, "COMMIT");
                Exec(c, $"PRAGMA user_version = {RegisterSchema.Version}");
                Exec(c, "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE;");
                Exec(c, "ANALYZE");
            }
            SqliteConnection.ClearAllPools();
            Progress("replacing the register");
            _result.PreviousExtract = ReadExtractNumber(_registerPath);
            // a hot journal of the old file would be played onto the new one: it belongs to a file that is going away
            File.Delete(_registerPath + "-journal");
            File.Move(building, _registerPath, overwrite: true);
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            DeleteDatabase(building);
            throw;
        }
    }

    private void Progress(string step)
    {
        _options.Progress?.Invoke(new ImportProgress(step, 0, _totalRows, _totalRows / Math.Max(0.001, _clock.Elapsed.TotalSeconds), 1, _clock.Elapsed));
    }

    private void LoadEnterprises(RegisterWriter writer, Units units) =>
        ForEachRow(KboFiles.Enterprise.FullFile, KboFiles.Enterprise.Header, r =>
        {
            if (!KboRows.TryEnterprise(r, out var e, out var error)) return error;
            if (!writer.Insert(e)) return "this enterprise number is already in the file";
            units.Enterprises[e.Number] = units.EnterpriseSeat.Count;
            units.EnterpriseSeat.Add(0);
            units.EnterpriseMain2008.Add(MainActivity.None);
            units.EnterpriseMain2025.Add(MainActivity.None);
            return null;
        });

    private void LoadEstablishments(RegisterWriter writer, Units units) =>
        ForEachRow(KboFiles.Establishment.FullFile, KboFiles.Establishment.Header, r =>
        {
            if (!KboRows.TryEstablishment(r, out var e, out var error)) return error;
            if (!writer.Insert(e)) return "this establishment unit number is already in the file";
            units.Establishments[e.Number] = units.EstablishmentNis.Count;
            units.EstablishmentEnterprise.Add(e.Enterprise);
            units.EstablishmentNis.Add(0);
            units.EstablishmentMain2008.Add(MainActivity.None);
            units.EstablishmentMain2025.Add(MainActivity.None);
            return null;
        });

    private void LoadAddresses(RegisterWriter writer, Units units) =>
        ForEachRow(KboFiles.Address.FullFile, KboFiles.Address.Header, r =>
        {
            if (!KboRows.TryAddress(r, out var a, out var error)) return error;
            var nis = Resolve(a!);
            if (!writer.Insert(a!, nis)) return "the store refused this row";
            if (nis == 0) return null;
            if (a!.Type == "REGO" && units.Enterprises.TryGetValue(a.Entity, out var ei))
                units.EnterpriseSeat[ei] = units.EnterpriseSeat[ei] == 0 ? nis : Math.Min(units.EnterpriseSeat[ei], nis);
            else if (a.Type == "BAET" && units.Establishments.TryGetValue(a.Entity, out var si))
                units.EstablishmentNis[si] = units.EstablishmentNis[si] == 0 ? nis : Math.Min(units.EstablishmentNis[si], nis);
            return null;
        });

    private void LoadActivities(RegisterWriter writer, Units units) =>
        ForEachRow(KboFiles.Activity.FullFile, KboFiles.Activity.Header, r =>
        {
            if (!KboRows.TryActivity(r, out var a, out var error)) return error;
            if (!writer.Insert(a)) _result.DuplicateActivities++;
            if (a.Classification != Classification.Main || a.NaceVersion == 2003) return null;
            var key = MainActivity.Key(a.Group, a.Nace);
            List<int> main;
            int i;
            if (RegisterNumbers.IsEnterprise(a.Entity))
            {
                if (!units.Enterprises.TryGetValue(a.Entity, out i)) return null;
                main = a.NaceVersion == 2008 ? units.EnterpriseMain2008 : units.EnterpriseMain2025;
            }
            else
            {
                if (!units.Establishments.TryGetValue(a.Entity, out i)) return null;
                main = a.NaceVersion == 2008 ? units.EstablishmentMain2008 : units.EstablishmentMain2025;
            }
            if (key < main[i]) main[i] = key;
            return null;
        });

    private SpecCounts Counts(Units units)
    {
        var counts = new SpecCounts();
        var extraPlaces = new Dictionary<int, List<int>>();
        for (var s = 0; s < units.EstablishmentNis.Count; s++)
        {
            var nis = units.EstablishmentNis[s];
            if (nis != 0)
            {
                counts.Add(new UnitProfile(RegisterSchema.Establishments, units.EstablishmentMain2008[s], units.EstablishmentMain2025[s], [nis]));
                if (units.Enterprises.TryGetValue(units.EstablishmentEnterprise[s], out var ei))
                    (extraPlaces.TryGetValue(ei, out var l) ? l : extraPlaces[ei] = []).Add(nis);
            }
        }
        for (var e = 0; e < units.EnterpriseSeat.Count; e++)
        {
            IReadOnlyCollection<int> places;
            var seat = units.EnterpriseSeat[e];
            if (extraPlaces.TryGetValue(e, out var more))
            {
                var set = new HashSet<int>(more);
                if (seat != 0) set.Add(seat);
                places = set;
            }
            else places = seat == 0 ? [] : [seat];
            counts.Add(new UnitProfile(RegisterSchema.Enterprises, units.EnterpriseMain2008[e], units.EnterpriseMain2025[e], places));
        }
        return counts;
    }

    private int Resolve(AddressRow a)
    {
        if (!a.InBelgium)
        {
            _result.AddressesAbroad++;
            return 0;
        }
        var nis = _postcodes.Resolve(a.Zipcode, a.MunicipalityNl, a.MunicipalityFr);
        if (nis == 0)
        {
            _result.AddressesUnresolved++;
            var key = a.Zipcode ?? "(none)";
            if (_result.UnresolvedPostcodes.Count < 10_000 || _result.UnresolvedPostcodes.ContainsKey(key))
                _result.UnresolvedPostcodes[key] = _result.UnresolvedPostcodes.GetValueOrDefault(key) + 1;
        }
        else _result.AddressesResolved++;
        return nis;
    }

    private void LoadCodes(SqliteConnection c)
    {
        Exec(c, "DELETE FROM code; DELETE FROM nace;");
        using var code = new FastStatement(c, "INSERT OR REPLACE INTO code VALUES (?1, ?2, ?3, ?4)");
        var nace = new Dictionary<(int Version, string Code), (string? Fr, string? Nl)>();
        ForEachRow(KboFiles.Code.FullFile, KboFiles.Code.Header, r =>
        {
            if (!KboRows.TryCode(r, out var row, out var error)) return error;
            code.Text(1, row!.Category);
            code.Text(2, row.Code);
            code.Text(3, row.Language);
            code.Text(4, row.Description);
            code.Run();
            if (row.Category is "Nace2003" or "Nace2008" or "Nace2025")
            {
                var key = (int.Parse(row.Category[4..]), row.Code);
                var labels = nace.GetValueOrDefault(key);
                nace[key] = row.Language switch
                {
                    "FR" => (row.Description, labels.Nl),
                    "NL" => (labels.Fr, row.Description),
                    _ => labels,
                };
            }
            return null;
        });
        using var ins = new FastStatement(c, "INSERT INTO nace (version, code, level, section, label_fr, label_nl, label_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        foreach (var ((version, naceCode), (fr, nl)) in nace)
        {
            ins.Int(1, version);
            ins.Text(2, naceCode);
            ins.Text(3, NaceReference.Level(naceCode));
            ins.Text(4, naceCode.Length == 1 ? naceCode
                : naceCode.Length >= 2 && int.TryParse(naceCode[..2], out var division) ? _nace.Section(version, division) : null);
            ins.Text(5, fr);
            ins.Text(6, nl);
            ins.Text(7, _nace.English(version, naceCode));
            ins.Run();
        }
    }

    private string CodesHash()
    {
        using var stream = _extract.OpenStream(KboFiles.Code.FullFile);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string? ReadMeta(SqliteConnection c, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    private void WriteMeta(SqliteConnection c, int? previous)
    {
        var m = _extract.Meta;
        var values = new Dictionary<string, string?>
        {
            ["code_hash"] = CodesHash(),
            ["extract_number"] = m.Number.ToString(CultureInfo.InvariantCulture),
            ["extract_type"] = m.TypeName,
            ["snapshot_date"] = m.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["extract_timestamp"] = m.Timestamp,
            ["imported_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["import_seconds"] = _clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            ["source"] = Path.GetFileName(_extract.Path.TrimEnd('/', '\\')),
            ["schema_version"] = RegisterSchema.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (m.Type == ExtractType.Full)
        {
            values["full_extract_number"] = values["extract_number"];
            values["addresses"] = JsonSerializer.Serialize(new { resolved = _result.AddressesResolved, abroad = _result.AddressesAbroad, unresolved = _result.AddressesUnresolved });
        }
        if (previous is not null) values["previous_extract_number"] = previous.Value.ToString(CultureInfo.InvariantCulture);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        var (k, v) = (cmd.Parameters.Add("$k", SqliteType.Text), cmd.Parameters.Add("$v", SqliteType.Text));
        foreach (var (key, value) in values)
        {
            if (value is null) continue;
            (k.Value, v.Value) = (key, value);
            cmd.ExecuteNonQuery();
        }
    }

    // ---------- update ----------

    private sealed class Changes
    {
        public readonly Dictionary<KboFileSpec, List<long>> Deletes = [];
        public readonly List<EnterpriseRow> Enterprises = [];
        public readonly List<EstablishmentRow> Establishments = [];
        public readonly List<BranchRow> Branches = [];
        public readonly List<DenominationRow> Denominations = [];
        public readonly List<(AddressRow Row, long Line)> Addresses = [];
        public readonly List<ContactRow> Contacts = [];
        public readonly List<ActivityRow> Activities = [];
    }

    private void Update()
    {
        if (!File.Exists(_registerPath))
            throw new RegisterImportException($"there is no register at {_registerPath} yet: an update applies to a full dump, so import a full extract first (atlas import kbo KboOpenData_NNNN_…_Full.zip). Nothing was changed.");
        if (new RegisterStore(_registerPath).Problem is { } problem)
            throw new RegisterImportException($"{problem}: an update cannot be applied to it. Nothing was changed.");
        var stored = ReadExtractNumber(_registerPath)
            ?? throw new RegisterImportException($"{_registerPath} holds no complete register (no extract number): import a full extract again. Nothing was changed.");
        if (_extract.Meta.Number <= stored && !_options.Force)
            throw new RegisterImportException($"update extract {_extract.Meta.Number} is not newer than the register's extract {stored}: it was applied already or is out of order, so it was not applied. " +
                "Apply the updates after the register's extract in order, or give --force to apply it anyway. Nothing was changed.");
        _result.PreviousExtract = stored;

        var changes = ReadChanges();
        CheckShare();

        using var c = Connect(_registerPath);
        Exec(c, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL;");
        // one transaction, opened in SQL so that every statement of this connection runs inside it
        Exec(c, "BEGIN IMMEDIATE");
        try
        {
            // the units whose counts may change: subtract what they count now, apply, add what they count after
            var units = AffectedUnits(c, null, changes);
            _result.UnitsTouched = units.Count;
            var counts = new SpecCounts();
            foreach (var n in units)
                if (SpecCounts.ProfileFromStore(c, null, n) is { } p) counts.Add(p, -1);
            Apply(c, changes);
            foreach (var n in units)
                if (SpecCounts.ProfileFromStore(c, null, n) is { } p) counts.Add(p, +1);
            counts.AddTo(c, null);
            // code.csv holds the complete code tables; most updates carry them unchanged, so they are rewritten only
            // when their content differs from what the register holds
            if (CodesHash() != ReadMeta(c, "code_hash")) LoadCodes(c);
            WriteMeta(c, stored);
            CheckShare();
            Exec(c, "COMMIT");
        }
        catch
        {
            Exec(c, "ROLLBACK");
            throw;
        }
        SqliteConnection.ClearAllPools();
    }

    private Changes ReadChanges()
    {
        var ch = new Changes();
        foreach (var spec in KboFiles.Data)
        {
            var keys = new List<long>();
            ForEachRow(spec.DeleteFile, spec.DeleteHeader, r => KboRows.TryDeleteKey(r, spec, out var key, out var error) ? Add(keys, key) : error);
            ch.Deletes[spec] = keys;
            var file = spec.InsertFile;
            ForEachRow(file, spec.Header, r =>
            {
                string error;
                switch (spec.Name)
                {
                    case "enterprise": if (!KboRows.TryEnterprise(r, out var e, out error)) return error; ch.Enterprises.Add(e); break;
                    case "establishment": if (!KboRows.TryEstablishment(r, out var s, out error)) return error; ch.Establishments.Add(s); break;
                    case "branch": if (!KboRows.TryBranch(r, out var b, out error)) return error; ch.Branches.Add(b); break;
                    case "denomination": if (!KboRows.TryDenomination(r, out var d, out error)) return error; ch.Denominations.Add(d!); break;
                    case "address": if (!KboRows.TryAddress(r, out var a, out error)) return error; ch.Addresses.Add((a!, r.Line)); break;
                    case "contact": if (!KboRows.TryContact(r, out var ct, out error)) return error; ch.Contacts.Add(ct!); break;
                    default: if (!KboRows.TryActivity(r, out var act, out error)) return error; ch.Activities.Add(act); break;
                }
                return null;
            });
        }
        return ch;

        static string? Add(List<long> list, long key)
        {
            list.Add(key);
            return null;
        }
    }

    private static HashSet<long> AffectedUnits(SqliteConnection c, SqliteTransaction? tx, Changes ch)
    {
        var units = new HashSet<long>();
        foreach (var key in ch.Deletes[KboFiles.Enterprise].Concat(ch.Deletes[KboFiles.Establishment])
                     .Concat(ch.Deletes[KboFiles.Address]).Concat(ch.Deletes[KboFiles.Activity]))
            units.Add(key);
        foreach (var e in ch.Enterprises) units.Add(e.Number);
        foreach (var e in ch.Establishments) units.Add(e.Number);
        foreach (var (a, _) in ch.Addresses) units.Add(a.Entity);
        foreach (var a in ch.Activities) units.Add(a.Entity);
        // an enterprise is present where its establishments are: their enterprises before and after count too
        var establishments = units.Where(n => !RegisterNumbers.IsEnterprise(n)).ToList();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT enterprise FROM establishment WHERE number = $n";
            var p = cmd.Parameters.Add("$n", SqliteType.Integer);
            foreach (var s in establishments)
            {
                p.Value = s;
                if (cmd.ExecuteScalar() is long e) units.Add(e);
            }
        }
        foreach (var e in ch.Establishments) units.Add(e.Enterprise);
        return units;
    }

    private void Apply(SqliteConnection c, Changes ch)
    {
        var deletes = new (KboFileSpec Spec, string Sql)[]
        {
            (KboFiles.Enterprise, "DELETE FROM enterprise WHERE number = $k"),
            (KboFiles.Establishment, "DELETE FROM establishment WHERE number = $k"),
            (KboFiles.Branch, "DELETE FROM branch WHERE id = $k"),
            (KboFiles.Denomination, "DELETE FROM denomination WHERE entity = $k"),
            (KboFiles.Address, "DELETE FROM address WHERE entity = $k"),
            (KboFiles.Contact, "DELETE FROM contact WHERE entity = $k"),
            (KboFiles.Activity, "DELETE FROM activity WHERE entity = $k"),
        };
        using var writer = new RegisterWriter(c);
        foreach (var (spec, sql) in deletes)
        {
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = sql;
                var p = cmd.Parameters.Add("$k", SqliteType.Integer);
                foreach (var key in ch.Deletes[spec])
                {
                    p.Value = key;
                    cmd.ExecuteNonQuery();
                }
            }
            switch (spec.Name)
            {
                // a number inserted while it is already there (an update applied again with --force) replaces its row
                case "enterprise":
                    foreach (var e in ch.Enterprises)
                        if (!writer.Insert(e)) { Replace(c, "enterprise", "number", e.Number); writer.Insert(e); }
                    break;
                case "establishment":
                    foreach (var e in ch.Establishments)
                        if (!writer.Insert(e)) { Replace(c, "establishment", "number", e.Number); writer.Insert(e); }
                    break;
                case "branch":
                    foreach (var b in ch.Branches)
                        if (!writer.Insert(b)) { Replace(c, "branch", "id", b.Id); writer.Insert(b); }
                    break;
                // the rows of these tables are a set: a row already there (an update applied again) is not added twice
                case "denomination":
                    using (var present = Present(c, "denomination", "entity", "language", "type", "name"))
                        foreach (var d in ch.Denominations)
                            if (!present.Has(d.Entity, d.Language, d.Type, d.Name)) writer.Insert(d);
                    break;
                case "address":
                    using (var present = Present(c, "address", "entity", "type", "country_nl", "country_fr", "zipcode", "municipality_nl", "municipality_fr",
                               "street_nl", "street_fr", "house_number", "box", "extra_address_info", "date_striking_off"))
                        foreach (var (a, _) in ch.Addresses)
                            if (!present.Has(a.Entity, a.Type, a.CountryNl, a.CountryFr, a.Zipcode, a.MunicipalityNl, a.MunicipalityFr, a.StreetNl, a.StreetFr,
                                    a.HouseNumber, a.Box, a.ExtraAddressInfo, a.DateStrikingOff is { } d ? RegisterWriter.Iso(d) : null))
                                writer.Insert(a, Resolve(a));
                    break;
                case "contact":
                    using (var present = Present(c, "contact", "entity", "entity_contact", "contact_type", "value"))
                        foreach (var ct in ch.Contacts)
                            if (!present.Has(ct.Entity, ct.EntityContact, ct.ContactType, ct.Value)) writer.Insert(ct);
                    break;
                default:
                    foreach (var a in ch.Activities)
                        if (!writer.Insert(a)) _result.DuplicateActivities++;
                    break;
            }
        }
    }

    /// <summary>Asks whether the very same row is in a table already.</summary>
    private sealed class PresentQuery(SqliteCommand cmd, ImportResult result) : IDisposable
    {
        public bool Has(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (cmd.ExecuteScalar() is null) return false;
            result.AlreadyPresent++;
            return true;
        }

        public void Dispose() => cmd.Dispose();
    }

    private PresentQuery Present(SqliteConnection c, string table, params string[] columns)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT 1 FROM {table} WHERE {string.Join(" AND ", columns.Select((col, i) => $"{col} IS $p{i}"))} LIMIT 1";
        for (var i = 0; i < columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return new PresentQuery(cmd, _result);
    }

    private void Replace(SqliteConnection c, string table, string key, long number)
    {
        _result.Replaced++;
        Exec(c, $"DELETE FROM {table} WHERE {key} = {number}");
    }

    // ---------- helpers ----------

    private static SqliteConnection Connect(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    /// <summary>The extract number a register file holds, or null (no file, or not a complete register).</summary>
    public static int? ReadExtractNumber(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'extract_number'";
            return cmd.ExecuteScalar() is string s && int.TryParse(s, out var n) ? n : null;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var f in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
