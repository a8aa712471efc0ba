using System.Net;
using Atlas.Curation;
using Atlas.Model;
using Atlas.Web;

namespace Atlas.Tests.Curation;

/// <summary>The forms as a browser without JavaScript uses them: signing in (lockout, rate limit, no enumeration), proposing, reviewing.</summary>
public abstract class CurationFormTests(CurationWeb web)
{
    [SkippableFact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_secure_over_https()
    {
        var browser = web.NewBrowser(https: true);
        var response = await browser.SignIn("alice");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/review", response.Headers.Location!.OriginalString);
        var session = browser.SetCookies.Single(c => c.StartsWith("atlas.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=strict", session);
        Assert.Contains("secure", session);
        var (review, html) = await browser.Get("/en/review");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.True(review.Headers.CacheControl!.NoStore);
        Assert.Contains("alice", html);
        var plain = web.NewBrowser();
        await plain.SignIn("alice");
        Assert.DoesNotContain("secure", plain.SetCookies.Single(c => c.StartsWith("atlas.session=", StringComparison.Ordinal)).ToLowerInvariant());
    }

    [SkippableFact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_answer_and_failures_lock_the_account()
    {
        var browser = web.NewBrowser();
        var (unknown, unknownHtml) = await browser.Post("/en/sign-in", new() { ["userName"] = "nobody-here", ["password"] = "whatever-password" }, "/en/sign-in");
        var (wrong, wrongHtml) = await browser.Post("/en/sign-in", new() { ["userName"] = "erin", ["password"] = "whatever-password" }, "/en/sign-in");
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(Message(unknownHtml), Message(wrongHtml));
        for (var i = 0; i < 4; i++) await browser.SignIn("erin", "still the wrong password");
        // five failures: now even the right password is refused, with the same answer
        var (locked, lockedHtml) = await browser.Post("/en/sign-in", new() { ["userName"] = "erin", ["password"] = CurationWeb.Password }, "/en/sign-in");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(Message(unknownHtml), Message(lockedHtml));
        var history = web.Atlas.CuratedStore.Curation.History("account:erin");
        Assert.Contains(history, e => e.Action == Actions.SignInFailed && e.Reason == "locked out");
    }

    private static string Message(string html) => System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value;

    [SkippableFact]
    public async Task Signing_in_is_rate_limited()
    {
        var (app, _) = await web.Serve(new WebOptions { InProcess = true, SignInPerMinute = 3 });
        var browser = web.NewBrowser(app: app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await browser.Post("/en/sign-in", new() { ["userName"] = "nobody", ["password"] = "x-password-x" }, "/en/sign-in")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
    }

    [SkippableFact]
    public async Task Forms_need_their_antiforgery_token_and_a_signed_in_person_with_the_right_role()
    {
        var anonymous = web.NewBrowser();
        var (redirect, _) = await anonymous.Get("/fr/propose");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/fr/sign-in?returnUrl=", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.Post("/en/sign-in", new() { ["userName"] = "alice", ["password"] = CurationWeb.Password }, "/en/sign-in", withToken: false)).Response.StatusCode);

        var alice = web.NewBrowser();
        await alice.SignIn("alice");
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.Post("/en/propose", new() { ["reason"] = "r" }, "/en/propose", withToken: false)).Response.StatusCode);
        var id = await web.ProposeNew("dave", CuratedAtlas.NewFact("ghent-form-test-role"));
        var (forbidden, _) = await alice.Post($"/en/review/{id}/accept", new() { ["reason"] = "I am no editor" }, "/en/propose");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(ProposalStatus.Pending, web.Atlas.CuratedStore.Curation.FindProposal(id)!.Status);
    }

    [SkippableFact]
    public async Task A_contributor_proposes_with_the_form_and_an_editor_accepts_it_with_the_form()
    {
        var alice = web.NewBrowser();
        await alice.SignIn("alice", lang: "nl");
        var fields = new Dictionary<string, string>
        {
            ["id"] = "ghent-form-test-new", ["subject"] = "ghent", ["predicate"] = "described-as", ["source"] = "article-7-cities",
            ["statement.fr"] = "Gand teste un formulaire.", ["statement.nl"] = "Gent test een formulier.", ["statement.en"] = "Ghent tests a form.",
            ["locator.section"] = "3. Gand", ["locator.passage"] = "heading", ["locator.phrase"] = "le modèle de l’industrie 4.0", ["reason"] = "",
        };
        var (refused, refusedHtml) = await alice.Post("/nl/propose", new(fields), "/nl/propose");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("field-error", refusedHtml);
        Assert.Contains("Gent test een formulier.", refusedHtml);   // what was typed is kept
        fields["reason"] = "tested";
        var (sent, _) = await alice.Post("/nl/propose", fields, "/nl/propose");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var proposal = sent.Headers.Location!.OriginalString;

        var bob = web.NewBrowser();
        await bob.SignIn("bob");
        var enProposal = proposal.Replace("/nl/", "/en/");
        var (accepted, _) = await bob.Post(enProposal + "/accept", new() { ["reason"] = "fine" }, enProposal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var page = await web.Client.GetStringAsync("/en/facts/ghent-form-test-new");
        Assert.Contains("Ghent tests a form.", page);
        Assert.Contains("fine", page);   // the history section
        Assert.Contains("/en/facts/ghent-form-test-new/edit", page);
    }

    [SkippableFact]
    public async Task An_entity_is_edited_with_its_form_and_its_page_shows_the_history()
    {
        var anonymous = web.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Get("/en/entities/ugent/edit")).Response.StatusCode);
        var alice = web.NewBrowser();
        await alice.SignIn("alice", lang: "fr");
        var (form, formHtml) = await alice.Get("/fr/entities/ugent/edit");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(form.Headers.CacheControl!.NoStore);
        var yaml = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(formHtml, "<textarea id=\"f-entity\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var etag = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(formHtml, "name=\"etag\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.StartsWith("id: \"ugent\"", yaml);
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.Post("/fr/entities/ugent/edit", new() { ["entity"] = yaml, ["reason"] = "r" }, "/fr/entities/ugent/edit", withToken: false)).Response.StatusCode);

