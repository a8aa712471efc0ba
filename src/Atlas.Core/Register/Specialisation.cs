using Atlas.Model;
using System.Data.Common;
using System.Globalization;

namespace Atlas.Register;

/// <summary>
/// The main activity of a unit in one NACE version, as the atlas counts it: among the unit's MAIN activities of that
/// version, the one of the lowest activity group (001 VAT before 003, 006 social security …), then the lowest code.
/// A unit thus has at most one main activity per version, so that counts by code add up to the unit's total.
/// Encoded as one comparable integer: group × 10⁷ + the code padded to seven digits.
/// </summary>
public static class MainActivity
{
    public const int None = int.MaxValue;

    public static int Key(int group, NaceCode code)
    {
        var seven = code.Value;
        for (var d = code.Digits; d < 7; d++) seven *= 10;
        return group * 10_000_000 + seven;
    }

    /// <summary>The NACE class (first four digits) of a key.</summary>
    public static int Class(int key) => key % 10_000_000 / 1000;
}

/// <summary>
/// The areas above a municipality, by its REFNIS code: the arrondissement is its first two digits followed by 000,
/// the province follows from the arrondissement (the two Brabants are 20001 and 20002; Brussels has none), the region
/// too (02000 Flemish, 03000 Walloon, 04000 Brussels-Capital).
/// </summary>
public static class Areas
{
    public const int Flanders = 2000, Wallonia = 3000, BrusselsRegion = 4000;

    public static int[] Above(int municipality)
    {
        var arrondissement = municipality / 1000 * 1000;
        var a = municipality / 1000;
        if (a == 21) return [arrondissement, BrusselsRegion];
        var province = a switch { 23 or 24 => 20001, 25 => 20002, _ => a / 10 * 10000 };
        var region = a is 25 || a / 10 is 5 or 6 or 8 or 9 ? Wallonia : Flanders;
        return [arrondissement, province, region];
    }

    public static bool IsMunicipality(int nis) => Atlas.Model.NisCode.IsMunicipalityCode(nis);
}

/// <summary>
/// What one unit adds to the specialisation counts: an establishment counts once in the municipality of its
/// establishment address (BAET); an enterprise counts once in each municipality where it has its seat (REGO) or an
/// establishment — both under their main activity (<see cref="MainActivity"/>) of each version.
/// </summary>
public readonly record struct UnitProfile(int Unit, int Main2008, int Main2025, IReadOnlyCollection<int> Places);

/// <summary>
/// Counts of units by (unit kind, NACE version, municipality, NACE class), with the national count under
/// <see cref="RegisterSchema.Belgium"/>. Built in memory during a full import, and as differences (before and after)
/// for the units an update touches, so that both paths count alike.
/// </summary>
public sealed class SpecCounts
{
    private readonly Dictionary<(int Unit, int Version, int Nis, int Class), int> _counts = [];

    public IReadOnlyDictionary<(int Unit, int Version, int Nis, int Class), int> Counts => _counts;

    public void Add(UnitProfile p, int sign = 1)
    {
        if (p.Places.Count == 0) return;
        // a unit counts once in each municipality where it is, and once in each arrondissement, province and region
        // holding one of them, and in Belgium: counts of areas are of distinct units, not sums of municipalities
        IEnumerable<int> areas = p.Places.Count == 1 && p.Places.First() is var only
            ? [only, .. Areas.Above(only)]
            : p.Places.Concat(p.Places.SelectMany(Areas.Above)).Distinct().ToList();
        foreach (var (version, key) in new[] { (2008, p.Main2008), (2025, p.Main2025) })
        {
            if (key == MainActivity.None) continue;
            var cls = MainActivity.Class(key);
            foreach (var nis in areas) Bump((p.Unit, version, nis, cls), sign);
            Bump((p.Unit, version, RegisterSchema.Belgium, cls), sign);
        }
    }

    private void Bump((int, int, int, int) key, int by)
    {
        var n = _counts.GetValueOrDefault(key) + by;
        if (n == 0) _counts.Remove(key);
        else _counts[key] = n;
    }

