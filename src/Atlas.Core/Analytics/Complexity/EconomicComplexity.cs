using System.Numerics;
using static Atlas.Analytics.Complexity.VectorMath;

namespace Atlas.Analytics.Complexity;

/// <summary>
/// Relatedness and economic complexity of a region × activity matrix, as the Harvard Growth Lab's Stata
/// <c>ecomplexity</c> and py-ecomplexity define them: RCA, presence, diversity, ubiquity, ECI and PCI, proximity,
/// density, complexity outlook index and gain. docs/methodology-complexity.md gives the formulas.
/// </summary>
/// <remarks>
/// ECI and PCI come from the second eigenvector of M̃ = D_p⁻¹ Mᵀ D_c⁻¹ M (D_c, D_p: diagonal diversity and
/// ubiquity). M̃ is not symmetric but is similar to S = D_p^-½ Mᵀ D_c⁻¹ M D_p^-½, which is: S has the same eigenvalues,
/// real and in [0, 1], and its eigenvector u gives M̃'s as D_p^-½ u. S's top eigenvector (eigenvalue 1) is known,
/// √k_p, so the second one is the largest eigenvector orthogonal to it, found by <see cref="Lanczos"/> without ever
/// forming S. Proximity is computed with bit sets, density and COG by adding proximity rows for present activities
/// only: all measures of a 565 × 615 matrix take a few tens of milliseconds on one core.
/// </remarks>
public static class EconomicComplexity
{
    /// <summary>Computes every measure. Throws <see cref="ArgumentException"/> when the matrix cannot give them.</summary>
    public static ComplexityResult Compute(ActivityMatrix input, ComplexityOptions? options = null)
    {
        options ??= ComplexityOptions.Default;
        if (!double.IsFinite(options.Threshold) || options.Threshold < 0)
            throw new ArgumentException($"the threshold {options.Threshold} is not a number zero or more", nameof(options));

        var dropped = new List<DroppedItem>();

        // Rows and columns that are all zero carry no information and would divide by zero: drop them first.
        var rowTotal = new double[input.Regions.Count];
        var columnTotal = new double[input.Activities.Count];
        for (var r = 0; r < rowTotal.Length; r++)
        {
            var row = input.Row(r);
            for (var a = 0; a < row.Length; a++)
            {
                rowTotal[r] += row[a];
                columnTotal[a] += row[a];
            }
        }
        var rows = Keep(input.Regions, rowTotal.Select(t => t > 0), DroppedKind.Region, DropReason.ZeroTotal, dropped);
        var columns = Keep(input.Activities, columnTotal.Select(t => t > 0), DroppedKind.Activity, DropReason.ZeroTotal, dropped);
        if (rows.Length == 0 || columns.Length == 0)
            throw new ArgumentException("every value is zero: there is nothing to compute");

        // RCA = (x_cp / x_c) / (x_p / x), in the reference's order of operations, counting presence on the way.
        var total = rows.Sum(r => rowTotal[r]);
        var share = columns.Select(a => columnTotal[a] / total).ToArray();
        var rca0 = new double[rows.Length * columns.Length];
        var diversity0 = new int[rows.Length];
        var ubiquity0 = new int[columns.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = input.Row(rows[i]);
            for (var j = 0; j < columns.Length; j++)
            {
                var value = row[columns[j]] / rowTotal[rows[i]] / share[j];
                rca0[i * columns.Length + j] = value;
                if (value > options.Threshold) { diversity0[i]++; ubiquity0[j]++; }
            }
        }

        // A region with nothing present (or an activity present nowhere) has no place in the network. Dropping it
        // changes no other presence, so one pass suffices; its values still count in the RCA of the others.
        var keptRows = Keep(rows.Select(r => input.Regions[r]).ToArray(), diversity0.Select(k => k > 0), DroppedKind.Region, DropReason.NothingPresent, dropped);
        var keptColumns = Keep(columns.Select(a => input.Activities[a]).ToArray(), ubiquity0.Select(k => k > 0), DroppedKind.Activity, DropReason.NothingPresent, dropped);
        if (keptRows.Length < 2 || keptColumns.Length < 2)
            throw new ArgumentException(
                $"{Count(keptRows.Length, "region", "regions")} and {Count(keptColumns.Length, "activity", "activities")} have something present (RCA above {options.Threshold}): complexity needs at least two of each");

        var regionNames = keptRows.Select(i => input.Regions[rows[i]]).ToArray();
        var activityNames = keptColumns.Select(j => input.Activities[columns[j]]).ToArray();
        int nc = regionNames.Length, np = activityNames.Length;
        var rca = nc == rows.Length && np == columns.Length ? rca0 : new double[nc * np];
        var m = new double[nc * np];
        var present = new int[nc][];
        var diversity = new int[nc];
        var ubiquity = new int[np];
        var presentList = new List<int>();
        for (var c = 0; c < nc; c++)
        {
            presentList.Clear();
            for (var p = 0; p < np; p++)
            {
                var value = rca0[keptRows[c] * columns.Length + keptColumns[p]];
                rca[c * np + p] = value;
                if (value > options.Threshold)
                {
                    m[c * np + p] = 1;
                    presentList.Add(p);
                    ubiquity[p]++;
                }
            }
            present[c] = [.. presentList];
            diversity[c] = present[c].Length;
        }

        var network = new Network(nc, np, present, diversity, ubiquity);
        var (kc, kp, eigen) = ComplexityVectors(network);
        var proximity = options.Proximity == ProximityMethod.Continuous
            ? ContinuousProximity(rca, nc, np)
            : DiscreteProximity(network, symmetric: options.Proximity == ProximityMethod.Discrete);
        var (density, cog) = DensityAndGain(network, m, proximity, options.Proximity == ProximityMethod.Continuous ? rca : null, kp);
        var coi = OutlookIndex(network, m, density, kp);
        Scale(options.Scaling, nc, np, kc, kp, coi, cog);

        return new ComplexityResult(
            options, regionNames, activityNames, dropped,
            diversity, kc, coi, ubiquity, kp,
            new DenseMatrix(nc, np, rca), new DenseMatrix(nc, np, m), new DenseMatrix(nc, np, density),
            new DenseMatrix(nc, np, cog), new DenseMatrix(np, np, proximity), eigen);
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>The presence matrix as lists: the activities present in each region, with the degrees.</summary>
    private sealed record Network(int Regions, int Activities, int[][] Present, int[] Diversity, int[] Ubiquity);

    /// <summary>The indices kept; the others are added to <paramref name="dropped"/>.</summary>
    private static int[] Keep(IReadOnlyList<string> names, IEnumerable<bool> keep, DroppedKind kind, DropReason reason, List<DroppedItem> dropped)
    {
        var kept = new List<int>();
        var i = 0;
        foreach (var k in keep)
        {
            if (k) kept.Add(i);
            else dropped.Add(new DroppedItem(kind, names[i], reason));
            i++;
        }
        return [.. kept];
    }

    /// <summary>
    /// The raw (unscaled) ECI and PCI vectors: kp the second eigenvector of M̃, kc = D_c⁻¹ M kp, with the sign that
    /// makes kc correlate positively with diversity.
    /// </summary>
    private static (double[] Kc, double[] Kp, EigenDiagnostics Eigen) ComplexityVectors(Network net)
    {
        var sqrtK = net.Ubiquity.Select(k => Math.Sqrt(k)).ToArray();
        var perRegion = new double[net.Regions];

        // y = S x with S = D_p^-½ Mᵀ D_c⁻¹ M D_p^-½, in two passes over the present cells.
        void Apply(double[] x, double[] y)
        {
            for (var c = 0; c < net.Regions; c++)
            {
                double sum = 0;
                foreach (var p in net.Present[c]) sum += x[p] / sqrtK[p];
                perRegion[c] = sum / net.Diversity[c];
            }
            Array.Clear(y);
            for (var c = 0; c < net.Regions; c++)
                foreach (var p in net.Present[c]) y[p] += perRegion[c];
            for (var p = 0; p < net.Activities; p++) y[p] /= sqrtK[p];
        }

        var norm = Math.Sqrt(net.Ubiquity.Sum(k => (double)k));
        var top = sqrtK.Select(s => s / norm).ToArray(); // S √k = √k: eigenvalue 1
        var pair = Lanczos.LargestOrthogonalTo(net.Activities, Apply, top);
        // λ2 = 0 means M kp = 0: every region would get the same ECI (M has rank one, e.g. every region has everything).
        if (pair.Value < 1e-12)
            throw new ArgumentException("ECI is undefined: the presence matrix has a single pattern (its second eigenvalue is zero), so every region would get the same complexity");

        var kp = new double[net.Activities];
        for (var p = 0; p < kp.Length; p++) kp[p] = pair.Vector[p] / sqrtK[p];
        var kc = new double[net.Regions];
        for (var c = 0; c < kc.Length; c++)
        {
            double sum = 0;
            foreach (var p in net.Present[c]) sum += kp[p];
            kc[c] = sum / net.Diversity[c];
        }

        // The reference's rule: ECI correlates positively with diversity. When diversity does not vary it says
        // nothing, so PCI correlates negatively with ubiquity; failing both, the largest |kp| is made positive.
        var sign = Math.Sign(Correlation(net.Diversity, kc));
        if (sign == 0) sign = -Math.Sign(Correlation(net.Ubiquity, kp));
        if (sign == 0) sign = Math.Sign(kp.MaxBy(Math.Abs));
        for (var c = 0; c < kc.Length; c++) kc[c] *= sign;
        for (var p = 0; p < kp.Length; p++) kp[p] *= sign;
        return (kc, kp, new EigenDiagnostics(pair.Value, pair.Steps, pair.Residual));
    }

    /// <summary>Pearson correlation, or 0 when either side does not vary.</summary>
    private static double Correlation(IReadOnlyList<int> x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    /// <summary>
    /// φ(p, q) from co-occurrence C_pq = Σ_c M_cp M_cq: C_pq / max(k_p, k_q) when symmetric, else C_pq / k_q
    /// (the reference's orientation: density of q weighs column q). Diagonal 0.
    /// </summary>
    private static double[] DiscreteProximity(Network net, bool symmetric)
    {
        int np = net.Activities, words = (net.Regions + 63) / 64;
        var bits = new ulong[np * words]; // the regions where each activity is present, as a bit set
        for (var c = 0; c < net.Regions; c++)
            foreach (var p in net.Present[c]) bits[p * words + c / 64] |= 1UL << (c % 64);

        var phi = new double[np * np];
        for (var p = 0; p < np; p++)
            for (var q = p + 1; q < np; q++)
            {
                var together = 0;
                for (var w = 0; w < words; w++) together += BitOperations.PopCount(bits[p * words + w] & bits[q * words + w]);
                if (together == 0) continue;
                if (symmetric)
                    phi[p * np + q] = phi[q * np + p] = (double)together / Math.Max(net.Ubiquity[p], net.Ubiquity[q]);
                else
                {
                    phi[p * np + q] = (double)together / net.Ubiquity[q];
                    phi[q * np + p] = (double)together / net.Ubiquity[p];
                }
            }
        return phi;
    }

    /// <summary>
    /// φ(p, q) = (1 + corr_c(RCA_cp, RCA_cq)) / 2, diagonal 0. An activity whose RCA does not vary has no defined
    /// correlation; it is taken as uncorrelated (φ = ½).
    /// </summary>
    private static double[] ContinuousProximity(double[] rca, int nc, int np)
    {
        // Columns centred and scaled to unit length, stored as rows, so that corr(p, q) is one dot product.
        var z = new double[np * nc];
        for (var p = 0; p < np; p++)
        {
            double mean = 0;
            for (var c = 0; c < nc; c++) mean += rca[c * np + p];
            mean /= nc;
            double ss = 0;
            for (var c = 0; c < nc; c++)
            {
                var d = rca[c * np + p] - mean;
                z[p * nc + c] = d;
                ss += d * d;
            }
            var scale = ss > 0 ? 1 / Math.Sqrt(ss) : 0;
            for (var c = 0; c < nc; c++) z[p * nc + c] *= scale;
        }
        var phi = new double[np * np];
        for (var p = 0; p < np; p++)
            for (var q = p + 1; q < np; q++)
                phi[p * np + q] = phi[q * np + p] = (1 + Dot(z.AsSpan(p * nc, nc), z.AsSpan(q * nc, nc))) / 2;
        return phi;
    }

    /// <summary>Raw COI: Σ_p (1 − M_cp) d_cp kp_p, the complexity of what lies near but is not yet there.</summary>
    private static double[] OutlookIndex(Network net, double[] m, double[] density, double[] kp)
    {
        int np = net.Activities;
        var coi = new double[net.Regions];
        for (var c = 0; c < coi.Length; c++)
        {
            double sum = 0;
            for (var p = 0; p < np; p++) sum += (1 - m[c * np + p]) * density[c * np + p] * kp[p];
            coi[c] = sum;
        }
        return coi;
    }

    /// <summary>
    /// Density d_cp = Σ_q L_cq φ(q, p) / Σ_q φ(q, p), with L = M (or RCA for continuous proximity), 0 where activity p
    /// has no related activity at all (the reference would divide 0 by 0); and raw COG
    /// (1 − M_cp) Σ_q (1 − M_cq) φ(q, p) kp_q / Σ_r φ(q, r), how much moving into p would raise the region's outlook,
    /// as the Stata reference computes it. Both are sums of rows of φ over a region's activities, so they are made in
    /// one pass over φ, in blocks of 64 columns that stay in cache from one region to the next.
    /// </summary>
    private static (double[] Density, double[] Cog) DensityAndGain(Network net, double[] m, double[] phi, double[]? levels, double[] kp)
    {
        const int block = 64;
        int nc = net.Regions, np = net.Activities;
        var gainFactor = new double[np]; // kp_q / Σ_r φ(q, r): the weight of row q in COG
        for (var q = 0; q < np; q++)
        {
            double sum = 0;
            foreach (var x in phi.AsSpan(q * np, np)) sum += x;
            gainFactor[q] = sum == 0 ? 0 : kp[q] / sum;
        }
        var columnSum = new double[np];
        var gainOfAll = new double[np];
        for (var q = 0; q < np; q++) AddTwice(phi.AsSpan(q * np, np), 1, columnSum, gainFactor[q], gainOfAll);

        var density = new double[nc * np];
        var cog = new double[nc * np]; // first Σ over present q, then turned into Σ over absent q
        for (var start = 0; start < np; start += block)
        {
            var width = Math.Min(block, np - start);
            for (var c = 0; c < nc; c++)
            {
                var d = density.AsSpan(c * np + start, width);
                var g = cog.AsSpan(c * np + start, width);
                if (levels is null)
                    foreach (var q in net.Present[c]) AddTwice(phi.AsSpan(q * np + start, width), 1, d, gainFactor[q], g);
                else
                    for (var q = 0; q < np; q++)
                    {
                        var i = c * np + q;
                        if (levels[i] != 0) AddTwice(phi.AsSpan(q * np + start, width), levels[i], d, m[i] * gainFactor[q], g);
                    }
            }
        }
        for (var i = 0; i < density.Length; i++)
        {
            var p = i % np;
            density[i] = columnSum[p] > 0 ? density[i] / columnSum[p] : 0;
            // Σ over absent q = Σ over all q − Σ over present q; (1 − M_cp) without a −0.
            cog[i] = m[i] == 1 ? 0 : gainOfAll[p] - cog[i];
        }
        return (density, cog);
    }

    /// <summary>
    /// ECI = (kc − mean) / sd, PCI = (kp − mean) / sd, COG = cog / sd with the mean and sd of kc; COI by its own.
    /// Stata: over all C × P rows with n − 1; py-ecomplexity: over the C regions with n.
    /// </summary>
    private static void Scale(ComplexityScaling scaling, int nc, int np, double[] kc, double[] kp, double[] coi, double[] cog)
    {
        var (mean, sd) = MeanAndSd(kc, scaling, np);
        for (var c = 0; c < nc; c++) kc[c] = (kc[c] - mean) / sd;
        for (var p = 0; p < np; p++) kp[p] = (kp[p] - mean) / sd;
        for (var i = 0; i < cog.Length; i++) cog[i] /= sd;
        var (coiMean, coiSd) = MeanAndSd(coi, scaling, np);
        // When every region has the same outlook, the standardised COI is undefined: NaN says so.
        for (var c = 0; c < nc; c++) coi[c] = coiSd > 0 ? (coi[c] - coiMean) / coiSd : double.NaN;
    }

    /// <summary>Mean and standard deviation of per-region values, each region counted once per activity for Stata.</summary>
    private static (double Mean, double Sd) MeanAndSd(double[] values, ComplexityScaling scaling, int repeats)
    {
        var mean = values.Average();
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        var variance = scaling == ComplexityScaling.Stata
            ? squares * repeats / ((double)values.Length * repeats - 1)
            : squares / values.Length;
        return (mean, Math.Sqrt(variance));
    }
}
