using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Text;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Identity;

namespace Puente.Cli;

/// <summary>
/// <c>puente users add|list|role|lock|unlock</c>: the operator's account commands. Each change goes through
/// <see cref="AccountService"/>, as the admin pages' do, so it is audited (actor <c>system</c>) and rotates the account's
/// security stamp: its sessions and bearer tokens lose the old rights within 30 seconds.
/// </summary>
public static class UsersCommands
{
    public static Command Build(Option<string?> dataDir, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var users = new Command("users", "Account commands.");
        var name = new Argument<string>("NAME") { Description = "The user name." };

        var role = new Option<string>("--role") { Description = "Administrator, Editor, Analyst or Viewer.", Required = true };
        var side = new Option<string>("--side") { Description = "MX, US or Joint.", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the interface." };
        var groups = new Option<string?>("--groups") { Description = "Comma-separated groups (for Restricted records)." };
        var posts = new Option<string?>("--posts") { Description = "Comma-separated codes of the posts the account holds or staffs (its commitments and reminders)." };
        var email = new Option<string?>("--email") { Description = "Where the account's e-mail reminders go." };
        var add = new Command("add", "Create an account, usable at once by the API; the password is read from standard input.")
        {
            name, role, side, displayName, groups, posts, email,
        };
        add.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(dataDir), stderr, async accounts =>
        {
            if (!EnumText.TryParse<Side>(parse.GetValue(side), out var parsedSide))
            {
                await stderr.WriteLineAsync($"Unknown side '{parse.GetValue(side)}'. Use MX, US or Joint.");
                return PuenteCli.Failed;
            }

            var password = (await stdin.ReadLineAsync(ct))?.TrimEnd('\r') ?? "";
            if (password.Length == 0)
            {
                await stderr.WriteLineAsync("Give the password on standard input, for example: echo \"$PASSWORD\" | puente users add NAME ...");
                return PuenteCli.Failed;
            }

            var result = await accounts.CreateAsync(new NewAccount(parse.GetValue(name)!, parse.GetValue(role)!, parsedSide, password,
                parse.GetValue(displayName), (parse.GetValue(groups) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Posts: (parse.GetValue(posts) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Email: parse.GetValue(email)),
                Viewer.System, ct);
            return await ReportAsync(result, $"Created {parse.GetValue(name)} ({Roles.Normalize(parse.GetValue(role))}, {parsedSide}).", stdout, stderr);
        }, ct));
        users.Subcommands.Add(add);

        var list = new Command("list", "List the accounts: user name, role, side, groups, status, display name.");
        list.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(dataDir), stderr, async accounts =>
        {
            var all = await accounts.ListAsync(ct);
            string[] header = ["USER", "ROLE", "SIDE", "GROUPS", "STATUS", "DISPLAY NAME"];
            var rows = all.Select(a => new[]
            {
                a.UserName, a.Role, a.Side.ToString(), a.Groups.Length == 0 ? "-" : a.Groups,
                a.Locked ? "locked" : a.MustChangePassword ? "must-change-password" : "active", a.DisplayName,
            }).ToList();
            var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToList();
            foreach (var row in rows.Prepend(header))
            {
                await stdout.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i < widths.Count ? cell.PadRight(widths[i]) : cell)));
            }

            return PuenteCli.Ok;
        }, ct));
        users.Subcommands.Add(list);

        var newRole = new Argument<string>("ROLE") { Description = "Administrator, Editor, Analyst or Viewer." };
        var setRole = new Command("role", "Give an account another role; its sessions and tokens lose the old rights within 30 seconds.") { name, newRole };
        setRole.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(dataDir), stderr, async accounts =>
        {
            var result = await accounts.SetRoleAsync(parse.GetValue(name)!, parse.GetValue(newRole)!, Viewer.System, ct);
            return await ReportAsync(result, $"{parse.GetValue(name)} is now {Roles.Normalize(parse.GetValue(newRole))}.", stdout, stderr);
        }, ct));
        users.Subcommands.Add(setRole);

        var lockUser = new Command("lock", "Lock an account until it is unlocked; its sessions and tokens end within 30 seconds.") { name };
        lockUser.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(dataDir), stderr, async accounts =>
            await ReportAsync(await accounts.SetLockedAsync(parse.GetValue(name)!, locked: true, Viewer.System, ct),
                $"Locked {parse.GetValue(name)}.", stdout, stderr), ct));
        users.Subcommands.Add(lockUser);

        var unlockUser = new Command("unlock", "Unlock an account (locked by an administrator or after failed sign-ins).") { name };
        unlockUser.SetAction((parse, ct) => WithAccountsAsync(parse.GetValue(dataDir), stderr, async accounts =>
            await ReportAsync(await accounts.SetLockedAsync(parse.GetValue(name)!, locked: false, Viewer.System, ct),
                $"Unlocked {parse.GetValue(name)}.", stdout, stderr), ct));
        users.Subcommands.Add(unlockUser);

        return users;
    }

    /// <summary>Initializes the database (as every account command does) and runs the action with the system's accounts.</summary>
    private static Task<int> WithAccountsAsync(string? dataDir, TextWriter stderr, Func<AccountService, Task<int>> action, CancellationToken ct) =>
        PuenteCli.WithServicesAsync(dataDir, stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            return await action(scope.ServiceProvider.GetRequiredService<AccountService>());
        });

    private static async Task<int> ReportAsync(AccountResult result, string success, TextWriter stdout, TextWriter stderr)
    {
        if (result.Succeeded)
        {
            await stdout.WriteLineAsync(success);
            return PuenteCli.Ok;
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                await stderr.WriteLineAsync($"{field}: {message}");
            }
        }

        return PuenteCli.Failed;
    }
}
