using System.Globalization;
using System.Text.Json;
using Atlas.Curation;
using Atlas.Data;
using Atlas.Statbel;
using Atlas.Store;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Atlas.Postgres;

/// <summary>
/// The curated data on PostgreSQL: the same rows as the SQLite store (<see cref="CuratedRows"/>), written by binary
/// COPY in one transaction under an advisory lock (two nodes starting on new data seed it once; readers see the old
/// data until the commit), searched with the text-search configurations of <c>Migrations/0001_curated.sql</c>.
/// </summary>
public sealed class PostgresCuratedStore(NpgsqlDataSource db, string location) : ICuratedStore
{
    private const long SeedLock = 0x41746c6173536565;   // "AtlasSee"

    public string Location => location;

    public string? DataVersion
    {
        get
        {
            // one read on a pooled connection: every node looks at it once a second
            using var c = Connect();
            var meta = c.Query<(string Key, string Value)>("SELECT key, value FROM meta WHERE key = ANY(@keys)", new { keys = CuratedRows.VersionKeys })
                .ToDictionary(m => m.Key, m => m.Value);
            return CuratedRows.Version(meta);
        }
    }

    public string? SeededHash => Meta("data_hash");

    public ICurationStore Curation => new SqlCurationStore(Connect, serverLocks: true);

    public DateTimeOffset? SeededAt =>
        DateTimeOffset.TryParse(Meta("seeded_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public string? Meta(string key)
    {
        using var c = Connect();
        try { return c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key }); }
        catch (NpgsqlException e) when (e.IsTransient) { throw PostgresErrors.Unreachable(location, e); }
    }

    public NpgsqlConnection Connect()
    {
        try { return db.OpenConnection(); }
        catch (NpgsqlException e) { throw PostgresErrors.Unreachable(location, e); }
    }

