using System.Globalization;
using Atlas.Analytics.Complexity;
using Xunit.Abstractions;

namespace Atlas.Tests.Complexity;

/// <summary>
/// The library against the Growth Lab's reference: the Stata <c>ecomplexity</c> results for py-ecomplexity's own
/// fixture (tests/fixtures/oracles/complexity; see tests/fixtures/MANIFEST.md). Per year: diversity, ubiquity and M exactly; ECI, PCI and
/// COI to 1e-6 relative; the sampled cells' RCA, density and COG to 1e-6 relative.
/// </summary>
public class GrowthLabOracleTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static string OracleDir => Path.Combine(TestPaths.FixturesDir, "oracles", "complexity");

    private static string[][] ReadCsv(string name) =>
        [.. File.ReadAllLines(Path.Combine(OracleDir, name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>
    /// The fixture for one year. The reference read the export values as Stata floats (single precision), so they
    /// are rounded the same way here when <paramref name="asFloat32"/>; M, and so everything but RCA, does not change.
    /// </summary>
    internal static ActivityMatrix TradeSample(string year, bool asFloat32 = true) =>
        ActivityMatrix.FromCells(ReadCsv("trade_data_sample.csv")
            .Where(row => row[0] == year)
            .Select(row => (row[1], row[2], asFloat32 ? (double)(float)Number(row[3]) : Number(row[3]))));

    private static double RelativeError(double actual, double expected)
    {
        if (actual == expected) return 0;
        return Math.Abs(actual - expected) / Math.Max(Math.Abs(actual), Math.Abs(expected));
    }

    private static Dictionary<string, ComplexityResult> ResultsByYear(ComplexityOptions? options = null) =>
        new[] { "1995", "1996" }.ToDictionary(y => y, y => EconomicComplexity.Compute(TradeSample(y), options));

    [Fact]
    public void The_fixture_has_two_full_years_and_nothing_is_dropped()
    {
        foreach (var (year, result) in ResultsByYear())
        {
            Assert.Equal(10, result.Regions.Count);
            Assert.Equal(30, result.Activities.Count);
            Assert.Empty(result.Dropped);
            Assert.True(result.Eigen.Residual < 1e-12, $"{year}: eigen residual {result.Eigen.Residual}");
        }
    }

    [Fact]
    public void Countries_match_the_reference_diversity_exactly_and_eci_and_coi_to_1e6()
    {
        var results = ResultsByYear();
        double eciError = 0, coiError = 0;
        var rows = ReadCsv("stata_oracle_country.csv");
        Assert.Equal(20, rows.Length);
        foreach (var row in rows)
        {
            var result = results[row[0]];
            var c = result.RegionIndex(row[1]);
            Assert.True(c >= 0, $"{row[0]} {row[1]} missing");
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), result.Diversity[c]);
            eciError = Math.Max(eciError, RelativeError(result.Eci[c], Number(row[3])));
            coiError = Math.Max(coiError, RelativeError(result.Coi[c], Number(row[4])));
        }
        output.WriteLine($"max relative error: ECI {eciError:E2}, COI {coiError:E2}");
        Assert.True(eciError <= Tolerance, $"ECI {eciError}");
        Assert.True(coiError <= Tolerance, $"COI {coiError}");
    }

    [Fact]
    public void Products_match_the_reference_ubiquity_exactly_and_pci_to_1e6()
    {
        var results = ResultsByYear();
        double pciError = 0;
        var rows = ReadCsv("stata_oracle_product.csv");
        Assert.Equal(60, rows.Length);
        foreach (var row in rows)
        {
            var result = results[row[0]];
            var p = result.ActivityIndex(row[1]);
            Assert.True(p >= 0, $"{row[0]} {row[1]} missing");
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), result.Ubiquity[p]);
            pciError = Math.Max(pciError, RelativeError(result.Pci[p], Number(row[3])));
        }
        output.WriteLine($"max relative error: PCI {pciError:E2}");
        Assert.True(pciError <= Tolerance, $"PCI {pciError}");
    }

    [Fact]
    public void Sampled_cells_match_the_reference_m_exactly_and_rca_density_cog_to_1e6()
    {
        var results = ResultsByYear();
        double rcaError = 0, densityError = 0, cogError = 0;
        var rows = ReadCsv("stata_oracle_cells_sample.csv");
        Assert.Equal(14, rows.Length);
        foreach (var row in rows)
        {
            var result = results[row[0]];
            int c = result.RegionIndex(row[1]), p = result.ActivityIndex(row[2]);
            Assert.Equal(Number(row[4]), result.Presence[c, p]);
            rcaError = Math.Max(rcaError, RelativeError(result.Rca[c, p], Number(row[3])));
            densityError = Math.Max(densityError, RelativeError(result.Density[c, p], Number(row[5])));
            cogError = Math.Max(cogError, RelativeError(result.Cog[c, p], Number(row[6])));
        }
        output.WriteLine($"max relative error: RCA {rcaError:E2}, density {densityError:E2}, COG {cogError:E2}");
        Assert.True(rcaError <= Tolerance, $"RCA {rcaError}");
        Assert.True(densityError <= Tolerance, $"density {densityError}");
        Assert.True(cogError <= Tolerance, $"COG {cogError}");
    }

    [Fact]
    public void Single_precision_input_explains_the_last_differences_in_rca()
    {
        // The reference stored export values as floats. From the file's double values M is the same, so every measure
        // but RCA is identical; RCA differs from the reference by about 1e-7, against about 1e-16 after rounding.
        double rounded = 0, unrounded = 0;
        foreach (var year in new[] { "1995", "1996" })
        {
            var asFloat = EconomicComplexity.Compute(TradeSample(year, asFloat32: true));
            var asDouble = EconomicComplexity.Compute(TradeSample(year, asFloat32: false));
            Assert.Equal(asFloat.Eci, asDouble.Eci);
            Assert.Equal(asFloat.Coi, asDouble.Coi);
            foreach (var row in ReadCsv("stata_oracle_cells_sample.csv").Where(r => r[0] == year))
            {
                int c = asFloat.RegionIndex(row[1]), p = asFloat.ActivityIndex(row[2]);
                Assert.Equal(asFloat.Density[c, p], asDouble.Density[c, p]);
                rounded = Math.Max(rounded, RelativeError(asFloat.Rca[c, p], Number(row[3])));
                unrounded = Math.Max(unrounded, RelativeError(asDouble.Rca[c, p], Number(row[3])));
            }
        }
        output.WriteLine($"max relative error of RCA: {rounded:E2} from float32 input, {unrounded:E2} from double input");
        Assert.True(rounded < 1e-9, $"rounded {rounded}");
        Assert.InRange(unrounded, 1e-9, Tolerance);
    }
}
