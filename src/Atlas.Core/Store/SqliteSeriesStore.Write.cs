using Atlas.Series;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Atlas.Store;

public sealed partial class SqliteSeriesStore
{
    private sealed record Current(double? Value, string? Status, long Vintage);

    public WriteOutcome Write(IReadOnlyList<SeriesWrite> series, VintageInput vintage)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        try
        {
            var outcome = WriteIn(c, tx, series, vintage);
            if (outcome.Vintage is null) tx.Rollback();
            else tx.Commit();
            return outcome;
        }
        catch (SqliteException e)
        {
            tx.Rollback();
            throw new StoreUnavailableException($"cannot write the series file {Location} ({e.Message}); nothing was imported and it is as it was. Check the disk space and that the file is writable.", e);
        }
    }

    private WriteOutcome WriteIn(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<SeriesWrite> series, VintageInput input)
    {
        long id;
        using (var ins = Command(c, tx, """
            INSERT INTO vintages (source, fetched_at, imported_at, content_hash, notes) VALUES ($s, $f, $i, $h, $n) RETURNING id
            """, ("$s", input.Source), ("$f", input.FetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("$i", input.ImportedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$h", input.ContentHash),
            ("$n", JsonSerializer.Serialize(input.Notes))))
            id = Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
        var fetched = new Dictionary<long, DateTimeOffset>();
        using (var all = Command(c, tx, "SELECT id, fetched_at FROM vintages"))
        using (var r = all.ExecuteReader())
            while (r.Read()) fetched[r.GetInt64(0)] = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture);

        using var find = Command(c, tx, "SELECT no FROM series WHERE id = $id", ("$id", ""));
        using var current = Command(c, tx, "SELECT period, value, status, vintage FROM observations WHERE series = $no", ("$no", 0L));
        find.Prepare();
        current.Prepare();
        // the rows themselves through SQLite's C interface: 100,000 values bind without boxing
        using var insertObs = new FastStatement(c, "INSERT INTO observations (series, period, value, status, attributes, vintage) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        using var updateObs = new FastStatement(c, "UPDATE observations SET value = ?3, status = ?4, attributes = ?5, vintage = ?6 WHERE series = ?1 AND period = ?2");
        using var deleteObs = new FastStatement(c, "DELETE FROM observations WHERE series = ?1 AND period = ?2");
        using var history = new FastStatement(c, "INSERT OR REPLACE INTO revisions (series, period, value, status, vintage, replaced_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        int newSeries = 0, added = 0, revised = 0, unchanged = 0, deleted = 0;

        foreach (var (d, observations) in series)
        {
            var values = new Dictionary<string, Current>(StringComparer.Ordinal);
            find.Parameters[0].Value = d.Id;
            var existing = find.ExecuteScalar() as long?;
            var isNew = existing is null;
            var no = existing ?? Insert(c, tx, d, id);
            if (isNew) newSeries++;
            else
            {
                current.Parameters[0].Value = no;
                using var r = current.ExecuteReader();
                while (r.Read()) values[r.GetString(0)] = new Current(r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3));
            }
            var changes = 0;
            foreach (var o in observations)
            {
                var period = o.Period.ToString();
                var attrs = o.Attributes is null ? null : JsonSerializer.Serialize(o.Attributes);
                var was = values.GetValueOrDefault(period);
                if (o.Action == ObsAction.Delete)
                {
                    if (was is null) continue;
                    History(history, no, period, was.Value, was.Status, was.Vintage, id);
                    deleteObs.Int(1, no);
                    deleteObs.Text(2, period);
                    Run(deleteObs);
                    deleted++;
                }
                else if (was is null)
                {
                    Value(insertObs, no, period, o.Value, o.Status, attrs, id);
                    added++;
                }
                else if (was.Value == o.Value && was.Status == o.Status)
                {
                    unchanged++;
                    continue;
                }
                else if (input.FetchedAt >= fetched[was.Vintage])
                {
                    // a newer reading: the value it replaces becomes history
                    History(history, no, period, was.Value, was.Status, was.Vintage, id);
                    Value(updateObs, no, period, o.Value, o.Status, attrs, id);
                    revised++;
                }
                else
                {
                    // an older reading imported late: it is history, the newer value stays current
                    History(history, no, period, o.Value, o.Status, id, was.Vintage);
                    revised++;
                }
                changes++;
            }
            if (isNew || changes > 0) Update(c, tx, d, no, id);
        }
        if (newSeries + added + revised + deleted == 0) return new WriteOutcome(null, 0, 0, 0, unchanged, 0);
        var vintage = new Vintage(id, input.Source, input.FetchedAt, input.ImportedAt, input.Notes);
        return new WriteOutcome(vintage, newSeries, added, revised, unchanged, deleted);
    }

    /// <summary>A new series: what it is; returns its number.</summary>
    private static long Insert(SqliteConnection c, SqliteTransaction tx, SeriesDescriptor d, long vintage)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO series (id, agency, flow, flow_version, series_key, name, frequency, adjustment, unit_code, unit_kind, base_year,
                                concept, geo, activity, dimensions, attributes, first_vintage, last_vintage)
            VALUES ($id, $agency, $flow, $version, $key, $name, $freq, $adj, $unit, $kind, $base, $concept, $geo, $activity, $dims, $attrs, $vin, $vin)
            RETURNING no
            """,
            ("$id", d.Id), ("$agency", d.Dataflow.Agency), ("$flow", d.Dataflow.Id), ("$version", d.Dataflow.Version), ("$key", d.Key),
            ("$name", d.Name), ("$freq", d.Frequency.Code()), ("$adj", d.Adjustment.ToString()), ("$unit", d.Unit.Code),
            ("$kind", d.Unit.Kind.ToString()), ("$base", d.Unit.BaseYear), ("$concept", d.Concept), ("$geo", d.Geo), ("$activity", d.Activity),
            ("$dims", JsonSerializer.Serialize(d.Dimensions.Select(p => new[] { p.Key, p.Value }))),
            ("$attrs", JsonSerializer.Serialize(d.Attributes)), ("$vin", vintage));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A series this vintage changed: its latest attributes and vintage, and its span, count and revisions as they now stand.</summary>
    private static void Update(SqliteConnection c, SqliteTransaction tx, SeriesDescriptor d, long no, long vintage)
    {
        using var cmd = Command(c, tx, """
            UPDATE series SET
                name = coalesce($name, name), dimensions = $dims, attributes = $attrs, last_vintage = $vin,
                first_period = (SELECT min(period) FROM observations WHERE series = $no),
                last_period = (SELECT max(period) FROM observations WHERE series = $no),
                obs_count = (SELECT count(*) FROM observations WHERE series = $no),
                revision_count = (SELECT count(*) FROM revisions WHERE series = $no)
            WHERE no = $no
            """,
            ("$no", no), ("$name", d.Name), ("$dims", JsonSerializer.Serialize(d.Dimensions.Select(p => new[] { p.Key, p.Value }))),
            ("$attrs", JsonSerializer.Serialize(d.Attributes)), ("$vin", vintage));
        cmd.ExecuteNonQuery();
    }

    /// <summary>A current value: ?1 series, ?2 period, ?3 value, ?4 status, ?5 attributes, ?6 vintage.</summary>
    private static void Value(FastStatement st, long no, string period, double? value, string? status, string? attributes, long vintage)
    {
        Bind(st, no, period, value, status);
        st.Text(5, attributes);
        st.Int(6, vintage);
        Run(st);
    }

    /// <summary>A replaced value: ?1 series, ?2 period, ?3 value, ?4 status, ?5 its vintage, ?6 the vintage that replaced it.</summary>
    private static void History(FastStatement st, long no, string period, double? value, string? status, long vintage, long replacedBy)
    {
        Bind(st, no, period, value, status);
        st.Int(5, vintage);
        st.Int(6, replacedBy);
        Run(st);
    }

    private static void Bind(FastStatement st, long no, string period, double? value, string? status)
    {
        st.Int(1, no);
        st.Text(2, period);
        st.Real(3, value);
        st.Text(4, status);
    }

    private static void Run(FastStatement st)
    {
        if (!st.Run()) throw new SqliteException("a series value repeats a key", 19);
    }
}
