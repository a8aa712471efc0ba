using System.Globalization;

namespace Atlas.Finder;

/// <summary>The components a municipality is ranked on for an activity, each shown with its value.</summary>
public enum Component
{
    /// <summary>Units of the activity in the municipality.</summary>
    Count,
    /// <summary>Its location quotient: the activity's share of the municipality's units over its share of Belgium's.</summary>
    Lq,
    /// <summary>Relatedness: the mean density of the activity's classes in the municipality (how much of what is related to them it already has).</summary>
    Density,
    /// <summary>The related base: units in the related classes in the municipality and the municipalities within the chosen distance.</summary>
    Related,
    /// <summary>Claims of the sources (the article's and others') about the place in the activity's sectors and technologies, contradicted ones left out.</summary>
    Claims,
    /// <summary>The municipality's score in the Atlas index.</summary>
    Index,
}

/// <summary>
/// How much each component weighs in a municipality's score, in per cent; they add up to 100. The defaults favour
/// presence (count and LQ: 45) and relatedness (density and related base: 40), with the claims and the index as
/// context (15), since those two cover few places or measure the whole economy, not the activity.
/// </summary>
public sealed record Weights(double Count, double Lq, double Density, double Related, double Claims, double Index)
{
    public static readonly Weights Default = new(25, 20, 20, 20, 5, 10);

    public static readonly IReadOnlyList<Component> Components = Enum.GetValues<Component>();

    public double Of(Component c) => c switch
    {
        Component.Count => Count,
        Component.Lq => Lq,
        Component.Density => Density,
        Component.Related => Related,
        Component.Claims => Claims,
        _ => Index,
    };

    public double Sum => Components.Sum(Of);

    /// <summary>The weights, checked: each from 0 to 100, together 100 (to a hundredth).</summary>
    public Weights Checked()
    {
        foreach (var c in Components)
            if (!double.IsFinite(Of(c)) || Of(c) < 0 || Of(c) > 100)
                throw new FinderInputException("weights", FinderProblem.OutOfRange, $"{Name(c)} {Of(c).ToString(CultureInfo.InvariantCulture)}", $"the weight of {Name(c)} is {Of(c).ToString(CultureInfo.InvariantCulture)}: give each weight from 0 to 100");
        if (Math.Abs(Sum - 100) > 0.01)
            throw new FinderInputException("weights", FinderProblem.BadSum, Math.Round(Sum, 2).ToString(CultureInfo.InvariantCulture), $"the weights add up to {Math.Round(Sum, 2).ToString(CultureInfo.InvariantCulture)}, not 100 ({string.Join(" + ", Components.Select(c => $"{Name(c)} {Of(c).ToString(CultureInfo.InvariantCulture)}"))}): make them add up to 100");
        return this;
    }

    public static string Name(Component c) => c.ToString().ToLowerInvariant();
}

/// <summary>
/// The score of a municipality: each component's value turned into its percentile rank among all municipalities
/// (the share of the other municipalities with a lower value: 0 for the lowest, 1 for the highest, ties equal), then
/// the weighted sum of the percentile ranks, from 0 to 100. Percentile ranks make components of different units and
/// skews comparable, and a municipality with nothing of a component gets nothing for it.
/// </summary>
public static class LocationScoring
{
    /// <summary>The percentile rank of each value among all of them: (how many others are lower) / (count − 1).</summary>
    public static double[] PercentileRanks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var ranks = new double[n];
        if (n < 2) return ranks;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var lower = 0;
        for (var k = 0; k < n; k++)
        {
            if (k > 0 && values[order[k]] > values[order[k - 1]]) lower = k;
            ranks[order[k]] = (double)lower / (n - 1);
        }
        return ranks;
    }

    /// <summary>The percentile ranks of every component (by component) and the weighted scores, for values given by component.</summary>
    public static (IReadOnlyDictionary<Component, double[]> Ranks, double[] Scores) Score(IReadOnlyDictionary<Component, double[]> values, Weights weights)
    {
        var ranks = values.ToDictionary(kv => kv.Key, kv => PercentileRanks(kv.Value));
        var n = values.Values.First().Length;
        var scores = new double[n];
        for (var i = 0; i < n; i++)
            foreach (var (c, r) in ranks)
                scores[i] += weights.Of(c) * r[i];
        return (ranks, scores);
    }
}
