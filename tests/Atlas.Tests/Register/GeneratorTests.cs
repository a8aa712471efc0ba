using Atlas.KboGenerator;
using Atlas.Model;
using Atlas.Register;

namespace Atlas.Tests.Register;

/// <summary>The synthetic full dump has the format, the size and the shape of the real one.</summary>
public class GeneratorTests(GeneratedDump dump) : IClassFixture<GeneratedDump>
{
    [Fact]
    public void Row_counts_follow_the_real_extract_times_the_scale()
    {
        var rows = dump.Result.Rows;
        // extract 140 × 0.001, plus the few numbers of update 147 the dump holds
        Assert.InRange(rows["enterprise.csv"], 1938, 1938 + 200);
        Assert.InRange(rows["establishment.csv"], 1672, 1672 + 100);
        Assert.InRange(rows["activity.csv"], 36306 * 0.9, 36306 * 1.1);
        Assert.InRange(rows["address.csv"], 2842 * 0.9, 2842 * 1.1);
        Assert.InRange(rows["denomination.csv"], 3310 * 0.9, 3310 * 1.1);
        Assert.InRange(rows["contact.csv"], 691 * 0.8, 691 * 1.2);
        Assert.Equal(21500, rows["code.csv"]);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        using var dir = TestPaths.Temp();
        KboDumpGenerator.Write(new GeneratorSpec
        {
            OutDir = dir.Path, Scale = 0.001, Seed = 7, ExtractNumber = 140,
            CodesPath = Path.Combine(KboParserTests.Extract147, "code.csv"), DataDir = TestPaths.DataDir, IncludeFrom = KboParserTests.Extract147,
        });
        foreach (var file in new[] { "enterprise.csv", "activity.csv", "address.csv", "denomination.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dump.Path, file)), File.ReadAllBytes(Path.Combine(dir.Path, file)));
    }

    [Fact]
    public void The_shape_is_the_real_one()
    {
        var enterprises = RegisterRows.ReadFile(dump.Path, KboFiles.Enterprise, "enterprise.csv").Select(x => x.Key).ToHashSet();
        var seats = new HashSet<long>();
        var postcodes = new Dictionary<string, int>();
        using (var r = KboCsvReader.Open(File.OpenRead(Path.Combine(dump.Path, "address.csv")), "address.csv", KboFiles.Address.Header))
            while (r.Read())
            {
                Assert.True(KboRows.TryAddress(r, out var a, out var error), error);
                if (a!.Type == "REGO") seats.Add(a.Entity);
                if (a.Zipcode is { } z) postcodes[z] = postcodes.GetValueOrDefault(z) + 1;
            }
        var withMain = new HashSet<long>();
        var versions = new HashSet<int>();
        var codes = new Dictionary<string, int>();
        using (var r = KboCsvReader.Open(File.OpenRead(Path.Combine(dump.Path, "activity.csv")), "activity.csv", KboFiles.Activity.Header))
            while (r.Read())
            {
                Assert.True(KboRows.TryActivity(r, out var a, out var error), error);
                versions.Add(a.NaceVersion);
                if (a.Classification == Classification.Main && KboDigits.IsEnterprise(a.Entity)) withMain.Add(a.Entity);
                if (a.NaceVersion == 2008) codes[a.Nace.ToString()] = codes.GetValueOrDefault(a.Nace.ToString()) + 1;
            }

        var noMain = 1 - (double)enterprises.Count(withMain.Contains) / enterprises.Count;
        var noAddress = 1 - (double)enterprises.Count(seats.Contains) / enterprises.Count;
        Assert.InRange(noMain, 0.30, 0.40);       // about 35 % of enterprises have no MAIN activity
        Assert.InRange(noAddress, 0.35, 0.45);    // about 40 % have no seat address
        Assert.Equal([2003, 2008, 2025], versions.Order());

        // a skewed NACE mix: the most frequent tenth of the codes hold most of the activities
        var sorted = codes.Values.OrderDescending().ToList();
        Assert.True(sorted.Take(sorted.Count / 10).Sum() > 0.5 * sorted.Sum());
        // postcodes by population: Antwerp (2000-2660) far ahead of a small Ardennes municipality
        var antwerp = postcodes.Where(kv => kv.Key.CompareTo("2000") >= 0 && kv.Key.CompareTo("2660") <= 0).Sum(kv => kv.Value);
        Assert.True(antwerp > 20 * postcodes.GetValueOrDefault("6680"));
    }
}
