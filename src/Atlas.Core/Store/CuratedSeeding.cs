using System.Globalization;
using System.Text.Json;
using Atlas.Data;
using Atlas.Model;
using Dapper;
using Microsoft.Data.Sqlite;
using Atlas.Diagnostics;

namespace Atlas.Store;

/// <summary>How the curated data is written to the SQLite tables, and how a fact row is read back.</summary>
internal static class CuratedSeeding
{
    public static void Write(SqliteConnection c, SqliteTransaction tx, AtlasData data)
    {
        var byId = data.Entities.ToDictionary(e => e.Id);
        var seq = 0;
        foreach (var e in data.Entities)
        {
            c.Execute("INSERT INTO entities (id, type, kind, seq, document) VALUES ($id, $type, $kind, $seq, $document)",
                new { id = e.Id, type = Slugs.Of(e.Type), kind = e.Kind, seq = seq++, document = EntityDocument.Write(e) }, tx);
            c.Execute("INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES ($id, NULL, $names, $aliases, $body)",
                new
                {
                    id = e.Id,
                    names = string.Join(" | ", e.Names.All.Distinct()),
                    aliases = string.Join(" | ", e.Aliases),
                    body = string.Join(" | ", e.Description.All),
                }, tx);
        }
        seq = 0;
        foreach (var f in data.Facts)
        {
            var q = f.Quantity;
            c.Execute("""
                INSERT INTO facts (id, seq, subject_id, predicate, object_id, context, statement_fr, statement_nl, statement_en,
                                   value, unit, qualifier, period, indicator, source_id, section, passage, url, row, phrase, status,
                                   evidence, role, note_fr, note_nl, note_en, file, line)
                VALUES ($id, $seq, $subject, $predicate, $object, $context, $fr, $nl, $en,
                        $value, $unit, $qualifier, $period, $indicator, $source, $section, $passage, $url, $row, $phrase, $status,
                        $evidence, $role, $noteFr, $noteNl, $noteEn, $file, $line)
                """, new
            {
                id = f.Id, seq = seq++, subject = f.Subject, predicate = f.Predicate.Slug(), @object = f.Object,
                context = JsonSerializer.Serialize(f.Context),
                fr = f.Statement.Exact(Lang.Fr), nl = f.Statement.Exact(Lang.Nl), en = f.Statement.Exact(Lang.En),
                value = q?.Value.ToString(CultureInfo.InvariantCulture), unit = q?.Unit, qualifier = q?.Qualifier.Slug(),
                period = q?.Period?.ToString(), indicator = f.Indicator, source = f.Source,
                section = f.Locator.Section, passage = f.Locator.Passage, url = f.Locator.Url, row = f.Locator.Row, phrase = f.Locator.Phrase,
                status = Slugs.Of(f.Status), evidence = JsonSerializer.Serialize(f.Evidence), role = Slugs.Of(f.Role),
                noteFr = f.Note.Exact(Lang.Fr), noteNl = f.Note.Exact(Lang.Nl), noteEn = f.Note.Exact(Lang.En),
                file = f.Position.File, line = f.Position.Line,
            }, tx);
            // a fact is found by the words of its statements and by any name of what it is about
            var about = f.Entities.Skip(1).Where(byId.ContainsKey).Select(id => byId[id])
                .SelectMany(e => e.Names.All.Concat(e.Aliases)).Distinct();
            c.Execute("INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES ($id, $fact, '', $aliases, $body)",
                new
                {
                    id = f.Subject, fact = f.Id,
                    aliases = string.Join(" | ", about),
                    body = string.Join(" | ", f.Statement.All.Append(f.Locator.Phrase)),
                }, tx);
        }
    }

    public const string SelectFacts = """
        SELECT id, subject_id AS Subject, predicate, object_id AS Object, context, statement_fr AS Fr, statement_nl AS Nl,
               statement_en AS En, value, unit, qualifier, period, indicator, source_id AS Source, section, passage, url, row,
               phrase, status, evidence, role, note_fr AS NoteFr, note_nl AS NoteNl, note_en AS NoteEn, file, line
        FROM facts ORDER BY seq
        """;

    public sealed record FactRow(string Id, string Subject, string Predicate, string? Object, string Context, string? Fr, string? Nl, string? En,
        string? Value, string? Unit, string? Qualifier, string? Period, string? Indicator, string Source, string? Section, string? Passage,
        string? Url, long? Row, string Phrase, string Status, string Evidence, string Role, string? NoteFr, string? NoteNl, string? NoteEn,
        string File, long Line);

    public static Fact ToFact(FactRow r)
    {
        static LocalizedText Texts(string? fr, string? nl, string? en)
        {
            var text = new LocalizedText();
            foreach (var (lang, value) in new[] { (Lang.Fr, fr), (Lang.Nl, nl), (Lang.En, en) })
                if (value is not null) text.Set(lang, value);
            return text;
        }
        Slugs.TryParse<Predicate>(r.Predicate, out var predicate);
        Slugs.TryParse<FactStatus>(r.Status, out var status);
        Slugs.TryParse<FactRole>(r.Role, out var role);
        Quantity? quantity = null;
        if (r.Value is not null)
        {
            Qualifiers.TryParse(r.Qualifier, out var qualifier);
            quantity = new Quantity(decimal.Parse(r.Value, CultureInfo.InvariantCulture), r.Unit ?? "", qualifier,
                r.Period is null ? null : Model.Period.Parse(r.Period));
        }
        return new Fact
        {
            Id = r.Id, Subject = r.Subject, Predicate = predicate, Object = r.Object,
            Context = JsonSerializer.Deserialize<List<string>>(r.Context) ?? [], Statement = Texts(r.Fr, r.Nl, r.En),
            Quantity = quantity, Indicator = r.Indicator, Source = r.Source,
            Locator = new Locator(r.Section, r.Passage, r.Phrase) { Url = r.Url, Row = (int?)r.Row },
            Status = status, Evidence = JsonSerializer.Deserialize<List<string>>(r.Evidence) ?? [], Role = role,
            Note = Texts(r.NoteFr, r.NoteNl, r.NoteEn),
            Position = new SourcePosition(r.File, (int)r.Line),
        };
    }
}
