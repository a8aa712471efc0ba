using Atlas.Curation;
using Atlas.Tests;
using Atlas.Web;
using Atlas.Web.Curation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// Passkeys as a curator uses them, in Chromium with a virtual authenticator (the DevTools WebAuthn domain stands in for
/// a phone or a security key): add one on the account page after a password sign-in, then sign in with it alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyTests(BrowserFixture fixture)
{
    private const string Password = "a long enough passphrase";

    [SkippableFact]
    public async Task A_curator_adds_a_passkey_and_then_signs_in_with_it_without_a_password()
    {
        BrowserFixture.RequireBrowser();
        using var dir = TestPaths.Temp();
        var atlas = AtlasSetup.Prepare(TestPaths.DataDir, dir.File("atlas.db"));
        var store = atlas.CuratedStore.Curation;
        using (var services = new ServiceCollection().AddLogging().AddAtlasIdentity(store).Services.BuildServiceProvider())
        using (var scope = services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(new Account { UserName = "ann", Role = Role.Editor }, Password)).Succeeded);
        var app = AtlasWebApp.Create(atlas, new WebOptions { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        try
        {
            // WebAuthn takes a host name as the relying party, not an address: the atlas is reached as localhost
            var baseUrl = $"http://localhost:{new Uri(app.Urls.First()).Port}";
            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB" });
            var page = await context.NewPageAsync();
            var devTools = await context.NewCDPSessionAsync(page);
            await devTools.SendAsync("WebAuthn.enable");
            await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                    ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
                },
            });

            await page.GotoAsync("/en/sign-in");
            await page.FillAsync("#f-userName", "ann");
            await page.FillAsync("#f-password", Password);
            await page.ClickAsync("form[action='/en/sign-in'] button");
            await page.WaitForURLAsync("**/en/review");

            var account = await page.GotoAsync("/en/account");
            Assert.Contains("script-src 'self'", account!.Headers["content-security-policy"]);
            await page.FillAsync("#f-name", "virtual authenticator");
            await page.ClickAsync("form[data-passkey='create'] button");
            await page.Locator("ul.passkeys li").WaitForAsync();
            Assert.Contains("virtual authenticator", await page.Locator("ul.passkeys").InnerTextAsync());
            var ann = store.FindAccount("ANN")!;
            Assert.Single(store.Passkeys(ann.Id));
            Assert.Contains(store.History("account:ann"), e => e.Action == Actions.PasskeyAdded && e.After == "virtual authenticator");

            await page.ClickAsync("form[action='/en/sign-out'] button");
            await page.GotoAsync("/en/sign-in");
            await page.ClickAsync("form[data-passkey='get'] button");
            await page.WaitForURLAsync("**/en/review");
            Assert.Contains(store.History("account:ann"), e => e.Action == Actions.SignIn && e.Reason == "passkey");

            // a page that offers no passkey keeps the CSP without any script
            var review = await page.GotoAsync("/en/review");
            Assert.DoesNotContain("script-src", review!.Headers["content-security-policy"]);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
