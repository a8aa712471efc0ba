using Atlas.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Atlas.Diagnostics;

namespace Atlas.Data;

/// <summary>
/// Reads one YAML data file keeping line numbers, so that every problem can be reported as <c>file:line</c>.
/// Typed accessors report what is missing or malformed and return null instead of throwing, so one run of the
/// validator lists every problem in a file.
/// </summary>
public sealed class YamlFile
{
    public string Name { get; }
    public YamlNode? Root { get; }
    private readonly List<Problem> _problems;
    private readonly SourcePosition? _standsAt;

    private YamlFile(string name, YamlNode? root, List<Problem> problems, SourcePosition? standsAt = null)
    {
        Name = name;
        Root = root;
        _problems = problems;
        _standsAt = standsAt;
    }

    /// <param name="name">The path shown in messages (relative to the repository, e.g. data/places.yaml).</param>
    /// <param name="standsAt">
    /// For a text kept apart from its file (an accepted change to an entity): the position its entry takes in the
    /// data, which <see cref="PositionOf"/> then gives instead of the line in the text.
    /// </param>
    public static YamlFile Parse(string name, string text, List<Problem> problems, SourcePosition? standsAt = null)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            if (root is null) problems.Add(new Problem(name, 1, "the file is empty: write a list of entries (see docs/data-format.md)"));
            return new YamlFile(name, root, problems, standsAt);
        }
        catch (YamlException e)
        {
            problems.Add(new Problem(name, (int)e.Start.Line, $"this is not valid YAML ({Clean(e.Message)}): check indentation and quote strings that contain ':' or '#'"));
            return new YamlFile(name, null, problems);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some malformed flow collections; the last event read tells where
            problems.Add(new Problem(name, parser.LastLine, "this is not valid YAML (an unclosed [ or {?): check brackets, indentation and quotes"));
            return new YamlFile(name, null, problems);
        }
    }

    /// <summary>Remembers where the parser was, to place errors that carry no position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;
        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;
        public bool MoveNext()
        {
            if (inner.Current is { } current) LastLine = (int)current.End.Line;
            return inner.MoveNext();
        }
    }

    private static string Clean(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>Where an entry stands in the data: its file and line (see the <c>standsAt</c> of <see cref="Parse"/>).</summary>
    public SourcePosition PositionOf(YamlNode entry) => _standsAt ?? new SourcePosition(Name, LineOf(entry));

    public void Report(YamlNode? node, string message) =>
        _problems.Add(new Problem(Name, node is null ? 0 : LineOf(node), message));

    public YamlMappingNode? AsMap(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Report(node, $"{what} must be a mapping of 'key: value' lines");
        return null;
    }

    public YamlSequenceNode? AsList(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode list) return list;
        Report(node, $"{what} must be a list (lines starting with '- ')");
        return null;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>Reports keys that the schema does not know, which are usually typos (sector: instead of sectors:).</summary>
    public void CheckKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var k = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(k))
                Report(key, $"{what} has an unknown field '{k}': the fields are {string.Join(", ", allowed)}");
        }
    }

    public string? Str(YamlMappingNode map, string key, string what, bool required = false)
    {
        var node = Get(map, key);
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            if (required) Report(map, $"{what} has no '{key}': add '{key}: ...'");
            return null;
        }
        if (node is YamlScalarNode s) return s.Value!.Trim();
        Report(node, $"'{key}' of {what} must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>Reads one value of a closed vocabulary (kind: city); reports any other value with the allowed ones.</summary>
    public T? Choice<T>(YamlMappingNode map, string key, string what, string label, bool required = false) where T : struct, Enum
    {
        var text = Str(map, key, what, required);
        if (text is null) return null;
        if (Slugs.TryParse<T>(text, out var value)) return value;
        Report(Get(map, key), $"'{text}' is not {label}: use one of {string.Join(", ", Slugs.All<T>())}");
        return null;
    }

    public IReadOnlyList<string> StrList(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        if (node is null) return [];
        if (node is YamlScalarNode { Value: null or "" or "~" }) return [];
        if (node is YamlScalarNode one) return [one.Value!.Trim()];
        if (node is not YamlSequenceNode list)
        {
            Report(node, $"'{key}' of {what} must be a list: [a, b]");
            return [];
        }
        var result = new List<string>();
        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v }) result.Add(v.Trim());
            else Report(item, $"each item of '{key}' of {what} must be a single value");
        }
        return result;
    }

    /// <summary>Reads <c>{fr: ..., nl: ..., en: ...}</c>; reports each missing required language.</summary>
    public Atlas.Model.LocalizedText Texts(YamlMappingNode map, string key, string what, params Atlas.Model.Lang[] required)
    {
        var text = new Atlas.Model.LocalizedText();
        var node = Get(map, key);
        if (node is null)
        {
            if (required.Length > 0)
                Report(map, $"{what} has no '{key}': add '{key}: {{{string.Join(", ", required.Select(l => l.Code() + ": ..."))}}}'");
            return text;
        }
        if (AsMap(node, $"'{key}' of {what}") is not { } m) return text;
        foreach (var (k, v) in m.Children)
        {
            var code = (k as YamlScalarNode)?.Value;
            if (!Atlas.Model.Langs.TryParse(code, out var lang) || code != lang.Code())
            {
                Report(k, $"'{code}' in '{key}' of {what} is not a language code: use fr, nl, en or de");
                continue;
            }
            if (v is YamlScalarNode { Value: { Length: > 0 } s }) text.Set(lang, s);
            else Report(v, $"'{key}.{code}' of {what} must be a non-empty text");
        }
        foreach (var lang in required)
        {
            if (text.Exact(lang) is null)
                Report(node, $"{what} has no '{key}.{lang.Code()}': every {key} needs {string.Join(", ", required.Select(l => l.Code()))}");
        }
        return text;
    }

    /// <summary>
    /// Reads a curator's note: <c>note: {fr: ..., nl: ..., en: ...}</c>, the three languages required, so that every
    /// page explains a data choice in its own language. An absent note is an empty text.
    /// </summary>
    public Atlas.Model.LocalizedText Note(YamlMappingNode map, string what)
    {
        var node = Get(map, "note");
        if (node is YamlScalarNode { Value: { Length: > 0 } })
        {
            Report(node, $"the note of {what} is in one language: write it in the three, note: {{fr: ..., nl: ..., en: ...}}");
            return new Atlas.Model.LocalizedText();
        }
        return node is null ? new Atlas.Model.LocalizedText()
            : Texts(map, "note", what, Atlas.Model.Lang.Fr, Atlas.Model.Lang.Nl, Atlas.Model.Lang.En);
    }
}
