using System.Text.Json;
using Atlas.Tests;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// WCAG 2.1 AA as far as a rule engine sees it: axe-core (the npm package, loaded from tests/Atlas.BrowserTests/node_modules,
/// never from a CDN) on every page type in French, Dutch and English finds no serious or critical violation; and what no
/// rule engine checks: the map works with the keyboard, the focus shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static string AxePath => Path.Combine(TestPaths.RepoRoot, "tests", "Atlas.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    private const string Audit = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
        """;

    [SkippableTheory]
    [InlineData("fr", 1280)]
    [InlineData("nl", 1280)]
    [InlineData("en", 1280)]
    [InlineData("en", 390)]
    public Task No_page_type_has_a_serious_or_critical_violation(string lang, int width) => Visit(async (page, _) =>
    {
        Requires.Present(File.Exists(AxePath), $"needs axe-core: {AxePath} is missing (run `npm ci --prefix tests/Atlas.BrowserTests`, as .ci/run does)");
        var violations = new List<string>();
        foreach (var (name, path) in PageTypes.All)
        {
            await page.GotoAsync($"/{lang}{path}");
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath });
            var found = await page.EvaluateAsync<JsonElement>(Audit);
            violations.AddRange(found.EnumerateArray().Select(v => $"{name} (/{lang}{path}): {v.GetString()}"));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }, width: width, injectScripts: true);

    [SkippableFact]
    public Task The_map_is_usable_by_keyboard() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/");
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("document.activeElement.getAttribute('data-city')") == "ghent") break;
        }
        Assert.Equal("ghent", await page.EvaluateAsync<string?>("document.activeElement.getAttribute('data-city')"));
        // the focused city shows it: its dot gets a thick outline
        Assert.Equal("5px", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement.querySelector('.dot')).strokeWidth"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/en/places/ghent");
    });

    [SkippableFact]
    public Task The_map_has_its_cities_and_regions_in_words() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/nl/");
        var cities = page.Locator("figure.map figcaption ul[aria-label='De steden op de kaart'] a");
        Assert.Equal(7, await cities.CountAsync());
        Assert.Contains("Gent", await cities.AllInnerTextsAsync());
        Assert.Contains("Vlaams Gewest", await page.Locator("figure.map figcaption").InnerTextAsync());
    });

    [SkippableFact]
    public Task The_keyboard_focus_is_visible_on_links() => Visit(async (page, _) =>
    {
        await page.GotoAsync("/en/places/ghent");
        await page.Keyboard.PressAsync("Tab");   // the skip link
        await page.Keyboard.PressAsync("Tab");   // the brand
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
    });
}
