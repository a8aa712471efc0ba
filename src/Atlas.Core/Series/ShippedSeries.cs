using System.Security.Cryptography;
using System.Text;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Snapshots;
using Atlas.Store;

namespace Atlas.Series;

/// <summary>
/// The series shipped in <c>data/reference/</c>, loaded into the series file on first start so that the atlas shows
/// them without any import: the NBB's industrial production index (seasonally adjusted, 2021 = 100; the file does not
/// say its adjustment, industry or country, so they are given here from the provider's description) and Statbel's
/// establishment units per municipality. Content-hashed: a later start only compares the hash.
/// </summary>
public static class ShippedSeries
{
    public sealed record Shipped(string RelativePath, SeriesImportOptions Options);

    public static readonly IReadOnlyList<Shipped> Files =
    [
        new("reference/series/nbb-industrial-production-sa-2021eq100.csv",
            new SeriesImportOptions { Adjustment = Adjustment.SA, Geo = "BE", Activity = "B-D" }),
        new("reference/statbel/establishments-by-municipality/vestigingseenheden.json", new SeriesImportOptions()),
    ];

    /// <summary>Bump when the way the shipped files are read changes, so that they are loaded again.</summary>
    private const string ReaderVersion = "1";
    private const string HashKey = "shipped_hash";

    /// <summary>
    /// Loads the shipped files the store does not hold yet; returns what each import did (nothing when the hash is the same).
    /// </summary>
    /// <exception cref="DataProblemsException">a shipped file cannot be read; the store is unchanged.</exception>
    public static IReadOnlyList<ImportReport> Load(string dataDir, ISeriesStore store, Func<IReadOnlyList<MunicipalityName>> municipalities)
    {
        var present = Files.Select(f => (File: f, Path: Path.Combine(dataDir, f.RelativePath))).Where(f => File.Exists(f.Path)).ToList();
        if (present.Count == 0) return [];
        var hash = HashOf(present.Select(f => f.Path));
        if (store.Meta(HashKey) == hash) return [];
        var reports = new List<ImportReport>();
        foreach (var (file, path) in present)
        {
            try
            {
                reports.Add(SeriesImporter.Import(store, path, file.Options with { Municipalities = municipalities }));
            }
            catch (SeriesImportException e)
            {
                throw new DataProblemsException([.. e.Problems, new Problem(Path.Combine("data", file.RelativePath), 0, e.Message)]);
            }
        }
        store.SetMeta(HashKey, hash);
        return reports;
    }

    /// <summary>
    /// Loads the shipped series into the atlas's series store if needed, matching municipal names against the
    /// municipalities of its curated data; says what it loaded on <paramref name="log"/>.
    /// </summary>
    public static void Prepare(string dataDir, AtlasServices atlas, TextWriter? log)
    {
        var store = atlas.SeriesStore;
        foreach (var r in Load(dataDir, store, () => Municipalities(atlas.Snapshots.Curated)))
        {
            log?.WriteLine($"Loaded the shipped series {r.Source} into {store.Location}: {r.Series} series, {r.Added} values.");
            foreach (var note in r.Notes) log?.WriteLine("  " + note);
        }
    }

    /// <summary>Every municipality of the curated data (those of today and those merged away in 2025) with its names.</summary>
    public static IReadOnlyList<MunicipalityName> Municipalities(CuratedSnapshot s) =>
        s.All<Place>().Where(p => p is { PlaceKind: PlaceKind.Municipality, Nis: not null })
            .Select(p => new MunicipalityName(p.Nis!.Value.Value, p.Names.Exact(Lang.Nl) ?? p.Names.Get(Lang.Nl),
                new[] { Lang.Fr, Lang.En, Lang.De }.Select(p.Names.Exact).OfType<string>().ToList(),
                p.MergedInto is { } into ? s.Get<Place>(into)?.Nis?.Value : null))
            .ToList();

    private static string HashOf(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(ReaderVersion));
        foreach (var f in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes("\n" + Path.GetFileName(f) + "\n"));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
