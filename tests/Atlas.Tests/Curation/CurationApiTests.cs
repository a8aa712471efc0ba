using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atlas.Tests.Curation;

/// <summary>The write API as scripts use it: tokens and their scopes, roles, validation, ETags, and the public history.</summary>
public abstract class CurationApiTests(CurationWeb web)
{
    private static async Task<JsonObject> Body(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonObject>())!;

    [SkippableFact]
    public async Task Anonymous_requests_wrong_scopes_and_wrong_roles_are_refused()
    {
        var fact = CuratedAtlas.NewFact("ghent-api-test-auth");
        var body = new { kind = "new", fact, reason = "r" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Send(HttpMethod.Post, "/api/proposals", null, body)).StatusCode);
        var unknown = await web.Send(HttpMethod.Post, "/api/proposals", "atlas_not-a-token", body);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Bearer", unknown.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Send(HttpMethod.Post, "/api/proposals", "revoked", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Send(HttpMethod.Post, "/api/proposals", "alice-read", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Send(HttpMethod.Get, "/api/proposals", null)).StatusCode);

        var id = await web.ProposeNew("alice", fact);
        // a contributor's token with the edit scope is still a contributor's; an editor's token without it may not review
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "alice-edit", new { reason = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "bob-propose", new { reason = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", null, new { reason = "ok" })).StatusCode);
        // the session cookie does not work on the API: only a token does, so no other site can make a browser write
        var browser = web.NewBrowser();
        await browser.SignIn("bob");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostJson($"/api/proposals/{id}/reject", new { reason = "x" })).StatusCode);
    }

    [SkippableFact]
    public async Task A_proposal_is_pending_until_another_editor_accepts_it_and_then_everyone_reads_it()
    {
        var id = await web.ProposeNew("bob-propose", CuratedAtlas.NewFact("ghent-api-test-accept", "Ghent accepts a test fact."), "seen in a second source");
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/api/facts/ghent-api-test-accept")).StatusCode);
        // visible to its author and to editors, not to another contributor
        Assert.Equal(HttpStatusCode.OK, (await web.Send(HttpMethod.Get, $"/api/proposals/{id}", "carol")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Send(HttpMethod.Get, $"/api/proposals/{id}", "alice")).StatusCode);
        Assert.DoesNotContain((await Body(await web.Send(HttpMethod.Get, "/api/proposals?status=pending", "alice")))["items"]!.AsArray(), p => p!["id"]!.GetValue<long>() == id);

        var own = await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "bob", new { reason = "my own" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "carol", new { reason = "" })).StatusCode);
        var accepted = await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "carol", new { reason = "checked" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await Body(accepted))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/reject", "carol", new { reason = "late" })).StatusCode);

        var fact = await web.Client.GetFromJsonAsync<JsonObject>("/api/facts/ghent-api-test-accept?lang=en");
        Assert.Equal("Ghent accepts a test fact.", fact!["statement"]!["en"]!.GetValue<string>());
        var history = await web.Client.GetFromJsonAsync<JsonObject>("/api/facts/ghent-api-test-accept/history");
        var change = history!["changes"]!.AsArray().Single()!;
        Assert.Equal(("carol", "checked"), (change["actor"]!.GetValue<string>(), change["reason"]!.GetValue<string>()));
        var feed = await web.Client.GetFromJsonAsync<JsonObject>("/api/changes");
        Assert.Contains(feed!["items"]!.AsArray(), c => c!["fact"]!.GetValue<string>() == "ghent-api-test-accept");
        // the version after the change keeps what is not a fact: the boundaries on the map, the postcodes the finder places
        var shape = await web.Client.GetFromJsonAsync<JsonObject>("/api/places/ghent.geojson");
        Assert.NotNull(shape!["geometry"] ?? shape["features"]);
        Assert.Equal(HttpStatusCode.Conflict, (await web.Client.GetAsync("/api/finder/partners?nace=26.51&near=4000")).StatusCode);   // a place: now the register is asked for
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Client.GetAsync("/api/finder/partners?nace=26.51&near=9999")).StatusCode);
        var atom = await web.Client.GetAsync("/api/changes?format=atom");
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await atom.Content.ReadAsStringAsync());
        Assert.Contains(xml.Descendants("{http://www.w3.org/2005/Atom}entry"), e => e.ToString().Contains("ghent-api-test-accept"));
    }

    [SkippableFact]
    public async Task The_write_api_is_described_with_its_answers_when_the_atlas_takes_curation()
    {
        var paths = (await web.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!;
        JsonNode? Answer(string path, string verb, string status) => paths[path]?[verb]?["responses"]?[status];
        Assert.NotNull(Answer("/api/proposals", "post", "201")?["content"]?["application/json"]?["schema"]);
        Assert.NotNull(Answer("/api/proposals", "post", "422"));
        Assert.NotNull(Answer("/api/proposals", "get", "200")?["content"]?["application/json"]?["schema"]);
        foreach (var verb in new[] { "accept", "reject" })
        {
            Assert.NotNull(Answer($"/api/proposals/{{id}}/{verb}", "post", "200")?["content"]?["application/json"]?["schema"]);
            Assert.NotNull(Answer($"/api/proposals/{{id}}/{verb}", "post", "409"));
        }
        Assert.NotNull(Answer("/api/curation/facts/{id}", "get", "200")?["content"]?["application/json"]?["schema"]);
    }

    [SkippableFact]
    public async Task A_refused_change_gets_422_with_one_error_per_field()
    {
        var bad = CuratedAtlas.NewFact("ghent-api-test-bad") with { Subject = "gnet", Predicate = "innovates-in" };
        var response = await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "new", fact = bad });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await Body(response))["errors"]!.AsObject();
        Assert.Contains("subject", errors.Select(e => e.Key));
        Assert.Contains("object", errors.Select(e => e.Key));
        Assert.Contains("reason", errors.Select(e => e.Key));
        Assert.Contains("did you mean 'ghent'", errors["subject"]![0]!.GetValue<string>());
        var kind = await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "delete", factId = "ghent-model-of-industry-4-0", reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, kind.StatusCode);   // a fact is never deleted
    }

    [SkippableFact]
    public async Task Concurrent_edits_are_caught_with_etags()
    {
        const string id = "ghent-model-of-industry-4-0";
        var read = await web.Send(HttpMethod.Get, $"/api/curation/facts/{id}", "alice");
        var etag = read.Headers.ETag!.Tag;
        var fact = (await Body(read))["fact"]!.AsObject();
        fact["statement"]!["en"] = "Ghent is presented as the model city of Industry 4.0.";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "edit", factId = id, fact, reason = "r" })).StatusCode);
        var first = await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "edit", factId = id, fact, reason = "clearer" }, etag);
        var second = await web.Send(HttpMethod.Post, "/api/proposals", "dave", new { kind = "edit", factId = id, fact, reason = "same" }, etag);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Send(HttpMethod.Post, $"/api/proposals/{(await Body(first))["id"]}/accept", "bob", new { reason = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await web.Send(HttpMethod.Post, $"/api/proposals/{(await Body(second))["id"]}/accept", "bob", new { reason = "ok" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "retract", factId = id, reason = "stale" }, etag)).StatusCode);
    }

    [SkippableFact]
    public async Task Hostile_text_is_encoded_on_pages_and_neutralised_in_csv()
    {
        const string hostile = "=HYPERLINK(\"http://evil\") <script>alert(1)</script>";
        var id = await web.ProposeNew("alice", CuratedAtlas.NewFact("ghent-api-test-hostile", "Ghent <script>alert(1)</script> test."), hostile);
        Assert.Equal(HttpStatusCode.OK, (await web.Send(HttpMethod.Post, $"/api/proposals/{id}/accept", "bob", new { reason = hostile })).StatusCode);
        foreach (var page in new[] { "/en/facts/ghent-api-test-hostile", "/fr/facts/ghent-api-test-hostile", "/en/places/ghent" })
        {
            var html = await web.Client.GetStringAsync(page);
            Assert.DoesNotContain("<script>", html);
        }
        var browser = web.NewBrowser();
        await browser.SignIn("carol");
        foreach (var page in new[] { $"/nl/review/{id}", "/en/review?status=accepted" })
        {
            var (_, html) = await browser.Get(page);
            Assert.Contains("&lt;script&gt;", html);
            Assert.DoesNotContain("<script>", html);
        }
        var csv = await web.Client.GetStringAsync("/api/changes?format=csv");
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain("\"=HYPERLINK", csv);
    }

    private static object NewOrganisation(string id, params string[] sectors) => new
    {
        id, names = new { fr = "Robotique d’essai", nl = "Testrobotica", en = "Test Robotics" }, aliases = new[] { "TR Gent" },
        kind = "start-up", places = new[] { new { place = "ghent", role = "seat" } }, sectors, website = "https://example.org/robotics",
    };

    [SkippableFact]
    public async Task A_new_organisation_is_proposed_accepted_and_then_read_everywhere_with_its_history()
    {
        var body = new { kind = "new", entityType = "organisation", entity = NewOrganisation("test-robotics-api", "microelectronics"), reason = "a new start-up" };
        var proposed = await web.Send(HttpMethod.Post, "/api/proposals", "alice", body);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposal = await Body(proposed);
        Assert.Equal(("organisation", "test-robotics-api"), (proposal["entityType"]!.GetValue<string>(), proposal["entityId"]!.GetValue<string>()));
        Assert.Contains("kind: \"start-up\"", proposal["entity"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/api/organisations/test-robotics-api")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await web.Send(HttpMethod.Post, $"/api/proposals/{proposal["id"]}/accept", "carol", new { reason = "checked its site" })).StatusCode);
        var organisation = await web.Client.GetFromJsonAsync<JsonObject>("/api/organisations/test-robotics-api?lang=nl");
        Assert.Equal("Testrobotica", organisation!["label"]!.GetValue<string>());
        Assert.Contains("test-robotics-api", await web.Client.GetStringAsync("/api/search?q=Testrobotica"));
        Assert.Contains("Testrobotica", await web.Client.GetStringAsync("/nl/organisations/test-robotics-api"));
        var history = await web.Client.GetFromJsonAsync<JsonObject>("/api/entities/test-robotics-api/history");
        var change = history!["changes"]!.AsArray().Single()!;
        Assert.Equal(("carol", "checked its site"), (change["actor"]!.GetValue<string>(), change["reason"]!.GetValue<string>()));
        Assert.Null(change["before"]);
        var feed = await web.Client.GetFromJsonAsync<JsonObject>("/api/changes");
        Assert.Contains(feed!["items"]!.AsArray(), c => c!["entity"]?.GetValue<string>() == "test-robotics-api");
        Assert.Contains("test-robotics-api: new entity", await web.Client.GetStringAsync("/api/changes?format=atom"));
    }

    [SkippableFact]
    public async Task An_entity_edit_needs_its_etag_and_keeps_its_id()
    {
        var read = await web.Send(HttpMethod.Get, "/api/curation/entities/imec", "alice");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.Tag;
        var editable = await Body(read);
        Assert.Equal("organisation", editable["entityType"]!.GetValue<string>());
        var entity = editable["entity"]!.AsObject();
        Assert.Equal("research-centre", entity["kind"]!.GetValue<string>());
        entity["aliases"]!.AsArray().Add("imec Leuven");
        var edit = new { kind = "edit", entityId = "imec", entity, reason = "its common name in Leuven" };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await web.Send(HttpMethod.Post, "/api/proposals", "alice", edit)).StatusCode);
        var renamed = entity.DeepClone().AsObject();
        renamed["id"] = "imec-2";
        var refused = await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "edit", entityId = "imec", entity = renamed, reason = "r" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id", (await Body(refused))["errors"]!.AsObject().Select(e => e.Key));

        var first = await web.Send(HttpMethod.Post, "/api/proposals", "alice", edit, etag);
        var second = await web.Send(HttpMethod.Post, "/api/proposals", "dave", edit, etag);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Send(HttpMethod.Post, $"/api/proposals/{(await Body(first))["id"]}/accept", "bob", new { reason = "ok" })).StatusCode);
        Assert.Contains("imec Leuven", await web.Client.GetStringAsync("/api/organisations/imec"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await web.Send(HttpMethod.Post, $"/api/proposals/{(await Body(second))["id"]}/accept", "bob", new { reason = "ok" })).StatusCode);
        var history = await web.Client.GetFromJsonAsync<JsonObject>("/api/entities/imec/history");
        var change = history!["changes"]!.AsArray().Single()!;
        Assert.DoesNotContain("imec Leuven", change["before"]!.GetValue<string>());
        Assert.Contains("imec Leuven", change["after"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_refused_entity_gets_422_with_one_error_per_key()
    {
        var bad = await web.Send(HttpMethod.Post, "/api/proposals", "alice",
            new { kind = "new", entityType = "organisation", entity = NewOrganisation("test-robotics-bad", "microelectronic"), reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await Body(bad))["errors"]!.AsObject();
        Assert.Contains("did you mean 'microelectronics'", errors["sectors"]![0]!.GetValue<string>());
        var taken = await web.Send(HttpMethod.Post, "/api/proposals", "alice",
            new { kind = "new", entityType = "organisation", entity = NewOrganisation("imec", "microelectronics"), reason = "r" });
        Assert.Contains("id", (await Body(taken))["errors"]!.AsObject().Select(e => e.Key));
        // a municipality comes from the reference files; an entity is never retracted (facts name it)
        var municipality = await web.Send(HttpMethod.Get, "/api/curation/entities/nis-44021", "alice");
        var reference = await web.Send(HttpMethod.Post, "/api/proposals", "alice",
            new { kind = "edit", entityId = "nis-44021", entity = (await Body(municipality))["entity"], reason = "r" }, municipality.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reference.StatusCode);
        Assert.Contains("name-overrides", await reference.Content.ReadAsStringAsync());
        var retract = await web.Send(HttpMethod.Post, "/api/proposals", "alice", new { kind = "retract", entityId = "imec", reason = "r" }, "*");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retract.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Send(HttpMethod.Post, "/api/proposals", "alice",
            new { kind = "new", entityType = "company", entity = NewOrganisation("x-y"), reason = "r" })).StatusCode);
    }
}

public sealed class CurationApiTestsOnSqlite(CurationWeb web) : CurationApiTests(web), IClassFixture<CurationWeb>;

public sealed class CurationApiTestsOnPostgres : CurationApiTests, IClassFixture<CurationWeb.OnPostgres>
{
    public CurationApiTestsOnPostgres(CurationWeb.OnPostgres web) : base(web) => Requires.Postgres();
}
