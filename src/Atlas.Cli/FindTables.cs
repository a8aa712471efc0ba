using System.Globalization;
using Atlas.Finder;
using Atlas.Model;

namespace Atlas.Cli;

/// <summary>The finder's answers as plain-text tables for a terminal: every component with its value, every partner with why it is there.</summary>
internal static class FindTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Locations(TextWriter o, LocationRanking r, int top, Lang lang)
    {
        var labels = r.Source.NaceLabels(2008, lang);
        o.WriteLine($"Where to locate: {Describe(r.Activity, labels)}");
        o.WriteLine($"Source: {r.Source.Title(lang)} — {r.Source.Unit(lang)}. Related classes: {Related(r.Related)}.");
        o.WriteLine($"Weights (%): {string.Join(", ", Weights.Components.Select(c => $"{Weights.Name(c)} {r.Weights.Of(c).ToString(Inv)}"))}; related base within {r.DistanceKm.ToString(Inv)} km.");
        o.WriteLine();
        o.WriteLine($"{"rank",4}  {"municipality",-28} {"score",6}  {"count",6} {"lq",7} {"density",7}  {"related near (here)",19} {"claims",6}  {"index (rank 5–95)",17}");
        foreach (var row in r.Rows.Take(top))
        {
            var index = row.Index is { } e ? $"{e.Score.ToString("0.0", Inv)} ({e.Rank5.ToString("0", Inv)}–{e.Rank95.ToString("0", Inv)})" : "–";
            o.WriteLine($"{row.Rank,4}  {Cut(row.Municipality.Label(lang), 28),-28} {row.Score.ToString("0.0", Inv),6}  {row.Count,6}{(row.Strong ? "*" : " ")}" +
                        $"{(row.Lq is { } lq ? lq.ToString("0.00", Inv) : "–"),7} {row.Density.ToString("0.000", Inv),7}  {$"{row.RelatedNear} ({row.RelatedHere})",19} {row.ClaimCount,6}  {index,17}");
        }
        o.WriteLine();
        o.WriteLine($"{r.Rows.Count} municipalities ranked (--format csv gives them all, with each component's percentile rank); * strong specialisation.");
    }

    public static void Partners(TextWriter o, PartnerSearch p, Lang lang)
    {
        var labels = p.RelatednessSource.NaceLabels(2008, lang);
        var near = p.Near.Place?.Label(lang) ?? $"{p.Near.Locality!.Postcode} {p.Near.Locality.Name}";
        o.WriteLine($"Whom to partner with: {Describe(p.Activity, labels)}");
        o.WriteLine($"Near {near}, within {p.DistanceKm.ToString(Inv)} km: {p.Total} companies in the register (extract {p.Register.ExtractNumber}). Related classes: {Related(p.Related)}.");
        o.WriteLine(Geo.PostcodeLocalities.Precision);
        o.WriteLine();
        o.WriteLine($"{"rank",4}  {"company",-32} {"number",-12} {"km",5}  {"municipality",-20} {"units",5}  why");
        foreach (var c in p.Companies)
        {
            var why = string.Join("; ", c.Activities.Select(a => $"{a.Class:D4} {(a.Main ? "MAIN" : "SECO")}" + (a.Same ? "" : $" related φ {a.Proximity.ToString("0.00", Inv)} to {a.Via:D4}")));
            o.WriteLine($"{c.Rank,4}  {Cut(c.Name ?? "–", 32),-32} {c.EnterpriseNumber,-12} {c.Km.ToString("0.0", Inv),5}  {Cut(c.Municipality?.Label(lang) ?? "–", 20),-20} {c.Establishments,5}  {why}");
        }
        if (p.Curated.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Organisations and programmes of the atlas:");
            foreach (var x in p.Curated)
                o.WriteLine($"  {x.Entity.Label(lang)} ({x.Entity.Kind}): " + (x.Place is { } place ? $"{place.Label(lang)}, {x.Km!.Value.ToString("0.0", Inv)} km" : $"scope {x.Scope?.Label(lang)}") +
                            $"; shares {string.Join(", ", x.Topics.Select(t => t.Label(lang)))}");
        }
        o.WriteLine();
        o.WriteLine("Open register data only: contact data is never shown.");
    }

    private static string Describe(Activity a, IReadOnlyDictionary<string, string> labels)
    {
        var what = a.Entity?.Label(Lang.En) ?? (a.Company is { } c ? $"{c.Name} ({c.EnterpriseNumber})" : "NACE " + string.Join(", ", a.Codes));
        var classes = string.Join("; ", a.Classes.Take(6).Select(cls => $"{cls:D4} {labels.GetValueOrDefault(cls.ToString("D4", Inv))}")) + (a.Classes.Count > 6 ? $"; … ({a.Classes.Count} classes)" : "");
        return $"{what} — {classes}";
    }

    private static string Related(IReadOnlyList<RelatedClass> related) =>
        related.Count == 0 ? "none (φ ≥ 0.25)" : string.Join(", ", related.Select(r => $"{r.Class:D4} (φ {r.Proximity.ToString("0.00", Inv)})"));

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
