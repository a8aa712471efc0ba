namespace Atlas.Analytics.Complexity;

public enum DroppedKind { Region, Activity }

public enum DropReason
{
    /// <summary>Every value of the row or column is zero: it carries no information and would divide by zero.</summary>
    ZeroTotal,

    /// <summary>
    /// Nothing is present at the threshold (a region with no activity of RCA above it, or an activity that no region
    /// has above it). Its values still count in the RCA of the others.
    /// </summary>
    NothingPresent,
}

/// <summary>A region or an activity left out of the computation, and why.</summary>
public sealed record DroppedItem(DroppedKind Kind, string Name, DropReason Reason)
{
    public override string ToString() => Reason switch
    {
        DropReason.ZeroTotal => $"{Kind.ToString().ToLowerInvariant()} '{Name}': every value is zero",
        _ when Kind == DroppedKind.Region => $"region '{Name}': no activity has an RCA above the threshold",
        _ => $"activity '{Name}': no region has an RCA above the threshold",
    };
}

/// <summary>How the ECI eigenvector was found (see <see cref="Lanczos"/>).</summary>
/// <param name="Eigenvalue">the second eigenvalue of M̃ (the first is 1); near 0, ECI carries little information</param>
/// <param name="Steps">Lanczos steps taken</param>
/// <param name="Residual">‖S v − λ v‖ for the unit eigenvector v of the symmetric form S</param>
public sealed record EigenDiagnostics(double Eigenvalue, int Steps, double Residual);

/// <summary>
/// Every measure of one region × activity matrix. Regions and activities are those kept (see <see cref="Dropped"/>),
/// in input order; per-region lists are indexed like <see cref="Regions"/>, per-activity lists like
/// <see cref="Activities"/>, and per-cell matrices [region, activity].
/// </summary>
public sealed class ComplexityResult
{
    private readonly Dictionary<string, int> _regionIndex;
    private readonly Dictionary<string, int> _activityIndex;

    internal ComplexityResult(
        ComplexityOptions options,
        string[] regions, string[] activities, IReadOnlyList<DroppedItem> dropped,
        int[] diversity, double[] eci, double[] coi,
        int[] ubiquity, double[] pci,
        DenseMatrix rca, DenseMatrix presence, DenseMatrix density, DenseMatrix cog, DenseMatrix proximity,
        EigenDiagnostics eigen)
    {
        Options = options;
        Regions = regions;
        Activities = activities;
        Dropped = dropped;
        Diversity = diversity;
        Eci = eci;
        Coi = coi;
        Ubiquity = ubiquity;
        Pci = pci;
        Rca = rca;
        Presence = presence;
        Density = density;
        Cog = cog;
        Proximity = proximity;
        Eigen = eigen;
        _regionIndex = Index(regions);
        _activityIndex = Index(activities);
    }

    public ComplexityOptions Options { get; }

    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyList<string> Activities { get; }

    /// <summary>Regions and activities left out, with the reason; empty when all were kept.</summary>
    public IReadOnlyList<DroppedItem> Dropped { get; }

    /// <summary>k_c,0: the number of activities present in each region.</summary>
    public IReadOnlyList<int> Diversity { get; }

    /// <summary>Economic complexity index of each region.</summary>
    public IReadOnlyList<double> Eci { get; }

    /// <summary>Complexity outlook index of each region: how much complexity lies near what it already does.</summary>
    public IReadOnlyList<double> Coi { get; }

    /// <summary>k_p,0: the number of regions where each activity is present.</summary>
    public IReadOnlyList<int> Ubiquity { get; }

    /// <summary>Product (activity) complexity index of each activity.</summary>
    public IReadOnlyList<double> Pci { get; }

    /// <summary>Revealed comparative advantage (Balassa): the region's share of the activity over the whole's share.</summary>
    public DenseMatrix Rca { get; }

    /// <summary>M: 1 where RCA is above the threshold, else 0.</summary>
    public DenseMatrix Presence { get; }

    /// <summary>Density: the proximity-weighted share of an activity's related activities that the region has.</summary>
    public DenseMatrix Density { get; }

    /// <summary>Complexity outlook gain of each absent activity (0 where present).</summary>
    public DenseMatrix Cog { get; }

    /// <summary>φ: activity × activity proximity, diagonal 0. Density of activity p weighs column p.</summary>
    public DenseMatrix Proximity { get; }

    public EigenDiagnostics Eigen { get; }

    public bool IsPresent(int region, int activity) => Presence[region, activity] == 1;

    /// <summary>The index of a region, or −1 if it is not among the kept regions.</summary>
    public int RegionIndex(string name) => _regionIndex.GetValueOrDefault(name, -1);

    /// <summary>The index of an activity, or −1 if it is not among the kept activities.</summary>
    public int ActivityIndex(string name) => _activityIndex.GetValueOrDefault(name, -1);

    /// <summary>
    /// What a region could grow into: the activities it does not have, ranked by density (the best fit with what it
    /// already does) and by complexity outlook gain (what they would add to its future options), each with the
    /// present activities closest to it by proximity, which explain its density.
    /// </summary>
    /// <param name="region">index into <see cref="Regions"/></param>
    /// <param name="top">how many activities each ranking keeps</param>
    /// <param name="related">how many related present activities each opportunity lists</param>
    public GrowthOpportunities GrowthOpportunities(int region, int top = 10, int related = 3) =>
        Complexity.GrowthOpportunities.For(this, region, top, related);

    /// <summary>
    /// The regions most like a region by the shape of its activity structure: the cosine similarity of their RCA rows
    /// (relative to the whole, not size), highest first, ties by name.
    /// </summary>
    public IReadOnlyList<(int Region, double Similarity)> MostSimilar(int region, int top)
    {
        var mine = Rca.Row(region);
        var myNorm = Math.Sqrt(VectorMath.Dot(mine, mine));
        var scores = new List<(int Region, double Similarity)>(Regions.Count);
        for (var r = 0; r < Regions.Count; r++)
        {
            if (r == region) continue;
            var other = Rca.Row(r);
            var norm = Math.Sqrt(VectorMath.Dot(other, other));
            scores.Add((r, norm == 0 || myNorm == 0 ? 0 : VectorMath.Dot(mine, other) / (norm * myNorm)));
        }
        return scores.OrderByDescending(x => x.Similarity).ThenBy(x => Regions[x.Region], StringComparer.Ordinal).Take(top).ToList();
    }

    private static Dictionary<string, int> Index(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) index[names[i]] = i;
        return index;
    }
}
