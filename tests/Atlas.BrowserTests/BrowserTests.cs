using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>What a visitor does in a real browser. A failing test leaves a screenshot under TestResults/screenshots.</summary>
[Collection(BrowserCollection.Name)]
public class BrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public Task Clicking_ghent_on_the_map_opens_its_page() => Visit(async (page, requests) =>
    {
        await page.GotoAsync("/en/");
        await page.Locator("svg a[data-city=ghent]").ClickAsync();
        await page.WaitForURLAsync("**/en/places/ghent");
        Assert.Equal("Ghent", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("text=Innovation sectors").IsVisibleAsync());
        // nothing was asked of any other host: no CDN, no web font
        Assert.All(requests, url => Assert.StartsWith(Fixture.BaseUrl, url));
    });

    [SkippableFact]
    public Task Searching_gand_reaches_ghent() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/fr/");
        await page.Locator("#site-q").FillAsync("Gand");
        await page.Locator("#site-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/fr/search?q=Gand");
        var first = page.Locator("ol.results li a").First;
        Assert.Equal("Gand", await first.InnerTextAsync());
        await first.ClickAsync();
        await page.WaitForURLAsync("**/fr/places/ghent");
        Assert.Equal("Gand", await page.Locator("h1").InnerTextAsync());
    });

    [SkippableFact]
    public Task Switching_to_dutch_shows_gent() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/places/ghent");
        await page.Locator("nav.langs a[hreflang=nl]").ClickAsync();
        await page.WaitForURLAsync("**/nl/places/ghent");
        Assert.Equal("Gent", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("text=Innovatiesectoren").IsVisibleAsync());
    });

    [SkippableFact]
    public Task Comparing_antwerp_and_bruges_shows_the_smart_port_in_common() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/compare");
        await page.Locator("#place-1").SelectOptionAsync("antwerp");
        await page.Locator("#place-2").SelectOptionAsync("bruges");
        await page.Locator("form.compare-form button").ClickAsync();
        await page.WaitForURLAsync("**/en/compare?**");
        var shared = page.Locator("section.shared");
        Assert.Contains("Smart port", await shared.InnerTextAsync());
        Assert.Contains("Internet of Things", await shared.InnerTextAsync());
        Assert.DoesNotContain("Green chemistry", await shared.InnerTextAsync());
    });

    [SkippableFact]
    public Task A_fact_leads_to_its_source_and_passage() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/places/ghent");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "blockchain-based traceability" }).First;
        await row.Locator("td.locator a").First.ClickAsync();
        await page.WaitForURLAsync("**/en/sources/article-7-cities#fact-ghent-agrifood-blockchain-traceability");
        Assert.Contains("7 villes belges", await page.Locator("h1").InnerTextAsync());
        var target = page.Locator("#fact-ghent-agrifood-blockchain-traceability");
        Assert.True(await target.IsVisibleAsync());
        Assert.Contains("Traçabilité par blockchain", await target.InnerTextAsync());
        Assert.Contains("table row 3", await target.InnerTextAsync());
    });

    [SkippableFact]
    public Task Search_works_without_javascript_and_shows_html_as_text() => Visit(async (page, _) =>
    {
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/en/");
        await page.Locator("#site-q").FillAsync("<script>alert(1)</script>");
        await page.Locator("form.search-box button").ClickAsync();
        await page.WaitForURLAsync("**/en/search?q=**");
        // the heading of the results (a hostile query may still match real data, "1" in "1.5 %", and show facets first)
        Assert.Contains("<script>alert(1)</script>", await page.Locator("main section[aria-live] h2").First.InnerTextAsync());
        Assert.Equal(0, dialogs);
        await page.Locator("#page-q").FillAsync("nanomateriaux");
        await page.Locator("#page-q").PressAsync("Enter");
        await page.WaitForURLAsync("**q=nanomateriaux**");
        Assert.True(await page.Locator("ol.results li > a[href='/en/places/charleroi']").IsVisibleAsync());
        Assert.True(await page.Locator("ol.results mark").First.IsVisibleAsync());
    }, javaScript: false);

    [SkippableFact]
    public Task The_finder_form_ranks_the_municipalities_without_javascript() => Visit(async (page, requests) =>
    {
        await page.GotoAsync("/en/finder");
        await page.Locator("select[name=sector]").SelectOptionAsync("textile");
        // a technology that no NACE class captures is listed but cannot be chosen
        Assert.NotNull(await page.Locator("select[name=technology] option[value=blockchain]").GetAttributeAsync("disabled"));
        await page.Locator("input[name=wClaims]").FillAsync("0");
        await page.Locator("input[name=wIndex]").FillAsync("15");
        await page.Locator("form.finder-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/en/finder?**sector=textile**");
        Assert.Equal("The activity: Textiles", await page.Locator("#activity-title").InnerTextAsync());
        Assert.Equal(50, await page.Locator("table.finder-table tbody tr").CountAsync());
        Assert.True(await page.Locator("figure.finder-map svg path.b1").CountAsync() >= 10);
        Assert.Equal("0", await page.Locator("input[name=wClaims]").InputValueAsync());   // the form keeps what was asked
        // weights that do not add up: the page says so in its language, the form still there
        await page.GotoAsync("/fr/finder?sector=textile&wCount=50");
        Assert.Contains("Les poids doivent faire 100 au total ; ils font 125.", await page.Locator("p.notice.error").InnerTextAsync());
        Assert.All(requests, url => Assert.StartsWith(Fixture.BaseUrl, url));
    }, javaScript: false);

    [SkippableFact]
    public Task A_missing_page_is_a_friendly_404_with_a_search_box() => Visit(async (page, _) =>
    {
        var response = await page.GotoAsync("/nl/places/atlantis");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Pagina niet gevonden", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("atlantis", await page.Locator("#lost-q").InputValueAsync());
    });

    [SkippableFact]
    public Task The_matrix_cells_lead_to_the_facts_behind_them() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/matrix?of=sector");
        var cell = page.Locator("a[href='/en/facts?subject=ghent&about=textile']");
        await cell.ClickAsync();
        await page.WaitForURLAsync("**/en/facts?subject=ghent&about=textile");
        Assert.Contains("Textiles", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("tbody tr").CountAsync() >= 1);
    });

    [SkippableFact]
    public Task The_keyboard_reaches_the_skip_link_first() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
    });
}
