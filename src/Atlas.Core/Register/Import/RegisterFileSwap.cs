using Microsoft.Data.Sqlite;

namespace Atlas.Register.Import;

/// <summary>
/// A new register file built beside the current one (<c>atlas.register.db.building-PID</c>), which takes its place by
/// one atomic rename once complete: until then the current register is untouched, and a build that does not finish
/// is deleted when this is disposed.
/// </summary>
internal sealed class RegisterFileSwap : IDisposable
{
    private readonly string _register;
    private bool _replaced;

    /// <summary>The file being built.</summary>
    public string NewFile { get; }

    private RegisterFileSwap(string register, string newFile)
    {
        _register = register;
        NewFile = newFile;
    }

    /// <summary>Starts a new file beside <paramref name="registerPath"/> (its folder is created if need be).</summary>
    public static RegisterFileSwap Begin(string registerPath)
    {
        var dir = Path.GetDirectoryName(registerPath)!;
        Directory.CreateDirectory(dir);
        // the process id keeps two imports at once from building into the same file
        var building = Path.Combine(dir, $"{Path.GetFileName(registerPath)}.building-{Environment.ProcessId}");
        DeleteDatabase(building);
        return new RegisterFileSwap(registerPath, building);
    }

    /// <summary>Puts the new file in the place of the register (every connection to it must be closed).</summary>
    public void Replace()
    {
        // a hot journal of the old file would be played onto the new one: it belongs to a file that is going away
        File.Delete(_register + "-journal");
        File.Move(NewFile, _register, overwrite: true);
        _replaced = true;
    }

    public void Dispose()
    {
        if (_replaced) return;
        SqliteConnection.ClearAllPools();
        DeleteDatabase(NewFile);
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var f in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
