using System.Globalization;
using Atlas.Complexity;

namespace Atlas.Finder;

/// <summary>A NACE class related to the activity: its proximity φ to the activity's closest class (<see cref="Via"/>).</summary>
public sealed record RelatedClass(int Class, double Proximity, int Via);

/// <summary>
/// The classes related to an activity, by the proximity of the national panel (φ: how often two classes are both
/// present, RCA &gt; 1, in the same municipalities, over the larger of their ubiquities): for each class outside the
/// activity, its largest φ to one of the activity's classes; those at or above <see cref="MinProximity"/>, closest first.
/// </summary>
public static class RelatedClasses
{
    /// <summary>Below this, two classes share too few municipalities to call one a relative of the other.</summary>
    public const double MinProximity = 0.25;

    public const int DefaultCount = 10, MaxCount = 50;

    public static IReadOnlyList<RelatedClass> Of(ComplexityPanel panel, IReadOnlyList<int> classes, int count)
    {
        var result = panel.Result;
        var mine = classes.Select(c => result.ActivityIndex(c.ToString("D4", CultureInfo.InvariantCulture))).Where(i => i >= 0).ToArray();
        if (mine.Length == 0 || count == 0) return [];
        var related = new List<RelatedClass>();
        for (var q = 0; q < result.Activities.Count; q++)
        {
            var cls = int.Parse(result.Activities[q], CultureInfo.InvariantCulture);
            if (classes.Contains(cls)) continue;
            var (best, via) = (0.0, -1);
            foreach (var a in mine)
                if (result.Proximity[q, a] > best) (best, via) = (result.Proximity[q, a], a);
            if (best >= MinProximity) related.Add(new RelatedClass(cls, best, int.Parse(result.Activities[via], CultureInfo.InvariantCulture)));
        }
        return related.OrderByDescending(r => r.Proximity).ThenBy(r => r.Class).Take(count).ToList();
    }
}
