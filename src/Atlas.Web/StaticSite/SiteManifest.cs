using System.Text.Json;
using System.Text.Json.Serialization;

namespace Atlas.Web.StaticSite;

/// <summary>One address of the site as the last export wrote it: its file and the ids of the entities and facts it mentions.</summary>
public sealed record ManifestResource(string File, IReadOnlyList<string> Mentions);

/// <summary>
/// What the last export of a folder wrote (<c>.atlas-export.json</c>): the build, options and data versions it was made from
/// (the curated data's, and those of the register and the series together),
/// the hash of every file, every address with what it mentions, and a fingerprint of every entity and fact. The next
/// export compares them to know what to render again (<see cref="SiteChanges"/>) and what to write.
/// </summary>
public sealed record SiteManifest(string Build, string DataVersion, string? SourcesVersion,
    IReadOnlyDictionary<string, string> Files, IReadOnlyDictionary<string, ManifestResource> Resources, IReadOnlyDictionary<string, string> Items)
{
    public const string FileName = ".atlas-export.json";

    public static SiteManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestContext.Default.SiteManifest); }
        catch (JsonException) { return null; } // an unreadable manifest only costs a full export
    }

    public void Write(string folder) =>
        File.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, ManifestContext.Default.SiteManifest));
}

[JsonSerializable(typeof(SiteManifest))]
internal sealed partial class ManifestContext : JsonSerializerContext;
