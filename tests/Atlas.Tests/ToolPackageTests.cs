using System.Diagnostics;
using System.Net.Http;

namespace Atlas.Tests;

/// <summary>
/// For people who only want to use the atlas: `dotnet pack` makes a .NET tool with the data built in, which installs
/// and runs in an empty folder, with no clone and an empty home directory.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_and_serves_gets_and_validates_from_an_empty_folder()
    {
        using var dir = TestPaths.Temp();
        var (nupkg, tools, empty, home) = (dir.File("nupkg"), dir.File("tools"), dir.File("empty"), dir.File("home"));
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(home);

        // Release, so the Debug build this test runs from is left alone
        await Dotnet(TestPaths.RepoRoot, "pack", Path.Combine("src", "Atlas.Cli", "Atlas.Cli.csproj"), "-c", "Release", "--no-restore", "-o", nupkg);
        Assert.Single(Directory.GetFiles(nupkg, "Atlas.Cli.*.nupkg"));
        await Dotnet(empty, "tool", "install", "Atlas.Cli", "--tool-path", tools, "--add-source", nupkg);
        var atlas = Path.Combine(tools, "atlas");

        var (code, stdout, stderr) = await Run(atlas, empty, home, "get", "/api/places/Gand?lang=en");
        Assert.True(code == 0, stderr);
        Assert.Contains("\"id\":\"ghent\"", stdout);
        Assert.Contains("\"label\":\"Ghent\"", stdout);
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "belgian-innovation-atlas", "atlas.db")), "the database goes to the user's data folder");

        (code, stdout, stderr) = await Run(atlas, empty, home, "validate");
        Assert.True(code == 0, stderr);
        Assert.Contains("OK:", stdout);
        Assert.Contains("key phrases NOT checked", stdout);
        Assert.Contains("ATLAS_SOURCES", stdout);

        var port = FreePort();
        using var serve = Start(atlas, empty, home, "serve", "--port", port.ToString());
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            string? body = null;
            for (var i = 0; i < 300 && body is null && !serve.HasExited; i++)
            {
                try { body = await http.GetStringAsync("/api/places/ghent"); }
                catch (HttpRequestException) { await Task.Delay(100); }
            }
            Assert.NotNull(body);
            Assert.Contains("\"id\":\"ghent\"", body);
            // the page's stylesheet, fingerprinted and precompressed, comes with the tool
            var page = await http.GetStringAsync("/en/places/ghent");
            var css = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/assets/atlas\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
            Assert.NotEmpty(css);
            using var response = await http.GetAsync(css);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{await output}\n{await errors}");
    }

    private static async Task<(int Code, string Out, string Err)> Run(string atlas, string cwd, string home, params string[] args)
    {
        using var process = Start(atlas, cwd, home, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>The installed tool, as a user with an empty home directory and no clone around would run it.</summary>
    private static Process Start(string atlas, string cwd, string home, params string[] args)
    {
        var start = new ProcessStartInfo(atlas) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_DATA_HOME");
        foreach (var name in new[] { "ATLAS_DATA", "ATLAS_DB", Atlas.Text.SourceTexts.Env, "ASPNETCORE_URLS" }) start.Environment.Remove(name);
        // the tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not where it looks by default
        if (Path.GetDirectoryName(Environment.ProcessPath) is { } root && File.Exists(Path.Combine(root, "dotnet")))
            start.Environment["DOTNET_ROOT"] = root;
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
