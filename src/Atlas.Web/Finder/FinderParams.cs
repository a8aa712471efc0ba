using System.Globalization;
using Atlas.Finder;
using Atlas.Web.Http;
using Microsoft.AspNetCore.Http;

namespace Atlas.Web.Finder;

/// <summary>
/// A finder question as the API and the page take it (the same parameters, so a page's address is its answer's):
/// one of nace, sector, technology, company; near, distance, related, top, source; and the six weights in per cent
/// (wCount, wLq, wDensity, wRelated, wClaims, wIndex), each defaulting to <see cref="Weights.Default"/>.
/// </summary>
public sealed record FinderForm(string? Nace, string? Sector, string? Technology, string? Company, string? Near, double Distance, int Related,
    int Top, Weights Weights, string? Source)
{
    public static readonly IReadOnlyDictionary<Component, string> WeightParams = Weights.Components.ToDictionary(c => c, c => "w" + c);

    public bool HasStart => !string.IsNullOrWhiteSpace(Nace ?? Sector ?? Technology ?? Company);

    public FinderStart Start => FinderStart.Of(Nace, Sector, Technology, Company);

    public static FinderForm Read(HttpRequest request, int defaultTop)
    {
        var w = Weights.Default;
        double Weight(Component c) => Number(request, WeightParams[c], "weights", w.Of(c));
        return new FinderForm(Params.Text(request, "nace"), Params.Text(request, "sector"), Params.Text(request, "technology"), Params.Text(request, "company"),
            Params.Text(request, "near"), Number(request, "distance", "distance", FinderQueries.DefaultDistanceKm),
            (int)Number(request, "related", "related", RelatedClasses.DefaultCount, whole: true), (int)Number(request, "top", "top", defaultTop, whole: true),
            new Weights(Weight(Component.Count), Weight(Component.Lq), Weight(Component.Density), Weight(Component.Related), Weight(Component.Claims), Weight(Component.Index)),
            Params.Text(request, "source"));
    }

    /// <summary>A number parameter (a decimal point, not a comma); what is not one is a bad input of its field.</summary>
    private static double Number(HttpRequest request, string name, string field, double fallback, bool whole = false)
    {
        var text = request.Query[name].ToString().Trim();
        if (text.Length == 0) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && (!whole || (v == Math.Floor(v) && Math.Abs(v) < 1e6)))
            return v;
        throw new FinderInputException(field, FinderProblem.Malformed, Params.Truncate(text),
            $"{name} '{Params.Truncate(text)}' is not {(whole ? "a whole number" : "a number (write decimals with a point)")}");
    }

    /// <summary>The query string of this question (what is set), for links to the API, the CSV and the other page.</summary>
    public string Query(string? lang = null, string? format = null) => Pages.Links.Query(
        [("nace", Nace), ("sector", Sector), ("technology", Technology), ("company", Company), ("near", Near),
         ("distance", Distance == FinderQueries.DefaultDistanceKm ? null : Distance.ToString(CultureInfo.InvariantCulture)),
         ("related", Related == RelatedClasses.DefaultCount ? null : Related.ToString(CultureInfo.InvariantCulture)),
         .. Weights.Components.Select(c => (WeightParams[c], Weights.Of(c) == Weights.Default.Of(c) ? null : Weights.Of(c).ToString(CultureInfo.InvariantCulture))),
         ("source", Source), ("lang", lang), ("format", format)]);
}
