using Atlas.Curation;
using Microsoft.AspNetCore.Identity;

namespace Atlas.Web.Curation;

/// <summary>
/// ASP.NET Core Identity's user store over the atlas's own accounts table (<see cref="ICurationStore"/>), on SQLite
/// and PostgreSQL alike: Identity hashes passwords, counts failed sign-ins and locks out; the rows are ours, so no
/// Entity Framework is needed. Accounts are created and changed by `atlas users`, never through the web.
/// </summary>
public sealed class AccountStore(ICurationStore store) : IUserPasswordStore<Account>, IUserSecurityStampStore<Account>, IUserLockoutStore<Account>
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

    public void Dispose() { }
}
