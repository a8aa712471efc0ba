using System.Security.Cryptography;

namespace Atlas.Web.StaticSite;

/// <summary>What an export did to its folder.</summary>
public sealed record WriteReport(int Files, int Written, int Unchanged, int Removed);

/// <summary>
/// Writes an export into its folder by content hash: a file whose content is the one the last export wrote is left
/// alone (same bytes, same modification time, so rsync or a CDN upload sends only what changed), a changed file is
/// replaced atomically, and a file the last export wrote that is no longer part of the site is removed. Files the
/// atlas did not write are never touched.
/// </summary>
public static class SiteWriter
{
    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content))[..32];

    /// <param name="rendered">the files rendered by this export</param>
    /// <param name="kept">the files of the last export kept as they are (not rendered again), with their hashes</param>
    /// <param name="previous">every file of the last export with its hash</param>
    /// <returns>the report and the hash of every file of the site now</returns>
    public static (WriteReport Report, Dictionary<string, string> Hashes) Write(string folder, IReadOnlyDictionary<string, byte[]> rendered,
        IReadOnlyDictionary<string, string> kept, IReadOnlyDictionary<string, string> previous)
    {
        Directory.CreateDirectory(folder);
        var hashes = new Dictionary<string, string>(kept, StringComparer.Ordinal);
        int written = 0, unchanged = 0, removed = 0;
        foreach (var (name, content) in rendered)
        {
            var hash = Hash(content);
            hashes[name] = hash;
            var path = Path.Combine(folder, name);
            if (previous.GetValueOrDefault(name) == hash && new FileInfo(path) is { Exists: true } info && info.Length == content.Length)
            {
                unchanged++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".atlas-tmp";
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
            written++;
        }
        foreach (var gone in previous.Keys.Where(k => !hashes.ContainsKey(k)))
        {
            var path = Path.Combine(folder, gone);
            if (File.Exists(path)) { File.Delete(path); removed++; }
        }
        return (new WriteReport(hashes.Count, written, unchanged + kept.Count, removed), hashes);
    }
}
