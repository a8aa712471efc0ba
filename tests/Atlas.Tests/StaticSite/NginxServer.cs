using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Atlas.Tests.StaticSite;

/// <summary>
/// A real nginx (Debian's, installed by .ci/run) serving a static export with the example configuration of the docs
/// (docs/nginx-static.conf: only its port and root are set) on a free loopback port, as its own foreground process,
/// stopped when disposed. Without nginx the test is skipped with the reason (a failure in CI).
/// </summary>
public sealed class NginxServer : IDisposable
{
    public const string NginxEnv = "ATLAS_NGINX";
    private readonly Process _process;
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();

    public string BaseUrl { get; }

    public static string Binary => Environment.GetEnvironmentVariable(NginxEnv) is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    public static void Require() => Requires.Present(File.Exists(Binary),
        $"needs nginx: {Binary} is missing (install Debian's nginx, as .ci/run does, or point {NginxEnv} at an nginx binary)");

    public NginxServer(string root)
    {
        Require();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var site = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "nginx-static.conf"))
            .Replace("listen 8080;", $"listen 127.0.0.1:{port};").Replace("root /srv/atlas;", $"root {root};");
        var prefix = _dir.Path;
        // workers run as the user that starts nginx when it is not root; as root, as root (the export is in a private temporary folder)
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
            {{site}}
            }
            """);
        _process = Process.Start(new ProcessStartInfo(Binary, ["-c", Path.Combine(prefix, "nginx.conf"), "-p", prefix])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        WaitUntilListening(port);
    }

    private void WaitUntilListening(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"nginx stopped: {_process.StandardError.ReadToEnd()} {Log()}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new InvalidOperationException($"nginx did not listen on {port}: {Log()}");
    }

    public string Log() => File.Exists(Path.Combine(_dir.Path, "error.log")) ? File.ReadAllText(Path.Combine(_dir.Path, "error.log")) : "";

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(); }
        _process.Dispose();
        _dir.Dispose();
    }
}
