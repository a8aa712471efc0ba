using Atlas.AtlasIndex;
using Atlas.Companies;
using Atlas.Complexity;
using Atlas.Model;
using Atlas.Snapshots;

namespace Atlas.Finder;

/// <summary>
/// The finder: where to locate an activity (every municipality ranked on components shown one by one, see
/// <see cref="LocationFinder"/>) and whom to partner with near a place (register companies in the same or related
/// classes, curated organisations and programmes, see <see cref="PartnerFinder"/>). An activity is NACE codes, a
/// sector or technology of the data files (their <c>nace2008</c> codes), or a register company's own activities.
/// </summary>
public sealed class FinderQueries(AtlasSnapshots snapshots, CompanyQueries companies, AtlasIndexQueries index)
{
    public const double DefaultDistanceKm = 25;
    public const int DefaultTop = 50, MaxTop = 500;

    /// <summary>Every current municipality ranked for an activity, from a source (the default one when <paramref name="sourceId"/> is null).</summary>
    /// <exception cref="FinderInputException">an input is missing, unknown or out of range; its field says which.</exception>
    /// <exception cref="NoRegisterException">the register is asked for (as the source, or by a company) and none is loaded.</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    public LocationRanking Locations(FinderStart start, Weights weights, double distanceKm = DefaultDistanceKm, int related = RelatedClasses.DefaultCount,
        string? sourceId = null)
    {
        weights = weights.Checked();
        distanceKm = FinderGeography.CheckDistance(distanceKm);
        CheckRelated(related);
        var source = snapshots.Source(sourceId);
        var activity = ActivityResolver.Resolve(start, snapshots, companies, source);
        var relatedClasses = RelatedClasses.Of(ComplexityQueries.Panel(source), activity.Classes, related);
        var atlasIndex = index.Definition is null ? null : index.Index(source.Id);
        return LocationFinder.Rank(snapshots, activity, source, relatedClasses, weights, distanceKm, atlasIndex);
    }

    /// <summary>
    /// The register companies and curated organisations to partner with near a place (an id or alias, or a postcode),
    /// the relatedness of classes taken from a source's panel (the default one when <paramref name="sourceId"/> is null).
    /// </summary>
    /// <exception cref="FinderInputException">an input is missing, unknown or out of range; its field says which.</exception>
    /// <exception cref="NoRegisterException">no register is loaded.</exception>
    /// <exception cref="UnknownSourceException">no source has that id.</exception>
    public PartnerSearch Partners(FinderStart start, string? near, double distanceKm = DefaultDistanceKm, int related = RelatedClasses.DefaultCount,
        int top = DefaultTop, string? sourceId = null, Lang lang = Lang.En)
    {
        distanceKm = FinderGeography.CheckDistance(distanceKm);
        CheckRelated(related);
        if (top is < 1 or > MaxTop) throw new FinderInputException("top", FinderProblem.OutOfRange, top.ToString(), $"top is {top}: give a number of companies from 1 to {MaxTop}");
        if (string.IsNullOrWhiteSpace(near)) throw new FinderInputException("near", FinderProblem.Missing, "", "say near where: a city, a municipality or a postcode");
        var point = FinderGeography.Of(snapshots.Curated).Near(near);
        var register = snapshots.RequireRegister();
        var source = snapshots.Source(sourceId);
        var activity = ActivityResolver.Resolve(start, snapshots, companies, source);
        var relatedClasses = RelatedClasses.Of(ComplexityQueries.Panel(source), activity.Classes, related);
        return PartnerFinder.Find(snapshots, register, activity, relatedClasses, source, point, distanceKm, top, lang);
    }

    private static void CheckRelated(int related)
    {
        if (related is < 0 or > RelatedClasses.MaxCount)
            throw new FinderInputException("related", FinderProblem.OutOfRange, related.ToString(), $"related is {related}: give a number of related classes from 0 to {RelatedClasses.MaxCount}");
    }
}
