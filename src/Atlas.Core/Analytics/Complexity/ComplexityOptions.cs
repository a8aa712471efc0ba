namespace Atlas.Analytics.Complexity;

/// <summary>How the proximity (relatedness) of two activities is measured.</summary>
public enum ProximityMethod
{
    /// <summary>
    /// φ(p, q) = Σ_c M_cp M_cq / max(k_p, k_q): the smaller of the two conditional probabilities of co-occurrence
    /// (Hidalgo et al. 2007). Symmetric, diagonal 0. The default.
    /// </summary>
    Discrete,

    /// <summary>φ(p, q) = Σ_c M_cp M_cq / k_q: the probability that a region has p given that it has q. Diagonal 0.</summary>
    Asymmetric,

    /// <summary>
    /// φ(p, q) = (1 + corr_c(RCA_cp, RCA_cq)) / 2, diagonal 0; density then weighs each region's RCA instead of its
    /// presence. ECI, PCI, COI and COG still use the presence matrix M.
    /// </summary>
    Continuous,
}

/// <summary>How the raw eigenvector values are standardised into ECI, PCI, COI and COG.</summary>
public enum ComplexityScaling
{
    /// <summary>
    /// As the Growth Lab's Stata <c>ecomplexity</c>: mean and sample standard deviation (n − 1) of the raw ECI taken over
    /// all region × activity rows of the rectangular table; PCI and COG use the ECI's mean and deviation; COI is
    /// standardised by its own mean and deviation over the same rows.
    /// </summary>
    Stata,

    /// <summary>As py-ecomplexity: the same formulas with the mean and population standard deviation (n) over regions.</summary>
    PyEcomplexity,
}

/// <summary>The choices of a complexity computation. The defaults reproduce the Stata reference.</summary>
public sealed record ComplexityOptions
{
    public static ComplexityOptions Default { get; } = new();

    /// <summary>A region has an activity (M = 1) where its RCA is strictly above this value. Default 1.</summary>
    public double Threshold { get; init; } = 1;

    public ProximityMethod Proximity { get; init; } = ProximityMethod.Discrete;

    public ComplexityScaling Scaling { get; init; } = ComplexityScaling.Stata;
}
