using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Atlas.Series;

namespace Atlas.Store;

public abstract partial class SqlSeriesStore
{
    /// <summary>
    /// How a store writes the values of a vintage, the hot loop of an import: the current value of a period
    /// (insert, update, delete) and a replaced one (kept as history). SQLite binds through its C interface, the
    /// server through prepared commands.
    /// </summary>
    protected abstract class ValueWriter : IDisposable
    {
        public abstract void Insert(long series, string period, double? value, string? status, string? attributes, long vintage);
        public abstract void Update(long series, string period, double? value, string? status, string? attributes, long vintage);
        public abstract void Delete(long series, string period);
        public abstract void History(long series, string period, double? value, string? status, long vintage, long replacedBy);
        public abstract void Dispose();
    }

    protected abstract ValueWriter Values(DbConnection c, DbTransaction tx);

    /// <summary>The statements every <see cref="ValueWriter"/> runs, in the order of their parameters.</summary>
    protected const string InsertValue = "INSERT INTO observations (series, period, value, status, attributes, vintage) VALUES (@p1, @p2, @p3, @p4, @p5, @p6)";
    protected const string UpdateValue = "UPDATE observations SET value = @p3, status = @p4, attributes = @p5, vintage = @p6 WHERE series = @p1 AND period = @p2";
    protected const string DeleteValue = "DELETE FROM observations WHERE series = @p1 AND period = @p2";
    protected const string HistoryValue = """
        INSERT INTO revisions (series, period, value, status, vintage, replaced_by) VALUES (@p1, @p2, @p3, @p4, @p5, @p6)
        ON CONFLICT (series, period, vintage) DO UPDATE SET value = excluded.value, status = excluded.status, replaced_by = excluded.replaced_by
        """;

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
        catch (Exception e) when (IsStoreError(e))
        {
            tx.Rollback();
            throw new StoreUnavailableException($"cannot write the series store {Location} ({e.Message}); nothing was imported and it is as it was. " +
                "Check the disk space and that the store is writable by this role.", e);
        }
    }

    private WriteOutcome WriteIn(DbConnection c, DbTransaction tx, IReadOnlyList<SeriesWrite> series, VintageInput input)
    {
        long id;
        using (var ins = Command(c, tx, """
            INSERT INTO vintages (source, fetched_at, imported_at, content_hash, notes) VALUES (@s, @f, @i, @h, @n) RETURNING id
            """, ("s", input.Source), ("f", input.FetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("i", input.ImportedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("h", input.ContentHash),
            ("n", JsonSerializer.Serialize(input.Notes))))
            id = Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
        var fetched = new Dictionary<long, DateTimeOffset>();
        using (var all = Command(c, tx, "SELECT id, fetched_at FROM vintages"))
        using (var r = all.ExecuteReader())
            while (r.Read()) fetched[r.GetInt64(0)] = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture);

        using var find = Command(c, tx, "SELECT no FROM series WHERE id = @id", ("id", ""));
        using var current = Command(c, tx, "SELECT period, value, status, vintage FROM observations WHERE series = @no", ("no", 0L));
        using var values = Values(c, tx);
        int newSeries = 0, added = 0, revised = 0, unchanged = 0, deleted = 0;

        foreach (var (d, observations) in series)
        {
            var known = new Dictionary<string, Current>(StringComparer.Ordinal);
            find.Parameters[0].Value = d.Id;
            var existing = find.ExecuteScalar() is { } found and not DBNull ? Convert.ToInt64(found, CultureInfo.InvariantCulture) : (long?)null;
            var isNew = existing is null;
            var no = existing ?? Insert(c, tx, d, id);
            if (isNew) newSeries++;
            else
            {
                current.Parameters[0].Value = no;
                using var r = current.ExecuteReader();
                while (r.Read()) known[r.GetString(0)] = new Current(r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3));
            }
            var changes = 0;
            foreach (var o in observations)
            {
                var period = o.Period.ToString();
                var attrs = o.Attributes is null ? null : JsonSerializer.Serialize(o.Attributes);
                var was = known.GetValueOrDefault(period);
                if (o.Action == ObsAction.Delete)
                {
                    if (was is null) continue;
                    values.History(no, period, was.Value, was.Status, was.Vintage, id);
                    values.Delete(no, period);
                    deleted++;
                }
                else if (was is null)
                {
                    values.Insert(no, period, o.Value, o.Status, attrs, id);
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
                    values.History(no, period, was.Value, was.Status, was.Vintage, id);
                    values.Update(no, period, o.Value, o.Status, attrs, id);
                    revised++;
                }
                else
                {
                    // an older reading imported late: it is history, the newer value stays current
                    values.History(no, period, o.Value, o.Status, id, was.Vintage);
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
    private static long Insert(DbConnection c, DbTransaction tx, SeriesDescriptor d, long vintage)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO series (id, agency, flow, flow_version, series_key, name, frequency, adjustment, unit_code, unit_kind, base_year,
                                concept, geo, activity, dimensions, attributes, first_vintage, last_vintage)
            VALUES (@id, @agency, @flow, @version, @key, @name, @freq, @adj, @unit, @kind, @base, @concept, @geo, @activity, @dims, @attrs, @vin, @vin)
            RETURNING no
            """,
            ("id", d.Id), ("agency", d.Dataflow.Agency), ("flow", d.Dataflow.Id), ("version", d.Dataflow.Version), ("key", d.Key),
            ("name", d.Name), ("freq", d.Frequency.Code()), ("adj", d.Adjustment.ToString()), ("unit", d.Unit.Code),
            ("kind", d.Unit.Kind.ToString()), ("base", d.Unit.BaseYear), ("concept", d.Concept), ("geo", d.Geo), ("activity", d.Activity),
            ("dims", JsonSerializer.Serialize(d.Dimensions.Select(p => new[] { p.Key, p.Value }))),
            ("attrs", JsonSerializer.Serialize(d.Attributes)), ("vin", vintage));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A series this vintage changed: its latest attributes and vintage, and its span, count and revisions as they now stand.</summary>
    private static void Update(DbConnection c, DbTransaction tx, SeriesDescriptor d, long no, long vintage)
    {
        using var cmd = Command(c, tx, """
            UPDATE series SET
                name = coalesce(CAST(@name AS TEXT), name), dimensions = @dims, attributes = @attrs, last_vintage = @vin,
                first_period = (SELECT min(period) FROM observations WHERE series = @no),
                last_period = (SELECT max(period) FROM observations WHERE series = @no),
                obs_count = (SELECT count(*) FROM observations WHERE series = @no),
                revision_count = (SELECT count(*) FROM revisions WHERE series = @no)
            WHERE no = @no
            """,
            ("no", no), ("name", d.Name), ("dims", JsonSerializer.Serialize(d.Dimensions.Select(p => new[] { p.Key, p.Value }))),
            ("attrs", JsonSerializer.Serialize(d.Attributes)), ("vin", vintage));
        cmd.ExecuteNonQuery();
    }
}
