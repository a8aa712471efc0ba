using Atlas.Cli;

namespace Atlas.Tests;

/// <summary>
/// Runs the `atlas` command as a user would and captures what it prints. Console output is global: the tests that
/// use it belong to the <see cref="CliTests.Name"/> collection, which does not run in parallel.
/// </summary>
public static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await AtlasCommand.Build().Parse(args).InvokeAsync();
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    /// <summary>Runs the command with <paramref name="input"/> as its standard input (a password, as `atlas users add` reads it).</summary>
    public static async Task<(int Code, string Out, string Err)> RunWithInput(string? input, params string[] args)
    {
        var old = Console.In;
        Console.SetIn(new StringReader(input ?? ""));
        try { return await Run(args); }
        finally { Console.SetIn(old); }
    }
}
