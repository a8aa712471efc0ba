using System.Diagnostics;
using Atlas.Data;
using Atlas.Store;
using Atlas.Diagnostics;

namespace Atlas;

/// <summary>
/// Finds the data folder and the database, and makes the store hold the current data: validated and seeded when
/// the data files changed, left alone (a fast start) when they did not.
/// </summary>
public static class AtlasSetup
{
    public const string DataEnv = "ATLAS_DATA";
    public const string DbEnv = "ATLAS_DB";

    /// <summary>
    /// The data folder: the one given, else ATLAS_DATA, else the data files shipped with this build (the repository's
    /// <c>data/</c> folder when it was built; see <see cref="ShippedData"/>).
    /// </summary>
    public static string FindDataDir(string? given = null)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Path.GetFullPath(given);
        if (Environment.GetEnvironmentVariable(DataEnv) is { Length: > 0 } env) return Path.GetFullPath(env);
        return ShippedData.Folder();
    }

    /// <summary>The database: the one given, else ATLAS_DB, else atlas.db in the user's local data folder.</summary>
    public static string DbPath(string? given = null)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Path.GetFullPath(given);
        if (Environment.GetEnvironmentVariable(DbEnv) is { Length: > 0 } env) return Path.GetFullPath(env);
        return DefaultDbPath;
    }

    /// <summary>~/.local/share/belgian-innovation-atlas/atlas.db on Linux (LocalApplicationData elsewhere).</summary>
    public static string DefaultDbPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "belgian-innovation-atlas", "atlas.db");

    /// <summary>Opens the embedded store (the SQLite database and its register file) and seeds it if the data files changed since the last seed.</summary>
    /// <exception cref="DataProblemsException">the data files have problems; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">the database cannot be opened or written.</exception>
    public static AtlasServices Prepare(string dataDir, string dbPath, TextWriter? log = null)
    {
        var store = SqliteCuratedStore.Open(dbPath);
        return Prepare(dataDir, store, Register.RegisterStore.For(store.Path), SqliteSeriesStore.For(store.Path), log);
    }

    /// <summary>
    /// Seeds <paramref name="store"/> if the data files changed since its last seed (any store: the same rule for all),
    /// composes the atlas over it, and loads the shipped series into the series store if it lacks them.
    /// </summary>
    /// <exception cref="DataProblemsException">the data files have problems; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">the store cannot be reached or written.</exception>
    public static AtlasServices Prepare(string dataDir, ICuratedStore store, IRegisterStore register, ISeriesStore series, TextWriter? log = null)
    {
        var files = DataLoader.InputFiles(dataDir);
        if (files.Count == 0)
            throw new DataProblemsException([new Problem(dataDir, 0, $"no data files here: point the atlas at its data folder (the data/ folder of the repository; {DataEnv})")]);
        var currentHash = DataLoader.HashOf(files);
        if (store.SeededHash != currentHash)
        {
            var watch = Stopwatch.StartNew();
            var report = Validator.Run(dataDir);
            if (!report.IsValid) throw new DataProblemsException(report.Problems);
            if (store.Seed(report.Data))
            {
                log?.WriteLine($"Seeded {store.Location} from {dataDir}: {report.Data.Entities.Count()} entities, {report.Data.Facts.Count} facts in {watch.ElapsedMilliseconds} ms.");
                if (report.Data.Statbel is { } statbel) log?.WriteLine(statbel.Summary());
            }
        }
        var atlas = new AtlasServices(store, register, series, dataDir);
        // the series are kept apart from the curated data, which a re-seed replaces: the shipped ones are loaded when the store lacks them
        Series.ShippedSeries.Prepare(dataDir, atlas, log);
        return atlas;
    }
}
