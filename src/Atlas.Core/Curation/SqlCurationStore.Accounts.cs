using System.Globalization;
using Atlas.Model;
using Dapper;

namespace Atlas.Curation;

/// <summary>Accounts and API tokens; each change with its audit event.</summary>
public sealed partial class SqlCurationStore
{
    private const string AccountColumns = """
        id, user_name AS UserName, normalized_name AS NormalizedName, role, password_hash AS PasswordHash, security_stamp AS SecurityStamp,
        failed_count AS FailedCount, lockout_end AS LockoutEnd, disabled_at AS DisabledAt, created_at AS CreatedAt
        """;

    private sealed record AccountRow(long Id, string UserName, string NormalizedName, string Role, string PasswordHash, string SecurityStamp,
        long FailedCount, string? LockoutEnd, string? DisabledAt, string CreatedAt)
    {
        public Account ToAccount()
        {
            Slugs.TryParse<Role>(Role, out var role);
            return new Account
            {
                Id = Id, UserName = UserName, NormalizedName = NormalizedName, Role = role, PasswordHash = PasswordHash, SecurityStamp = SecurityStamp,
                FailedCount = (int)FailedCount, LockoutEnd = Time(LockoutEnd), DisabledAt = Time(DisabledAt), CreatedAt = Time(CreatedAt)!.Value,
            };
        }
    }

    public bool HasAccounts
    {
        get
        {
            using var c = Open();
            return c.ExecuteScalar<long>("SELECT count(*) FROM curation_accounts") > 0;
        }
    }

    public bool MayWrite
    {
        get
        {
            if (!serverLocks) return true;   // a SQLite file: whoever may open it may write it
            using var c = Open();
            return c.ExecuteScalar<bool>("""
                SELECT has_table_privilege('curation_proposals', 'INSERT') AND has_table_privilege('curation_events', 'INSERT')
                   AND has_table_privilege('curation_accounts', 'UPDATE') AND has_table_privilege('facts', 'UPDATE')
                """);
        }
    }

    public Account? FindAccount(string normalizedName)
    {
        using var c = Open();
        return c.QuerySingleOrDefault<AccountRow>($"SELECT {AccountColumns} FROM curation_accounts WHERE normalized_name = @normalizedName", new { normalizedName })?.ToAccount();
    }

    public Account? FindAccount(long id)
    {
        using var c = Open();
        return c.QuerySingleOrDefault<AccountRow>($"SELECT {AccountColumns} FROM curation_accounts WHERE id = @id", new { id })?.ToAccount();
    }

    public IReadOnlyList<Account> Accounts()
    {
        using var c = Open();
        return c.Query<AccountRow>($"SELECT {AccountColumns} FROM curation_accounts ORDER BY normalized_name").Select(a => a.ToAccount()).ToList();
    }

    public Account AddAccount(Account a, string actor) => InTransaction((c, tx) =>
    {
        a.CreatedAt = DateTimeOffset.UtcNow;
        a.Id = c.ExecuteScalar<long>("""
            INSERT INTO curation_accounts (user_name, normalized_name, role, password_hash, security_stamp, failed_count, created_at)
            VALUES (@UserName, @NormalizedName, @role, @PasswordHash, @SecurityStamp, 0, @at) RETURNING id
            """, new { a.UserName, a.NormalizedName, role = Slugs.Of(a.Role), a.PasswordHash, a.SecurityStamp, at = Now() }, tx);
        Append(c, tx, actor, Actions.AccountAdded, $"account:{a.UserName}", after: Slugs.Of(a.Role));
        return a;
    });

    public void SaveSecurity(Account a)
    {
        using var c = Open();
        c.Execute("""
            UPDATE curation_accounts SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, failed_count = @FailedCount, lockout_end = @end
            WHERE id = @Id
            """, new { a.PasswordHash, a.SecurityStamp, a.FailedCount, end = a.LockoutEnd?.UtcDateTime.ToString("O"), a.Id });
    }

    public void SetRole(long accountId, Role role, string actor) => InTransaction((c, tx) =>
    {
        var (name, before) = c.QuerySingle<(string, string)>("SELECT user_name, role FROM curation_accounts WHERE id = @accountId", new { accountId }, tx);
        // a new stamp ends the sessions signed in with the old role
        c.Execute("UPDATE curation_accounts SET role = @role, security_stamp = @stamp WHERE id = @accountId",
            new { role = Slugs.Of(role), stamp = Guid.NewGuid().ToString("N"), accountId }, tx);
        return Append(c, tx, actor, Actions.RoleChanged, $"account:{name}", before: before, after: Slugs.Of(role));
    });

    public void SetDisabled(long accountId, bool disabled, string actor) => InTransaction((c, tx) =>
    {
        var name = c.ExecuteScalar<string>("SELECT user_name FROM curation_accounts WHERE id = @accountId", new { accountId }, tx);
        c.Execute("UPDATE curation_accounts SET disabled_at = @at, security_stamp = @stamp WHERE id = @accountId",
            new { at = disabled ? Now() : null, stamp = Guid.NewGuid().ToString("N"), accountId }, tx);
        return Append(c, tx, actor, disabled ? Actions.AccountDisabled : Actions.AccountEnabled, $"account:{name}");
    });

    // ---- passkeys ----

