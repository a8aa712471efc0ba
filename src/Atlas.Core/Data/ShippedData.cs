using System.Security.Cryptography;

namespace Atlas.Data;

/// <summary>
/// The data files built into the atlas: the repository's <c>data/</c> folder as it was at build time, embedded in
/// this assembly, so that an installed <c>atlas</c> needs no clone. The loader reads folders, so the files are written
/// out once to a folder named by their content hash: a later start with the same build finds it and writes nothing,
/// a build with other data gets a folder of its own, and a folder is never seen half-written (it is moved in place).
/// </summary>
public static class ShippedData
{
    private const string Prefix = "data/";

    /// <summary>The folder holding the shipped data files, written out on first use.</summary>
    public static string Folder() => _folder ??= Extract();
    private static string? _folder;

    private static string Extract()
    {
        var assembly = typeof(ShippedData).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return (Path: name[Prefix.Length..], Bytes: memory.ToArray());
            }).ToList();
        if (files.Count == 0) throw new InvalidOperationException("this build of the atlas carries no data files: point it at a data folder (ATLAS_DATA)");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(bytes);
        }
        var folder = Path.Combine(BaseFolder(), "data-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
        if (Directory.Exists(folder)) return folder;

        var staging = folder + ".tmp-" + Environment.ProcessId;
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(staging, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // another process wrote the same files first
            Directory.Delete(staging, recursive: true);
        }
        return folder;
    }

    /// <summary>Beside the default database (the user's local data folder), else the temporary folder.</summary>
    private static string BaseFolder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        foreach (var candidate in new[] { local, Path.GetTempPath() })
        {
            if (string.IsNullOrEmpty(candidate)) continue;
            var dir = Path.Combine(candidate, "belgian-innovation-atlas");
            try
            {
                Directory.CreateDirectory(dir);
                return dir;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        throw new IOException("cannot write the shipped data files anywhere: point the atlas at a data folder (ATLAS_DATA)");
    }
}
