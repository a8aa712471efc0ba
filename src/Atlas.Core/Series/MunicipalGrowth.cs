namespace Atlas.Series;

/// <summary>The change of a municipality's establishment units between the first and the last period of its series.</summary>
public sealed record MunicipalGrowth(int Nis, string SeriesId, string? Name, SeriesPeriod From, double FromValue, SeriesPeriod To, double ToValue)
{
    /// <summary>(last / first − 1) × 100.</summary>
    public double Percent => (ToValue / FromValue - 1) * 100;
}

/// <summary>
/// Growth of the establishment units of a municipality (Statbel, Q4 2018 → Q4 2023 in the shipped file): a measure
/// the Atlas index definition may use (<c>measure: establishment-growth</c>); every municipality's is
/// <see cref="SeriesQueries.Growth"/>.
/// </summary>
public static class EstablishmentGrowth
{
    public const string Concept = "establishment-units";

    /// <summary>The growth between the first and the last value of one series, or null with fewer than two values or a first value of 0.</summary>
    public static MunicipalGrowth? Of(SeriesInfo series, IReadOnlyList<Observation> values)
    {
        var present = values.Where(v => v.Value is not null).ToList();
        if (present.Count < 2 || present[0].Value == 0) return null;
        return new MunicipalGrowth(0, series.Id, series.Descriptor.Name, present[0].Period, present[0].Value!.Value, present[^1].Period, present[^1].Value!.Value);
    }
}
