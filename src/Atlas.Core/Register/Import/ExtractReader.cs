namespace Atlas.Register.Import;

/// <summary>
/// Reads the files of an extract into typed rows, the same way for a full import and an update: a malformed row is
/// counted and kept as <c>file:line: problem</c> (the first <see cref="ImportOptions.ProblemsShown"/> of them), and
/// past the threshold of <see cref="ImportOptions"/> the import stops before anything is kept. Reports progress as it goes.
/// </summary>
internal sealed class ExtractReader(KboExtract extract, ImportOptions options, ImportResult result)
{
    private readonly ProgressReporter _progress = new(options.Progress);
    private long _totalRows;

    public KboExtract Extract => extract;
    public TimeSpan Elapsed => _progress.Elapsed;

    /// <summary>Reads every row of <paramref name="file"/> (a file of <paramref name="table"/>'s kind), handing each well-formed one to <paramref name="use"/>, which returns a problem or null.</summary>
    public void Read<T>(KboTable<T> table, string file, Func<T, string?> use) => ReadRows(file, table.Spec.Header, table.Parse, use);

    /// <summary>The keys of an X_delete.csv file.</summary>
    public List<long> ReadDeleteKeys(KboFileSpec spec)
    {
        var keys = new List<long>();
        ReadRows(spec.DeleteFile, spec.DeleteHeader, (KboCsvReader r, out long key, out string error) => KboRows.TryDeleteKey(r, spec, out key, out error), key =>
        {
            keys.Add(key);
            return null;
        });
        return keys;
    }

    private void ReadRows<T>(string file, IReadOnlyList<string> header, RowParser<T> parse, Func<T, string?> use)
    {
        using var r = extract.OpenCsv(file, header);
        // the size of the file only serves the progress report
        var length = _progress.Wanted ? Math.Max(1, extract.Length(file)) : 1;
        long rows = 0;
        while (r.Read())
        {
            rows++;
            string? problem;
            try
            {
                problem = parse(r, out var row, out var error) ? use(row) : error;
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is not null) Problem(r, problem);
            _totalRows++;
            Tick(r, file, length);
        }
        Tick(r, file, length, force: true);
        result.RowsByFile[file] = rows;
        CheckShare();
    }

    /// <summary>Stops the import when the malformed rows are more than the share of the rows read that the options allow.</summary>
    public void CheckShare()
    {
        if (options.MaxErrorShare is { } share && _totalRows > 0 && result.Malformed > share * _totalRows)
            Stop($"{result.Malformed} malformed rows of {_totalRows:N0} read, more than {share * 100:0.###} %");
    }

    /// <summary>Reports a step after the reading (counting, indexing …).</summary>
    public void Step(ImportStep step) => _progress.Step(step, _totalRows);

    private void Problem(KboCsvReader r, string message)
    {
        result.Malformed++;
        if (result.Problems.Count < options.ProblemsShown) result.Problems.Add($"{r.Display}:{r.Line}: {message}");
        if (options.MaxErrors is { } max && result.Malformed > max) Stop($"more than {max} malformed rows");
    }

    private void Stop(string why) => throw new RegisterImportException(
        $"the import stopped: {why}. The register was not changed.", result.Problems, result.Malformed, ImportRefusal.TooManyMalformedRows);

    private void Tick(KboCsvReader r, string file, long length, bool force = false)
    {
        // called for every row: the clock is looked at only every 65,536 rows
        if (!_progress.Wanted || (!force && (_totalRows & 0xFFFF) != 0)) return;
        _progress.Reading(file, r.Rows, _totalRows, Math.Min(1, (double)r.BytesRead / length), force);
    }
}
