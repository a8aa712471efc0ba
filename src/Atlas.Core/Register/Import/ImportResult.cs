namespace Atlas.Register.Import;

/// <summary>What an import did.</summary>
public sealed class ImportResult
{
    public required ExtractMeta Meta { get; init; }
    public required string RegisterPath { get; init; }
    public Dictionary<string, long> RowsByFile { get; } = [];
    public long Rows => RowsByFile.Values.Sum();
    public long Malformed { get; set; }
    public List<string> Problems { get; } = [];
    public long DuplicateActivities { get; set; }
    /// <summary>Rows of an update inserted while their number was already in the register (not listed for deletion).</summary>
    public long Replaced { get; set; }
    /// <summary>Rows of an update that were in the register already, to the letter (an update applied again).</summary>
    public long AlreadyPresent { get; set; }
    public long AddressesResolved { get; set; }
    public long AddressesAbroad { get; set; }
    public long AddressesUnresolved { get; set; }
    public Dictionary<string, long> UnresolvedPostcodes { get; } = [];
    public long UnitsTouched { get; set; }
    public TimeSpan Elapsed { get; set; }
    public int? PreviousExtract { get; set; }
}

/// <summary>The import could not be done; the register was not changed.</summary>
public sealed class RegisterImportException(string message, IReadOnlyList<string>? problems = null, long malformed = 0) : Exception(message)
{
    public IReadOnlyList<string> Problems { get; } = problems ?? [];
    public long Malformed { get; } = malformed;
}
