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

/// <summary>Why an import was refused, for the caller to say how to go on (the command line names its options).</summary>
public enum ImportRefusal
{
    /// <summary>Too many malformed rows for the threshold (<see cref="ImportOptions.MaxErrors"/>, <see cref="ImportOptions.MaxErrorShare"/>).</summary>
    TooManyMalformedRows,
    /// <summary>An update with no register to apply it to: a full extract comes first.</summary>
    NoRegister,
    /// <summary>An update not newer than the register's extract (<see cref="ImportOptions.Force"/> applies it anyway).</summary>
    NotNewer,
    /// <summary>Anything else: the message says it all.</summary>
    Other,
}

/// <summary>The import could not be done; the register was not changed.</summary>
public sealed class RegisterImportException(string message, IReadOnlyList<string>? problems = null, long malformed = 0, ImportRefusal reason = ImportRefusal.Other)
    : Exception(message)
{
    public ImportRefusal Reason { get; } = reason;
    public IReadOnlyList<string> Problems { get; } = problems ?? [];
    public long Malformed { get; } = malformed;
}
