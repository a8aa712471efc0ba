using Atlas.Data;
using Atlas.Model;

namespace Atlas.Curation;

/// <summary>
/// The curated state written back in the data files' format, so that a team reviews the changes made in the atlas in
/// git and the files seed the same data again: the facts (<c>facts/*.yaml</c>, one file per file they came from and
/// <c>curated.yaml</c> for the facts added in the atlas) and the curated entities (<c>organisations.yaml</c>,
/// <c>sources.yaml</c> …, each in the order of its file, the entities added in the atlas last).
/// </summary>
public static class CuratedExport
{
    /// <summary>Writes the facts into <paramref name="folder"/>, in their order; returns the files written.</summary>
    public static IReadOnlyList<string> Facts(IEnumerable<Fact> facts, string folder) =>
        Write(folder, facts.GroupBy(f => Path.GetFileName(f.Position.File)).Select(file =>
            (file.Key, "facts:\n", file.Select(f => FactYaml.Of(f)), "  ")));

    /// <summary>
    /// Writes the entities kept in curated data files into <paramref name="folder"/> (a data folder: the municipalities of
    /// the reference files are not written), one file per type; returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Entities(IEnumerable<Entity> entities, string folder) =>
        Write(folder, entities.Where(EntityYaml.IsCurated).Select((e, order) => (Entity: e, Order: order))
            .GroupBy(x => x.Entity.Type).OrderBy(g => g.Key)
            .Select(g => (DataLoader.FileOf(g.Key), "", g.OrderBy(x => x.Entity.Position.Line).ThenBy(x => x.Order).Select(x => EntityYaml.Of(x.Entity).Yaml), "")));

    private static IReadOnlyList<string> Write(string folder, IEnumerable<(string File, string Top, IEnumerable<string> Entries, string Indent)> files)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var (file, top, entries, indent) in files)
        {
            var path = Path.Combine(folder, file);
            using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
            w.Write("# Written by `atlas export` from the curated state of the atlas.\n" + top);
            foreach (var yaml in entries)
            {
                var lines = yaml.TrimEnd('\n').Split('\n');
                w.Write($"{indent}- {lines[0]}\n");
                foreach (var line in lines.Skip(1)) w.Write($"{indent}  {line}\n");
                w.Write("\n");
            }
            written.Add(path);
        }
        return written;
    }
}
