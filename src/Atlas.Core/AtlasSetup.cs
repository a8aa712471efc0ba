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

    /// <summary>Opens the store and seeds it if the data files changed since the last seed; loads the shipped series into the series file if it lacks them.</summary>
    /// <exception cref="DataProblemsException">the data files have problems; nothing was written.</exception>
    /// <exception cref="StoreUnavailableException">the database cannot be opened or written.</exception>
    public static AtlasServices Prepare(string dataDir, string dbPath, TextWriter? log = null)
    {
        var store = SqliteCuratedStore.Open(dbPath);
        var files = DataLoader.InputFiles(dataDir);
        if (files.Count == 0)
            throw new DataProblemsException([new Problem(dataDir, 0, $"no data files here: point the atlas at its data folder (the data/ folder of the repository; {DataEnv})")]);
        var currentHash = DataLoader.HashOf(files);
        if (store.DataVersion != currentHash)
        {
            var watch = Stopwatch.StartNew();
            var report = Validator.Run(dataDir);
            if (!report.IsValid) throw new DataProblemsException(report.Problems);
            store.Seed(report.Data);
            log?.WriteLine($"Seeded {store.Path} from {dataDir}: {report.Data.Entities.Count()} entities, {report.Data.Facts.Count} facts in {watch.ElapsedMilliseconds} ms.");
            if (report.Data.Statbel is { } statbel) log?.WriteLine(statbel.Summary());
        }
        var atlas = AtlasServices.Sqlite(store);
        // the series live in their own file, which a re-seed never touches: the shipped ones are loaded when it lacks them
        Series.ShippedSeries.Prepare(dataDir, atlas, log);
        return atlas;
    }
}
