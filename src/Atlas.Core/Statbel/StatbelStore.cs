using Atlas.Model;
using Atlas.Register;
using Atlas.Store;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Atlas.Statbel;

/// <summary>
/// Writes the Statbel source into the main database within the seeding transaction, and reads it back as a
/// <see cref="VatEnterprises"/> (a few hundred thousand small rows: what a later start pays instead of the files).
/// </summary>
public static class StatbelStore
{
    /// <param name="tx">The seed's transaction: the statements run inside it, on its connection.</param>
    public static void Write(SqliteConnection c, SqliteTransaction tx, StatbelData data)
    {
        ArgumentNullException.ThrowIfNull(tx);
        // bulk rows through SQLite's C interface, as the register import does: no boxing, one prepared statement
        using (var vat = new FastStatement(c, "INSERT INTO statbel_vat (seat, nace, enterprises, registrations, cessations) VALUES (?1, ?2, ?3, ?4, ?5)"))
            foreach (var row in data.Vat)
            {
                vat.Text(1, row.Seat.ToString());
                vat.Text(2, row.Nace);
                vat.Int(3, row.Figures.Enterprises);
                vat.Int(4, row.Figures.Registrations);
                vat.Int(5, row.Figures.Cessations);
                Run(vat, "statbel_vat");
            }
        using (var nace = new FastStatement(c, "INSERT INTO statbel_nace (code, level, section, fr, nl, en) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
            foreach (var label in data.Labels.All)
            {
                nace.Text(1, label.Code);
                nace.Int(2, (int)label.Level);
                nace.Text(3, label.Section);
                nace.Text(4, label.Names.Exact(Lang.Fr) ?? "");
                nace.Text(5, label.Names.Exact(Lang.Nl) ?? "");
                nace.Text(6, label.Names.Exact(Lang.En) ?? "");
                Run(nace, "statbel_nace");
            }
        using (var population = new FastStatement(c, "INSERT INTO statbel_population (nis, year, inhabitants) VALUES (?1, ?2, ?3)"))
            foreach (var m in data.Population.Municipalities)
            {
                population.Text(1, m.Municipality.ToString());
                population.Int(2, m.Year);
                population.Int(3, m.Count);
                Run(population, "statbel_population");
            }
    }

    private static void Run(FastStatement statement, string table)
    {
        if (!statement.Run()) throw new SqliteException($"{table}: a row repeats a key", 19);
    }

    /// <summary>The source as the last seed stored it; null when the database holds none. Plain SQL: any store's connection.</summary>
    public static VatEnterprises? Read(DbConnection c)
    {
        var labels = new List<NaceLabel>();
        using (var cmd = Command(c, null, "SELECT code, level, section, fr, nl, en FROM statbel_nace"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                labels.Add(new NaceLabel(r.GetString(0), (NaceBelLevel)r.GetInt32(1), r.GetString(2),
                    new([new(Lang.Fr, r.GetString(3)), new(Lang.Nl, r.GetString(4)), new(Lang.En, r.GetString(5))])));
        if (labels.Count == 0) return null;

        var population = new List<Inhabitants>();
        using (var cmd = Command(c, null, "SELECT nis, year, inhabitants FROM statbel_population"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) population.Add(new Inhabitants(NisCode.Parse(r.GetString(0)), r.GetInt32(1), Convert.ToInt64(r.GetValue(2))));

        var rows = new List<VatRow>();
        var seats = new Dictionary<string, Seat>(); // 567 distinct seats: parse each once
        using (var cmd = Command(c, null, "SELECT seat, nace, enterprises, registrations, cessations FROM statbel_vat"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var text = r.GetString(0);
                if (!seats.TryGetValue(text, out var seat))
                    seats[text] = seat = Seat.TryParse(text, out var s) ? s : throw new InvalidOperationException($"statbel_vat: '{text}' is not a seat");
                rows.Add(new VatRow(seat, r.GetString(1), new VatFigures(r.GetInt32(2), r.GetInt32(3), r.GetInt32(4))));
            }
        return new VatEnterprises(StatisticalSource.StatbelVat2019, rows, new NaceLabels(labels), new Population(population));
    }

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

}
