namespace Atlas.Tests;

/// <summary>Where the repository's data and the shared reference files are, from the test's working folder.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string DataDir => Path.Combine(RepoRoot, "data");

    /// <summary>Reference files and published results the tests compare with, with their provenance (MANIFEST.md there).</summary>
    public static string FixturesDir => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>The shared folder beside the repository (../shared), where the source article is by default.</summary>
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>
    /// The folder holding the source article's text, which the repository does not carry: ATLAS_SOURCES, else
    /// ../shared/seed. Tests that read it call <see cref="Requires.Article"/> first.
    /// </summary>
    public static string SeedDir => Environment.GetEnvironmentVariable(Atlas.Text.SourceTexts.Env) is { Length: > 0 } env
        ? Path.GetFullPath(env)
        : Path.Combine(SharedDir, "seed");

    public static string ArticlePath => Path.Combine(SeedDir, "article-7-villes-belges-innovation-industrielle.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Atlas.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary folder, removed when disposed.</summary>
    public static TempDir Temp() => new();

    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("atlas-test-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Copies the data folder so a test can break it without touching the real one.</summary>
    public static void CopyData(string target)
    {
        foreach (var file in Directory.GetFiles(DataDir, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(DataDir, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            System.IO.File.Copy(file, dest);
        }
    }
}
