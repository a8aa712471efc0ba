using Atlas.Analytics.Complexity;

namespace Atlas.Tests.Complexity;

/// <summary>
/// A 4 × 4 case worked by hand: every expected RCA, presence, diversity, ubiquity, proximity and density below is
/// derived in the comments from the values alone.
/// </summary>
public class HandWorkedTests
{
    //            p1  p2  p3  p4 | region total
    //   A         5   3   2   0 | 10
    //   B         6   4   0   0 | 10
    //   C         5   0   1   4 | 10
    //   D         0   1   1   8 | 10
    //   total    16   8   4  12 | 40
    //
    // RCA_cp = (x_cp / 10) / (S_p / 40) = 4 x_cp / S_p, so column by column x/4, x/2, x, x/3:
    //   A  5/4 = 1.25   3/2 = 1.5   2        0
    //   B  6/4 = 1.5    4/2 = 2     0        0
    //   C  5/4 = 1.25   0           1        4/3
    //   D  0            1/2         1        8/3
    // M = RCA > 1 (strictly: C and D have RCA exactly 1 in p3 and do not have it):
    //   A  1 1 1 0   diversity 3
    //   B  1 1 0 0   diversity 2
    //   C  1 0 0 1   diversity 2
    //   D  0 0 0 1   diversity 1
    //   ubiquity     p1 3 (A B C), p2 2 (A B), p3 1 (A), p4 2 (C D)
    private static readonly string[] Regions = ["A", "B", "C", "D"];
    private static readonly string[] Activities = ["p1", "p2", "p3", "p4"];

    internal static ActivityMatrix Toy() => new(Regions, Activities, new double[,]
    {
        { 5, 3, 2, 0 },
        { 6, 4, 0, 0 },
        { 5, 0, 1, 4 },
        { 0, 1, 1, 8 },
    });

    private static void Near(double expected, double actual) => Assert.Equal(expected, actual, 1e-12);

    [Fact]
    public void Rca_presence_diversity_and_ubiquity()
    {
        var result = EconomicComplexity.Compute(Toy());
        double[,] rca = { { 1.25, 1.5, 2, 0 }, { 1.5, 2, 0, 0 }, { 1.25, 0, 1, 4.0 / 3 }, { 0, 0.5, 1, 8.0 / 3 } };
        double[,] m = { { 1, 1, 1, 0 }, { 1, 1, 0, 0 }, { 1, 0, 0, 1 }, { 0, 0, 0, 1 } };
        for (var c = 0; c < 4; c++)
            for (var p = 0; p < 4; p++)
            {
                Near(rca[c, p], result.Rca[c, p]);
                Assert.Equal(m[c, p], result.Presence[c, p]);
            }
        Assert.Equal([3, 2, 2, 1], result.Diversity);
        Assert.Equal([3, 2, 1, 2], result.Ubiquity);
        Assert.Equal(Regions, result.Regions);
        Assert.Equal(Activities, result.Activities);
        Assert.Empty(result.Dropped);
    }

    // Co-occurrence C_pq = Σ_c M_cp M_cq: p1p2 = 2 (A, B), p1p3 = 1 (A), p1p4 = 1 (C), p2p3 = 1 (A), p2p4 = p3p4 = 0.
    // Discrete proximity φ = C_pq / max(k_p, k_q):
    //        p1    p2    p3    p4
    //   p1   0     2/3   1/3   1/3
    //   p2   2/3   0     1/2   0
    //   p3   1/3   1/2   0     0
    //   p4   1/3   0     0     0
    //   column sums: 4/3, 7/6, 5/6, 1/3
    private static readonly double[,] Phi =
    {
        { 0, 2.0 / 3, 1.0 / 3, 1.0 / 3 },
        { 2.0 / 3, 0, 0.5, 0 },
        { 1.0 / 3, 0.5, 0, 0 },
        { 1.0 / 3, 0, 0, 0 },
    };

