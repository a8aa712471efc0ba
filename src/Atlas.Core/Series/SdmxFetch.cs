using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Series;

/// <summary>The statistical offices the atlas can ask for series.</summary>
public enum SdmxProvider { Nbb, Eurostat }

/// <summary>A query: whom to ask, the dataflow (the provider's usual one by default), the series key and the periods.</summary>
/// <param name="BaseAddress">the provider's SDMX REST address (a mirror, or a test server); the public one by default</param>
public sealed record FetchRequest(SdmxProvider Provider, string Key, string? Flow = null, SeriesPeriod? From = null, SeriesPeriod? To = null,
    Uri? BaseAddress = null);

public enum FetchFailure { BadKey, Timeout, Network, HttpStatus, NotSdmxCsv }

/// <summary>A fetch that brought nothing importable; nothing was imported.</summary>
public sealed class SeriesFetchException(FetchFailure failure, Uri? address, string message) : Exception(message)
{
    public FetchFailure Failure { get; } = failure;
    public Uri? Address { get; } = address;
}

/// <summary>
/// Builds SDMX REST queries for the NBB (NBB.Stat, agency BE2: <c>data/BE2,DF_INDPROD,1.0/M.2021.INDPROD.W.B_C_D.BE</c>)
/// and Eurostat (SDMX 2.1 dissemination API: <c>data/sts_inpr_m/M.PRD.B-D.CA.I21.BE?format=SDMX-CSV</c>, key
/// freq.indic_bt.nace_r2.s_adj.unit.geo), asks for SDMX-CSV and reads the whole answer before anything is imported.
/// An HTML page (the NBB answers some bad queries with one, status 200) or a time-out is an error, never an import.
/// </summary>
public static partial class SdmxFetch
{
    public const string CsvMediaType = "application/vnd.sdmx.data+csv";

    public static Uri DefaultBase(SdmxProvider provider) => provider == SdmxProvider.Nbb
        ? new Uri("https://nsidisseminate-stat.nbb.be/rest/")
        : new Uri("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/");

    public static string DefaultFlow(SdmxProvider provider) => provider == SdmxProvider.Nbb ? "DF_INDPROD" : "sts_inpr_m";

    public static string Name(SdmxProvider provider) => provider == SdmxProvider.Nbb ? "the NBB" : "Eurostat";

    /// <exception cref="SeriesFetchException">the key or the flow holds characters a series key cannot have.</exception>
    public static Uri Query(FetchRequest request)
    {
        if (request.Key.Length is 0 or > 200 || !KeyPattern().IsMatch(request.Key))
            throw new SeriesFetchException(FetchFailure.BadKey, null,
                $"'{SeriesCollector.Clip(request.Key)}' is not a series key: codes separated by dots, as M.2021.INDPROD.W.B_C_D.BE (letters, digits, _ - + only)");
        var flow = request.Flow ?? DefaultFlow(request.Provider);
        if (!FlowPattern().IsMatch(flow))
            throw new SeriesFetchException(FetchFailure.BadKey, null, $"'{SeriesCollector.Clip(flow)}' is not a dataflow id (letters, digits and _)");
        var root = request.BaseAddress ?? DefaultBase(request.Provider);
        if (!root.AbsoluteUri.EndsWith('/')) root = new Uri(root.AbsoluteUri + "/");
        var reference = request.Provider == SdmxProvider.Nbb ? $"BE2,{flow},1.0" : flow;
        var query = new List<string>();
        if (request.From is { } from) query.Add($"startPeriod={from}");
        if (request.To is { } to) query.Add($"endPeriod={to}");
        if (request.Provider == SdmxProvider.Eurostat) query.Add("format=SDMX-CSV");
        var path = $"data/{reference}/{request.Key}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return new Uri(root, path);
    }

    /// <summary>Asks for the series and returns the whole answer, checked to be SDMX-CSV.</summary>
    /// <exception cref="SeriesFetchException">time-out, network error, an error status, or an answer that is not SDMX-CSV.</exception>
    public static async Task<byte[]> Fetch(HttpClient http, SdmxProvider provider, Uri address, TimeSpan timeout, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var who = Name(provider);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, address);
            message.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse($"{CsvMediaType};version=1.0.0"));
            message.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("text/csv;q=0.5"));
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096)).TrimStart('\uFEFF').TrimStart();
            if (!response.IsSuccessStatusCode)
                throw new SeriesFetchException(FetchFailure.HttpStatus, address,
                    $"{who} answered {(int)response.StatusCode} {response.ReasonPhrase} to {address}{Detail(text)}");
            var html = response.Content.Headers.ContentType?.MediaType is "text/html" || text.StartsWith('<');
            if (html || !SdmxCsvReader.Recognises(text.Split('\n', 2)[0]))
                throw new SeriesFetchException(FetchFailure.NotSdmxCsv, address,
                    $"{who} answered {address} with {(html ? "an HTML page" + Title(text) : "something that is not SDMX-CSV" + Detail(text))} " +
                    "instead of SDMX-CSV (status " + (int)response.StatusCode + "): the query is probably wrong; check the dataflow and the key");
            return body;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SeriesFetchException(FetchFailure.Timeout, address, $"{who} did not answer {address} within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new SeriesFetchException(FetchFailure.Network, address, $"cannot reach {who} at {address}: {e.Message}");
        }
    }

    private static string Title(string html)
    {
        var m = TitlePattern().Match(html);
        return m.Success ? $" (\"{SeriesCollector.Clip(m.Groups[1].Value.Trim(), 80)}\")" : "";
    }

    private static string Detail(string text)
    {
        var first = text.Split('\n', 2)[0].Trim();
        return first.Length == 0 ? "" : $" (\"{SeriesCollector.Clip(first, 80)}\")";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-+]*(\.[A-Za-z0-9_\-+]*)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,60}$")]
    private static partial Regex FlowPattern();

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();
}
