using Atlas.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

/// <summary>How the curated data's rows (<see cref="CuratedRows"/>) are written to the SQLite tables.</summary>
internal static class CuratedSeeding
{
    public static void Write(SqliteConnection c, SqliteTransaction tx, AtlasData data)
    {
        c.Execute("INSERT INTO entities (id, type, kind, seq, document) VALUES (@Id, @Type, @Kind, @Seq, @Document)", CuratedRows.Entities(data), tx);
        c.Execute("""
            INSERT INTO facts (id, seq, subject_id, predicate, object_id, context, statement_fr, statement_nl, statement_en,
                               value, unit, qualifier, period, indicator, source_id, section, passage, url, row, phrase, status,
                               evidence, role, note_fr, note_nl, note_en, file, line)
            VALUES (@Id, @Seq, @Subject, @Predicate, @Object, @Context, @Fr, @Nl, @En,
                    @Value, @Unit, @Qualifier, @Period, @Indicator, @Source, @Section, @Passage, @Url, @Row, @Phrase, @Status,
                    @Evidence, @Role, @NoteFr, @NoteNl, @NoteEn, @File, @Line)
            """, CuratedRows.Facts(data), tx);
        c.Execute("INSERT INTO search (entity_id, fact_id, names, aliases, body) VALUES (@EntityId, @FactId, @Names, @Aliases, @Body)",
            CuratedRows.Search(data), tx);
    }
}