    [Fact]
    public void Discrete_proximity_is_co_occurrence_over_the_larger_ubiquity()
    {
        var result = EconomicComplexity.Compute(Toy());
        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 4; q++)
                Near(Phi[p, q], result.Proximity[p, q]);
    }

    // Density d_cp = Σ_q M_cq φ(q, p) / Σ_q φ(q, p):
    //   A (has p1 p2 p3): p1 (2/3 + 1/3) / (4/3) = 3/4   p2 (2/3 + 1/2) / (7/6) = 1   p3 (1/3 + 1/2) / (5/6) = 1   p4 (1/3) / (1/3) = 1
    //   B (has p1 p2):    p1 (2/3) / (4/3) = 1/2         p2 (2/3) / (7/6) = 4/7       p3 (1/3 + 1/2) / (5/6) = 1   p4 1
    //   C (has p1 p4):    p1 (1/3) / (4/3) = 1/4         p2 (2/3) / (7/6) = 4/7       p3 (1/3) / (5/6) = 2/5       p4 1
    //   D (has p4):       p1 (1/3) / (4/3) = 1/4         p2 0                         p3 0                         p4 0
    [Fact]
    public void Density_is_the_proximity_weighted_share_of_related_activities_present()
    {
        var result = EconomicComplexity.Compute(Toy());
        double[,] density =
        {
            { 0.75, 1, 1, 1 },
            { 0.5, 4.0 / 7, 1, 1 },
            { 0.25, 4.0 / 7, 0.4, 1 },
            { 0.25, 0, 0, 0 },
        };
        for (var c = 0; c < 4; c++)
            for (var p = 0; p < 4; p++)
                Near(density[c, p], result.Density[c, p]);
    }

    // Asymmetric φ(p, q) = C_pq / k_q: φ(p1, p2) = 2/2, φ(p2, p1) = 2/3, φ(p1, p3) = 1/1, φ(p3, p1) = 1/3,
    // φ(p1, p4) = 1/2, φ(p4, p1) = 1/3, φ(p2, p3) = 1/1, φ(p3, p2) = 1/2, the rest 0.
    // Density of B (p1 p2) in p3 = (φ(p1, p3) + φ(p2, p3)) / Σ_q φ(q, p3) = (1 + 1) / (1 + 1 + 0) = 1,
    // and in p4 = φ(p1, p4) / (φ(p1, p4)) = 1; of C (p1 p4) in p2 = φ(p1, p2) / (φ(p1, p2) + φ(p3, p2)) = 1 / (3/2) = 2/3.
    [Fact]
    public void Asymmetric_proximity_is_the_conditional_probability()
    {
        var result = EconomicComplexity.Compute(Toy(), new ComplexityOptions { Proximity = ProximityMethod.Asymmetric });
        double[,] phi =
        {
            { 0, 1, 1, 0.5 },
            { 2.0 / 3, 0, 1, 0 },
            { 1.0 / 3, 0.5, 0, 0 },
            { 1.0 / 3, 0, 0, 0 },
        };
        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 4; q++)
                Near(phi[p, q], result.Proximity[p, q]);
        Near(1, result.Density[1, 2]);
        Near(1, result.Density[1, 3]);
        Near(2.0 / 3, result.Density[2, 1]);
    }

    [Fact]
    public void Continuous_proximity_is_the_rescaled_correlation_of_rca_and_density_weighs_rca()
    {
        var result = EconomicComplexity.Compute(Toy(), new ComplexityOptions { Proximity = ProximityMethod.Continuous });
        double[][] rca = [[1.25, 1.5, 1.25, 0], [1.5, 2, 0, 0.5], [2, 0, 1, 1], [0, 0, 4.0 / 3, 8.0 / 3]]; // by activity
        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 4; q++)
                Near(p == q ? 0 : (1 + Pearson(rca[p], rca[q])) / 2, result.Proximity[p, q]);
        // Density of A in p4 = Σ_q RCA_Aq φ(q, p4) / Σ_q φ(q, p4), A's RCA being 1.25, 1.5, 2, 0.
        var phi = result.Proximity;
        var expected = (1.25 * phi[0, 3] + 1.5 * phi[1, 3] + 2 * phi[2, 3]) / (phi[0, 3] + phi[1, 3] + phi[2, 3]);
        Near(expected, result.Density[0, 3]);
        // ECI and PCI still come from M: the same as with discrete proximity.
        var discrete = EconomicComplexity.Compute(Toy());
        for (var c = 0; c < 4; c++) Near(discrete.Eci[c], result.Eci[c]);
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    [Fact]
    public void Eci_is_the_mean_pci_of_present_activities_and_follows_diversity()
    {
        var result = EconomicComplexity.Compute(Toy());
        // kc = D_c⁻¹ M kp, and the same linear scaling is applied to both.
        for (var c = 0; c < 4; c++)
        {
            var present = Enumerable.Range(0, 4).Where(p => result.IsPresent(c, p)).ToArray();
            Near(present.Average(p => result.Pci[p]), result.Eci[c]);
        }
        Assert.True(result.Eci[0] > result.Eci[3], "A (diversity 3) is more complex than D (diversity 1)");
        // Stata scaling: mean 0 and sample sd 1 over the 16 region × activity rows (each region 4 times).
        Near(0, result.Eci.Average());
        Near(1, Math.Sqrt(result.Eci.Sum(e => e * e) * 4 / 15));
        Assert.InRange(result.Eigen.Eigenvalue, 1e-6, 1);
    }

    [Fact]
    public void Py_ecomplexity_scaling_uses_the_population_sd_over_regions()
    {
        var result = EconomicComplexity.Compute(Toy(), new ComplexityOptions { Scaling = ComplexityScaling.PyEcomplexity });
        Near(0, result.Eci.Average());
        Near(1, Math.Sqrt(result.Eci.Sum(e => e * e) / 4));
        Near(0, result.Coi.Average());
        Near(1, Math.Sqrt(result.Coi.Sum(e => e * e) / 4));
        // The two scalings differ by the constant factor sd_stata / sd_py = √(C P / (C P − 1)) = √(16/15).
        var stata = EconomicComplexity.Compute(Toy());
        var factor = Math.Sqrt(16.0 / 15);
        for (var c = 0; c < 4; c++) Near(stata.Eci[c] * factor, result.Eci[c]);
        for (var p = 0; p < 4; p++) Near(stata.Pci[p] * factor, result.Pci[p]);
        for (var p = 0; p < 4; p++) Near(stata.Cog[1, p] * factor, result.Cog[1, p]);
    }

    [Fact]
    public void Coi_and_cog_follow_the_reference_formulas()
    {
        var result = EconomicComplexity.Compute(Toy());
        int nc = 4, np = 4;
        var m = result.Presence;
        var phi = result.Proximity;
        // The raw kp is M̃'s eigenvector (M̃ = D_p⁻¹ Mᵀ D_c⁻¹ M, rows summing to 1) and PCI = (kp − mean) / sd, so
        // kp / sd = PCI + t with M̃ (PCI + t) = λ (PCI + t), that is t = (λ PCI_p − (M̃ PCI)_p) / (1 − λ) for every p.
        var lambda = result.Eigen.Eigenvalue;
        var t = new double[np];
        for (var p = 0; p < np; p++)
        {
            double mPci = 0;
            for (var c = 0; c < nc; c++)
                for (var q = 0; q < np; q++)
                    mPci += m[c, p] * m[c, q] * result.Pci[q] / (result.Diversity[c] * result.Ubiquity[p]);
            t[p] = (lambda * result.Pci[p] - mPci) / (1 - lambda);
        }
        for (var p = 1; p < np; p++) Near(t[0], t[p]);
        var kp = result.Pci.Select(x => x + t[0]).ToArray(); // kp / sd

        // COI = standardised Σ_p (1 − M_cp) d_cp kp_p (the scale of kp cancels).
        var raw = new double[nc];
        for (var c = 0; c < nc; c++)
            for (var p = 0; p < np; p++)
                raw[c] += (1 - m[c, p]) * result.Density[c, p] * kp[p];
        var mean = raw.Average();
        var sd = Math.Sqrt(raw.Sum(x => (x - mean) * (x - mean)) * np / (nc * np - 1));
        for (var c = 0; c < nc; c++) Near((raw[c] - mean) / sd, result.Coi[c]);

        // COG_cp = (1 − M_cp) Σ_q (1 − M_cq) φ(q, p) kp_q / Σ_r φ(q, r), divided by the sd of the raw ECI: with kp / sd
        // in place of kp that division is already done.
        for (var c = 0; c < nc; c++)
            for (var p = 0; p < np; p++)
            {
                double cog = 0;
                for (var q = 0; q < np; q++)
                {
                    var rowSum = Enumerable.Range(0, np).Sum(r => phi[q, r]);
                    if (rowSum > 0) cog += (1 - m[c, q]) * phi[q, p] * kp[q] / rowSum;
                }
                Near((1 - m[c, p]) * cog, result.Cog[c, p]);
                if (m[c, p] == 1) Assert.Equal(0, result.Cog[c, p]);
            }
    }
}