    public bool Seed(AtlasData data, bool force = false)
    {
        if (!force && SeededHash == data.ContentHash) return false;
        using var c = Connect();
        using var tx = c.BeginTransaction();
        try
        {
            c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = SeedLock }, tx);
            // another node may have seeded this version while this one waited for the lock
            if (!force && c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'data_hash'", transaction: tx) == data.ContentHash) return false;
            // DELETE, not TRUNCATE: readers of the other nodes keep seeing the previous data until the commit
            data = CuratedRows.WithAccepted(data, SqlCurationStore.AcceptedChanges(c, tx));
            c.Execute("DELETE FROM entities; DELETE FROM facts; DELETE FROM search; DELETE FROM statbel_vat; DELETE FROM statbel_nace; DELETE FROM statbel_population;", transaction: tx);
            CopyCurated(c, data);
            if (data.Statbel is { } statbel) CopyStatbel(c, statbel);
            foreach (var (key, value) in CuratedRows.Meta(data))
                c.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key, value }, tx);
            tx.Commit();
        }
        catch (PostgresException e)
        {
            throw new StoreUnavailableException($"cannot write the database {location} ({e.MessageText}); its previous content is unchanged. " +
                "Check that this role may write the curated tables (the web role is read-only: seed with the import role, `atlas migrate`).", e);
        }
        return true;
    }

    private static void CopyCurated(NpgsqlConnection c, AtlasData data)
    {
        using (var w = c.BeginBinaryImport("COPY entities (id, type, kind, seq, document) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in CuratedRows.Entities(data))
            {
                w.StartRow();
                w.Write(e.Id, NpgsqlDbType.Text); w.Write(e.Type, NpgsqlDbType.Text); w.Write(e.Kind, NpgsqlDbType.Text);
                w.Write(e.Seq, NpgsqlDbType.Integer); w.Write(e.Document, NpgsqlDbType.Text);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("""
                   COPY facts (id, seq, subject_id, predicate, object_id, context, statement_fr, statement_nl, statement_en, value, unit,
                               qualifier, period, indicator, source_id, section, passage, url, "row", phrase, status, evidence, role,
                               note_fr, note_nl, note_en, file, line) FROM STDIN (FORMAT BINARY)
                   """))
        {
            foreach (var f in CuratedRows.Facts(data))
            {
                w.StartRow();
                Text(w, f.Id);
                w.Write(f.Seq, NpgsqlDbType.Bigint);
                foreach (var text in new[] { f.Subject, f.Predicate, f.Object, f.Context, f.Fr, f.Nl, f.En, f.Value, f.Unit, f.Qualifier, f.Period,
                                             f.Indicator, f.Source, f.Section, f.Passage, f.Url })
                    Text(w, text);
                if (f.Row is { } row) w.Write(row, NpgsqlDbType.Bigint); else w.WriteNull();
                foreach (var text in new[] { f.Phrase, f.Status, f.Evidence, f.Role, f.NoteFr, f.NoteNl, f.NoteEn, f.File }) Text(w, text);
                w.Write(f.Line, NpgsqlDbType.Bigint);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("COPY search (entity_id, fact_id, names, aliases, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in CuratedRows.Search(data))
            {
                w.StartRow();
                foreach (var text in new[] { s.EntityId, s.FactId, s.Names, s.Aliases, s.Body }) Text(w, text);
            }
            w.Complete();
        }
    }

    private static void CopyStatbel(NpgsqlConnection c, StatbelData data)
    {
        using (var w = c.BeginBinaryImport("COPY statbel_vat (seat, nace, enterprises, registrations, cessations) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in data.Vat)
            {
                w.StartRow();
                w.Write(row.Seat.ToString(), NpgsqlDbType.Text); w.Write(row.Nace, NpgsqlDbType.Text);
                w.Write(row.Figures.Enterprises, NpgsqlDbType.Integer); w.Write(row.Figures.Registrations, NpgsqlDbType.Integer);
                w.Write(row.Figures.Cessations, NpgsqlDbType.Integer);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("COPY statbel_nace (code, level, section, fr, nl, en) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var label in data.Labels.All)
            {
                w.StartRow();
                w.Write(label.Code, NpgsqlDbType.Text); w.Write((int)label.Level, NpgsqlDbType.Integer); w.Write(label.Section, NpgsqlDbType.Text);
                foreach (var lang in new[] { Model.Lang.Fr, Model.Lang.Nl, Model.Lang.En }) w.Write(label.Names.Exact(lang) ?? "", NpgsqlDbType.Text);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("COPY statbel_population (nis, year, inhabitants) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in data.Population.Municipalities)
            {
                w.StartRow();
                w.Write(m.Municipality.ToString(), NpgsqlDbType.Text); w.Write(m.Year, NpgsqlDbType.Integer); w.Write((long)m.Count, NpgsqlDbType.Bigint);
            }
            w.Complete();
        }
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value, NpgsqlDbType.Text);
    }

    public AtlasData Load()
    {
        using var c = Connect();
        var entities = c.Query<string>("SELECT document FROM entities ORDER BY seq").Select(EntityDocument.Read).ToList();
        var facts = LoadFacts().ToList();
        var meta = c.Query<(string Key, string Value)>("SELECT key, value FROM meta").ToDictionary(m => m.Key, m => m.Value);
        return CuratedRows.Data(entities, facts, meta);
    }

    public IReadOnlyList<Model.Fact> LoadFacts()
    {
        using var c = Connect();
        return c.Query<FactRow>($"SELECT {CuratedRows.FactColumns} FROM facts ORDER BY seq").Select(CuratedRows.ToFact).ToList();
    }

    public VatEnterprises? LoadVatEnterprises()
    {
        using var c = Connect();
        return StatbelStore.Read(c);
    }

    /// <summary>
    /// Each term matches in any of the four configurations (plain words, and French, Dutch and English stems), the last
    /// as a prefix when it has three letters or more; the terms are folded letters and digits and are passed as
    /// parameters, so no input is read as query syntax. Ranked by <c>ts_rank</c> with names above aliases above text.
    /// </summary>
    public IReadOnlyList<TextMatch> Match(IReadOnlyList<string> terms, bool all, int limit)
    {
        if (terms.Count == 0) return [];
        var parameters = new DynamicParameters(new { limit });
        var parts = terms.Select((t, i) =>
        {
            parameters.Add($"t{i}", i == terms.Count - 1 && t.Length >= 3 ? t + ":*" : t);
            return "(" + string.Join(" || ", new[] { "atlas_simple", "atlas_fr", "atlas_nl", "atlas_en" }.Select(cfg => $"to_tsquery('{cfg}', @t{i})")) + ")";
        });
        var query = string.Join(all ? " && " : " || ", parts);
        using var c = Connect();
        return c.Query<(string Entity, string? Fact, float Rank)>($"""
                SELECT entity_id, fact_id, ts_rank('{RankWeights}', document, q) AS rank
                FROM search, (SELECT {query} AS q) AS query
                WHERE document @@ q ORDER BY rank DESC, entity_id LIMIT @limit
                """, parameters)
            .Select(m => new TextMatch(m.Entity, m.Fact, m.Rank * RankScale)).ToList();
    }

    /// <summary>Weights of the text (D unused, C), aliases (B) and names (A): names 10, aliases 5, text 1, as the SQLite store's bm25.</summary>
    private const string RankWeights = "{0, 0.1, 0.5, 1}";

    /// <summary>ts_rank gives fractions where bm25 gives whole numbers; the search combines scores with fixed bonuses, so they are brought to bm25's range.</summary>
    private const double RankScale = 30;
}
