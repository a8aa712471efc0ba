namespace Atlas.Tests;

/// <summary>
/// What a few tests need beyond the repository. Without it, the test is reported as skipped with the reason (a
/// skip the runner counts, never a silent pass) — except in CI (CI=true), where its absence fails the test, so
/// that CI always runs them.
/// </summary>
public static class Requires
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci == "1" || ci.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>The source article's text (not redistributed with the repository).</summary>
    public static void Article() => Present(File.Exists(TestPaths.ArticlePath),
        $"needs the source article's text, not redistributed with the repository: put it at {TestPaths.ArticlePath} or point {Atlas.Text.SourceTexts.Env} at its folder");

    /// <summary>The environment variable with a PostgreSQL server's connection string for the tests (a role that may create databases).</summary>
    public const string PostgresEnv = "ATLAS_TEST_POSTGRES";

    /// <summary>A PostgreSQL server to run the server-store tests against (`tools/pg-test-cluster.sh start` starts a throwaway one).</summary>
    public static string Postgres()
    {
        var spec = Atlas.Tests.Postgres.TestPostgres.Spec;
        Present(spec is not null,
            $"needs a PostgreSQL server: install Debian's postgresql package (the tests then start a throwaway cluster) or set {PostgresEnv} to a connection string of a role that may create databases");
        return spec!;
    }

    /// <summary>Skips (or fails in CI) with <paramref name="reason"/> unless <paramref name="present"/>.</summary>
    public static void Present(bool present, string reason)
    {
        if (present) return;
        if (InCi) throw new InvalidOperationException("CI=true and this test " + reason);
        throw new SkipException(reason);
    }
}
