namespace Atlas.Tests.Finder;

/// <summary>`atlas find` as a user runs it, on the atlas as shipped (Statbel, no register). Shares the console with <see cref="CliTests"/>.</summary>
[Collection(CliTests.Name)]
public class FindCliTests
{
    [Fact]
    public async Task Find_ranks_the_municipalities_names_bad_options_and_says_partners_need_the_register()
    {
        using var dir = TestPaths.Temp();
        string[] Db(params string[] args) => [.. args, "--db", dir.File("atlas.db"), "--data", TestPaths.DataDir];

        var (code, stdout, _) = await CliRunner.Run(Db("find", "locations", "--sector", "textile", "--top", "5"));
        Assert.Equal(0, code);
        Assert.Contains("Where to locate: Textiles — 1310 Preparation and spinning of textile fibres", stdout);
        Assert.Contains("Source: Enterprises subject to VAT by legal form and NACE, 2019 — VAT-registered enterprises by seat.", stdout);
        Assert.Contains("weights (%): count 25, lq 20, density 20, related 20, claims 5, index 10", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("   5  ", stdout);
        Assert.DoesNotContain("   6  ", stdout);

        (code, stdout, _) = await CliRunner.Run(Db("find", "locations", "--nace", "13.20", "--format", "csv"));
        Assert.Equal(0, code);
        Assert.StartsWith("rank,id,label,nis,score,count", stdout);
        Assert.Equal(566, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        (code, _, var stderr) = await CliRunner.Run(Db("find", "locations", "--nace", "13.20", "--weights", "count=30"));
        Assert.Equal(1, code);
        Assert.Contains("--weights: the weights add up to 105, not 100", stderr);
        (code, _, stderr) = await CliRunner.Run(Db("find", "locations", "--nace", "99.99"));
        Assert.Equal((1, "--nace: there is no NACE-BEL 2008 code 99.99."), (code, stderr.Trim()));

        (code, _, stderr) = await CliRunner.Run(Db("find", "partners", "--nace", "26.51", "--near", "liege"));
        Assert.Equal(1, code);
        Assert.Contains("atlas import kbo PATH", stderr);
    }
}
