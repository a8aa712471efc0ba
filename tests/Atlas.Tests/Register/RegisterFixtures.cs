using System.Globalization;
using Atlas.KboGenerator;
using Atlas.Register;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Register;

/// <summary>
/// A small synthetic full dump (scale 0.001 of the real size, seeded) made by the workload generator of bench/, holding
/// the numbers that the real update extract 147 deletes, so that applying 147 to it deletes real rows.
/// </summary>
public sealed class GeneratedDump : IDisposable
{
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();
    public string Path => _dir.File("full");
    public GeneratorResult Result { get; }

    public GeneratedDump()
    {
        Result = KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = Path, Scale = 0.001, Seed = 7, ExtractNumber = 140,
            CodesPath = System.IO.Path.Combine(KboParserTests.Extract147, "code.csv"),
            DataDir = TestPaths.DataDir, IncludeFrom = KboParserTests.Extract147,
        });
    }

    /// <summary>A copy of the dump that a test may break.</summary>
    public string CopyTo(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Path)) File.Copy(f, System.IO.Path.Combine(target, System.IO.Path.GetFileName(f)));
        return target;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>Reads extracts and register files into comparable rows: one canonical text per row, per table.</summary>
public static class RegisterRows
{
    public static readonly string[] Tables = ["enterprise", "establishment", "branch", "denomination", "address", "contact", "activity"];

    /// <summary>Every row of the data tables of a register file.</summary>
    public static Dictionary<string, List<string>> FromStore(string registerPath, bool withDerived = false)
    {
        using var c = new SqliteConnection($"Data Source={registerPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        return FromStore(c, withDerived);
    }

    /// <summary>Every row of the data tables of a register on either store.</summary>
    public static Dictionary<string, List<string>> FromStore(System.Data.Common.DbConnection c, bool withDerived = false)
    {
        var result = new Dictionary<string, List<string>>();
        var tables = withDerived ? Tables.Concat(["spec_counts", "code", "nace"]) : Tables;
        foreach (var table in tables)
        {
            var columns = table switch
            {
                "address" => "entity, type, country_nl, country_fr, zipcode, municipality_nl, municipality_fr, street_nl, street_fr, house_number, box, extra_address_info, date_striking_off",
                "denomination" => "entity, language, type, name",
                "nace" => "version, code, level, section, label_fr, label_nl, label_en",
                "spec_counts" => "unit, version, nis, class, n",
                "code" => "category, code, language, description",
                "enterprise" => "number, status, juridical_situation, type_of_enterprise, juridical_form, juridical_form_cac, start_date",
                "establishment" => "number, start_date, enterprise",
                "branch" => "id, start_date, enterprise",
                "contact" => "entity, entity_contact, contact_type, value",
                "activity" => "entity, activity_group, nace_version, nace_code, classification",
                _ => throw new ArgumentException(table),
            };
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT {columns} FROM {table}";
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read())
                rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }
        return result;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string V(string? s) => s ?? "∅";

    /// <summary>The canonical text of the current row of a file, as the store would hold it, and the row's key.</summary>
    public static (long Key, string Row) Parse(KboFileSpec spec, KboCsvReader r)
    {
        string error;
        switch (spec.Name)
        {
            case "enterprise":
                Assert.True(KboRows.TryEnterprise(r, out var e, out error), error);
                return (e.Number, $"{e.Number}|{e.Status}|{e.JuridicalSituation}|{e.TypeOfEnterprise}|{V(e.JuridicalForm)}|{V(e.JuridicalFormCac)}|{Iso(e.StartDate)}");
            case "establishment":
                Assert.True(KboRows.TryEstablishment(r, out var s, out error), error);
                return (s.Number, $"{s.Number}|{Iso(s.StartDate)}|{s.Enterprise}");
            case "branch":
                Assert.True(KboRows.TryBranch(r, out var b, out error), error);
                return (b.Id, $"{b.Id}|{Iso(b.StartDate)}|{b.Enterprise}");
            case "denomination":
                Assert.True(KboRows.TryDenomination(r, out var d, out error), error);
                return (d!.Entity, $"{d.Entity}|{d.Language}|{d.Type}|{d.Name}");
            case "address":
                Assert.True(KboRows.TryAddress(r, out var a, out error), error);
                return (a!.Entity, string.Join("|", a.Entity, a.Type, V(a.CountryNl), V(a.CountryFr), V(a.Zipcode), V(a.MunicipalityNl), V(a.MunicipalityFr),
                    V(a.StreetNl), V(a.StreetFr), V(a.HouseNumber), V(a.Box), V(a.ExtraAddressInfo), a.DateStrikingOff is { } x ? Iso(x) : "∅"));
            case "contact":
                Assert.True(KboRows.TryContact(r, out var ct, out error), error);
                return (ct!.Entity, $"{ct.Entity}|{ct.EntityContact}|{ct.ContactType}|{ct.Value}");
            default:
                Assert.True(KboRows.TryActivity(r, out var act, out error), error);
                return (act.Entity, $"{act.Entity}|{act.Group}|{act.NaceVersion}|{act.Nace}|{(int)act.Classification}");
        }
    }

    public static List<(long Key, string Row)> ReadFile(string folder, KboFileSpec spec, string file)
    {
        var rows = new List<(long, string)>();
        using var r = KboCsvReader.Open(File.OpenRead(System.IO.Path.Combine(folder, file)), file, spec.Header);
        while (r.Read()) rows.Add(Parse(spec, r));
        return rows;
    }

    public static HashSet<long> ReadKeys(string folder, KboFileSpec spec)
    {
        var keys = new HashSet<long>();
        using var r = KboCsvReader.Open(File.OpenRead(System.IO.Path.Combine(folder, spec.DeleteFile)), spec.DeleteFile, spec.DeleteHeader);
        while (r.Read())
        {
            Assert.True(KboValues.TryNumber(r.Field(0), out var key));
            keys.Add(key);
        }
        return keys;
    }

    /// <summary>What the Cookbook says the register holds after a full dump and updates: per file, delete the keys, insert the rows.</summary>
    public static Dictionary<string, List<string>> Expected(string fullDump, params string[] updates)
    {
        var result = new Dictionary<string, List<string>>();
        foreach (var spec in KboFiles.Data)
        {
            var rows = ReadFile(fullDump, spec, spec.FullFile);
            foreach (var update in updates)
            {
                var deleted = ReadKeys(update, spec);
                rows = rows.Where(x => !deleted.Contains(x.Key)).Concat(ReadFile(update, spec, spec.InsertFile)).ToList();
            }
            // activities are a set (an exact repeat is one activity); the other tables keep every row
            var texts = rows.Select(x => x.Row);
            if (spec.Name == "activity") texts = texts.Distinct();
            var list = texts.ToList();
            list.Sort(StringComparer.Ordinal);
            result[spec.Name] = list;
        }
        return result;
    }

    public static byte[] Hash(string path)
    {
        SqliteConnection.ClearAllPools();
        return System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));
    }
}
