namespace Atlas.Register.Import;

/// <summary>
/// Imports a KBO/BCE Open Data extract into the register's own SQLite file: a full dump with <see cref="FullImport"/>
/// (a new file that replaces the register once complete), a daily update with <see cref="UpdateImport"/> (one
/// transaction on the register), as the extract's meta.csv says. Both read the files through
/// <see cref="ExtractReader"/>: malformed rows are counted and reported as <c>file:line: problem</c>, and past the
/// threshold the import stops and nothing changes. A wrong header, a truncated file or a missing file stops it at once.
/// </summary>
public static class RegisterImporter
{
    /// <summary>Imports the extract at <paramref name="extractPath"/> (a folder or a zip) into <paramref name="registerPath"/>.</summary>
    /// <exception cref="RegisterImportException">the extract cannot be imported; the register is unchanged.</exception>
    public static ImportResult Import(string extractPath, string registerPath, string dataDir, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        KboExtract extract;
        try
        {
            extract = KboExtract.Open(extractPath);
        }
        catch (KboFormatException e)
        {
            throw new RegisterImportException(e.Message);
        }
        using (extract)
        {
            var missing = extract.MissingFiles();
            if (missing.Count > 0)
                throw new RegisterImportException($"{extractPath}: this {extract.Meta.TypeName} extract lacks {string.Join(", ", missing)}: it is incomplete; download it again. The register was not changed.");
            registerPath = Path.GetFullPath(registerPath);
            var result = new ImportResult { Meta = extract.Meta, RegisterPath = registerPath };
            var rows = new ExtractReader(extract, options, result);
            var addresses = new AddressPlacer(PostcodeResolver.Load(dataDir), result);
            var codes = new CodeTables(rows, NaceReference.Load(dataDir));
            try
            {
                if (extract.Meta.Type == ExtractType.Full) new FullImport(rows, addresses, codes, result).Run(registerPath);
                else new UpdateImport(rows, addresses, codes, options, result).Run(registerPath);
            }
            catch (KboFormatException e)
            {
                throw new RegisterImportException($"{e.Message}. The register was not changed.", result.Problems, result.Malformed);
            }
            result.Elapsed = rows.Elapsed;
            return result;
        }
    }
}
