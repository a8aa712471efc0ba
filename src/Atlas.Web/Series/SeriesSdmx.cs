using System.Globalization;
using System.Text;
using Atlas.Series;
using Atlas.Text;

namespace Atlas.Web.Series;

/// <summary>
/// A series' published values in SDMX-CSV 1.0: its dataflow, every dimension, the period, value and status, and every
/// attribute, so that a download imports again as the same series (<c>atlas import series</c>).
/// </summary>
public static class SeriesSdmx
{
    public static string Write(SeriesInfo s, IEnumerable<Observation> values)
    {
        var d = s.Descriptor;
        var attributes = d.Attributes.Where(a => a.Key != "OBS_STATUS").ToList();
        var sb = new StringBuilder(Csv.Line(new[] { "DATAFLOW" }.Concat(d.Dimensions.Select(x => x.Key))
            .Concat(["TIME_PERIOD", "OBS_VALUE", "OBS_STATUS"]).Concat(attributes.Select(a => a.Key))));
        // SDMX-CSV 1.0 names a dataflow with its version: a file that gave none is written 1.0
        var flow = d.Dataflow.Version is null ? new Dataflow(d.Dataflow.Agency, d.Dataflow.Id, "1.0") : d.Dataflow;
        foreach (var o in values)
            sb.Append(Csv.Line([flow.ToString(), .. d.Dimensions.Select(x => x.Value), o.Period.ToString(),
                o.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "", o.Status ?? "", .. attributes.Select(a => a.Value)]));
        return sb.ToString();
    }
}
