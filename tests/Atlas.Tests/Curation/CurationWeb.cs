using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Curation;
using Atlas.Web;
using Atlas.Web.Curation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Atlas.Tests.Postgres;

namespace Atlas.Tests.Curation;

/// <summary>
/// The atlas with accounts, served in-process: alice (contributor), bob and carol (editors), with real passwords
/// (Identity's hashes, made as `atlas users add` makes them) and API tokens of several scopes.
/// </summary>
public class CurationWeb : CuratedAtlas
{
    public const string Password = "correct horse battery staple";
    private readonly List<WebApplication> _apps = [];
    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Dictionary<string, string> Tokens { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Atlas is null) return;
        foreach (var (name, role) in new[] { ("alice", Role.Contributor), ("bob", Role.Editor), ("carol", Role.Editor), ("dave", Role.Contributor), ("erin", Role.Contributor),
                                          ("frank", Role.Admin), ("gina", Role.Contributor) })
            await AddUser(name, role);
        var store = Atlas.CuratedStore.Curation;
        Account A(string n) => store.FindAccount(n.ToUpperInvariant())!;
        Tokens["alice"] = ApiTokens.Issue(store, A("alice"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose }, 30, "test").Secret;
        Tokens["alice-edit"] = ApiTokens.Issue(store, A("alice"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose, Scope.Edit }, 30, "test").Secret;
        Tokens["alice-read"] = ApiTokens.Issue(store, A("alice"), "test", new HashSet<Scope> { Scope.Read }, 30, "test").Secret;
        Tokens["dave"] = ApiTokens.Issue(store, A("dave"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose }, 30, "test").Secret;
        Tokens["bob"] = ApiTokens.Issue(store, A("bob"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose, Scope.Edit }, 30, "test").Secret;
        Tokens["bob-propose"] = ApiTokens.Issue(store, A("bob"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose }, 30, "test").Secret;
        Tokens["carol"] = ApiTokens.Issue(store, A("carol"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose, Scope.Edit }, 30, "test").Secret;
        var (revoked, secret) = ApiTokens.Issue(store, A("carol"), "test", new HashSet<Scope> { Scope.Read, Scope.Propose, Scope.Edit }, 30, "test");
        store.RevokeToken(revoked.AccountId, revoked.Id, "test");
        Tokens["revoked"] = secret;
        (App, Client) = await Serve(new WebOptions { InProcess = true, SignInPerMinute = 1000 });
    }

    public async Task<(WebApplication App, HttpClient Client)> Serve(WebOptions options, AtlasServices? atlas = null)
    {
        var app = AtlasWebApp.Create(atlas ?? Atlas, options);
        await app.StartAsync();
        _apps.Add(app);
        return (app, app.GetTestClient());
    }

    private async Task AddUser(string name, Role role)
    {
        using var services = new ServiceCollection().AddLogging().AddAtlasIdentity(Atlas.CuratedStore.Curation).Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(new Account { UserName = name, Role = role }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public override async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A request with a token (none: anonymous).</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.GetValueOrDefault(token, token));
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Client.SendAsync(request);
    }

    /// <summary>Proposes a new fact as <paramref name="token"/> and returns the proposal's id.</summary>
    public async Task<long> ProposeNew(string token, FactDraft fact, string reason = "a reason")
    {
        var response = await Send(HttpMethod.Post, "/api/proposals", token, new { kind = "new", fact, reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
    }

    /// <summary>A browser: keeps cookies, follows no redirect, over https when asked.</summary>
    public Browser NewBrowser(bool https = false, WebApplication? app = null) => new((app ?? App).GetTestServer(), https);

    public sealed class Browser
    {
        private readonly CookieContainer _cookies = new();
        private readonly HttpClient _client;
        private readonly Uri _base;

        public Browser(TestServer server, bool https)
        {
            _base = new Uri(https ? "https://localhost" : "http://localhost");
            server.BaseAddress = _base;
            _client = new HttpClient(new CookieHandler(_cookies, server.CreateHandler())) { BaseAddress = _base };
        }

        public IReadOnlyList<string> SetCookies { get; private set; } = [];

        public async Task<(HttpResponseMessage Response, string Body)> Get(string path)
        {
            var response = await _client.GetAsync(path);
            SetCookies = response.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
            return (response, await response.Content.ReadAsStringAsync());
        }

        /// <summary>Posts a form; the antiforgery token is read from the page at <paramref name="formPage"/> unless none is wanted.</summary>
        public async Task<(HttpResponseMessage Response, string Body)> Post(string path, Dictionary<string, string> fields, string? formPage, bool withToken = true)
        {
            if (withToken && formPage is not null)
            {
                var (_, page) = await Get(formPage);
                var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
                Assert.True(token.Success, $"no antiforgery token on {formPage}");
                fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
            }
            var response = await _client.PostAsync(path, new FormUrlEncodedContent(fields));
            SetCookies = response.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
            return (response, await response.Content.ReadAsStringAsync());
        }

        public Task<HttpResponseMessage> PostJson(string path, object body) => _client.PostAsync(path, JsonContent.Create(body));

        public async Task<HttpResponseMessage> SignIn(string name, string password = Password, string lang = "en") =>
            (await Post($"/{lang}/sign-in", new() { ["userName"] = name, ["password"] = password }, $"/{lang}/sign-in")).Response;
    }

    private sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set) cookies.SetCookies(request.RequestUri!, c);
            return response;
        }
    }

    public new sealed class OnPostgres : CurationWeb
    {
        private readonly CuratedAtlas.OnPostgres _pg = new();
        protected override bool Available => PostgresAtlasFixture.Available;
        public override AtlasServices Open() => _pg.Open();
        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await _pg.DisposeAsync();
        }
    }
}
