using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Atlas.Postgres;
using Atlas.Tests.Register;
using Atlas.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Npgsql;

namespace Atlas.Tests.Postgres;

/// <summary>
/// The atlas as a team server: several web nodes on one database see an import made elsewhere within a second; a
/// database that cannot be reached gives 503 with Retry-After, and service comes back by itself; the web nodes' role
/// reads and cannot write.
/// </summary>
[Collection(CliTests.Name)]
public sealed class TeamServerTests : IClassFixture<GeneratedDump>, IDisposable
{
    private readonly GeneratedDump _dump;
    private readonly TestDatabase _db;
    private readonly List<WebApplication> _nodes = [];

    public TeamServerTests(GeneratedDump dump)
    {
        Requires.Postgres();
        _dump = dump;
        _db = new TestDatabase();
    }

    /// <summary>A web node on the database (or on another way to it), as `atlas serve --store` starts one.</summary>
    private async Task<HttpClient> Node(string? spec = null)
    {
        var app = AtlasWebApp.Create(PostgresSetup.Prepare(TestPaths.DataDir, spec ?? _db.Spec), new WebOptions { InProcess = true });
        await app.StartAsync();
        _nodes.Add(app);
        return app.GetTestClient();
    }

    [SkippableFact]
    public async Task A_register_imported_through_the_cli_is_served_by_every_node_within_a_second()
    {
        var a = await Node();
        var b = await Node();
        Assert.Equal(HttpStatusCode.Conflict, (await a.GetAsync("/api/register")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await b.GetAsync("/api/register")).StatusCode);

        var (code, _, stderr) = await CliTests.Run("import", "kbo", _dump.Path, "--store", _db.Spec, "--data", TestPaths.DataDir, "--quiet");
        Assert.True(code == 0, stderr);

        // each node looks at the database's version at most a second after its last look: one second on, both see it
        await Task.Delay(TimeSpan.FromSeconds(1.05));
        foreach (var node in new[] { a, b })
        {
            var register = JsonNode.Parse(await node.GetStringAsync("/api/register"))!;
            Assert.Equal(140, register["extract"]!.GetValue<int>());
        }
    }