    /// <summary>Writes the counts into spec_counts, adding to what is there (an update) or into an empty table (a full load).</summary>
    public void AddTo(DbConnection c, DbTransaction? tx)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO spec_counts (unit, version, nis, class, n) VALUES (@u, @v, @nis, @c, @n)
            ON CONFLICT (unit, version, nis, class) DO UPDATE SET n = spec_counts.n + excluded.n
            """, ("u", 0L), ("v", 0L), ("nis", 0L), ("c", 0L), ("n", 0L));
        foreach (var (key, count) in _counts)
        {
            var values = new long[] { key.Unit, key.Version, key.Nis, key.Class, count };
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
            cmd.ExecuteNonQuery();
        }
        using var clean = Command(c, tx, "DELETE FROM spec_counts WHERE n = 0");
        clean.ExecuteNonQuery();
    }

    /// <summary>
    /// The profile of a unit as the store holds it now (null if it does not exist): what an update subtracts before it
    /// changes the unit and adds back after.
    /// </summary>
    public static UnitProfile? ProfileFromStore(DbConnection c, DbTransaction? tx, long number)
    {
        var enterprise = RegisterNumbers.IsEnterprise(number);
        if (Scalar(c, tx, enterprise ? "SELECT 1 FROM enterprise WHERE number = @n" : "SELECT 1 FROM establishment WHERE number = @n", number) is null)
            return null;
        var places = new HashSet<int>();
        if (Scalar(c, tx, $"SELECT min(nis) FROM address WHERE entity = @n AND type = '{(enterprise ? "REGO" : "BAET")}' AND nis IS NOT NULL", number) is { } own)
            places.Add(Convert.ToInt32(own, CultureInfo.InvariantCulture));
        if (enterprise)
        {
            using var cmd = Command(c, tx, """
                SELECT (SELECT min(a.nis) FROM address a WHERE a.entity = e.number AND a.type = 'BAET' AND a.nis IS NOT NULL)
                FROM establishment e WHERE e.enterprise = @n
                """, ("n", number));
            using var r = cmd.ExecuteReader();
            while (r.Read()) if (!r.IsDBNull(0)) places.Add((int)r.GetInt64(0));
        }
        int main2008 = MainActivity.None, main2025 = MainActivity.None;
        using (var cmd = Command(c, tx, "SELECT nace_version, activity_group, nace_code FROM activity WHERE entity = @n AND classification = 1 AND nace_version IN (2008, 2025)", ("n", number)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var code = r.GetString(2);
                var key = MainActivity.Key((int)r.GetInt64(1), new NaceCode(int.Parse(code, CultureInfo.InvariantCulture), (byte)code.Length));
                if (r.GetInt64(0) == 2008) main2008 = Math.Min(main2008, key);
                else main2025 = Math.Min(main2025, key);
            }
        }
        return new UnitProfile(enterprise ? RegisterSchema.Enterprises : RegisterSchema.Establishments, main2008, main2025, places);
    }

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static object? Scalar(DbConnection c, DbTransaction? tx, string sql, long number)
    {
        using var cmd = Command(c, tx, sql, ("n", number));
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    /// <summary>Every unit's profile recomputed from the store: the reference an incremental update must match.</summary>
    public static SpecCounts RecomputeFromStore(DbConnection c)
    {
        var counts = new SpecCounts();
        var numbers = new List<long>();
        using (var cmd = Command(c, null, "SELECT number FROM enterprise UNION ALL SELECT number FROM establishment"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) numbers.Add(r.GetInt64(0));
        foreach (var n in numbers)
            if (ProfileFromStore(c, null, n) is { } p) counts.Add(p);
        return counts;
    }

    /// <summary>The counts as stored in spec_counts.</summary>
    public static Dictionary<(int Unit, int Version, int Nis, int Class), int> Read(DbConnection c)
    {
        var result = new Dictionary<(int, int, int, int), int>();
        using var cmd = Command(c, null, "SELECT unit, version, nis, class, n FROM spec_counts");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3))] = (int)r.GetInt64(4);
        return result;
    }
}
