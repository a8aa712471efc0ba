using Atlas.Curation;
using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;

namespace Atlas.Web.Curation;

/// <summary>
/// ASP.NET Core Identity's user store over the atlas's own accounts table (<see cref="ICurationStore"/>), on SQLite
/// and PostgreSQL alike: Identity hashes passwords, counts failed sign-ins and locks out; the rows are ours, so no
/// Entity Framework is needed. Accounts are created and changed by `atlas users`, never through the web.
/// </summary>
public sealed class AccountStore(ICurationStore store)
    : IUserPasswordStore<Account>, IUserSecurityStampStore<Account>, IUserLockoutStore<Account>, IUserPasskeyStore<Account>
{
    /// <summary>Who creates accounts through this store, for the audit history (the command line's user).</summary>
    public string Actor { get; set; } = "atlas";

    public Task<string> GetUserIdAsync(Account user, CancellationToken ct) => Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public Task<string?> GetUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(Account user, string? userName, CancellationToken ct) { user.UserName = userName ?? ""; return Task.CompletedTask; }
    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedName);
    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken ct) { user.NormalizedName = normalizedName ?? ""; return Task.CompletedTask; }

    public Task<IdentityResult> CreateAsync(Account user, CancellationToken ct)
    {
        if (store.FindAccount(user.NormalizedName) is not null)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"there is an account '{user.UserName}' already" }));
        store.AddAccount(user, Actor);
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<IdentityResult> UpdateAsync(Account user, CancellationToken ct)
    {
        store.SaveSecurity(user);
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<IdentityResult> DeleteAsync(Account user, CancellationToken ct) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NoDelete", Description = "accounts are disabled, never deleted: the history names them" }));

    public Task<Account?> FindByIdAsync(string userId, CancellationToken ct) =>
        Task.FromResult(long.TryParse(userId, out var id) ? store.FindAccount(id) : null);

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult(store.FindAccount(normalizedUserName));

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken ct) { user.PasswordHash = passwordHash ?? ""; return Task.CompletedTask; }
    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.PasswordHash);
    public Task<bool> HasPasswordAsync(Account user, CancellationToken ct) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken ct) { user.SecurityStamp = stamp; return Task.CompletedTask; }
    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? lockoutEnd, CancellationToken ct) { user.LockoutEnd = lockoutEnd; return Task.CompletedTask; }
    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(++user.FailedCount);
    public Task ResetAccessFailedCountAsync(Account user, CancellationToken ct) { user.FailedCount = 0; return Task.CompletedTask; }
    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(user.FailedCount);
    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken ct) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken ct) => Task.CompletedTask;

    // passkeys: Identity checks the WebAuthn ceremonies; the store keeps each credential's public key and counter
    public Task AddOrUpdatePasskeyAsync(Account user, UserPasskeyInfo passkey, CancellationToken ct)
    {
        store.SavePasskey(new StoredPasskey(Base64Url.EncodeToString(passkey.CredentialId), user.Id, passkey.Name ?? "passkey",
            PasskeyData.Of(passkey), passkey.CreatedAt), user.UserName);
        return Task.CompletedTask;
    }

    public Task<IList<UserPasskeyInfo>> GetPasskeysAsync(Account user, CancellationToken ct) =>
        Task.FromResult<IList<UserPasskeyInfo>>(store.Passkeys(user.Id).Select(PasskeyData.Read).ToList());

    public Task<Account?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken ct) =>
        Task.FromResult(store.FindPasskey(Base64Url.EncodeToString(credentialId)) is { } p ? store.FindAccount(p.AccountId) : null);

    public Task<UserPasskeyInfo?> FindPasskeyAsync(Account user, byte[] credentialId, CancellationToken ct) =>
        Task.FromResult(store.FindPasskey(Base64Url.EncodeToString(credentialId)) is { } p && p.AccountId == user.Id ? PasskeyData.Read(p) : null);

    public Task RemovePasskeyAsync(Account user, byte[] credentialId, CancellationToken ct)
    {
        store.RemovePasskey(user.Id, Base64Url.EncodeToString(credentialId), user.UserName);
        return Task.CompletedTask;
    }

    public void Dispose() { }
}

/// <summary>What a stored passkey's data holds (byte arrays in base64url): the public key, the counter and the flags.</summary>
internal sealed record PasskeyData(string PublicKey, uint SignCount, string[]? Transports, bool IsUserVerified, bool IsBackupEligible,
    bool IsBackedUp, string AttestationObject, string ClientDataJson)
{
    public static string Of(UserPasskeyInfo p) => System.Text.Json.JsonSerializer.Serialize(new PasskeyData(Base64Url.EncodeToString(p.PublicKey),
        p.SignCount, p.Transports, p.IsUserVerified, p.IsBackupEligible, p.IsBackedUp,
        Base64Url.EncodeToString(p.AttestationObject), Base64Url.EncodeToString(p.ClientDataJson)));

    public static UserPasskeyInfo Read(StoredPasskey stored)
    {
        var d = System.Text.Json.JsonSerializer.Deserialize<PasskeyData>(stored.Data)!;
        return new UserPasskeyInfo(Base64Url.DecodeFromChars(stored.CredentialId), Base64Url.DecodeFromChars(d.PublicKey), stored.CreatedAt, d.SignCount,
            d.Transports, d.IsUserVerified, d.IsBackupEligible, d.IsBackedUp, Base64Url.DecodeFromChars(d.AttestationObject), Base64Url.DecodeFromChars(d.ClientDataJson))
        { Name = stored.Name };
    }
}
