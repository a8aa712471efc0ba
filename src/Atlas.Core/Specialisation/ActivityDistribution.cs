using Atlas.Analytics.Composite;
using Atlas.Register;

namespace Atlas.Specialisation;

/// <summary>The figures of one activity in one area, for one kind of unit (establishments or enterprises).</summary>
public sealed record SpecFigures(int Count, double Share, double? Lq, int? Rank, int? LqRank, bool Strong);

/// <summary>
/// How one activity (a NACE code, or the codes of a sector) is spread over the municipalities, and the figures of any
/// area for it. For an area m: share = count(m) / all units of m; LQ = share / Belgium's share. Among the
/// municipalities where the activity is present, p75(LQ) and p25(count) are taken (R's type 7 quantile); an area is
/// <b>strong</b> in it by the US Cluster Mapping rule when LQ ≥ p75(LQ), count &gt; p25(count) and LQ ≥ 1. <c>rank</c>
/// orders the municipalities by count (1 = most; ties share a rank), <c>lqRank</c> those with presence by LQ.
/// </summary>
public sealed class ActivityDistribution
{
    public double NationalShare { get; }
    public double P75Lq { get; }
    public double P25Count { get; }
    /// <summary>The municipalities where the activity is present.</summary>
    public int Present { get; }
    private readonly int[] _countsDescending;
    private readonly double[] _lqsDescending;

    /// <param name="municipalities">count of the activity and count of all units, per municipality</param>
    /// <param name="belgium">the same for Belgium</param>
    public ActivityDistribution(IEnumerable<(int Count, int Total)> municipalities, (int Count, int Total) belgium)
    {
        NationalShare = (double)belgium.Count / Math.Max(1, belgium.Total);
        var counts = new List<int>();
        var lqs = new List<double>();
        var present = new List<double>();
        foreach (var (count, total) in municipalities)
        {
            counts.Add(count);
            if (count <= 0) continue;
            present.Add(count);
            lqs.Add((double)count / total / NationalShare);
        }
        P75Lq = Statistics.Quantile(lqs.ToArray(), 0.75);
        P25Count = Statistics.Quantile(present.ToArray(), 0.25);
        Present = present.Count;
        _countsDescending = counts.OrderDescending().ToArray();
        _lqsDescending = lqs.OrderDescending().ToArray();
    }

    /// <summary>The figures of an area holding <paramref name="count"/> units of the activity among <paramref name="total"/>.</summary>
    public SpecFigures Figures(int nis, int count, int total)
    {
        var share = total == 0 ? 0 : (double)count / total;
        double? lq = NationalShare > 0 && total > 0 ? share / NationalShare : null;
        var municipality = Areas.IsMunicipality(nis);
        return new SpecFigures(count, share, lq,
            municipality ? RankIn(_countsDescending, count) : null,
            municipality && count > 0 && lq is { } q ? RankIn(_lqsDescending, q) : null,
            IsStrong(count, lq));
    }

    /// <summary>The US Cluster Mapping rule (see the class summary).</summary>
    public bool IsStrong(int count, double? lq) => count > 0 && lq is { } l && l >= P75Lq && count > P25Count && l >= 1;

    /// <summary>1 + how many values are strictly greater (values sorted descending).</summary>
    private static int RankIn(int[] descending, int value)
    {
        var i = 0;
        while (i < descending.Length && descending[i] > value) i++;
        return i + 1;
    }

    private static int RankIn(double[] descending, double value)
    {
        var i = 0;
        while (i < descending.Length && descending[i] > value + 1e-12) i++;
        return i + 1;
    }
}
