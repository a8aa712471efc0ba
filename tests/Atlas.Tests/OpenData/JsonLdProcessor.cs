using System.Diagnostics;

namespace Atlas.Tests.OpenData;

/// <summary>One RDF statement of an N-Quads line: subject, predicate, object (an IRI in &lt;&gt;, a blank node, or a literal as written).</summary>
public sealed record Quad(string Subject, string Predicate, string Object);

/// <summary>
/// A real JSON-LD processor, jsonld.js (the npm package jsonld, pinned in tests/jsonld/package-lock.json and installed by
/// <c>npm ci --prefix tests/jsonld</c>, which .ci/run does), run through Node to turn a document into N-Quads. The
/// tests then look for the triples a linked-data user relies on. Without Node or the package the test is skipped
/// with the reason (a failure in CI).
/// </summary>
public static class JsonLdProcessor
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "jsonld");

    private static string? Node() =>
        Environment.GetEnvironmentVariable("ATLAS_NODE") is { Length: > 0 } node ? node
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);

    public static void Require() => Requires.Present(Node() is not null && Directory.Exists(Path.Combine(Folder, "node_modules", "jsonld")),
        $"needs Node.js and the JSON-LD processor jsonld.js: install Node 20, then run `npm ci --prefix tests/jsonld` (offline after that)");

    /// <summary>The document's RDF, its relative identifiers resolved against <paramref name="address"/>.</summary>
    public static async Task<IReadOnlyList<Quad>> ToQuads(string json, string address)
    {
        Require();
        var start = new ProcessStartInfo(Node()!, [Path.Combine(Folder, "to-nquads.mjs"), address])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"jsonld.js could not read the document: {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }

    private static Quad Parse(string line)
    {
        var first = line.IndexOf(' ');
        var second = line.IndexOf(' ', first + 1);
        var rest = line[(second + 1)..].TrimEnd();
        return new Quad(line[..first], line[(first + 1)..second], rest[..^2].TrimEnd());
    }
}
