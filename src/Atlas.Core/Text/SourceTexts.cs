namespace Atlas.Text;

/// <summary>
/// Where the full texts of the document sources are read from, to check every key phrase against its passage. They
/// are third parties' texts, so the repository does not carry them: the atlas reads them from a folder the user
/// names, or from <c>../shared/seed</c> beside the clone it runs in.
/// </summary>
public static class SourceTexts
{
    public const string Env = "ATLAS_SOURCES";

    /// <summary>
    /// The folder given, else <c>ATLAS_SOURCES</c>, else <c>../shared/seed</c> beside the repository that holds the
    /// current folder (found by its Atlas.sln); null when none of these exists.
    /// </summary>
    public static string? Find(string? given = null)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Path.GetFullPath(given);
        if (Environment.GetEnvironmentVariable(Env) is { Length: > 0 } env) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) continue;
            var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seed"));
            return Directory.Exists(beside) ? beside : null;
        }
        return null;
    }
}
