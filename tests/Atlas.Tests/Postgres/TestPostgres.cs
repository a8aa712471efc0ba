using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Atlas.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the server-store tests use: the one <see cref="Requires.PostgresEnv"/> names when it is set;
/// otherwise, when Debian's postgresql package is installed, a throwaway cluster this test run starts on a free port
/// of the loopback with <c>tools/pg-test-cluster.sh</c> and deletes when it ends — so that a plain <c>dotnet test</c>
/// runs them wherever PostgreSQL is installed; otherwise none (the tests then skip with the reason).
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string?> Server = new(Find);

    /// <summary>A connection string of a role that may create databases, or null.</summary>
    public static string? Spec => Server.Value;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Requires.PostgresEnv) is { Length: > 0 } spec) return spec;
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")));
        return installed ? StartCluster() : null;
    }

    private const string Prefix = "atlas-test-pg-";

    private static string StartCluster()
    {
        // the test host is not always given time to run its exit handlers: a cluster whose run has ended goes now
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            if (int.TryParse(Path.GetFileName(stale)[Prefix.Length..], out var pid) && !Running(pid)) Cluster("stop", stale, 0);
        var dir = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);
        var started = Cluster("start", dir, FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cluster("stop", dir, 0);
        return started;
    }

    private static bool Running(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Runs the script; its last line of output (the connection string, for start).</summary>
    private static string Cluster(string action, string dir, int port)
    {
        var script = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepoRoot, "tools", "pg-test-cluster.sh"), action, dir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ATLAS_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var process = Process.Start(script)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tools/pg-test-cluster.sh {action} {dir} failed ({process.ExitCode}): {errors}");
        return output.Trim().Split('\n')[^1];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