    private sealed record PasskeyRow(string CredentialId, long AccountId, string Name, string Data, string CreatedAt)
    {
        public StoredPasskey ToPasskey() => new(CredentialId, AccountId, Name, Data, Time(CreatedAt)!.Value);
    }

    private const string PasskeyColumns = "credential_id AS CredentialId, account_id AS AccountId, name, data, created_at AS CreatedAt";

    public void SavePasskey(StoredPasskey passkey, string actor) => InTransaction((c, tx) =>
    {
        var updated = c.Execute("UPDATE curation_passkeys SET name = @Name, data = @Data WHERE credential_id = @CredentialId AND account_id = @AccountId", passkey, tx);
        if (updated > 0) return 0L;
        c.Execute("""
            INSERT INTO curation_passkeys (credential_id, account_id, name, data, created_at) VALUES (@CredentialId, @AccountId, @Name, @Data, @at)
            """, new { passkey.CredentialId, passkey.AccountId, passkey.Name, passkey.Data, at = passkey.CreatedAt.ToString("O", CultureInfo.InvariantCulture) }, tx);
        var name = c.ExecuteScalar<string>("SELECT user_name FROM curation_accounts WHERE id = @AccountId", passkey, tx);
        return Append(c, tx, actor, Actions.PasskeyAdded, $"account:{name}", after: passkey.Name);
    });

    public IReadOnlyList<StoredPasskey> Passkeys(long accountId)
    {
        using var c = Open();
        return c.Query<PasskeyRow>($"SELECT {PasskeyColumns} FROM curation_passkeys WHERE account_id = @accountId ORDER BY created_at", new { accountId })
            .Select(r => r.ToPasskey()).ToList();
    }

    public StoredPasskey? FindPasskey(string credentialId)
    {
        using var c = Open();
        return c.QuerySingleOrDefault<PasskeyRow>($"SELECT {PasskeyColumns} FROM curation_passkeys WHERE credential_id = @credentialId", new { credentialId })?.ToPasskey();
    }

    public bool RemovePasskey(long accountId, string credentialId, string actor) => InTransaction((c, tx) =>
    {
        var name = c.ExecuteScalar<string?>("SELECT name FROM curation_passkeys WHERE credential_id = @credentialId AND account_id = @accountId", new { credentialId, accountId }, tx);
        if (name is null) return false;
        c.Execute("DELETE FROM curation_passkeys WHERE credential_id = @credentialId", new { credentialId }, tx);
        var user = c.ExecuteScalar<string>("SELECT user_name FROM curation_accounts WHERE id = @accountId", new { accountId }, tx);
        Append(c, tx, actor, Actions.PasskeyRemoved, $"account:{user}", before: name);
        return true;
    });

    // ---- API tokens ----

    private sealed record TokenRow(long Id, long AccountId, string Name, string Hash, string Scopes, string CreatedAt, string ExpiresAt, string? RevokedAt)
    {
        public ApiToken ToToken() => new()
        {
            Id = Id, AccountId = AccountId, Name = Name, Hash = Hash, CreatedAt = Time(CreatedAt)!.Value, ExpiresAt = Time(ExpiresAt)!.Value,
            RevokedAt = Time(RevokedAt),
            Scopes = Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => Slugs.TryParse<Scope>(s, out var scope) ? scope : (Scope?)null).OfType<Scope>().ToHashSet(),
        };
    }

    private const string TokenColumns = "id, account_id AS AccountId, name, hash, scopes, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt";

    public ApiToken AddToken(ApiToken t, string actor) => InTransaction((c, tx) =>
    {
        t.CreatedAt = DateTimeOffset.UtcNow;
        var scopes = string.Join(",", t.Scopes.Order().Select(Slugs.Of));
        t.Id = c.ExecuteScalar<long>("""
            INSERT INTO curation_tokens (account_id, name, hash, scopes, created_at, expires_at)
            VALUES (@AccountId, @Name, @Hash, @scopes, @at, @expires) RETURNING id
            """, new { t.AccountId, t.Name, t.Hash, scopes, at = Now(), expires = t.ExpiresAt.UtcDateTime.ToString("O") }, tx);
        Append(c, tx, actor, Actions.TokenCreated, $"token:{t.Id}", after: $"{t.Name} ({scopes}) until {t.ExpiresAt:yyyy-MM-dd}");
        return t;
    });

    public ApiToken? FindToken(string hash)
    {
        using var c = Open();
        return c.QuerySingleOrDefault<TokenRow>($"SELECT {TokenColumns} FROM curation_tokens WHERE hash = @hash", new { hash })?.ToToken();
    }

    public IReadOnlyList<ApiToken> Tokens(long accountId)
    {
        using var c = Open();
        return c.Query<TokenRow>($"SELECT {TokenColumns} FROM curation_tokens WHERE account_id = @accountId ORDER BY id", new { accountId })
            .Select(t => t.ToToken()).ToList();
    }

    public bool RevokeToken(long accountId, long tokenId, string actor) => InTransaction((c, tx) =>
    {
        var revoked = c.Execute("UPDATE curation_tokens SET revoked_at = @at WHERE id = @tokenId AND account_id = @accountId AND revoked_at IS NULL",
            new { at = Now(), tokenId, accountId }, tx);
        if (revoked == 0) return false;
        Append(c, tx, actor, Actions.TokenRevoked, $"token:{tokenId}");
        return true;
    });
}
