using System.CommandLine;
using System.Globalization;
using Atlas.Curation;
using Atlas.Model;
using Atlas.Web.Curation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Cli;

/// <summary>
/// <c>atlas users add|list|disable|enable|set-role</c> and <c>atlas tokens add|list|revoke</c>: the accounts of the
/// curation, managed on the command line only (the first admin too: there is no default password, and no web form
/// creates accounts). Passwords are read from standard input, never from the command line. Each change is recorded
/// in the audit history with the system user who ran the command. Exit codes: 0 done, 1 refused, 2 store error.
/// </summary>
public static class UsersCommands
{
    private static readonly Argument<string> Name = new("name") { Description = "the account's name (letters, digits, - . _ @)" };

    private static string Actor => "cli:" + Environment.UserName;

    public static Command Users()
    {
        var users = new Command("users", "Manage the curation's accounts: contributors propose changes, editors review them, admins manage accounts.");
        var role = new Option<string>("--role") { Description = "contributor, editor or admin", DefaultValueFactory = _ => "contributor" };
        role.AcceptOnlyFromAmong(Slugs.All<Role>().ToArray());
        var add = new Command("add", "Add an account; its password (12 characters or more) is read from standard input.") { Name, role };
        add.SetAction(parse => WithStore(parse, store => Add(store, parse.GetValue(Name)!, parse.GetValue(role)!)));
        users.Subcommands.Add(add);

        var list = new Command("list", "List the accounts with their role and state.");
        list.SetAction(parse => WithStore(parse, store =>
        {
            foreach (var a in store.Accounts())
                Console.WriteLine($"{a.UserName}\t{Slugs.Of(a.Role)}\t{(a.DisabledAt is null ? "enabled" : "disabled")}\tsince {a.CreatedAt:yyyy-MM-dd}");
            return 0;
        }));
        users.Subcommands.Add(list);

        foreach (var (verb, disabled) in new[] { ("disable", true), ("enable", false) })
        {
            var command = new Command(verb, disabled ? "Disable an account: it can no longer sign in, and its sessions and tokens stop working." : "Enable a disabled account again.") { Name };
            command.SetAction(parse => WithAccount(parse, (store, a) =>
            {
                store.SetDisabled(a.Id, disabled, Actor);
                Console.WriteLine($"{a.UserName} is {verb}d.");
                return 0;
            }));
            users.Subcommands.Add(command);
        }

        var newRole = new Argument<string>("role") { Description = "contributor, editor or admin" };
        newRole.AcceptOnlyFromAmong(Slugs.All<Role>().ToArray());
        var setRole = new Command("set-role", "Change an account's role (its sessions end).") { Name, newRole };
        setRole.SetAction(parse => WithAccount(parse, (store, a) =>
        {
            Slugs.TryParse<Role>(parse.GetValue(newRole), out var r);
            store.SetRole(a.Id, r, Actor);
            Console.WriteLine($"{a.UserName} is now {Slugs.Of(r)}.");
            return 0;
        }));
        users.Subcommands.Add(setRole);
        return users;
    }

    public static Command Tokens()
    {
        var tokens = new Command("tokens", "API tokens for scripts: scoped, expiring, revocable; the secret is shown once and kept only hashed.");
        var scopes = new Option<string>("--scope") { Description = "read, propose and/or edit, comma-separated", DefaultValueFactory = _ => "read" };
        var days = new Option<int>("--days") { Description = $"days until it expires (1 to {ApiTokens.MaxDays})", DefaultValueFactory = _ => 90 };
        var label = new Option<string?>("--label") { Description = "what the token is for (default: cli)" };
        var add = new Command("add", "Create a token for an account and print its secret, once.") { Name, scopes, days, label };
        add.SetAction(parse => WithAccount(parse, (store, a) =>
        {
            var (parsed, unknown) = ApiTokens.ParseScopes(parse.GetValue(scopes)!);
            if (parsed is null) { Console.Error.WriteLine($"--scope: '{unknown}' is not a scope: give read, propose and/or edit, comma-separated."); return 1; }
            if (parse.GetValue(days) is < 1 or > ApiTokens.MaxDays) { Console.Error.WriteLine($"--days: give 1 to {ApiTokens.MaxDays}."); return 1; }
            if (parsed.Contains(Scope.Edit) && !a.CanReview) Console.Error.WriteLine($"note: {a.UserName} is a {Slugs.Of(a.Role)}; the 'edit' scope works only for editors and admins.");
            var (token, secret) = ApiTokens.Issue(store, a, parse.GetValue(label) ?? "cli", parsed, parse.GetValue(days), Actor);
            Console.WriteLine(secret);
            Console.Error.WriteLine($"Token {token.Id} for {a.UserName} ({string.Join(",", parsed.Order().Select(Slugs.Of))}), until {token.ExpiresAt:yyyy-MM-dd}. This is the only time it is shown: keep it now.");
            return 0;
        }));
        tokens.Subcommands.Add(add);

        var list = new Command("list", "List an account's tokens (never their secrets).") { Name };
        list.SetAction(parse => WithAccount(parse, (store, a) =>
        {
            foreach (var t in store.Tokens(a.Id))
                Console.WriteLine($"{t.Id}\t{t.Name}\t{string.Join(",", t.Scopes.Order().Select(Slugs.Of))}\tuntil {t.ExpiresAt:yyyy-MM-dd}\t{(t.RevokedAt is null ? t.ExpiresAt > DateTimeOffset.UtcNow ? "valid" : "expired" : "revoked")}");
            return 0;
        }));
        tokens.Subcommands.Add(list);

        var id = new Argument<long>("id") { Description = "the token's number (atlas tokens list NAME)" };
        var revoke = new Command("revoke", "Revoke a token of an account.") { Name, id };
        revoke.SetAction(parse => WithAccount(parse, (store, a) =>
        {
            if (store.RevokeToken(a.Id, parse.GetValue(id), Actor)) { Console.WriteLine($"Token {parse.GetValue(id)} of {a.UserName} is revoked."); return 0; }
            Console.Error.WriteLine($"{a.UserName} has no valid token {parse.GetValue(id)} (atlas tokens list {a.UserName} shows them).");
            return 1;
        }));
        tokens.Subcommands.Add(revoke);
        return tokens;
    }

    private static int Add(ICurationStore store, string name, string roleText)
    {
        Slugs.TryParse<Role>(roleText, out var role);
        if (Console.IsInputRedirected is false) Console.Error.Write("Password (12 characters or more): ");
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password)) { Console.Error.WriteLine("no password on standard input: give one (echo … | atlas users add NAME, or type it)."); return 1; }
        using var services = new ServiceCollection().AddLogging().AddAtlasIdentity(store).Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccountStore>().Actor = Actor;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var result = users.CreateAsync(new Account { UserName = name, Role = role }, password).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine($"{name}: {e.Description}");
            return 1;
        }
        Console.WriteLine($"Added {name} ({Slugs.Of(role)}). A running atlas offers the sign-in and write endpoints after its next start.");
        return 0;
    }

    private static int WithStore(ParseResult parse, Func<ICurationStore, int> work)
    {
        var (atlas, code) = StoreChoice.Prepare(parse, Console.Error);
        return atlas is null ? code : work(atlas.CuratedStore.Curation);
    }

    private static int WithAccount(ParseResult parse, Func<ICurationStore, Account, int> work) => WithStore(parse, store =>
    {
        var name = parse.GetValue(Name)!;
        if (store.FindAccount(name.ToUpperInvariant()) is { } a) return work(store, a);
        Console.Error.WriteLine($"there is no account '{name}' (atlas users list shows them).");
        return 1;
    });
}
