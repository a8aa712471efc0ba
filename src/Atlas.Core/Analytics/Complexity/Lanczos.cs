using static Atlas.Analytics.Complexity.VectorMath;

namespace Atlas.Analytics.Complexity;

/// <summary>The eigenpair found, and how well: the residual is ‖A v − λ v‖ for the unit vector v.</summary>
internal sealed record EigenPair(double Value, double[] Vector, int Steps, double Residual);

/// <summary>
/// The largest eigenpair of a symmetric operator on the subspace orthogonal to one known eigenvector, by the Lanczos
/// method with full reorthogonalisation.
/// </summary>
/// <remarks>
/// Why Lanczos: the complexity eigenproblem is symmetric once written as D^-1/2 Mᵀ D^-1 M D^-1/2 (see
/// <see cref="EconomicComplexity"/>), its largest eigenvector is known in closed form, and the operator costs two
/// passes over the non-zero entries of M. Power iteration with deflation converges at the rate λ3/λ2, which is close
/// to 1 on noisy data; Lanczos converges on the gap instead and needs far fewer products. Every new basis vector is
/// orthogonalised twice against the known eigenvector and all earlier vectors ("twice is enough"), so the basis stays
/// orthonormal to rounding and no spurious copies of converged eigenvalues appear. The iteration stops when the
/// residual bound β_m |s_m| of the top Ritz pair is below <see cref="Tolerance"/>, or when the Krylov space is
/// exhausted (then the answer is exact to rounding). The returned residual is measured, not estimated.
/// </remarks>
internal static class Lanczos
{
    /// <summary>Residual bound at which the top Ritz pair is accepted; the operators here have norm ≤ 1.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>A fixed seed: the same input always gives the same result, bit for bit.</summary>
    private const int Seed = 20070727;

    /// <param name="n">the dimension</param>
    /// <param name="apply">y = A x, for a symmetric A</param>
    /// <param name="known">a unit eigenvector of A to stay orthogonal to</param>
    public static EigenPair LargestOrthogonalTo(int n, Action<double[], double[]> apply, double[] known)
    {
        var maxSteps = n - 1; // the dimension of the space orthogonal to `known`
        if (maxSteps < 1) throw new ArgumentException("the space orthogonal to the known eigenvector is empty", nameof(n));

        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var q = StartVector(n, known);
        while (true)
        {
            basis.Add(q);
            var w = new double[n];
            apply(q, w);
            var a = Dot(q, w);
            alpha.Add(a);
            AddScaled(-a, q, w);
            if (basis.Count > 1) AddScaled(-beta[^1], basis[^2], w);
            for (var pass = 0; pass < 2; pass++)
            {
                AddScaled(-Dot(known, w), known, w);
                foreach (var b in basis) AddScaled(-Dot(b, w), b, w);
            }
            var norm = Math.Sqrt(Dot(w, w));
            var (_, lastComponent) = TopRitzPair(alpha, beta, lastRowOnly: true);
            var bound = norm * Math.Abs(lastComponent[0]);
            // A tiny β means the Krylov space is invariant: its Ritz pairs are exact eigenpairs.
            if (bound <= Tolerance || basis.Count == maxSteps || norm <= 1e-14) break;
            beta.Add(norm);
            for (var i = 0; i < n; i++) w[i] /= norm;
            q = w;
        }

        var (value, s) = TopRitzPair(alpha, beta, lastRowOnly: false);
        var vector = new double[n];
        for (var j = 0; j < basis.Count; j++) AddScaled(s[j], basis[j], vector);
        var length = Math.Sqrt(Dot(vector, vector));
        for (var i = 0; i < n; i++) vector[i] /= length;

        var check = new double[n];
        apply(vector, check);
        AddScaled(-value, vector, check);
        return new EigenPair(value, vector, basis.Count, Math.Sqrt(Dot(check, check)));
    }

    /// <summary>
    /// The largest eigenvalue of the Lanczos tridiagonal matrix (diagonal α, off-diagonal β) with its eigenvector,
    /// or with only the eigenvector's last component when that is all the convergence test needs (O(m²) instead of O(m³)).
    /// </summary>
    private static (double Value, double[] Vector) TopRitzPair(List<double> alpha, List<double> beta, bool lastRowOnly)
    {
        var m = alpha.Count;
        var d = alpha.ToArray();
        var e = new double[m];
        for (var i = 0; i < m - 1; i++) e[i] = beta[i];
        var rows = lastRowOnly ? 1 : m;
        var v = new double[rows * m];
        if (lastRowOnly) v[m - 1] = 1;
        else for (var i = 0; i < m; i++) v[i * m + i] = 1;
        TridiagonalEigen.Solve(d, e, v, rows);
        var top = 0;
        for (var j = 1; j < m; j++) if (d[j] > d[top]) top = j;
        var vector = new double[rows];
        for (var k = 0; k < rows; k++) vector[k] = v[k * m + top];
        return (d[top], vector);
    }

    private static double[] StartVector(int n, double[] known)
    {
        var random = new Random(Seed);
        var q = new double[n];
        for (var i = 0; i < n; i++) q[i] = random.NextDouble() - 0.5;
        for (var pass = 0; pass < 2; pass++) AddScaled(-Dot(known, q), known, q);
        var norm = Math.Sqrt(Dot(q, q));
        for (var i = 0; i < n; i++) q[i] /= norm;
        return q;
    }
}

/// <summary>
/// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson-type shifts
/// (the EISPACK tql2 algorithm, as in JAMA). Used only for the small Lanczos matrices.
/// </summary>
internal static class TridiagonalEigen
{
    private const double Eps = 1.0 / (1L << 52);

    /// <param name="d">the diagonal (length n); replaced by the eigenvalues, unsorted</param>
    /// <param name="e">the off-diagonal, e[i] between i and i + 1 (length n, e[n − 1] ignored); destroyed</param>
    /// <param name="v">
    /// rows × n, row-major: some rows of the identity (or of any orthogonal matrix); on return column j holds those
    /// rows of the eigenvector of d[j]. Passing the whole identity gives all eigenvectors.
    /// </param>
    public static void Solve(double[] d, double[] e, double[] v, int rows)
    {
        var n = d.Length;
        if (n == 0) return;
        e[n - 1] = 0;
        double f = 0, largest = 0;
        for (var l = 0; l < n; l++)
        {
            largest = Math.Max(largest, Math.Abs(d[l]) + Math.Abs(e[l]));
            var m = l;
            while (m < n - 1 && Math.Abs(e[m]) > Eps * largest) m++;
            if (m > l)
            {
                var iterations = 0;
                do
                {
                    if (++iterations > 100) throw new InvalidOperationException("the tridiagonal QL iteration did not converge");
                    // Shift from the leading 2 × 2 block.
                    var g = d[l];
                    var p = (d[l + 1] - g) / (2 * e[l]);
                    var r = Hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    var dl1 = d[l + 1];
                    var h = g - d[l];
                    for (var i = l + 2; i < n; i++) d[i] -= h;
                    f += h;

                    // Implicit QL sweep from m up to l, by plane rotations.
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
                    var el1 = e[l + 1];
                    for (var i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (var k = 0; k < rows; k++)
                        {
                            var row = k * n;
                            h = v[row + i + 1];
                            v[row + i + 1] = s * v[row + i] + c * h;
                            v[row + i] = c * v[row + i] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > Eps * largest);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    private static double Hypot(double a, double b)
    {
        // Scaled to avoid overflow and underflow.
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        var t = y / x;
        return x * Math.Sqrt(1 + t * t);
    }
}