    [SkippableFact]
    public async Task A_database_that_cannot_be_reached_gives_503_with_retry_after_and_service_comes_back_by_itself()
    {
        using var relay = new TcpRelay(new NpgsqlConnectionStringBuilder(_db.Spec));
        var node = await Node(relay.Spec);
        Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("/api/places?kind=city")).StatusCode);

        relay.Stop();      // the server goes away: connections cut, new ones refused
        await Task.Delay(TimeSpan.FromSeconds(1.05));
        foreach (var path in new[] { "/api/places/ghent", "/api/search?q=textile", "/en/places/ghent" })
        {
            using var response = await node.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("Npgsql", body);
            Assert.DoesNotContain(" at ", body);            // no stack trace
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(503, JsonNode.Parse(body)!["status"]!.GetValue<int>());
            }
            else Assert.Contains("Service temporarily unavailable", body);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await node.GetAsync("/readyz")).StatusCode);

        relay.Start();     // back: the node serves again without a restart (its pools were emptied of the dead connections)
        await Task.Delay(TimeSpan.FromSeconds(1.05));
        foreach (var path in new[] { "/api/places/ghent", "/api/search?q=textile", "/en/places/ghent", "/readyz" })
            using (var back = await node.GetAsync(path))
                Assert.True(back.StatusCode == HttpStatusCode.OK, $"{path}: {(int)back.StatusCode} {await back.Content.ReadAsStringAsync()}");
    }

    [SkippableFact]
    public async Task The_web_role_reads_everything_and_writes_nothing()
    {
        // the owner (import role) migrates, seeds and imports, as docs/deployment.md says
        var (code, _, stderr) = await CliTests.Run("migrate", "--store", _db.Spec, "--data", TestPaths.DataDir);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await CliTests.Run("import", "kbo", _dump.Path, "--store", _db.Spec, "--data", TestPaths.DataDir, "--quiet");
        Assert.True(code == 0, stderr);
        var role = "atlas_web_" + _db.Name[^12..];
        _db.Execute($"CREATE ROLE {role} LOGIN IN ROLE {PostgresRoles.Reader}");
        try
        {
            var web = new NpgsqlConnectionStringBuilder(_db.Spec) { Username = role }.ConnectionString;
            var node = await Node(web);
            Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("/api/places/ghent")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("/api/organisations?q=a")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("/api/places/ghent/specialisation?source=kbo")).StatusCode);

            await using (var c = new NpgsqlConnection(web))
            {
                await c.OpenAsync();
                foreach (var sql in new[] { "DELETE FROM facts", "UPDATE meta SET value = 'x'", "DELETE FROM register.enterprise", "CREATE TABLE public.intruder (x int)" })
                {
                    var e = await Assert.ThrowsAsync<PostgresException>(async () => await new NpgsqlCommand(sql, c).ExecuteNonQueryAsync());
                    Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
                }
            }
            var (refused, _, message) = await CliTests.Run("import", "kbo", KboParserTests.Extract147, "--store", web, "--data", TestPaths.DataDir, "--quiet");
            Assert.Equal(2, refused);
            Assert.Contains("the import role, not the web nodes' read-only one", message);
        }
        finally
        {
            foreach (var app in _nodes) await app.DisposeAsync();
            _nodes.Clear();
            NpgsqlConnection.ClearAllPools();
        }
    }

    [SkippableFact]
    public async Task A_curation_node_logs_in_as_a_curator_and_the_public_nodes_stay_read_only()
    {
        // the owner migrates and makes the accounts and their tokens on the command line
        var (code, _, stderr) = await CliTests.Run("migrate", "--store", _db.Spec, "--data", TestPaths.DataDir);
        Assert.True(code == 0, stderr);
        foreach (var (name, role) in new[] { ("ann", "contributor"), ("ben", "editor") })
            Assert.Equal(0, (await CliRunner.RunWithInput("a long enough passphrase\n", "users", "add", name, "--role", role, "--store", _db.Spec)).Code);
        var propose = (await CliTests.Run("tokens", "add", "ann", "--scope", "read,propose", "--store", _db.Spec)).Out.Trim();
        var edit = (await CliTests.Run("tokens", "add", "ben", "--scope", "read,edit", "--store", _db.Spec)).Out.Trim();
        var (curator, reader) = ("atlas_cur_" + _db.Name[^12..], "atlas_web_" + _db.Name[^12..]);
        _db.Execute($"CREATE ROLE {curator} LOGIN IN ROLE {PostgresRoles.Curator}");
        _db.Execute($"CREATE ROLE {reader} LOGIN IN ROLE {PostgresRoles.Reader}");
        try
        {
            string As(string role) => new NpgsqlConnectionStringBuilder(_db.Spec) { Username = role }.ConnectionString;
            var (curation, public_) = (await Node(As(curator)), await Node(As(reader)));

            var fact = Curation.CuratedAtlas.NewFact("ghent-team-server-curation", "Ghent is curated on a team server.");
            var proposed = await Send(curation, "/api/proposals", propose, new { kind = "new", fact, reason = "a second source" });
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
            var id = JsonNode.Parse(await proposed.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
            var accepted = await Send(curation, $"/api/proposals/{id}/accept", edit, new { reason = "checked" });
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
            var entity = new { id = "team-server-programme", names = new { fr = "Programme d’équipe", nl = "Teamprogramma", en = "Team programme" }, kind = "initiative" };
            var proposedEntity = await Send(curation, "/api/proposals", propose, new { kind = "new", entityType = "programme", entity, reason = "a new programme" });
            Assert.True(proposedEntity.StatusCode == HttpStatusCode.Created, await proposedEntity.Content.ReadAsStringAsync());
            var entityProposal = JsonNode.Parse(await proposedEntity.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
            var acceptedEntity = await Send(curation, $"/api/proposals/{entityProposal}/accept", edit, new { reason = "checked" });
            Assert.True(acceptedEntity.StatusCode == HttpStatusCode.OK, await acceptedEntity.Content.ReadAsStringAsync());
            // the public node serves the changes within a second, and takes no write at all
            await Task.Delay(TimeSpan.FromSeconds(1.05));
            Assert.Equal(HttpStatusCode.OK, (await public_.GetAsync("/api/facts/ghent-team-server-curation")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await public_.GetAsync("/api/programmes/team-server-programme")).StatusCode);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(public_, "/api/proposals", propose, new { kind = "new", fact, reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await public_.GetAsync("/en/sign-in")).StatusCode);

            // the curator writes what a curation writes, and nothing else
            await using var c = new NpgsqlConnection(As(curator));
            await c.OpenAsync();
            foreach (var sql in new[] { "DELETE FROM facts", "UPDATE curation_events SET actor = 'x'", "DELETE FROM curation_events",
                                        "DELETE FROM entities", "CREATE TABLE public.intruder (x int)" })
            {
                var e = await Assert.ThrowsAsync<PostgresException>(async () => await new NpgsqlCommand(sql, c).ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
            }
        }
        finally
        {
            foreach (var app in _nodes) await app.DisposeAsync();
            _nodes.Clear();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient node, string path, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return node.SendAsync(request);
    }

    public void Dispose()
    {
        foreach (var app in _nodes) app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _db.Dispose();
        _db.Execute($"DROP ROLE IF EXISTS atlas_web_{_db.Name[^12..]}");
        _db.Execute($"DROP ROLE IF EXISTS atlas_cur_{_db.Name[^12..]}");
    }

    /// <summary>A TCP relay between the atlas and the test server, which can be cut and restored: a database that goes away and comes back.</summary>
    private sealed class TcpRelay : IDisposable
    {
        private readonly IPEndPoint _server;
        private TcpListener? _listener;
        private readonly List<TcpClient> _open = [];
        private readonly int _port;

        public string Spec { get; }

        public TcpRelay(NpgsqlConnectionStringBuilder target)
        {
            _server = new IPEndPoint(Dns.GetHostAddresses(target.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork), target.Port);
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            // a short connect time-out: a refused connection is the case under test, not a slow one
            Spec = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Host = "127.0.0.1", Port = _port, Timeout = 3 }.ConnectionString;
            Start();
        }

        public void Start()
        {
            _listener = new TcpListener(IPAddress.Loopback, _port);
            // the port again, though the cut connections linger on it (TIME_WAIT)
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = Accept(_listener);
        }

        private async Task Accept(TcpListener listener)
        {
            while (true)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                var server = new TcpClient();
                try { await server.ConnectAsync(_server); }
                catch (SocketException) { client.Dispose(); continue; }
                lock (_open) _open.AddRange([client, server]);
                _ = Pipe(client.GetStream(), server.GetStream());
                _ = Pipe(server.GetStream(), client.GetStream());
            }
        }

        private static async Task Pipe(Stream from, Stream to)
        {
            try { await from.CopyToAsync(to); }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        }

        public void Stop()
        {
            _listener?.Stop();
            lock (_open)
            {
                foreach (var c in _open) c.Dispose();
                _open.Clear();
            }
        }

        public void Dispose() => Stop();
    }
}
