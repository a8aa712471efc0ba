using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Atlas.BrowserTests;

/// <summary>Every page type on a phone (390 px) and a desktop (1280 px): never wider than the screen, light, with a menu that needs no script.</summary>
[Collection(BrowserCollection.Name)]
public class LayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    /// <summary>The most a page may weigh on a phone, every resource included, uncompressed.</summary>
    private const int MaxPageBytes = 200 * 1024;

    [SkippableTheory]
    [InlineData(390)]
    [InlineData(1280)]
    public Task No_page_is_wider_than_the_screen(int width) => Visit(async (page, _) =>
    {
        var wider = new List<string>();
        foreach (var (name, path) in PageTypes.All)
        {
            await page.GotoAsync("/en" + path);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > width) wider.Add($"{name} (/en{path}): {scrollWidth} px");
        }
        Assert.True(wider.Count == 0, $"pages wider than {width} px: " + string.Join("; ", wider));
    }, width: width);

    [SkippableFact]
    public Task Every_page_type_weighs_at_most_200_KB_on_a_phone() => Visit(async (page, _) =>
    {
        var heavy = new List<string>();
        foreach (var (name, path) in PageTypes.All)
        {
            await page.GotoAsync("/en" + path);
            // the document and every resource it loaded, as decoded (uncompressed) bytes
            var bytes = await page.EvaluateAsync<long>(
                "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((n, e) => n + e.decodedBodySize, 0)");
            output.WriteLine($"{name,-24} {bytes,9:N0} bytes");
            if (bytes > MaxPageBytes) heavy.Add($"{name} (/en{path}): {bytes:N0} bytes");
        }
        Assert.True(heavy.Count == 0, "pages over 200 KB: " + string.Join("; ", heavy));
    }, width: 390);

    [SkippableFact]
    public Task On_a_phone_the_menu_opens_without_javascript() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/fr/places/ghent");
        var cities = page.Locator("nav.main a", new PageLocatorOptions { HasText = "Villes" });
        Assert.False(await cities.IsVisibleAsync());
        await page.Locator("details.menu > summary").ClickAsync();
        Assert.True(await cities.IsVisibleAsync());
        await cities.ClickAsync();
        await page.WaitForURLAsync("**/fr/places?kind=city");
    }, javaScript: false, width: 390);

    [SkippableFact]
    public Task On_a_desktop_the_menu_is_open_and_has_no_button() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/");
        Assert.True(await page.Locator("nav.main a", new PageLocatorOptions { HasText = "Sectors" }).IsVisibleAsync());
        Assert.False(await page.Locator("details.menu > summary").IsVisibleAsync());
    }, javaScript: false);

    [SkippableFact]
    public Task On_a_phone_the_citys_sectors_are_cards_that_show_the_registers_evidence_whole() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/fr/places/ghent");
        var evidence = page.Locator("#sectors + .table-scroll td[data-label]").Last;
        var box = await evidence.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the evidence cell spans {box.X}–{box.X + box.Width} px");
    }, width: 390);

    /// <summary>The screenshots of the README, taken here so that they show the atlas as it is.</summary>
    [SkippableFact]
    public async Task Screenshots_for_the_readme()
    {
        var dir = Path.Combine(Atlas.Tests.TestPaths.RepoRoot, "docs", "screenshots");
        foreach (var (file, path, width) in new[]
                 {
                     ("phone-home.png", "/fr/", 390), ("phone-city.png", "/nl/places/ghent", 390), ("phone-search.png", "/en/search?q=Gentse", 390),
                     ("desktop-search.png", "/en/search?q=Gentse", 1280), ("desktop-company.png", "/fr/companies/0403.053.608", 1280),
                 })
            await Visit(async (page, _) =>
            {
                await page.GotoAsync(path);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, file) });
            }, width: width);
    }
}
