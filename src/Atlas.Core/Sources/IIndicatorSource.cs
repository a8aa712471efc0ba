using Atlas.Model;
using Atlas.Series;

namespace Atlas.Sources;

/// <summary>Where an indicator of the Atlas index is measured from, as a reader sees it: an id, a title and a short title.</summary>
public interface IIndicatorSource
{
    string Id { get; }

    /// <summary>The source's name: "KBO/BCE register, extract 147", Statbel's title …</summary>
    string Title(Lang lang);

    /// <summary>A short name for tables and lists.</summary>
    string ShortTitle(Lang lang);
}

/// <summary>
/// Statbel's establishment units per municipality, a quarterly series held in the series store: the source of the
/// index's <c>establishment-growth</c>, from its first to its last quarter.
/// </summary>
public sealed record EstablishmentSeriesSource(SeriesPeriod From, SeriesPeriod To) : IIndicatorSource
{
    public const string SourceId = "statbel-establishments";

    public string Id => SourceId;

    public string Title(Lang lang) => lang switch
    {
        Lang.Fr => $"Statbel, unités d’établissement par commune, série trimestrielle {From} – {To}",
        Lang.Nl => $"Statbel, vestigingseenheden per gemeente, kwartaalreeks {From} – {To}",
        _ => $"Statbel, establishment units per municipality, quarterly series {From} – {To}",
    };

    public string ShortTitle(Lang lang) => lang switch
    {
        Lang.Fr => "Statbel établissements",
        Lang.Nl => "Statbel vestigingen",
        _ => "Statbel establishments",
    } + $" {From.Year}–{To.Year}";
}
