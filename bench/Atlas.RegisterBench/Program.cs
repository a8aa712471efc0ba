using System.Diagnostics;
using System.Globalization;
using Atlas.Register;
using DuckDB.NET.Data;

// register-bench atlas|duckdb|both DUMP_DIR DATA_DIR [OUT.csv]
// The municipality × NACE-division table of establishments (main activity, NACE-BEL 2008) from the CSV files of a
// full dump: the atlas's streaming path, or DuckDB running the equivalent SQL over the same files. Addresses are
// placed by postcode alone on both sides (DuckDB gets the atlas's postcode → municipality table as a CSV file).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: register-bench atlas|duckdb|both DUMP_DIR DATA_DIR [OUT.csv]");
    return 1;
}
var (mode, dump, data) = (args[0], Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
var postcodes = PostcodeResolver.Load(data);
Dictionary<(int, int), int>? atlas = null, duck = null;

if (mode is "atlas" or "both")
{
    var watch = Stopwatch.StartNew();
    atlas = CsvSpecialisation.EstablishmentsByDivision(dump, postcodes, 2008, byNameToo: false);
    Report("atlas", watch.Elapsed, atlas);
}
if (mode is "duckdb" or "both")
{
    var table = Path.Combine(Path.GetTempPath(), $"atlas-postcodes-{Environment.ProcessId}.csv");
    File.WriteAllLines(table, postcodes.Table().Select(x => $"{x.Postcode:D4},{x.Nis}").Prepend("postcode,nis"));
    var watch = Stopwatch.StartNew();
    duck = DuckDb(dump, table);
    Report("duckdb", watch.Elapsed, duck);
    File.Delete(table);
}
if (atlas is not null && duck is not null)
{
    var same = atlas.Count == duck.Count && atlas.All(kv => duck.TryGetValue(kv.Key, out var n) && n == kv.Value);
    Console.WriteLine(same ? "same table: yes" : "same table: NO");
    if (!same) return 2;
}
if (args.Length > 3 && (atlas ?? duck) is { } result)
    File.WriteAllLines(args[3], result.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.Item1:D5},{kv.Key.Item2:D2},{kv.Value}").Prepend("nis,division,establishments"));
return 0;

static void Report(string who, TimeSpan elapsed, Dictionary<(int, int), int> table) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{who}: {elapsed.TotalSeconds:0.00} s, {table.Count} cells, {table.Values.Sum()} establishments, {table.Keys.Select(k => k.Item1).Distinct().Count()} municipalities"));

static Dictionary<(int, int), int> DuckDb(string dump, string postcodeTable)
{
    string F(string name) => Path.Combine(dump, name).Replace("'", "''");
    using var c = new DuckDBConnection("Data Source=:memory:");
    c.Open();
    using var cmd = c.CreateCommand();
    cmd.CommandText = $"""
        WITH est AS (
            SELECT EstablishmentNumber AS n FROM read_csv('{F("establishment.csv")}', header = true, all_varchar = true)),
        place AS (
            SELECT a.EntityNumber AS n, min(p.nis) AS nis
            FROM read_csv('{F("address.csv")}', header = true, all_varchar = true) a
            JOIN read_csv('{postcodeTable.Replace("'", "''")}', header = true, all_varchar = true) p ON p.postcode = a.Zipcode
            WHERE a.TypeOfAddress = 'BAET' AND a.CountryNL IS NULL AND a.CountryFR IS NULL
            GROUP BY 1),
        main AS (
            SELECT EntityNumber AS n, arg_min(NaceCode, ActivityGroup || rpad(NaceCode, 7, '0')) AS code
            FROM read_csv('{F("activity.csv")}', header = true, all_varchar = true)
            WHERE Classification = 'MAIN' AND NaceVersion = '2008'
            GROUP BY 1)
        SELECT CAST(place.nis AS INTEGER), CAST(substr(main.code, 1, 2) AS INTEGER), count(*)
        FROM est JOIN place USING (n) JOIN main USING (n)
        GROUP BY 1, 2
        """;
    var result = new Dictionary<(int, int), int>();
    using var r = cmd.ExecuteReader();
    while (r.Read()) result[(r.GetInt32(0), r.GetInt32(1))] = (int)r.GetInt64(2);
    return result;
}
