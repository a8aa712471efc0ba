using System.IO.Compression;
using Atlas.Statbel;
using Microsoft.Data.Sqlite;

namespace Atlas.Tests.Statbel;

/// <summary>One raw row of the shipped copy of Statbel's table, read by the test's own code.</summary>
public sealed record RawVatRow(string Refnis, string LegalForm, string Nace, int Enterprises, int Registrations, int Cessations);

/// <summary>
/// The repository's data seeded into a temporary database, the Statbel source read back from it (what a later start
/// gets), and the shipped raw rows read independently of the atlas's loader, to recompute every figure from.
/// </summary>
public sealed class StatbelFixture : IDisposable
{
    private readonly TestPaths.TempDir _dir = TestPaths.Temp();

    public VatEnterprises Model { get; }
    public IReadOnlyList<RawVatRow> Raw { get; } = ReadRaw(Path.Combine(TestPaths.DataDir, StatbelLoader.VatFile));
    public string DbPath => _dir.File("atlas.db");

    public StatbelFixture()
    {
        var atlas = AtlasSetup.Prepare(TestPaths.DataDir, DbPath);
        Model = atlas.CuratedStore.LoadVatEnterprises() ?? throw new InvalidOperationException("the seed stored no Statbel source");
    }

    /// <summary>The shipped CSV as plain text lines: gunzip, split on commas (the file has no quoted field).</summary>
    public static IReadOnlyList<RawVatRow> ReadRaw(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        Assert.Equal(StatbelLoader.VatHeader, reader.ReadLine());
        var rows = new List<RawVatRow>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            rows.Add(new RawVatRow(f[0], f[1], f[2], int.Parse(f[3]), int.Parse(f[4]), int.Parse(f[5])));
        }
        return rows;
    }

    /// <summary>Enterprises, registrations and cessations of the raw rows that match.</summary>
    public VatFigures Sum(Func<RawVatRow, bool> where) =>
        Raw.Where(where).Aggregate(new VatFigures(), (s, r) => s + new VatFigures(r.Enterprises, r.Registrations, r.Cessations));

    public static bool InBelgium(RawVatRow r) => r.Refnis.All(char.IsAsciiDigit);

    public static bool InDivisions(RawVatRow r, int from, int to) =>
        int.TryParse(r.Nace[..2], out var d) && d >= from && d <= to;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