        var fields = new Dictionary<string, string> { ["etag"] = etag, ["entity"] = yaml + "wikidata: \"not-an-id\"\n", ["reason"] = "its Wikidata item" };
        var (refused, refusedHtml) = await alice.Post("/fr/entities/ugent/edit", new(fields), "/fr/entities/ugent/edit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("wikidata: ", refusedHtml);                 // the error names its key
        Assert.Contains("not-an-id", refusedHtml);                  // what was typed is kept
        fields["entity"] = yaml.Replace("aliases: [", "aliases: [\"UGent form test\", ");
        var (sent, _) = await alice.Post("/fr/entities/ugent/edit", fields, "/fr/entities/ugent/edit");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var bob = web.NewBrowser();
        await bob.SignIn("bob");
        var proposal = sent.Headers.Location!.OriginalString.Replace("/fr/", "/en/");
        var (shown, shownHtml) = await bob.Get(proposal);
        Assert.Contains("/en/organisations/ugent", shownHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await bob.Post(proposal + "/accept", new() { ["reason"] = "its usual short name" }, proposal)).Response.StatusCode);
        var page = await web.Client.GetStringAsync("/nl/organisations/ugent");
        Assert.Contains("UGent form test", page);
        Assert.Contains("its usual short name", page);               // the history section
        Assert.Contains("/nl/entities/ugent/edit", page);
        // a new organisation starts from the keys its file needs
        var (blank, blankHtml) = await alice.Get("/en/propose/organisation");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("enterpriseNumber", blankHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Get("/en/propose/unicorn")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Get("/en/entities/nis-44021/edit")).Response.StatusCode);   // from the reference files
    }

    [SkippableFact]
    public async Task An_admin_changes_roles_and_disables_accounts_on_the_web_and_nobody_else_may()
    {
        var bob = web.NewBrowser();
        await bob.SignIn("bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Get("/en/accounts")).Response.StatusCode);   // an editor is no admin
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Post("/en/accounts/gina/disable", [], "/en/review")).Response.StatusCode);

        var frank = web.NewBrowser();
        await frank.SignIn("frank", lang: "nl");
        var (list, html) = await frank.Get("/nl/accounts");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl!.NoStore);
        Assert.Contains("gina", html);
        Assert.Equal(HttpStatusCode.BadRequest, (await frank.Post("/nl/accounts/gina/role", new() { ["role"] = "editor" }, "/nl/accounts", withToken: false)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await frank.Post("/nl/accounts/gina/role", new() { ["role"] = "editor" }, "/nl/accounts")).Response.StatusCode);
        var store = web.Atlas.CuratedStore.Curation;
        Assert.Equal(Role.Editor, store.FindAccount("GINA")!.Role);
        Assert.Equal(("frank", "contributor", "editor"), store.History("account:gina").Last() is var e ? (e.Actor, e.Before, e.After) : default);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await frank.Post("/nl/accounts/gina/role", new() { ["role"] = "owner" }, "/nl/accounts")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await frank.Post("/nl/accounts/frank/disable", [], "/nl/accounts")).Response.StatusCode);   // not one's own
        Assert.Equal(HttpStatusCode.NotFound, (await frank.Post("/nl/accounts/nobody/disable", [], "/nl/accounts")).Response.StatusCode);

        // a disabled account's session stops at once
        var gina = web.NewBrowser();
        await gina.SignIn("gina");
        Assert.Equal(HttpStatusCode.OK, (await gina.Get("/en/review")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await frank.Post("/nl/accounts/gina/disable", [], "/nl/accounts")).Response.StatusCode);
        Assert.NotNull(store.FindAccount("GINA")!.DisabledAt);
        Assert.NotEqual(HttpStatusCode.OK, (await gina.Get("/en/review")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await frank.Post("/nl/accounts/gina/enable", [], "/nl/accounts")).Response.StatusCode);
        Assert.Null(store.FindAccount("GINA")!.DisabledAt);
    }

    [SkippableFact]
    public async Task Passkeys_are_offered_by_the_one_script_their_pages_allow_and_a_bad_one_gets_the_wrong_password_answer()
    {
        var browser = web.NewBrowser();
        var (page, html) = await browser.Get("/en/sign-in");
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("data-passkey=\"get\"", html);
        Assert.Contains("challenge", System.Net.WebUtility.HtmlDecode(html));
        Assert.Matches("<script src=\"/assets/passkeys[^\"]*js\" defer>", html);
        var (refused, refusedHtml) = await browser.Post("/en/sign-in/passkey", new() { ["credential"] = "{\"id\": \"forged\"}" }, "/en/sign-in");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var (_, wrongHtml) = await browser.Post("/en/sign-in", new() { ["userName"] = "nobody-at-all", ["password"] = "whatever-password" }, "/en/sign-in");
        Assert.Equal(Message(wrongHtml), Message(refusedHtml));

        await browser.SignIn("dave");
        var (review, _) = await browser.Get("/en/review");
        Assert.DoesNotContain("script-src", review.Headers.GetValues("Content-Security-Policy").Single());
        var (account, accountHtml) = await browser.Get("/en/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(account.Headers.CacheControl!.NoStore);
        Assert.Contains("data-passkey=\"create\"", accountHtml);

        // a passkey is removed by its owner only, with the history of both
        var store = web.Atlas.CuratedStore.Curation;
        var (dave, erin) = (store.FindAccount("DAVE")!, store.FindAccount("ERIN")!);
        store.SavePasskey(new StoredPasskey("test-credential-dave", dave.Id, "laptop", "{}", DateTimeOffset.UtcNow), dave.UserName);
        store.SavePasskey(new StoredPasskey("test-credential-erin", erin.Id, "phone", "{}", DateTimeOffset.UtcNow), erin.UserName);
        Assert.Contains("laptop", (await browser.Get("/en/account")).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Post("/en/account/passkeys/test-credential-erin/remove", [], "/en/account")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Post("/en/account/passkeys/test-credential-dave/remove", [], "/en/account")).Response.StatusCode);
        Assert.Empty(store.Passkeys(dave.Id));
        Assert.Single(store.Passkeys(erin.Id));
        Assert.Equal([Actions.PasskeyAdded, Actions.PasskeyRemoved], store.History("account:dave").Where(e => e.Action.StartsWith("passkey", StringComparison.Ordinal)).Select(e => e.Action));
    }
}

public sealed class CurationFormTestsOnSqlite(CurationWeb web) : CurationFormTests(web), IClassFixture<CurationWeb>;

public sealed class CurationFormTestsOnPostgres : CurationFormTests, IClassFixture<CurationWeb.OnPostgres>
{
    public CurationFormTestsOnPostgres(CurationWeb.OnPostgres web) : base(web) => Requires.Postgres();
}

/// <summary>Read-only by default: an atlas with no account has no write endpoint, no sign-in and no edit link.</summary>
[Collection(AtlasCollection.Name)]
public sealed class ReadOnlyByDefaultTests(AtlasFixture atlas)
{
    [SkippableFact]
    public async Task Without_accounts_there_is_no_write_endpoint()
    {
        var post = await atlas.Client.PostAsync("/api/proposals", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atlas.Client.GetAsync("/en/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atlas.Client.GetAsync("/en/propose")).StatusCode);
        var page = await atlas.Client.GetAsync("/en/facts/ghent-model-of-industry-4-0");
        Assert.DoesNotContain("/edit", await page.Content.ReadAsStringAsync());
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, (await atlas.Client.GetAsync("/api/changes")).StatusCode);
    }
}
