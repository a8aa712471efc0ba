using Atlas.Model;
using Atlas.Register;

namespace Atlas.Statbel;

/// <summary>One municipality's population on 1 January of a year.</summary>
public readonly record struct Inhabitants(NisCode Municipality, int Year, long Count);

/// <summary>
/// Population on 1 January by municipality (Statbel), for each year of the shipped files, brought to today's 565
/// municipalities (a merged municipality has the sum of its parts); the arrondissements, provinces, regions and
/// Belgium (01000) have the sum of their municipalities.
/// </summary>
public sealed class Population
{
    public static readonly NisCode Belgium = NisCode.Parse("01000");

    private readonly Dictionary<(int Nis, int Year), long> _byArea = [];

    public Population(IEnumerable<Inhabitants> municipalities)
    {
        var rows = municipalities.ToList();
        Municipalities = rows;
        Years = rows.Select(r => r.Year).Distinct().Order().ToList();
        foreach (var r in rows)
            foreach (var area in Areas.Above(r.Municipality.Value).Prepend(r.Municipality.Value).Append(Belgium.Value))
                _byArea[(area, r.Year)] = _byArea.GetValueOrDefault((area, r.Year)) + r.Count;
    }

    /// <summary>The years (of 1 January) with figures: 2018, 2019, 2020.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Every municipality's figure: what the store keeps.</summary>
    public IReadOnlyList<Inhabitants> Municipalities { get; }

    /// <summary>The population of a municipality or an area on 1 January of a year; null when unknown.</summary>
    public long? Of(NisCode area, int year) => _byArea.TryGetValue((area.Value, year), out var n) ? n : null;

    /// <summary>The national total of a year (the sum of the published file).</summary>
    public long National(int year) => Of(Belgium, year) ?? 0;
}
