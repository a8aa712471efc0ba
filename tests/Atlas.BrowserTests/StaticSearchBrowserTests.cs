using Atlas.Tests;
using Atlas.Tests.StaticSite;
using Atlas.Web.StaticSite;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// The search of a static export in a real browser, served by nginx with the docs' configuration (and so its content
/// security policy): with JavaScript the prebuilt index answers on the export's own search page; without it, the
/// search form goes to the live atlas.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaticSearchBrowserTests(BrowserFixture fixture)
{
    private const string Live = "https://live.atlas.test";

    [SkippableFact]
    public async Task A_static_export_answers_a_search_in_the_browser_and_sends_it_to_the_live_atlas_without_javascript()
    {
        BrowserFixture.RequireBrowser();
        NginxServer.Require();
        using var dir = TestPaths.Temp();
        var atlas = AtlasSetup.Prepare(TestPaths.DataDir, dir.File("atlas.db"));
        await SiteExport.Run(atlas, new SiteExportOptions(dir.File("site"), "https://atlas.example.be", Live));
        using var nginx = new NginxServer(dir.File("site"));

        await using (var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nginx.BaseUrl }))
        {
            var page = await context.NewPageAsync();
            var blocked = new List<string>();
            page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };
            await page.GotoAsync("/nl/");
            // the script has pointed the search form at the export's own search page
            await page.WaitForFunctionAsync("document.querySelector('form[role=search]').getAttribute('action') === '/nl/search'");
            await page.Locator("#site-q").FillAsync("Luik");
            await page.Locator("#site-q").PressAsync("Enter");
            // a shared machine may be slow: wait for the page's own content, not for every load event
            var loaded = new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };
            await page.WaitForURLAsync("**/nl/search?q=Luik", loaded);
            var first = page.Locator("section[aria-live] ol.results li a").First;
            Assert.Equal("Luik", await first.InnerTextAsync(new LocatorInnerTextOptions { Timeout = 60_000 }));
            await first.ClickAsync();
            await page.WaitForURLAsync("**/nl/places/liege", loaded);
            Assert.Empty(blocked);
        }

        await using (var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nginx.BaseUrl, JavaScriptEnabled = false }))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/en/places/ghent");
            Assert.Equal($"{Live}/en/search", await page.Locator("form[role=search]").First.GetAttributeAsync("action"));
            Assert.Equal("Ghent", await page.Locator("h1").InnerTextAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
