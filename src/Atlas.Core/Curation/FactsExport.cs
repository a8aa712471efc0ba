using Atlas.Model;

namespace Atlas.Curation;

/// <summary>
/// The curated facts written back in the data files' format (<c>facts/*.yaml</c>), one file per file they came from
/// and <c>curated.yaml</c> for the facts added in the atlas, so that a team reviews the changes in git and the
/// files seed the same facts again.
/// </summary>
public static class FactsExport
{
    /// <summary>Writes the facts into <paramref name="folder"/>, in their order; returns the files written.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<Fact> facts, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var file in facts.GroupBy(f => Path.GetFileName(f.Position.File)))
        {
            using var w = new StreamWriter(Path.Combine(folder, file.Key), false, new System.Text.UTF8Encoding(false));
            w.Write("# Written by `atlas export facts --format yaml` from the curated state of the atlas.\nfacts:\n");
            foreach (var fact in file)
            {
                var lines = FactYaml.Of(fact).TrimEnd('\n').Split('\n');
                w.Write("  - " + lines[0] + "\n");
                foreach (var line in lines.Skip(1)) w.Write("    " + line + "\n");
                w.Write("\n");
            }
            written.Add(Path.Combine(folder, file.Key));
        }
        return written;
    }
}
