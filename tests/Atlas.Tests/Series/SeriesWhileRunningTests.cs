using System.Net;
using Atlas.Series;

namespace Atlas.Tests.Series;

/// <summary>A series imported while the atlas runs: the next answer and the next page show it, cached or not.</summary>
public class SeriesWhileRunningTests
{
    [Fact]
    public async Task Importing_a_calendar_adjusted_series_turns_the_articles_figure_into_a_check_at_the_next_request()
    {
        await using var atlas = await SeriesAtlas.Start();
        async Task<string> Get(string path)
        {
            using var response = await atlas.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        var api = $"/api/facts/{SeriesFiles.ClaimFact}/check?lang=en";
        var page = $"/en/facts/{SeriesFiles.ClaimFact}/check";
        Assert.Contains("\"status\":\"NoMatchingSeries\"", await Get(api));
        Assert.Contains("no matching series (the available one is seasonally adjusted: −9.9%)", await Get(page));

        var report = atlas.Import(SeriesFiles.EurostatCa);
        Assert.Equal(2, report.NewSeries);

        Assert.Contains("\"status\":\"Confirmed\"", await Get(api));
        var html = await Get(page);
        Assert.Contains("confirmed within the stated rounding (−7.3%)", html);
        Assert.Contains(SeriesFiles.EurostatBeId, html);
        Assert.Contains("Article: −7.3% (May 2025)", await Get($"/en/series/{SeriesFiles.EurostatBeId}?measure=yoy"));
    }

    [Fact]
    public async Task A_new_vintage_of_the_establishment_units_shows_on_a_place_page_that_was_cached()
    {
        await using var atlas = await SeriesAtlas.Start();
        async Task<string> Ghent()
        {
            using var response = await atlas.Client.GetAsync("/en/places/ghent");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("29,760 (Q4 2018) → 37,518 (Q4 2023)", await Ghent());
        Assert.Contains("29,760 (Q4 2018) → 37,518 (Q4 2023)", await Ghent()); // served from the output cache now

        // Statbel revises Ghent's last quarter: a new file, a new vintage, while the atlas runs
        var revised = Path.Combine(atlas.Dir, "vestigingseenheden.json");
        File.WriteAllText(revised, File.ReadAllText(SeriesFiles.ShippedStatbel).Replace("37518.0", "40000.0"));
        var names = Atlas.Series.ShippedSeries.Municipalities(atlas.Services.Snapshots.Curated);
        var report = atlas.Import(revised, new SeriesImportOptions { Municipalities = () => names });
        Assert.Equal(1, report.Revised);

        var html = await Ghent();
        Assert.Contains("29,760 (Q4 2018) → 40,000 (Q4 2023)", html);
        Assert.Contains($"+{(40000.0 / 29760 - 1) * 100:0.0}%", html);
    }
}
