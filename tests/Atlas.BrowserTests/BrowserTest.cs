using System.Runtime.CompilerServices;
using Atlas.Tests;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>A test in the browser: a scenario on a fresh page of a given width; a failing one leaves a screenshot under TestResults/screenshots.</summary>
public abstract class BrowserTest(BrowserFixture fixture)
{
    protected BrowserFixture Fixture => fixture;

    /// <summary>Runs a scenario on a fresh page <paramref name="width"/> pixels wide (a phone below 600); records every request and keeps a screenshot if it fails.</summary>
    protected async Task Visit(Func<IPage, List<string>, Task> scenario, bool javaScript = true, int width = 1280, bool injectScripts = false, [CallerMemberName] string name = "")
    {
        BrowserFixture.RequireBrowser();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
            // the atlas forbids every script (Content-Security-Policy); the audit injects axe-core all the same
            BypassCSP = injectScripts,
        });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        try
        {
            await scenario(page, requests);
        }
        catch
        {
            var dir = Path.Combine(TestPaths.RepoRoot, "tests", "Atlas.BrowserTests", "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
    }
}
