using Atlas.Diagnostics;
using Atlas.Model;
using YamlDotNet.RepresentationModel;

namespace Atlas.Data;

/// <summary>
/// Reads one fact of a facts file: its statement, source, locator (checked for shape here, against its source's kind
/// by the validator), quantity, status and role; every problem is reported at its line.
/// </summary>
internal static class FactReader
{
    public static Fact? Read(YamlFile f, YamlMappingNode m, string? defaultSource)
    {
        var what = DataLoader.What(m, "fact");
        f.CheckKeys(m, what, "id", "subject", "predicate", "object", "context", "statement", "quantity", "indicator",
            "source", "locator", "status", "evidence", "role", "note");
        var id = DataLoader.ReadId(f, m, "fact");
        var subject = f.Str(m, "subject", what, required: true);
        var predicate = f.Choice<Predicate>(m, "predicate", what, "a predicate", required: true);
        var statement = f.Texts(m, "statement", what, Lang.Fr, Lang.Nl, Lang.En);
        var source = f.Str(m, "source", what) ?? defaultSource;
        if (source is null) f.Report(m, $"{what} has no source: add 'source: <source id>' to the fact or at the top of the file");

        Locator? locator = null;
        var locNode = YamlFile.Get(m, "locator");
        if (locNode is null) f.Report(m, $"{what} has no locator: add 'locator: {{section: ..., passage: ..., phrase: ...}}'");
        else if (f.AsMap(locNode, $"the locator of {what}") is { } lm)
        {
            // a document's section and passage, a web page's url or a data set's row: which ones fit the source is
            // checked by the validator (SourceRules), which knows the source's kind
            f.CheckKeys(lm, "a locator", "section", "passage", "url", "row", "phrase");
            var section = f.Str(lm, "section", $"the locator of {what}");
            var passage = f.Str(lm, "passage", $"the locator of {what}");
            var url = f.Str(lm, "url", $"the locator of {what}");
            var rowText = f.Str(lm, "row", $"the locator of {what}");
            var phrase = f.Str(lm, "phrase", $"the locator of {what}", required: true);
            int? row = null;
            if (rowText is not null)
            {
                if (int.TryParse(rowText, out var r) && r > 0) row = r;
                else f.Report(YamlFile.Get(lm, "row"), $"'{rowText}' is not a row: write the line number in the data set's file (1 is the first line)");
            }
            if (section is null && url is null && row is null)
                f.Report(lm, $"the locator of {what} says neither where in a document (section, passage), nor which page (url), nor which row (row)");
            if (section is not null && passage is null)
                f.Report(lm, $"the locator of {what} has a section but no 'passage': add 'passage: ...'");
            if (passage is not null && !PassageLabel.IsValid(passage))
                f.Report(YamlFile.Get(lm, "passage"), $"'{passage}' is not a passage: write heading, paragraph N, bullet N or table row N");
            DataLoader.CheckUrl(f, lm, "url", url);
            if (phrase is not null && phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > Validator.MaxPhraseWords)
                f.Report(YamlFile.Get(lm, "phrase"), $"the key phrase has more than {Validator.MaxPhraseWords} words: cite a shorter verbatim phrase");
            if (phrase is not null) locator = new Locator(section, passage, phrase) { Url = url, Row = row };
        }

        Quantity? quantity = null;
        if (YamlFile.Get(m, "quantity") is { } qNode && f.AsMap(qNode, $"the quantity of {what}") is { } qm)
            quantity = ReadQuantity(f, qm, what);

        var status = f.Choice<FactStatus>(m, "status", what, "a status") ?? FactStatus.Asserted;
        var role = f.Choice<FactRole>(m, "role", what, "a role") ?? FactRole.Claim;

        if (id is null || subject is null || predicate is null || source is null || locator is null) return null;
        return new Fact
        {
            Id = id, Subject = subject, Predicate = predicate.Value, Object = f.Str(m, "object", what),
            Context = f.StrList(m, "context", what), Statement = statement, Quantity = quantity,
            Indicator = f.Str(m, "indicator", what), Source = source, Locator = locator, Status = status,
            Evidence = f.StrList(m, "evidence", what), Role = role,
            Note = f.Note(m, what), Position = new SourcePosition(f.Name, YamlFile.LineOf(m)),
        };
    }

    private static Quantity? ReadQuantity(YamlFile f, YamlMappingNode qm, string what)
    {
        var w = $"the quantity of {what}";
        f.CheckKeys(qm, "a quantity", "value", "unit", "qualifier", "period");
        var valueText = f.Str(qm, "value", w, required: true);
        var unit = f.Str(qm, "unit", w, required: true);
        decimal value = 0;
        var ok = valueText is not null;
        if (valueText is not null && !decimal.TryParse(valueText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            f.Report(YamlFile.Get(qm, "value"), $"'{valueText}' is not a number: write it with a dot for decimals (-7.3)");
            ok = false;
        }
        var qualifierText = f.Str(qm, "qualifier", w) ?? "exact";
        if (!Qualifiers.TryParse(qualifierText, out var qualifier))
        {
            f.Report(YamlFile.Get(qm, "qualifier"), $"'{qualifierText}' is not a qualifier: use one of {string.Join(", ", Qualifiers.Slugs)}");
            ok = false;
        }
        Period? period = null;
        if (f.Str(qm, "period", w) is { } periodText)
        {
            if (Period.TryParse(periodText, out var p, out var err)) period = p;
            else { f.Report(YamlFile.Get(qm, "period"), err + "; quote it (\"2025-05\")"); ok = false; }
        }
        return ok && unit is not null ? new Quantity(value, unit, qualifier, period) : null;
    }
}
