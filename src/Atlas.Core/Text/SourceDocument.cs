namespace Atlas.Text;

public enum PassageKind { Heading, Paragraph, Bullet, TableHeader, TableRow }

/// <summary>One passage of a document: a heading, paragraph, bullet or table row, with its place in the text.</summary>
public sealed record Passage(string Section, PassageKind Kind, int Number, string Text, int Line)
{
    /// <summary>The label a locator uses: heading, paragraph 2, bullet 1, table row 3 (table headers have none).</summary>
    public string Label => Kind switch
    {
        PassageKind.Heading => "heading",
        PassageKind.Paragraph => $"paragraph {Number}",
        PassageKind.Bullet => $"bullet {Number}",
        PassageKind.TableRow => $"table row {Number}",
        _ => "table header",
    };

    /// <summary>Lines that only frame others: table headers and lead-ins that end with a colon ("Points forts :").</summary>
    public bool IsFraming => Kind == PassageKind.TableHeader || (Kind == PassageKind.Paragraph && Text.TrimEnd().EndsWith(':'));
}

/// <summary>
/// The structure of a plain-text document as the locators of facts name it. Blocks are runs of non-empty lines.
/// A one-line block that does not end with '.' or ':' is a heading and opens a section. In a section, lines starting
/// with '•' are bullets; inside a block, a non-bullet line directly followed by another non-bullet line is a table
/// header and the non-bullet lines after it are table rows; every other line is a paragraph. Each kind is numbered
/// from 1 within its section.
/// </summary>
public sealed class SourceDocument
{
    public IReadOnlyList<Passage> Passages { get; }
    public IReadOnlyList<Passage> Headings => Passages.Where(p => p.Kind == PassageKind.Heading).ToList();

    private SourceDocument(IReadOnlyList<Passage> passages) => Passages = passages;

    public static SourceDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<List<(string Text, int Line)>>();
        List<(string, int)>? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) { current = null; continue; }
            if (current is null) { current = []; blocks.Add(current); }
            current.Add((line, i + 1));
        }

        var passages = new List<Passage>();
        var section = "";
        var counts = new Dictionary<PassageKind, int>();
        int Next(PassageKind kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;

        foreach (var block in blocks)
        {
            if (block.Count == 1 && !IsBullet(block[0].Text) && !block[0].Text.EndsWith('.') && !block[0].Text.EndsWith(':'))
            {
                section = block[0].Text;
                counts.Clear();
                passages.Add(new Passage(section, PassageKind.Heading, 1, section, block[0].Line));
                continue;
            }
            var inTable = false;
            for (var i = 0; i < block.Count; i++)
            {
                var (line, lineNo) = block[i];
                if (IsBullet(line))
                {
                    inTable = false;
                    passages.Add(new Passage(section, PassageKind.Bullet, Next(PassageKind.Bullet), line.TrimStart('•', ' ').Trim(), lineNo));
                }
                else if (inTable)
                {
                    passages.Add(new Passage(section, PassageKind.TableRow, Next(PassageKind.TableRow), line, lineNo));
                }
                else if (i + 1 < block.Count && !IsBullet(block[i + 1].Text))
                {
                    inTable = true;
                    passages.Add(new Passage(section, PassageKind.TableHeader, Next(PassageKind.TableHeader), line, lineNo));
                }
                else
                {
                    passages.Add(new Passage(section, PassageKind.Paragraph, Next(PassageKind.Paragraph), line, lineNo));
                }
            }
        }
        return new SourceDocument(passages);
    }

    private static bool IsBullet(string line) => line.StartsWith('•');

    /// <summary>The heading of the section a locator names by the beginning of its heading ("3. Gand").</summary>
    public string? FindSection(string sectionStart)
    {
        var wanted = TextFolding.Normalise(sectionStart);
        var matches = Headings.Where(h => TextFolding.Normalise(h.Text).StartsWith(wanted, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0].Section : null;
    }

    public Passage? Find(string sectionStart, string label)
    {
        var section = FindSection(sectionStart);
        return section is null ? null : Passages.FirstOrDefault(p => p.Section == section && p.Label == label);
    }

    /// <summary>Whether a key phrase occurs in a passage, letter for letter (apostrophes and spaces unified).</summary>
    public static bool Contains(Passage passage, string phrase) =>
        TextFolding.Normalise(passage.Text).Contains(TextFolding.Normalise(phrase), StringComparison.Ordinal);
}
