namespace Atlas.Analytics.Complexity;

/// <summary>
/// The input of a complexity computation: a non-negative value (establishments, employment, exports...) for each
/// region × activity, with the names of both. Construction checks the values, so a matrix that exists is usable.
/// </summary>
public sealed class ActivityMatrix
{
    private readonly double[] _values; // row-major: region × activity

    /// <param name="regions">distinct, non-empty region names (the rows)</param>
    /// <param name="activities">distinct, non-empty activity names (the columns)</param>
    /// <param name="values">finite values ≥ 0, [region, activity]</param>
    public ActivityMatrix(IReadOnlyList<string> regions, IReadOnlyList<string> activities, double[,] values)
        : this(regions, activities, Flatten(values, regions.Count, activities.Count))
    {
    }

    private ActivityMatrix(IReadOnlyList<string> regions, IReadOnlyList<string> activities, double[] values)
    {
        Regions = CheckNames(regions, "region");
        Activities = CheckNames(activities, "activity");
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v) || v < 0)
                throw new ArgumentException(
                    $"the value for region '{Regions[i / Activities.Count]}', activity '{Activities[i % Activities.Count]}' is {v}: values must be finite and zero or more",
                    nameof(values));
        }
        _values = values;
    }

    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyList<string> Activities { get; }

    public double this[int region, int activity] => _values[region * Activities.Count + activity];

    /// <summary>The values of one region, by activity.</summary>
    public ReadOnlySpan<double> Row(int region) => _values.AsSpan(region * Activities.Count, Activities.Count);

    /// <summary>
    /// Builds a matrix from long-format cells. A region × activity that is not given is 0; one given twice is an error.
    /// Regions and activities keep the order in which they first appear.
    /// </summary>
    public static ActivityMatrix FromCells(IEnumerable<(string Region, string Activity, double Value)> cells)
    {
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var activities = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<(int Region, int Activity, double Value)>();
        foreach (var (region, activity, value) in cells)
        {
            var r = IndexOf(regions, region, "region");
            var a = IndexOf(activities, activity, "activity");
            list.Add((r, a, value));
        }
        var values = new double[regions.Count * activities.Count];
        var given = new bool[values.Length];
        foreach (var (r, a, v) in list)
        {
            var i = r * activities.Count + a;
            if (given[i]) throw new ArgumentException($"region '{regions.First(x => x.Value == r).Key}', activity '{activities.First(x => x.Value == a).Key}' is given twice", nameof(cells));
            given[i] = true;
            values[i] = v;
        }
        return new ActivityMatrix([.. regions.Keys], [.. activities.Keys], values);
    }

    private static int IndexOf(Dictionary<string, int> index, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"a {what} name is empty");
        if (!index.TryGetValue(name, out var i)) index.Add(name, i = index.Count);
        return i;
    }

    private static IReadOnlyList<string> CheckNames(IReadOnlyList<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"a {what} name is empty");
            if (!seen.Add(name)) throw new ArgumentException($"the {what} '{name}' appears twice");
        }
        return [.. names];
    }

    private static double[] Flatten(double[,] values, int regions, int activities)
    {
        if (values.GetLength(0) != regions || values.GetLength(1) != activities)
            throw new ArgumentException($"the values are {values.GetLength(0)} × {values.GetLength(1)} but there are {regions} regions and {activities} activities", nameof(values));
        var flat = new double[regions * activities];
        for (var r = 0; r < regions; r++)
            for (var a = 0; a < activities; a++)
                flat[r * activities + a] = values[r, a];
        return flat;
    }
}
