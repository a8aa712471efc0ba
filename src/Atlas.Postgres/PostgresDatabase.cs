using Npgsql;

namespace Atlas.Postgres;

/// <summary>The store's location was given wrong (a malformed URL, an unknown setting); the message says what to write.</summary>
public sealed class StoreSpecException(string message) : Exception(message);

/// <summary>
/// A PostgreSQL database as the atlas reaches it: a pooled <see cref="NpgsqlDataSource"/> from a connection string
/// (<c>Host=…;Database=…</c>) or a URL (<c>postgres://user@host:5432/atlas?sslmode=require</c>). The password comes from
/// the string, from <c>PGPASSWORD</c>, or from a password file (<c>PGPASSFILE</c>, <c>~/.pgpass</c>, or <c>Passfile=</c>),
/// as every PostgreSQL client reads it; it is never part of <see cref="Describe"/> and never logged.
/// </summary>
public static class PostgresDatabase
{
    /// <summary>Seconds a statement may run before the client cancels it, unless the string sets <c>Command Timeout</c>; imports set their own.</summary>
    public const int DefaultCommandTimeout = 30;

    /// <summary>Whether a store setting names a PostgreSQL database (a URL, or a connection string with a host).</summary>
    public static bool IsPostgres(string? spec) =>
        spec is not null && (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                             || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                             || spec.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection settings of a spec, with the atlas's defaults (pooling, a command time-out, its application name).</summary>
    /// <exception cref="StoreSpecException">the spec is not a connection string or URL Npgsql understands.</exception>
    public static NpgsqlConnectionStringBuilder Settings(string spec)
    {
        NpgsqlConnectionStringBuilder csb;
        try
        {
            csb = spec.Contains("://", StringComparison.Ordinal) ? FromUrl(spec) : new NpgsqlConnectionStringBuilder(spec);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            throw new StoreSpecException($"the store is not a PostgreSQL connection string or URL ({e.Message}): write Host=HOST;Database=DB;Username=USER or postgres://USER@HOST:5432/DB");
        }
        if (string.IsNullOrEmpty(csb.Host)) throw new StoreSpecException("the store names no host: write Host=HOST;Database=DB;Username=USER or postgres://USER@HOST:5432/DB");
        if (!spec.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase) && !spec.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
            csb.CommandTimeout = DefaultCommandTimeout;
        csb.ApplicationName ??= "belgian-innovation-atlas";
        return csb;
    }

    /// <summary>A pooled data source for the spec.</summary>
    public static NpgsqlDataSource Open(string spec) => new NpgsqlDataSourceBuilder(Settings(spec).ConnectionString).Build();

    /// <summary>Where the database is, for messages and logs: postgres://user@host:port/database, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder csb) =>
        $"postgres://{(string.IsNullOrEmpty(csb.Username) ? "" : Uri.EscapeDataString(csb.Username) + "@")}{csb.Host}:{csb.Port}/{csb.Database}";

    private static NpgsqlConnectionStringBuilder FromUrl(string spec)
    {
        var uri = new Uri(spec);
        if (uri.Scheme is not ("postgres" or "postgresql")) throw new FormatException($"'{uri.Scheme}:' is not postgres:");
        var csb = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            csb.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) csb.Password = Uri.UnescapeDataString(parts[1]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) csb.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]).Replace('_', ' ');
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            csb[key] = value;   // sslmode=require, application_name=… ; an unknown setting throws ArgumentException
        }
        return csb;
    }
}
