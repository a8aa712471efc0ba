using System.Data.Common;

namespace Atlas.Register.Import;

/// <summary>A NACE-BEL code as the register keeps it: its level, its section (2008, 2025) and its labels.</summary>
public sealed record NaceEntry(int Version, string Code, string Level, string? Section, string? Fr, string? Nl, string? En);

/// <summary>
/// Where an import writes the register: the SQLite file beside the atlas database (<see cref="SqliteRegisterTarget"/>)
/// or a server's schema. The import reads and checks the extract the same way for both; the target only stores.
/// </summary>
public interface IRegisterTarget
{
    /// <summary>Where the register is, for messages.</summary>
    string Location { get; }

    /// <summary>Whether a register exists there (complete or not).</summary>
    bool Exists { get; }

    /// <summary>Why the register there cannot be used (another version, damaged), or null.</summary>
    string? Problem { get; }

    /// <summary>The extract number of the complete register held now, or null.</summary>
    int? ExtractNumber { get; }

    /// <summary>Starts a new register beside the current one, which it replaces only when complete (a full dump).</summary>
    /// <exception cref="RegisterImportException">another import is writing the register.</exception>
    IRegisterBuild BeginFull();

    /// <summary>Opens one transaction on the current register (an update).</summary>
    /// <exception cref="RegisterImportException">another import is writing the register.</exception>
    IRegisterUpdate BeginUpdate();
}

/// <summary>
/// The rows of a register as an import writes them. An insert returns false where the store refuses the row: a
/// number already there, or for an activity the very same row (the register keeps one of each).
/// </summary>
public interface IRegisterRows : IDisposable
{
    void Insert(CodeRow code);
    void Insert(NaceEntry nace);
    bool Insert(in EnterpriseRow e);
    bool Insert(in EstablishmentRow e);
    bool Insert(in BranchRow b);
    bool Insert(DenominationRow d);
    /// <param name="nis">the municipality found from the postcode, 0 if none</param>
    bool Insert(AddressRow a, int nis);
    bool Insert(ContactRow c);
    bool Insert(in ActivityRow a);
}

/// <summary>A new register being built (a full dump): disposed before <see cref="Replace"/>, it is thrown away and the current one stays.</summary>
public interface IRegisterBuild : IDisposable
{
    IRegisterRows Rows { get; }

    /// <summary>
    /// After the rows: the specialisation counts, the indexes and the search index, then the meta values (asked for
    /// last, so that they include the time all this took). Returns how many repeated activity rows the store dropped
    /// at this point rather than as they were inserted.
    /// </summary>
    long Finish(SpecCounts counts, Func<IReadOnlyDictionary<string, string>> meta, Action<ImportStep> step);

    /// <summary>Puts the new register in the place of the current one, at once: readers see one or the other.</summary>
    void Replace();
}

/// <summary>One transaction on the current register (an update): uncommitted when disposed, nothing changes.</summary>
public interface IRegisterUpdate : IDisposable
{
    DbConnection Connection { get; }
    DbTransaction Transaction { get; }
    IRegisterRows Rows { get; }
    void Commit();
}

/// <summary>The SQL an import runs on a register the same way on either store (parameters as <c>@name</c>).</summary>
public static class RegisterSqlCommands
{
    public static DbCommand Command(this IRegisterUpdate u, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = u.Connection.CreateCommand();
        cmd.Transaction = u.Transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    public static int Exec(this IRegisterUpdate u, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = u.Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(this IRegisterUpdate u, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = u.Command(sql, parameters);
        return cmd.ExecuteScalar() is { } v and not DBNull ? v : null;
    }
}
